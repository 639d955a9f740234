/** Run operations, with MLflow's SQL store rules and messages (mlflow/store/tracking/sqlalchemy_store.py). */
import { invalidParam, notFound } from '../core/errors';
import { newRunId } from '../core/ids';
import { nowMs } from '../core/time';
import type { RunRow } from '../storage';
import type { CreateRunOptions, LogBatchInput, SearchRunsOptions, UpdateRunOptions } from './api';
import type { TrackingContext } from './context';
import { runFromRow, runInfoFromRow, toKeyValues } from './convert';
import { RUN_STATUSES, type DatasetInput, type PagedList, type Run, type RunInfo, type RunStatus, type ViewType } from './entities';
import { checkExperimentActive, getExperimentRow, stagesOf } from './experiments';
import { mergeSummaries } from './metric-summary';
import { whenSettled } from './metric-writer';
import { generateRunName } from './run-names';
import { holdRunLock, releaseRunLock } from './run-locks';
import { searchRunRows } from './search';
import { coerceParamValue, paramChangedMessage, runNotActiveStateMessage, validateLogBatch, validateMetric, validateTag } from './validation';

export const RUN_NAME_TAG = 'mlflow.runName';
export const PARENT_RUN_TAG = 'mlflow.parentRunId';
export const USER_TAG = 'mlflow.user';

export async function getRunRow(ctx: TrackingContext, runId: string): Promise<RunRow> {
  const row = typeof runId === 'string' ? await ctx.db.runs.get(runId) : undefined;
  if (!row) throw notFound(`Run with id=${runId} not found`);
  return row;
}

/** Writes need an active run (SqlAlchemyStore `_check_run_is_active`). */
export function checkActive(row: RunRow): void {
  if (row.lifecycleStage !== 'active') throw invalidParam(runNotActiveStateMessage(row.runId, row.lifecycleStage));
}

/** A copy of the row whose metric summaries include points still buffered in this client. */
function withPending(ctx: TrackingContext, row: RunRow): RunRow {
  const pending = ctx.writer.pendingSummaries(row.runId);
  if (!pending) return row;
  const metrics = new Map(row.metrics);
  for (const [key, s] of pending) metrics.set(key, mergeSummaries(metrics.get(key), s.summary)!);
  return { ...row, metrics };
}

export async function createRun(ctx: TrackingContext, experimentId: string, opts: CreateRunOptions = {}): Promise<Run> {
  const tags = toKeyValues(opts.tags);
  if (opts.parentRunId !== undefined) tags.push({ key: PARENT_RUN_TAG, value: opts.parentRunId });
  tags.forEach((t, i) => (t.value = validateTag(t.key, t.value, `tags[${i}]`, ctx.truncate)));
  const nameTag = tags.find((t) => t.key === RUN_NAME_TAG)?.value;
  if (opts.runName && nameTag && opts.runName !== nameTag) {
    throw invalidParam(
      "Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values " +
        `(run_name='${opts.runName}', mlflow.runName='${nameTag}').`,
    );
  }
  const runName = opts.runName || nameTag || generateRunName();
  if (!nameTag) tags.push({ key: RUN_NAME_TAG, value: runName });
  const userId = opts.userId ?? ctx.userId;
  if (!tags.some((t) => t.key === USER_TAG)) tags.push({ key: USER_TAG, value: userId });
  const { db } = ctx;
  const runId = newRunId();
  const lockName = await holdRunLock(ctx, runId);
  const row = await db.transaction('rw', db.experiments, db.runs, async () => {
    const exp = await getExperimentRow(ctx, experimentId);
    checkExperimentActive(exp);
    const r: RunRow = {
      runId,
      experimentId,
      runName,
      userId,
      status: 'RUNNING',
      startTime: opts.startTime ?? nowMs(),
      endTime: null,
      artifactUri: `${exp.artifactLocation}/${runId}/artifacts`,
      lifecycleStage: 'active',
      deletedTime: null,
      params: new Map(),
      tags: new Map(tags.map((t) => [t.key, t.value])),
      metrics: new Map(),
      datasetInputs: [],
      ...(lockName && { lockName }),
    };
    await db.runs.add(r);
    return r;
  });
  ctx.activeRuns.add(row.runId);
  return runFromRow(row);
}

