/** `openTracking()`: the TrackingClient (see api.ts) over one IndexedDB database. */
import { guardStorage, mapStorageError, openDb, type OpenDbOptions } from '../storage';
import type { TrackingClient } from './api';
import * as artifacts from './artifacts';
import type { TrackingContext } from './context';
import * as experiments from './experiments';
import * as history from './history';
import { importRuns } from './import';
import { MetricWriter } from './metric-writer';
import { RunCache } from './run-cache';
import { defaultLocks, recoverAbandonedRuns, type LockManagerLike } from './run-locks';
import * as runs from './runs';

export interface OpenTrackingOptions {
  /** IndexedDB database name; default 'flowpad'. */
  dbName?: string;
  indexedDB?: OpenDbOptions['indexedDB'];
  IDBKeyRange?: OpenDbOptions['IDBKeyRange'];
  /**
   * Another tab upgrades the schema: buffered metrics are written, this is called, then the database closes
   * for good (see openDb); every later call fails with DatabaseClosedError.
   */
  onVersionChange?: () => void;
  /** user_id of new runs; default 'flowpad'. */
  userId?: string;
  /** Longest time a logged metric point waits in memory; default 500 ms. */
  flushIntervalMs?: number;
  /** Buffered points that trigger a flush at once; default 100,000. */
  maxPendingPoints?: number;
  /**
   * Over-long param (> 6000) and tag (> 8000) values are cut with a warning, like MLflow with its default
   * MLFLOW_TRUNCATE_LONG_VALUES=true; false makes them INVALID_PARAMETER_VALUE errors instead.
   */
  truncateLongValues?: boolean;
  /** Web Locks used to detect runs abandoned by a closed tab; default `navigator.locks` where present. */
  locks?: LockManagerLike;
  /** Called when a background metric flush fails (the points stay buffered). */
  onFlushError?: (err: unknown) => void;
}

export function openTracking(opts: OpenTrackingOptions = {}): TrackingClient {
  const userVersionChange = opts.onVersionChange;
  const db = openDb({
    name: opts.dbName, indexedDB: opts.indexedDB, IDBKeyRange: opts.IDBKeyRange,
    onVersionChange: userVersionChange && (async () => {
      await writer.flush().catch(() => {}); // the last buffered points still fit the old schema
      userVersionChange();
    }),
  });
  const writer = new MetricWriter(db, {
    intervalMs: opts.flushIntervalMs,
    maxPending: opts.maxPendingPoints,
    onError: (e) => (opts.onFlushError ?? ((x) => console.error('Flowpad: metric flush failed', x)))(mapStorageError(e)),
  });
  const ctx: TrackingContext = {
    db,
    writer,
    userId: opts.userId ?? 'flowpad',
    activeRuns: new Set(),
    runCache: new RunCache(db),
    locks: opts.locks ?? defaultLocks(),
    heldLocks: new Map(),
    truncate: { truncate: opts.truncateLongValues ?? true, onTruncate: (w) => console.warn(`Flowpad: ${w}`) },
  };
  return guardStorage({
    createExperiment: async (name, o) => experiments.createExperiment(ctx, name, o),
    getExperiment: async (id) => experiments.getExperiment(ctx, id),
    getExperimentByName: async (name) => experiments.getExperimentByName(ctx, name),
    searchExperiments: async (o) => experiments.searchExperiments(ctx, o),
    renameExperiment: async (id, name) => experiments.renameExperiment(ctx, id, name),
    deleteExperiment: async (id) => experiments.deleteExperiment(ctx, id),
    restoreExperiment: async (id) => experiments.restoreExperiment(ctx, id),
    setExperimentTag: async (id, k, v) => experiments.setExperimentTag(ctx, id, k, v),
    deleteExperimentTag: async (id, k) => experiments.deleteExperimentTag(ctx, id, k),

    createRun: async (experimentId, o) => runs.createRun(ctx, experimentId, o),
    getRun: async (runId) => runs.getRun(ctx, runId),
    updateRun: async (runId, o) => runs.updateRun(ctx, runId, o),
    setTerminated: async (runId, status, endTime) => runs.setTerminated(ctx, runId, status, endTime),
    deleteRun: async (runId) => runs.deleteRun(ctx, runId),
    restoreRun: async (runId) => runs.restoreRun(ctx, runId),
    logParam: async (runId, k, v) => runs.logParam(ctx, runId, k, v),
    logMetric: async (runId, k, v, o) => runs.logMetric(ctx, runId, k, v, o),
    logBatch: async (runId, b) => runs.logBatch(ctx, runId, b),
    setTag: async (runId, k, v) => runs.setTag(ctx, runId, k, v),
    deleteTag: async (runId, k) => runs.deleteTag(ctx, runId, k),
    logInputs: async (runId, d) => runs.logInputs(ctx, runId, d),
    getMetricHistory: async (runId, k) => history.getMetricHistory(ctx, runId, k),
    getMetricSeries: async (runId, k, r) => history.getMetricSeries(ctx, runId, k, r),
    searchRuns: async (ids, o) => runs.searchRuns(ctx, ids, o),
    countRuns: async (id, v) => runs.countRuns(ctx, id, v),

    logArtifact: async (runId, p, d, t) => artifacts.logArtifact(ctx, runId, p, d, t),
    logArtifacts: async (runId, files) => artifacts.logArtifacts(ctx, runId, files),
    logText: async (runId, text, f) => artifacts.logText(ctx, runId, text, f),
    logDict: async (runId, d, f) => artifacts.logDict(ctx, runId, d, f),
    listArtifacts: async (runId, p) => artifacts.listArtifacts(ctx, runId, p),
    downloadArtifact: async (runId, p) => artifacts.downloadArtifact(ctx, runId, p),

    importRuns: async (batch, alongside) => importRuns(ctx, batch, alongside),
    recoverAbandonedRuns: async () => recoverAbandonedRuns(ctx),

    flush: () => writer.flush(),
    close: async () => {
      await writer.flush();
      ctx.runCache.close();
      db.close();
    },
  });
}
