/**
 * The tracking client the UI reads and writes through: one per tab, on the default database.
 * Every tab and worker sees the same IndexedDB, so live queries pick up each other's writes.
 */
import { createSignal } from 'solid-js';
import { openTracking } from '../tracking';

const [upgradedElsewhere, setUpgradedElsewhere] = createSignal(false);
/**
 * True once another tab opened the database with a newer schema: this tab's connection is closed for good
 * (its code expects the old schema) and the app asks for a reload instead of failing query by query.
 */
export const databaseUpgradedElsewhere = upgradedElsewhere;

/** The page's TrackingClient on the default database. */
export const client = openTracking({ onVersionChange: () => setUpgradedElsewhere(true) });

// Runs left RUNNING by a tab or worker that closed or crashed become KILLED, with a note saying why.
void client.recoverAbandonedRuns().catch((e) => console.error('Flowpad: recovering abandoned runs failed', e));

// Metric points wait up to 500 ms in memory: write them when the tab is hidden or closed.
addEventListener('pagehide', () => void client.flush());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') void client.flush();
});
