/**
 * The tracking client the UI reads and writes through: one per tab, on the default database.
 * Every tab and worker sees the same IndexedDB, so live queries pick up each other's writes.
 */
import { openTracking } from '../tracking';

export const client = openTracking();
