import { registerSW } from 'virtual:pwa-register';
import { mountApp } from './ui/App';

mountApp();
// Precache the app shell so it starts offline; autoUpdate swaps in a new build on the next load.
registerSW({ immediate: true });
