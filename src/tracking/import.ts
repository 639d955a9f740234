/**
 * Bulk import of experiments and runs that already exist elsewhere (an MLflow store, a Flowpad export),
 * keeping their ids, times, statuses and full metric histories, which the logging API cannot do. The caller
 * (interop's `restore*` functions) validates first; this writes everything in one transaction, so a failure
 * leaves the database unchanged.
 *
 * Identity rules: an experiment whose id and name are both free keeps its id; one whose name (or id and name)
 * already exists merges into that experiment; one whose id is taken by another name gets a new id. A run whose
 * id already exists is skipped, so importing the same data twice creates nothing new.
 */
import { ARTIFACT_SCHEME, CHUNK_POINTS, packChunk, type ArtifactRow, type FlowpadDB, type ExperimentRow, type MetricChunkRow, type RunInfoFields, type RunRow } from '../storage';
import type { TrackingContext } from './context';
import type { DatasetInput, KeyValue, LifecycleStage, MetricSummary } from './entities';
import { addPoint, summaryOf } from './metric-summary';

export interface ImportExperiment {
  experimentId: string;
  name: string;
  artifactLocation: string;
  lifecycleStage: LifecycleStage;
  /** ms; null: use the import time. */
  creationTime: number | null;
  lastUpdateTime: number | null;
  tags: KeyValue[];
}

/** One metric's full history as columns, in logging order. */
export interface ImportSeries {
  steps: ArrayLike<number>;
  timestamps: ArrayLike<number>;
  values: ArrayLike<number>;
}

export interface ImportRun extends RunInfoFields {
  params: KeyValue[];
  tags: KeyValue[];
  metrics: Record<string, ImportSeries>;
  datasetInputs: DatasetInput[];
  artifacts: { path: string; data: Uint8Array | Blob; contentType: string }[];
}

export interface ImportBatch {
  experiments: ImportExperiment[];
  runs: ImportRun[];
}

export interface ImportResult {
  /** Source experiment id → Flowpad experiment id (they differ only on conflicts). */
  experimentIds: Record<string, string>;
  experimentsCreated: number;
  experimentsMerged: number;
  runsCreated: number;
  /** Runs whose id was already present. */
  runsSkipped: string[];
}

/**
 * Writes that must commit or fail together with an import (another domain's data from the same store, such as
 * its model registry): `tables` are added to the import's transaction and `write` runs inside it, after the runs.
 * If `write` throws, nothing of the import is written.
 */
export interface ImportAlongside {
  /** Table names (FlowpadDB properties) `write` touches. */
  tables: string[];
  write: (db: FlowpadDB) => Promise<void>;
}

const ID_COUNTER = 'nextExperimentId';

/** Writes a validated batch in one transaction (see the module doc for identity rules). */
export async function importRuns(ctx: TrackingContext, batch: ImportBatch, alongside?: ImportAlongside): Promise<ImportResult> {
  const { db } = ctx;
  await ctx.writer.flush();
  const tables = [db.experiments, db.runs, db.metricChunks, db.artifacts, db.meta, ...(alongside?.tables ?? []).map((t) => db.table(t))];
  return db.transaction('rw', tables, async () => {
    const result: ImportResult = { experimentIds: {}, experimentsCreated: 0, experimentsMerged: 0, runsCreated: 0, runsSkipped: [] };
    const now = Date.now();
    for (const e of batch.experiments) {
      const target = await placeExperiment(ctx, e, now);
      result.experimentIds[e.experimentId] = target.id;
      if (target.created) result.experimentsCreated++;
      else result.experimentsMerged++;
    }
    const existing = new Set(await db.runs.where('runId').anyOf(batch.runs.map((r) => r.runId)).primaryKeys());
    const runRows: RunRow[] = [];
    const chunks: MetricChunkRow[] = [];
    const artifacts: ArtifactRow[] = [];
    for (const r of batch.runs) {
      if (existing.has(r.runId)) {
        result.runsSkipped.push(r.runId);
        continue;
      }
      existing.add(r.runId);
      const row = runRow(r, result.experimentIds[r.experimentId] ?? r.experimentId);
      for (const [key, s] of Object.entries(r.metrics)) {
        const summary = summarize(s);
        if (summary) row.metrics.set(key, summary);
        chunks.push(...toChunks(r.runId, key, s));
      }
      for (const a of r.artifacts) {
        const data = a.data instanceof Blob ? a.data : new Blob([a.data as BlobPart], { type: a.contentType });
        artifacts.push({ runId: r.runId, path: a.path, data, size: data.size, contentType: a.contentType, modified: now });
      }
      runRows.push(row);
      result.runsCreated++;
    }
    await db.runs.bulkAdd(runRows);
    await db.metricChunks.bulkPut(chunks);
    await db.artifacts.bulkPut(artifacts);
    if (alongside) await alongside.write(db);
    return result;
  });
}

