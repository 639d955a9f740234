/**
 * Cross-origin isolation on static hosts: the service worker (src/sw.ts) adds COOP/COEP to what it serves, but
 * the first page load came from the network without them. When the worker first takes control of a page that
 * isn't isolated, reload once so the page (and its inference worker) start isolated, with WASM threads.
 *
 * Loop guard: one reload per tab session (sessionStorage), cleared once the page is isolated. A browser that
 * can't isolate (no COEP support, a hard reload that bypasses the worker) simply stays on one thread.
 */
const RELOADED = 'flowpad:coi-reload';

/** Arms the one-time reload; call before registering the service worker. */
export function reloadOnceWhenIsolatable(): void {
  if (self.crossOriginIsolated) {
    sessionStorage.removeItem(RELOADED);
    return;
  }
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  const reload = (): void => {
    if (self.crossOriginIsolated || sessionStorage.getItem(RELOADED)) return;
    sessionStorage.setItem(RELOADED, String(Date.now()));
    location.reload();
  };
  // Already controlled but not isolated: an older worker served this page; the new one takes over shortly.
  navigator.serviceWorker.addEventListener('controllerchange', reload);
  if (navigator.serviceWorker.controller) void navigator.serviceWorker.ready.then(() => reload());
}