export async function getRun(ctx: TrackingContext, runId: string): Promise<Run> {
  const busy = whenSettled(ctx.writer);
  if (busy) await busy;
  return runFromRow(withPending(ctx, await getRunRow(ctx, runId)));
}

/** Read-modify-write of one run in a transaction. */
async function changeRun<T>(ctx: TrackingContext, runId: string, change: (row: RunRow) => T): Promise<T> {
  const { db } = ctx;
  return db.transaction('rw', db.runs, async () => {
    const row = await getRunRow(ctx, runId);
    const out = change(row);
    await db.runs.put(row);
    return out;
  });
}

export async function updateRun(ctx: TrackingContext, runId: string, opts: UpdateRunOptions): Promise<RunInfo> {
  if (opts.status !== undefined && !RUN_STATUSES.includes(opts.status)) {
    throw invalidParam(`Invalid run status '${String(opts.status)}'. Valid values are ${RUN_STATUSES.join(', ')}.`);
  }
  if (opts.runName) validateTag(RUN_NAME_TAG, opts.runName, 'run_name');
  // A run that ends gets its buffered metrics written first, so its history is complete when it is FINISHED. A run
  // that FAILED or was KILLED ends even if that write fails (a full disk): its points stay buffered for a later
  // flush, and the run is not left RUNNING.
  if (opts.status === 'FINISHED') await ctx.writer.flush();
  else if (opts.status === 'FAILED' || opts.status === 'KILLED') await ctx.writer.flush().catch(() => undefined);
  const info = await changeRun(ctx, runId, (row) => {
    checkActive(row);
    if (opts.status !== undefined) row.status = opts.status;
    if (row.status !== 'RUNNING') delete row.lockName;
    if (opts.endTime !== undefined) row.endTime = opts.endTime;
    if (opts.runName) {
      row.runName = opts.runName;
      row.tags.set(RUN_NAME_TAG, opts.runName);
    }
    return runInfoFromRow(withPending(ctx, row));
  });
  if (info.status !== 'RUNNING') releaseRunLock(ctx, runId);
  return info;
}

export async function setTerminated(ctx: TrackingContext, runId: string, status: RunStatus = 'FINISHED', endTime?: number): Promise<void> {
  await updateRun(ctx, runId, { status, endTime: endTime ?? nowMs() });
}

export async function deleteRun(ctx: TrackingContext, runId: string): Promise<void> {
  await ctx.writer.flush();
  await changeRun(ctx, runId, (row) => {
    row.lifecycleStage = 'deleted';
    row.deletedTime = nowMs();
  });
  ctx.activeRuns.delete(runId);
}

export async function restoreRun(ctx: TrackingContext, runId: string): Promise<void> {
  await changeRun(ctx, runId, (row) => {
    row.lifecycleStage = 'active';
    row.deletedTime = null;
  });
}

async function ensureActive(ctx: TrackingContext, runId: string): Promise<void> {
  if (ctx.activeRuns.has(runId)) return;
  checkActive(await getRunRow(ctx, runId));
  ctx.activeRuns.add(runId);
}

export async function logMetric(
  ctx: TrackingContext, runId: string, key: string, value: number, opts: { timestamp?: number; step?: number } = {},
): Promise<void> {
  const timestamp = opts.timestamp ?? nowMs();
  const step = opts.step ?? 0;
  validateMetric(key, value, timestamp, step);
  if (!ctx.activeRuns.has(runId)) await ensureActive(ctx, runId);
  const wait = ctx.writer.push(runId, key, value, timestamp, step);
  if (wait) await wait;
}

export async function logParam(ctx: TrackingContext, runId: string, key: string, value: unknown): Promise<void> {
  await logBatch(ctx, runId, { params: [{ key, value: coerceParamValue(value) }] });
}

export async function setTag(ctx: TrackingContext, runId: string, key: string, value: string): Promise<void> {
  await logBatch(ctx, runId, { tags: [{ key, value }] });
}

