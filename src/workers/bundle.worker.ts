/**
 * The bundle worker: zips exports and checks/unzips imports off the main thread (a 100 MB model takes hundreds
 * of milliseconds of CPU), reading and writing IndexedDB through the registry's own functions.
 */
import { expose } from 'comlink';
import { restoreBundle, writeBundle, type RestoredBundle } from '../interop/bundle';
import { openRegistry, type ExportScope, type ImportSummary, type RegistryClient } from '../registry';
import { installErrorHandler } from './error-handler';

installErrorHandler();

export type Progress = (done: number, total: number) => void;

export interface ExportResult {
  blob: Blob;
  /** A file name for the download, e.g. `churn-v3.zip`. */
  fileName: string;
}

export interface ImportResult {
  kind: RestoredBundle['kind'];
  summary: ImportSummary;
  warnings: string[];
}

const clients = new Map<string, RegistryClient>();
const registry = (dbName = 'flowpad'): RegistryClient => {
  let c = clients.get(dbName);
  if (!c) clients.set(dbName, (c = openRegistry({ dbName })));
  return c;
};

/** Progress at most every 100 ms (and at the end): each report is a message the page has to handle. */
function throttled(onProgress?: Progress): Progress | undefined {
  if (!onProgress) return undefined;
  let last = 0;
  return (done, total) => {
    const t = performance.now();
    if (done < total && t - last < 100) return;
    last = t;
    onProgress(done, total);
  };
}

const safe = (s: string): string => s.replace(/[^\p{L}\p{N}_.-]+/gu, '_').replace(/^[_.]+|[_.]+$/g, '') || 'model';

function exportFileName(scope: ExportScope, now: Date): string {
  if (scope.kind === 'model') return `${safe(scope.name)}.zip`;
  if (scope.kind === 'version') return `${safe(scope.name)}-v${scope.version}.zip`;
  return `flowpad-registry-${now.toISOString().slice(0, 10)}.zip`;
}

const api = {
  /** Zips `scope` (whole registry, one model, or one version) into a Flowpad bundle. */
  async exportBundle(scope: ExportScope, opts: { dbName?: string } = {}, onProgress?: Progress): Promise<ExportResult> {
    const models = await registry(opts.dbName).collectExport(scope);
    const now = new Date();
    const blob = await writeBundle(models, { now: now.getTime(), onProgress: throttled(onProgress) });
    return { blob, fileName: exportFileName(scope, now) };
  },

  /** Checks an upload fully, then writes it in one transaction (nothing is written if any check fails). */
  async importBundle(
    file: Blob, fileName: string, opts: { name?: string; dbName?: string } = {}, onProgress?: Progress,
  ): Promise<ImportResult> {
    const restored = await restoreBundle(file, { fileName, name: opts.name || undefined, onProgress: throttled(onProgress) });
    const summary = await registry(opts.dbName).importRegisteredModels(restored.models);
    return { kind: restored.kind, summary, warnings: restored.warnings };
  },
};

export type BundleWorkerApi = typeof api;

expose(api);
