/**
 * Push: copies Flowpad experiments and runs to an MLflow tracking server, with full metric histories (log-batch
 * within MLflow's limits), params, tags, statuses, end times, deletions and artifacts (through the server's
 * artifact proxy when it serves them).
 *
 * Identity lives on the server, so any browser can resume or repeat a push: experiments match by name, and each
 * run pushed gets the tag `flowpad.sourceRunId` = its Flowpad id (a run that came from the server keeps its id and
 * matches itself). A push therefore creates each run once; a second push creates and sends nothing new. It is
 * resumable: an interrupted push is simply run again, and per run it sends only what the server lacks (missing
 * params, differing tags, the tail of each metric history the server lacks (see resumeOffset), missing artifacts).
 * `mlflow.parentRunId` tags are rewritten to the parent's server id when the parent is pushed too.
 */
import { MlflowError } from '../../core/errors';
import type { TrackingClient } from '../../tracking';
import type { Metric, Run } from '../../tracking/entities';
import { allRuns, runArtifacts } from '../export';
import { splitBatches } from './batches';
import { isProxied, type MlflowRestClient } from './client';

export const SOURCE_RUN_TAG = 'flowpad.sourceRunId';
const PARENT_TAG = 'mlflow.parentRunId';
/** Tags MLflow will not let a client change after creation (mlflow/utils/mlflow_tags.py IMMUTABLE_TAGS). */
const IMMUTABLE = new Set(['mlflow.user', 'mlflow.artifactLocation']);

export interface SyncProgress {
  /** Runs finished so far, of `total`. */
  done: number;
  total: number;
  /** The Flowpad run just finished. */
  runId?: string;
}

export interface PushOptions {
  onProgress?: (p: SyncProgress) => void;
}

export interface PushResult {
  /** Flowpad experiment id → server experiment id. */
  experiments: Record<string, string>;
  /** Flowpad run id → server run id. */
  runs: Record<string, string>;
  experimentsCreated: number;
  runsCreated: number;
  /** Log-batch requests, metric points and artifact files sent. */
  requests: number;
  pointsSent: number;
  artifactsSent: number;
  warnings: string[];
}

/** Pushes the given Flowpad experiments (all their runs, active and deleted). */
export async function pushExperiments(
  local: TrackingClient, remote: MlflowRestClient, experimentIds: string[], opts: PushOptions = {},
): Promise<PushResult> {
  const res: PushResult = {
    experiments: {}, runs: {}, experimentsCreated: 0, runsCreated: 0, requests: 0, pointsSent: 0, artifactsSent: 0, warnings: [],
  };
  const work: { run: Run; remoteExp: string }[] = [];
  for (const id of experimentIds) {
    const remoteExp = await ensureExperiment(local, remote, id, res);
    for (const run of await allRuns(local, id)) work.push({ run, remoteExp });
  }
  const ordered = parentsFirst(work);
  for (const w of ordered) await ensureRun(remote, w.run, w.remoteExp, res);
  let done = 0;
  for (const { run } of ordered) {
    await syncRun(local, remote, run, res);
    opts.onProgress?.({ done: ++done, total: ordered.length, runId: run.info.runId });
  }
  return res;
}

async function ensureExperiment(local: TrackingClient, remote: MlflowRestClient, id: string, res: PushResult): Promise<string> {
  const exp = await local.getExperiment(id);
  let found = await remote.getExperimentByName(exp.name);
  if (found && found.lifecycleStage === 'deleted') {
    throw new MlflowError('INVALID_STATE', `Experiment '${exp.name}' is deleted on the server; restore or purge it there first.`);
  }
  if (!found) {
    found = await remote.getExperiment(await remote.createExperiment(exp.name, exp.tags));
    res.experimentsCreated++;
  }
  const remoteTags = new Map(found.tags.map((t) => [t.key, t.value]));
  for (const t of exp.tags) if (remoteTags.get(t.key) !== t.value) await remote.setExperimentTag(found.experimentId, t.key, t.value);
  res.experiments[id] = found.experimentId;
  // Index the server's runs of this experiment once: by id, and by the Flowpad id they were pushed from.
  for (const r of await remote.searchAllRuns([found.experimentId], { runViewType: 'ALL' })) {
    const source = r.data.tags.find((t) => t.key === SOURCE_RUN_TAG)?.value;
    res.runs[source ?? r.info.runId] ??= r.info.runId;
  }
  return found.experimentId;
}

