/**
 * `storageReport()`: what each experiment and registered model holds, computed from the rows themselves.
 *
 * Sizes are payload bytes (strings, numbers, typed arrays, Blob sizes), not bytes on disk: the browser
 * compresses values and adds index and journal overhead, so `navigator.storage.estimate()` stays the
 * authority for the total. The report reads every row (each table in its own read transaction), so run it in
 * a worker for big stores.
 */
import type { FlowpadDB } from './db';
import type { ArtifactRow, ExperimentRow, MetricChunkRow, RunRow } from './rows';

/** What one experiment's runs hold. */
export interface ExperimentUsage {
  experimentId: string;
  name: string;
  lifecycleStage: string;
  runs: number;
  metricPoints: number;
  /** Payload bytes by kind: run rows (params, tags, summaries), metric histories, artifact files. */
  runBytes: number;
  metricBytes: number;
  artifactBytes: number;
  artifactFiles: number;
  totalBytes: number;
}

/** What one registered model's versions hold. */
export interface ModelUsage {
  modelId: string;
  name: string;
  versions: number;
  files: number;
  totalBytes: number;
}

/** Rows and payload bytes of one table. */
export interface TableUsage {
  name: string;
  rows: number;
  bytes: number;
}

/** The result of `storageReport`. */
export interface StorageReport {
  /** Largest first. Runs of an experiment missing from the table are listed under its id with name ''. */
  experiments: ExperimentUsage[];
  /** Registered models, largest first; empty while the schema has no registry tables. */
  models: ModelUsage[];
  /** Every table of the schema, by name. */
  tables: TableUsage[];
  totalBytes: number;
}

/** Approximate payload size of a stored value in bytes. */
export function payloadBytes(v: unknown): number {
  if (v === null || v === undefined) return 1;
  switch (typeof v) {
    case 'string': return v.length;
    case 'number': return 8;
    case 'boolean': return 1;
    case 'bigint': return 8;
    case 'object': break;
    default: return 0;
  }
  if (ArrayBuffer.isView(v)) return v.byteLength;
  if (v instanceof ArrayBuffer) return v.byteLength;
  if (typeof Blob !== 'undefined' && v instanceof Blob) return v.size;
  let n = 0;
  if (v instanceof Map) for (const [k, x] of v) n += payloadBytes(k) + payloadBytes(x);
  else if (v instanceof Set || Array.isArray(v)) for (const x of v) n += payloadBytes(x);
  else for (const [k, x] of Object.entries(v)) n += k.length + payloadBytes(x);
  return n;
}

function emptyExperiment(e: Pick<ExperimentRow, 'experimentId' | 'name' | 'lifecycleStage'>): ExperimentUsage {
  return {
    experimentId: e.experimentId, name: e.name, lifecycleStage: e.lifecycleStage, runs: 0, metricPoints: 0,
    runBytes: 0, metricBytes: 0, artifactBytes: 0, artifactFiles: 0, totalBytes: 0,
  };
}

/** Sizes of every experiment, registered model and table. */
export async function storageReport(db: FlowpadDB): Promise<StorageReport> {
  const tables = new Map<string, TableUsage>(db.tables.map((t) => [t.name, { name: t.name, rows: 0, bytes: 0 }]));
  const count = (table: string, row: unknown): number => {
    const u = tables.get(table)!;
    const b = payloadBytes(row);
    u.rows++;
    u.bytes += b;
    return b;
  };
  const experiments = new Map<string, ExperimentUsage>();
  const expOf = (id: string) => {
    let e = experiments.get(id);
    if (!e) experiments.set(id, (e = emptyExperiment({ experimentId: id, name: '', lifecycleStage: 'active' })));
    return e;
  };
  await db.experiments.each((e) => {
    count('experiments', e);
    experiments.set(e.experimentId, emptyExperiment(e));
  });
  const runExperiment = new Map<string, string>();
  await db.runs.each((r: RunRow) => {
    const e = expOf(r.experimentId);
    runExperiment.set(r.runId, r.experimentId);
    e.runs++;
    e.runBytes += count('runs', r);
  });
  await db.metricChunks.each((c: MetricChunkRow) => {
    const e = expOf(runExperiment.get(c.runId) ?? '');
    e.metricPoints += c.n;
    e.metricBytes += count('metricChunks', c);
  });
  await db.artifacts.each((a: ArtifactRow) => {
    count('artifacts', a);
    const e = expOf(runExperiment.get(a.runId) ?? '');
    e.artifactFiles++;
    e.artifactBytes += a.size;
  });
  const models = await modelUsage(db, count);
  // Tables the report does not break down (meta, and any added later) still count in the totals.
  const known = new Set(['experiments', 'runs', 'metricChunks', 'artifacts', 'registeredModels', 'modelVersions', 'modelVersionFiles']);
  for (const t of db.tables) if (!known.has(t.name)) await t.each((row) => void count(t.name, row));

  for (const e of experiments.values()) e.totalBytes = e.runBytes + e.metricBytes + e.artifactBytes;
  const all = [...tables.values()];
  return {
    experiments: [...experiments.values()].sort((a, b) => b.totalBytes - a.totalBytes || cmpId(a.experimentId, b.experimentId)),
    models: models.sort((a, b) => b.totalBytes - a.totalBytes || (a.name < b.name ? -1 : 1)),
    tables: all.sort((a, b) => (a.name < b.name ? -1 : 1)),
    totalBytes: all.reduce((s, t) => s + t.bytes, 0),
  };
}

const cmpId = (a: string, b: string) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0);

/**
 * Registry tables, when the schema has them (registeredModels: id, name; modelVersions: id, modelId;
 * modelVersionFiles: versionId, size). Read by name so this report needs no change when they land.
 */
async function modelUsage(db: FlowpadDB, count: (table: string, row: unknown) => number): Promise<ModelUsage[]> {
  const names = new Set(db.tables.map((t) => t.name));
  if (!names.has('registeredModels') || !names.has('modelVersions')) return [];
  const models = new Map<string, ModelUsage>();
  await db.table('registeredModels').each((m: { id: string; name: string }) => {
    models.set(m.id, { modelId: m.id, name: m.name, versions: 0, files: 0, totalBytes: count('registeredModels', m) });
  });
  const versionModel = new Map<string, ModelUsage>();
  const modelOf = (id: string) => {
    let m = models.get(id);
    if (!m) models.set(id, (m = { modelId: id, name: '', versions: 0, files: 0, totalBytes: 0 }));
    return m;
  };
  await db.table('modelVersions').each((v: { id: string; modelId: string }) => {
    const m = modelOf(v.modelId);
    versionModel.set(v.id, m);
    m.versions++;
    m.totalBytes += count('modelVersions', v);
  });
  if (names.has('modelVersionFiles')) {
    await db.table('modelVersionFiles').each((f: { versionId: string; size: number }) => {
      count('modelVersionFiles', f);
      const m = versionModel.get(f.versionId) ?? modelOf('');
      m.files++;
      m.totalBytes += f.size;
    });
  }
  return [...models.values()];
}
