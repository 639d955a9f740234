/**
 * The tracking client the UI reads and writes through: one per tab, on the default database.
 * Every tab and worker sees the same IndexedDB, so live queries pick up each other's writes.
 */
import { openTracking, type TrackingClient } from '../tracking';

export const client = openTracking();

declare global {
  interface Window {
    /**
     * A deliberate power-user handle: `flowpad.client` in DevTools is the same TrackingClient the UI uses
     * (MLflow's client API in camelCase), for logging, scripting and the Playwright journeys.
     */
    flowpad: { client: TrackingClient };
  }
}
window.flowpad = { ...(window.flowpad ?? {}), client };