/** Runs ordered so that a parent comes before its children (when both are pushed). */
function parentsFirst<T extends { run: Run }>(work: T[]): T[] {
  const byId = new Map(work.map((w) => [w.run.info.runId, w]));
  const out: T[] = [];
  const seen = new Set<string>();
  const visit = (w: T, depth: number): void => {
    if (seen.has(w.run.info.runId) || depth > 100) return;
    const parent = byId.get(w.run.data.tags.find((t) => t.key === PARENT_TAG)?.value ?? '');
    if (parent) visit(parent, depth + 1);
    if (!seen.has(w.run.info.runId)) {
      seen.add(w.run.info.runId);
      out.push(w);
    }
  };
  work.forEach((w) => visit(w, 0));
  return out;
}

/** Local tags as they should read on the server: the parent's id translated, the source tag added. */
function remoteTags(run: Run, res: PushResult): { key: string; value: string }[] {
  const tags = run.data.tags.map((t) => (t.key === PARENT_TAG && res.runs[t.value] ? { key: t.key, value: res.runs[t.value] } : t));
  return [...tags, { key: SOURCE_RUN_TAG, value: run.info.runId }];
}

async function ensureRun(remote: MlflowRestClient, run: Run, remoteExp: string, res: PushResult): Promise<void> {
  if (res.runs[run.info.runId]) return;
  const created = await remote.createRun({
    experimentId: remoteExp, runName: run.info.runName, startTime: run.info.startTime, userId: run.info.userId,
    tags: remoteTags(run, res),
  });
  res.runs[run.info.runId] = created.info.runId;
  res.runsCreated++;
}

async function syncRun(local: TrackingClient, remote: MlflowRestClient, run: Run, res: PushResult): Promise<void> {
  const id = res.runs[run.info.runId];
  const there = await remote.getRun(id);
  if (there.info.lifecycleStage === 'deleted') return; // nothing more can be written to it
  const haveParams = new Map(there.data.params.map((p) => [p.key, p.value]));
  const haveTags = new Map(there.data.tags.map((t) => [t.key, t.value]));
  const params = run.data.params.filter((p) => !haveParams.has(p.key));
  const tags = remoteTags(run, res).filter((t) => !IMMUTABLE.has(t.key) && haveTags.get(t.key) !== t.value);
  const metrics = [];
  const remoteKeys = new Set(there.data.metrics.map((m) => m.key));
  for (const m of run.data.metrics) {
    const history = await local.getMetricHistory(run.info.runId, m.key);
    const remoteCount = remoteKeys.has(m.key) ? (await remote.getMetricHistory(id, m.key)).length : 0;
    metrics.push(...history.slice(resumeOffset(history, remoteCount)));
  }
  for (const batch of splitBatches({ params, tags, metrics })) {
    await remote.logBatch(id, batch);
    res.requests++;
    res.pointsSent += batch.metrics?.length ?? 0;
  }
  await pushArtifacts(local, remote, run, there.info.artifactUri, id, res);
  const i = run.info;
  if (there.info.status !== i.status || there.info.endTime !== i.endTime) {
    await remote.updateRun(id, { status: i.status, endTime: i.endTime });
  }
  if (i.lifecycleStage === 'deleted') await remote.deleteRun(id);
}

/**
 * How many leading points of a local history the server already has, given how many it holds. The SQL store
 * keeps one copy of points equal in (timestamp, step, value) (its metrics primary key), so the count is matched
 * against distinct points: the answer is the shortest prefix holding `remoteCount` distinct points (all of the
 * history when the server has them all). Batches go out in logging order, so the server holds such a prefix.
 */
export function resumeOffset(history: readonly Metric[], remoteCount: number): number {
  if (remoteCount >= history.length) return history.length;
  const seen = new Set<string>();
  for (let i = 0; i < history.length; i++) {
    if (seen.size >= remoteCount) return i;
    const p = history[i];
    seen.add(`${p.timestamp}|${p.step}|${Number.isNaN(p.value) ? 'nan' : p.value}`);
  }
  return history.length;
}

async function pushArtifacts(
  local: TrackingClient, remote: MlflowRestClient, run: Run, artifactUri: string, remoteId: string, res: PushResult,
): Promise<void> {
  const files = await runArtifacts(local, run.info.runId);
  if (files.length === 0) return;
  if (!isProxied(artifactUri)) {
    res.warnings.push(`run ${run.info.runId}: ${files.length} artifact(s) not pushed: the server does not proxy artifacts (${artifactUri})`);
    return;
  }
  const have = new Map<string, number | undefined>();
  const walk = async (dir: string): Promise<void> => {
    for (const f of await remote.listArtifacts(remoteId, dir)) {
      if (f.isDir) await walk(f.path);
      else have.set(f.path, f.fileSize);
    }
  };
  await walk('');
  for (const f of files) {
    if (have.get(f.path) === f.data.length) continue;
    await remote.putArtifact(artifactUri, f.path, f.data);
    res.artifactsSent++;
  }
}
