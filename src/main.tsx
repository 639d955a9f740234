import { mountApp } from './ui/App';
import { reloadOnceWhenIsolatable } from './ui/isolation';
import { requestPersistence, startServiceWorker } from './ui/pwa';

reloadOnceWhenIsolatable();
mountApp();
// Precache the app shell so it starts offline; a new build waits for the user's "Reload" (UpdatePrompt). The worker
// also adds the COOP/COEP headers a static host doesn't send (src/sw.ts), hence the one-time reload above.
startServiceWorker();
// The only copy of the user's work lives here: ask the browser not to evict it (the Storage page shows the answer).
void requestPersistence().catch(() => {});
