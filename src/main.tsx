import { registerSW } from 'virtual:pwa-register';
import { mountApp } from './ui/App';
import { reloadOnceWhenIsolatable } from './ui/isolation';

reloadOnceWhenIsolatable();
mountApp();
// Precache the app shell so it starts offline; autoUpdate swaps in a new build on the next load. The worker also
// adds the COOP/COEP headers a static host doesn't send (src/sw.ts).
registerSW({ immediate: true });
