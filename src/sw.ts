/**
 * Flowpad's one service worker: precaches the app (so it starts offline), serves deep links from index.html, and
 * makes the app cross-origin isolated on hosts that send no COOP/COEP headers (GitHub Pages, any static host):
 * every same-origin response it hands out carries `Cross-Origin-Opener-Policy: same-origin` and
 * `Cross-Origin-Embedder-Policy: require-corp`. Isolation gives SharedArrayBuffer, which ONNX Runtime's wasm
 * threads need. The page reloads once when this worker first takes control (ui/isolation.ts).
 *
 * Everything the app loads is same-origin (ORT's wasm is bundled and precached, never from a CDN), so
 * `require-corp` blocks nothing of ours. Cross-origin requests (a user's MLflow server) pass through untouched.
 */
import { clientsClaim, type WorkboxPlugin } from 'workbox-core';
import { addPlugins, cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';

/** The few ServiceWorkerGlobalScope members used here (the project's TS lib is DOM, not WebWorker). */
interface ServiceWorkerScope {
  __WB_MANIFEST: (string | PrecacheEntry)[];
  location: Location;
  skipWaiting(): Promise<void>;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
}
// Module-scoped: `self` is this worker's global. workbox-build finds `self.__WB_MANIFEST` by its literal text.
declare const self: ServiceWorkerScope;

/** The headers that make a document (and the workers it starts) cross-origin isolated. */
const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** The response with the isolation headers set; opaque and error responses are returned as they are. */
function isolate(response: Response): Response {
  if (response.type === 'opaque' || response.type === 'opaqueredirect' || response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [k, v] of Object.entries(ISOLATION_HEADERS)) headers.set(k, v);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

const isolationPlugin: WorkboxPlugin = {
  handlerWillRespond: async ({ response }) => isolate(response),
};

// The first install controls the open page at once (offline from the first visit, and the isolation reload);
// a later build waits until the user chooses "Reload" (ui/pwa.ts), which sends SKIP_WAITING through workbox-window.
clientsClaim();
self.addEventListener('message', (e) => {
  if ((e.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

addPlugins([isolationPlugin]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Deep links (`/some/path`, not only `#/…`) get the app shell. The bench and e2e fixture pages are not the app.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/\/bench\//, /\/e2e\//] }));

// Same-origin requests outside the precache (bench and e2e pages, files added after a build) still get the
// headers, so a worker started from them is isolated too.
registerRoute(
  ({ url, request }) => url.origin === self.location.origin && request.method === 'GET',
  new NetworkOnly({ plugins: [isolationPlugin] }),
);
