/**
 * `window.flowpad`: the app's tracking client, deliberately public. The data is the user's own and lives in this
 * browser, so a power user may script it from the DevTools console (log runs, bulk-tag, export), and the
 * end-to-end tests log runs through it exactly as a training loop would:
 *
 *     const exp = await flowpad.client.createExperiment('from-console');
 *     const run = await flowpad.client.createRun(exp, { runName: 'manual' });
 *     await flowpad.client.logMetric(run.info.runId, 'loss', 0.42, { step: 1 });
 *
 * Writes made here show up in every open view at once (live queries), like writes from any other tab.
 */
import { armQuotaFault, clearFaults, type QuotaFault } from '../storage/faults';
import type { RegistryClient } from '../registry';
import type { TrackingClient } from '../tracking';
import { client } from './client';
import { registry } from './registry';

export interface FlowpadHandle {
  /** The same client the UI uses (MLflow's MlflowClient in camelCase; see src/tracking/api.ts). */
  client: TrackingClient;
  /** The registry client the UI uses (MLflow's registry calls in camelCase; see src/registry/api.ts). */
  registry: RegistryClient;
  /**
   * Storage-fault injection for tests (src/storage/faults.ts), reaching every page and worker of this origin:
   * `quota({ afterBytes, tables })` makes writes fail as a full disk does; `clear()` disarms.
   */
  faults: { quota(fault?: QuotaFault): void; clear(): void };
}

declare global {
  interface Window {
    /** Set by `exposeDebugHandle()` when the app mounts (see above). */
    flowpad: FlowpadHandle;
  }
}

export function exposeDebugHandle(): void {
  window.flowpad = { client, registry, faults: { quota: armQuotaFault, clear: clearFaults } };
}