/** Finds or creates the experiment an imported one lands in. */
async function placeExperiment(ctx: TrackingContext, e: ImportExperiment, now: number): Promise<{ id: string; created: boolean }> {
  const { db } = ctx;
  const byName = await db.experiments.where('name').equals(e.name).first();
  if (byName) {
    await mergeExperiment(ctx, byName, e);
    return { id: byName.experimentId, created: false };
  }
  let id = e.experimentId;
  if (await db.experiments.get(id)) {
    let next = Number((await db.meta.get(ID_COUNTER))?.value ?? 1);
    while (await db.experiments.get(String(next))) next++;
    id = String(next);
    await db.meta.put({ key: ID_COUNTER, value: next + 1 });
  }
  await db.experiments.add({
    experimentId: id,
    name: e.name,
    artifactLocation: e.artifactLocation || `${ARTIFACT_SCHEME}/${id}`,
    lifecycleStage: e.lifecycleStage,
    creationTime: e.creationTime ?? now,
    lastUpdateTime: e.lastUpdateTime ?? e.creationTime ?? now,
    tags: new Map(e.tags.map((t) => [t.key, t.value])),
  });
  return { id, created: true };
}

/**
 * Same experiment seen again: an experiment still without runs (such as the Default one every store starts
 * with) takes the imported metadata; otherwise only tags merge (imported values win).
 */
async function mergeExperiment(ctx: TrackingContext, row: ExperimentRow, e: ImportExperiment): Promise<void> {
  const empty = (await ctx.db.runs.where('experimentId').equals(row.experimentId).count()) === 0;
  if (empty) {
    row.artifactLocation = e.artifactLocation || row.artifactLocation;
    row.lifecycleStage = e.lifecycleStage;
    row.creationTime = e.creationTime ?? row.creationTime;
    row.lastUpdateTime = e.lastUpdateTime ?? row.lastUpdateTime;
  }
  for (const t of e.tags) row.tags.set(t.key, t.value);
  await ctx.db.experiments.put(row);
}

function runRow(r: ImportRun, experimentId: string): RunRow {
  return {
    runId: r.runId,
    experimentId,
    runName: r.runName,
    userId: r.userId,
    status: r.status,
    startTime: r.startTime,
    endTime: r.endTime,
    artifactUri: r.artifactUri,
    lifecycleStage: r.lifecycleStage,
    deletedTime: r.deletedTime,
    params: new Map(r.params.map((p) => [p.key, p.value])),
    tags: new Map(r.tags.map((t) => [t.key, t.value])),
    metrics: new Map(),
    datasetInputs: r.datasetInputs.map((d) => structuredClone(d)),
  };
}

function summarize(s: ImportSeries): MetricSummary | undefined {
  if (s.values.length === 0) return undefined;
  const out = summaryOf(s.values[0], s.timestamps[0], s.steps[0]);
  for (let i = 1; i < s.values.length; i++) addPoint(out, s.values[i], s.timestamps[i], s.steps[i]);
  return out;
}

/** A history cut into dense chunks of CHUNK_POINTS points, as the metric writer stores them. */
function toChunks(runId: string, key: string, s: ImportSeries): MetricChunkRow[] {
  const out: MetricChunkRow[] = [];
  for (let from = 0, chunk = 0; from < s.values.length; from += CHUNK_POINTS, chunk++) {
    const to = Math.min(from + CHUNK_POINTS, s.values.length);
    const column = (a: ArrayLike<number>) => Float64Array.from({ length: to - from }, (_, i) => a[from + i]);
    out.push(packChunk(runId, key, chunk, { steps: column(s.steps), timestamps: column(s.timestamps), values: column(s.values) }));
  }
  return out;
}
