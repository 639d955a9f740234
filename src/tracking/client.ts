/** `openTracking()`: the TrackingClient (see api.ts) over one IndexedDB database. */
import { openDb, type OpenDbOptions } from '../storage';
import type { TrackingClient } from './api';
import * as artifacts from './artifacts';
import type { TrackingContext } from './context';
import * as experiments from './experiments';
import * as history from './history';
import { MetricWriter } from './metric-writer';
import * as runs from './runs';

export interface OpenTrackingOptions {
  /** IndexedDB database name; default 'flowpad'. */
  dbName?: string;
  indexedDB?: OpenDbOptions['indexedDB'];
  IDBKeyRange?: OpenDbOptions['IDBKeyRange'];
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
  /** Called when a background metric flush fails (the points stay buffered). */
  onFlushError?: (err: unknown) => void;
}

export function openTracking(opts: OpenTrackingOptions = {}): TrackingClient {
  const db = openDb({ name: opts.dbName, indexedDB: opts.indexedDB, IDBKeyRange: opts.IDBKeyRange });
  const writer = new MetricWriter(db, {
    intervalMs: opts.flushIntervalMs,
    maxPending: opts.maxPendingPoints,
    onError: opts.onFlushError ?? ((e) => console.error('Flowpad: metric flush failed', e)),
  });
  const ctx: TrackingContext = {
    db,
    writer,
    userId: opts.userId ?? 'flowpad',
    activeRuns: new Set(),
    truncate: { truncate: opts.truncateLongValues ?? true, onTruncate: (w) => console.warn(`Flowpad: ${w}`) },
  };
  return {
    createExperiment: (name, o) => experiments.createExperiment(ctx, name, o),
    getExperiment: (id) => experiments.getExperiment(ctx, id),
    getExperimentByName: (name) => experiments.getExperimentByName(ctx, name),
    searchExperiments: (o) => experiments.searchExperiments(ctx, o),
    renameExperiment: (id, name) => experiments.renameExperiment(ctx, id, name),
    deleteExperiment: (id) => experiments.deleteExperiment(ctx, id),
    restoreExperiment: (id) => experiments.restoreExperiment(ctx, id),
    setExperimentTag: (id, k, v) => experiments.setExperimentTag(ctx, id, k, v),
    deleteExperimentTag: (id, k) => experiments.deleteExperimentTag(ctx, id, k),

    createRun: (experimentId, o) => runs.createRun(ctx, experimentId, o),
    getRun: (runId) => runs.getRun(ctx, runId),
    updateRun: (runId, o) => runs.updateRun(ctx, runId, o),
    setTerminated: (runId, status, endTime) => runs.setTerminated(ctx, runId, status, endTime),
    deleteRun: (runId) => runs.deleteRun(ctx, runId),
    restoreRun: (runId) => runs.restoreRun(ctx, runId),
    logParam: (runId, k, v) => runs.logParam(ctx, runId, k, v),
    logMetric: (runId, k, v, o) => runs.logMetric(ctx, runId, k, v, o),
    logBatch: (runId, b) => runs.logBatch(ctx, runId, b),
    setTag: (runId, k, v) => runs.setTag(ctx, runId, k, v),
    deleteTag: (runId, k) => runs.deleteTag(ctx, runId, k),
    logInputs: (runId, d) => runs.logInputs(ctx, runId, d),
    getMetricHistory: (runId, k) => history.getMetricHistory(ctx, runId, k),
    getMetricSeries: (runId, k, r) => history.getMetricSeries(ctx, runId, k, r),
    searchRuns: (ids, o) => runs.searchRuns(ctx, ids, o),

    logArtifact: (runId, p, d, t) => artifacts.logArtifact(ctx, runId, p, d, t),
    logText: (runId, text, f) => artifacts.logText(ctx, runId, text, f),
    logDict: (runId, d, f) => artifacts.logDict(ctx, runId, d, f),
    listArtifacts: (runId, p) => artifacts.listArtifacts(ctx, runId, p),
    downloadArtifact: (runId, p) => artifacts.downloadArtifact(ctx, runId, p),

    flush: () => writer.flush(),
    close: async () => {
      await writer.flush();
      db.close();
    },
  };
}
