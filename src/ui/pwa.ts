/**
 * The service worker as view state: `needRefresh` when a new build is installed and waiting (the user reloads
 * when ready: registerType 'prompt'), `offlineReady` once the app shell is precached on the first visit.
 */
import { createSignal } from 'solid-js';
import { registerSW } from 'virtual:pwa-register';

const [needRefresh, setNeedRefresh] = createSignal(false);
const [offlineReady, setOfflineReady] = createSignal(false);
let updateSW: ((reload?: boolean) => Promise<void>) | undefined;

/** How often an open tab asks the server for a new build (also on each return to the tab). */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/** Registers the service worker (once, at start). */
export function startServiceWorker(): void {
  updateSW = registerSW({
    immediate: true,
    onNeedRefresh: () => setNeedRefresh(true),
    onOfflineReady: () => setOfflineReady(true),
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      const check = () => void registration.update().catch(() => {}); // offline: try again later
      setInterval(check, CHECK_EVERY_MS);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') check();
      });
    },
  });
}

/** Service-worker state and actions for the update notices. */
export const pwa = {
  needRefresh,
  offlineReady,
  /**
   * Activates the waiting build and reloads this tab once it controls the page. The reload is ours: the
   * plugin's skips a tab whose first visit installed the old build, and when another tab already activated
   * the new build there is nothing waiting, so this just reloads.
   */
  reload: async () => {
    const sw = navigator.serviceWorker;
    if (!sw || !(await sw.getRegistration())?.waiting) return location.reload();
    sw.addEventListener('controllerchange', () => location.reload(), { once: true });
    await updateSW?.(true);
  },
  dismissRefresh: () => setNeedRefresh(false),
  dismissOfflineReady: () => setOfflineReady(false),
};

/**
 * Asks the browser to keep this site's storage under pressure (`navigator.storage.persist()`), once at start;
 * Chromium decides from engagement without a prompt, Firefox asks the user. Returns the resulting state.
 */
export async function requestPersistence(): Promise<boolean | undefined> {
  const storage = navigator.storage;
  if (!storage?.persist) return undefined;
  if (await storage.persisted()) return true;
  return storage.persist();
}
