import { mountApp } from './ui/App';
import { requestPersistence, startServiceWorker } from './ui/pwa';

mountApp();
// Precache the app shell so it starts offline; a new build waits for the user's "Reload" (UpdatePrompt).
startServiceWorker();
// The only copy of the user's work lives here: ask the browser not to evict it (the Storage page shows the answer).
void requestPersistence().catch(() => {});
