/**
 * Reads an MLflow FileStore tree (`mlruns/`, written by MLflow 1.x–3.x) into an {@link MlflowDump}.
 * Follows the rules MLflow's own FileStore reader applies (mlflow/store/tracking/file_store.py): experiment
 * folders are the root's sub-folders except `.trash` and `models` (`.trash` holds deleted experiments); inside
 * an experiment, `tags`, `datasets`, `traces` and `models` are not runs; empty or invalid meta.yaml files and
 * runs whose meta names another experiment are skipped with a warning. Metric, param and tag keys are paths
 * relative to their folder, so keys with '/' come from sub-folders. A malformed metric file fails the read
 * with an error naming the file, as it fails MLflow's.
 * LoggedModels (`<exp>/models/m-<id>/`) are read only for their artifact files, which registered versions link.
 * Non-features: traces, LoggedModel metadata, dataset profiles beyond their stored strings.
 */
import { invalidParam } from '../core/errors';
import type { KeyValue, RunStatus } from '../tracking/entities';
import { emptyDump, STATUS_BY_NUMBER } from './dump';
import type { DumpDatasetInput, DumpExperiment, DumpMetricPoint, DumpRun, MlflowDump } from './dump';
import { normalizeTree, parsePyFloat, parsePyInt, readYamlMap, TreeIndex, utf8 } from './files';
import { readRegistryFolder } from './mlruns-registry';

const NOT_EXPERIMENTS = new Set(['.trash', 'models']);
const NOT_RUNS = new Set(['tags', 'datasets', 'traces', 'models']);

/** Reads every experiment, run and registered model of a FileStore tree (see the module doc). */
export function readMlruns(input: ReadonlyMap<string, Uint8Array>): MlflowDump {
  const files = normalizeTree(input);
  const root = findRoot(files);
  const tree = new TreeIndex(root ? stripPrefix(files, root) : files);
  const dump = emptyDump();
  const expDirs = [
    ...tree.dirs('').filter((d) => !NOT_EXPERIMENTS.has(d)),
    ...tree.dirs('.trash').map((d) => `.trash/${d}`),
  ];
  for (const dir of expDirs) {
    const exp = readExperiment(tree, dir, dump.warnings);
    if (!exp) continue;
    dump.experiments.push(exp);
    for (const id of tree.dirs(`${dir}/models`)) {
      const files = tree.walk(`${dir}/models/${id}/artifacts`);
      if (files.length) (dump.loggedModelArtifacts ??= {})[id] = files.map(([path, data]) => ({ path, data }));
    }
    for (const runDir of tree.dirs(dir)) {
      if (NOT_RUNS.has(runDir)) continue;
      const run = readRun(tree, `${dir}/${runDir}`, exp.experimentId, dump.warnings);
      if (run) dump.runs.push(run);
    }
  }
  if (tree.dirs('').includes('models')) dump.registeredModels = readRegistryFolder(tree, 'models', dump.warnings);
  if (dump.experiments.length === 0 && dump.registeredModels.length === 0) {
    throw invalidParam('No MLflow experiment found: expected <experiment id>/meta.yaml files (an mlruns folder).');
  }
  return dump;
}

/** The folder holding the experiment folders: the grandparent of the shortest `…/meta.yaml` path. */
function findRoot(files: Map<string, Uint8Array>): string {
  let best: string | null = null;
  for (const p of files.keys()) {
    if (!p.endsWith('meta.yaml') || (p !== 'meta.yaml' && !p.endsWith('/meta.yaml'))) continue;
    if (best === null || p.split('/').length < best.split('/').length) best = p;
  }
  if (best === null || best.split('/').length < 2) return '';
  const parts = best.split('/');
  // `<root>/models/<name>/meta.yaml` is a registry model; its root is one level higher.
  const depth = parts.length >= 3 && parts[parts.length - 3] === 'models' ? 3 : 2;
  return parts.slice(0, parts.length - depth).join('/');
}

function stripPrefix(files: Map<string, Uint8Array>, root: string): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const [p, d] of files) if (p.startsWith(root + '/')) out.set(p.slice(root.length + 1), d);
  return out;
}

/** meta.yaml as a map, or null (with a warning) when missing, empty or not a mapping. */
function readMeta(tree: TreeIndex, dir: string, warnings: string[]): Record<string, unknown> | null {
  const path = `${dir}/meta.yaml`;
  const data = tree.get(path);
  if (!data) {
    warnings.push(`${dir}: no meta.yaml, skipped`);
    return null;
  }
  let meta: Record<string, unknown> | null;
  try {
    meta = readYamlMap(data, path);
  } catch (e) {
    warnings.push(`${(e as Error).message}; skipped`);
    return null;
  }
  if (!meta) warnings.push(`${path}: empty or not a mapping, skipped`);
  return meta;
}

const str = (v: unknown, fallback = ''): string => (v === null || v === undefined ? fallback : String(v));
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
const stage = (v: unknown): 'active' | 'deleted' => (v === 'deleted' ? 'deleted' : 'active');