export async function deleteTag(ctx: TrackingContext, runId: string, key: string): Promise<void> {
  await changeRun(ctx, runId, (row) => {
    checkActive(row);
    if (!row.tags.has(key)) throw notFound(`No tag with name: ${key} in run with id ${runId}`);
    row.tags.delete(key);
  });
}

/**
 * MLflow's log_batch: every entity is validated before anything is written (over-long param and tag values are
 * truncated with a warning, as MLFLOW_TRUNCATE_LONG_VALUES does by default); params and tags commit in one
 * transaction (a changed param value aborts it), then metrics go to the buffered writer.
 */
export async function logBatch(ctx: TrackingContext, runId: string, batch: LogBatchInput): Promise<void> {
  const coerced = (batch.params ?? []).map((p) => ({ key: p.key, value: coerceParamValue(p.value) }));
  const { metrics, params, tags } = validateLogBatch(batch.metrics ?? [], coerced, batch.tags ?? [], ctx.truncate);
  if (params.length > 0 || tags.length > 0) {
    await changeRun(ctx, runId, (row) => {
      checkActive(row);
      for (const p of params) {
        const old = row.params.get(p.key);
        if (old !== undefined && old !== p.value) throw invalidParam(paramChangedMessage(p.key, old, p.value, runId));
      }
      for (const p of params) row.params.set(p.key, p.value);
      for (const t of tags) {
        row.tags.set(t.key, t.value);
        if (t.key === RUN_NAME_TAG) row.runName = t.value;
      }
    });
    ctx.activeRuns.add(runId);
  } else if (metrics.length > 0) {
    await ensureActive(ctx, runId);
  }
  let wait: Promise<void> | undefined;
  for (const m of metrics) wait = ctx.writer.push(runId, m.key, m.value, m.timestamp, m.step) ?? wait;
  if (wait) await wait;
}

export async function logInputs(ctx: TrackingContext, runId: string, datasets: DatasetInput[]): Promise<void> {
  await changeRun(ctx, runId, (row) => {
    checkActive(row);
    for (const d of datasets) {
      const i = row.datasetInputs.findIndex((x) => x.dataset.name === d.dataset.name && x.dataset.digest === d.dataset.digest);
      const copy = structuredClone(d);
      if (i >= 0) row.datasetInputs[i] = copy;
      else row.datasetInputs.push(copy);
    }
  });
}

export async function searchRuns(ctx: TrackingContext, experimentIds: string[], opts: SearchRunsOptions = {}): Promise<PagedList<Run>> {
  if (!Array.isArray(experimentIds) || experimentIds.length === 0) {
    throw invalidParam('experiment_ids must be a non-empty list of experiment ids.');
  }
  const stages = stagesOf(opts.runViewType);
  // The cache answers without reading IndexedDB, so a live query around this search would observe nothing and never
  // re-run. This one-row read over the whole primary-key range makes Dexie re-run it when any run changes, in this or
  // any other tab or worker (the cache has marked the run stale by then: its listener was registered first). It
  // starts before the first await, while Dexie still knows it runs inside the live query.
  const observed = ctx.db.runs.limit(1).toArray();
  const busy = whenSettled(ctx.writer);
  if (busy) await busy;
  await observed;
  let rows = await ctx.runCache.rowsOf(experimentIds.map(String), stages);
  if (ctx.writer.hasPending()) rows = rows.map((r) => withPending(ctx, r));
  const page = searchRunRows(rows, opts);
  return { items: page.rows.map(runFromRow), nextPageToken: page.nextPageToken };
}

/** Runs of one experiment in the given view (default ACTIVE_ONLY), counted without reading them. Not in MLflow. */
export async function countRuns(ctx: TrackingContext, experimentId: string, viewType?: ViewType): Promise<number> {
  const { db } = ctx;
  const counts = await Promise.all(
    stagesOf(viewType).map((s) => db.runs.where('[experimentId+lifecycleStage]').equals([String(experimentId), s]).count()),
  );
  return counts.reduce((a, b) => a + b, 0);
}
