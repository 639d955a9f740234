/**
 * The registry client the UI reads and writes through, on the default database (the tracking client's).
 * Heavy bundle jobs go to the bundle worker instead (workers/bundle-client.ts).
 */
import { openRegistry } from '../registry';

export const registry = openRegistry();