function readExperiment(tree: TreeIndex, dir: string, warnings: string[]): DumpExperiment | null {
  const meta = readMeta(tree, dir, warnings);
  if (!meta) return null;
  const id = str(meta.experiment_id);
  const folder = dir.split('/').pop()!;
  if (!id || id !== folder) {
    warnings.push(`${dir}/meta.yaml: experiment_id '${id}' does not match its folder, skipped`);
    return null;
  }
  return {
    experimentId: id,
    name: str(meta.name),
    artifactLocation: str(meta.artifact_location),
    lifecycleStage: stage(meta.lifecycle_stage),
    creationTime: int(meta.creation_time),
    lastUpdateTime: int(meta.last_update_time),
    tags: readKeyValues(tree, `${dir}/tags`),
  };
}

/** Every file under `dir` as key (relative path) → exact file text. */
function readKeyValues(tree: TreeIndex, dir: string): KeyValue[] {
  return tree.walk(dir).map(([key, data]) => ({ key, value: utf8(data) }));
}

function runStatus(v: unknown, path: string): RunStatus {
  if (typeof v === 'number' && STATUS_BY_NUMBER[v]) return STATUS_BY_NUMBER[v];
  if (typeof v === 'string' && Object.values(STATUS_BY_NUMBER).includes(v as RunStatus)) return v as RunStatus;
  throw invalidParam(`${path}: invalid run status ${JSON.stringify(v)}`);
}

function readRun(tree: TreeIndex, dir: string, experimentId: string, warnings: string[]): DumpRun | null {
  const meta = readMeta(tree, dir, warnings);
  if (!meta) return null;
  const path = `${dir}/meta.yaml`;
  const runId = str(meta.run_id ?? meta.run_uuid);
  if (str(meta.experiment_id) !== experimentId) {
    warnings.push(`${path}: experiment_id '${str(meta.experiment_id)}' does not match its experiment folder, skipped`);
    return null;
  }
  if (!runId || runId !== dir.split('/').pop()) {
    warnings.push(`${path}: run_id '${runId}' does not match its folder, skipped`);
    return null;
  }
  const tags = readKeyValues(tree, `${dir}/tags`);
  const start = int(meta.start_time);
  if (start === null) throw invalidParam(`${path}: start_time must be an integer, got ${JSON.stringify(meta.start_time)}`);
  return {
    runId,
    experimentId,
    // 1.x wrote `name: ''` and no run_name; readers fall back to the mlflow.runName tag.
    runName: str(meta.run_name) || (tags.find((t) => t.key === 'mlflow.runName')?.value ?? ''),
    userId: str(meta.user_id),
    status: runStatus(meta.status, path),
    startTime: start,
    endTime: int(meta.end_time),
    artifactUri: str(meta.artifact_uri),
    lifecycleStage: stage(meta.lifecycle_stage),
    deletedTime: int(meta.deleted_time),
    params: readKeyValues(tree, `${dir}/params`),
    tags,
    metrics: readMetrics(tree, `${dir}/metrics`),
    datasetInputs: readInputs(tree, dir, warnings),
    artifacts: tree.walk(`${dir}/artifacts`).map(([p, data]) => ({ path: p, data })),
  };
}

function readMetrics(tree: TreeIndex, dir: string): Record<string, DumpMetricPoint[]> {
  const out: Record<string, DumpMetricPoint[]> = {};
  for (const [key, data] of tree.walk(dir)) out[key] = parseMetricFile(utf8(data), `${dir}/${key}`);
  return out;
}

/**
 * Lines `timestamp value step` (2 fields: legacy, step 0; 4 or 6 fields on LoggedModel metrics; 5 fields add a
 * dataset name and digest). An empty file is malformed, as in MLflow.
 */
export function parseMetricFile(text: string, path: string): DumpMetricPoint[] {
  const points: DumpMetricPoint[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const f = line.trim().split(/\s+/);
    const timestamp = parsePyInt(f[0]);
    const value = f.length >= 2 ? parsePyFloat(f[1]) : null;
    const step = f.length >= 3 ? parsePyInt(f[2]) : 0;
    if (f.length < 2 || f.length > 6 || timestamp === null || value === null || step === null) {
      throw invalidParam(`Metric file ${path} is malformed at line ${i + 1}: '${line}'`);
    }
    points.push({ value, timestamp, step });
  });
  if (points.length === 0) throw invalidParam(`Metric file ${path} is malformed: it has no lines`);
  return points;
}

/** `<run>/inputs/<id>/meta.yaml` entries joined to `<exp>/datasets/<id>/meta.yaml`. */
function readInputs(tree: TreeIndex, runDir: string, warnings: string[]): DumpDatasetInput[] {
  const expDir = runDir.slice(0, runDir.lastIndexOf('/'));
  const out: DumpDatasetInput[] = [];
  for (const id of tree.dirs(`${runDir}/inputs`)) {
    const input = readMeta(tree, `${runDir}/inputs/${id}`, warnings);
    if (!input || input.source_type !== 'DATASET') continue;
    const ds = readMeta(tree, `${expDir}/datasets/${str(input.source_id)}`, warnings);
    if (!ds) continue;
    const tagMap = (input.tags ?? {}) as Record<string, unknown>;
    out.push({
      dataset: {
        name: str(ds.name), digest: str(ds.digest), sourceType: str(ds.source_type), source: str(ds.source),
        ...(ds.schema != null ? { schema: str(ds.schema) } : {}),
        ...(ds.profile != null ? { profile: str(ds.profile) } : {}),
      },
      tags: Object.keys(tagMap).map((key) => ({ key, value: str(tagMap[key]) })),
    });
  }
  return out;
}
