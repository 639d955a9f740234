/**
 * Writes experiments and runs as an MLflow FileStore tree (`mlruns/` layout of mlflow/store/tracking/file_store.py):
 * `<exp>/meta.yaml` and `<exp>/tags/<key>`, `<exp>/<run>/meta.yaml`, `params/<key>`, `tags/<key>` (exact value,
 * no trailing newline), `metrics/<key>` (lines `timestamp value step`, values as Python prints floats: `nan`,
 * `inf`, `1e-05`), `artifacts/…`, and dataset inputs under `<exp>/datasets/` and `<run>/inputs/`. meta.yaml
 * keys are sorted like PyYAML's `safe_dump(sort_keys=True)`; run status is the integer enum. Deleted
 * experiments go to `.trash/`. Keys containing '/' become sub-folders, as in MLflow. Keys of the returned map that
 * end in '/' are empty folders: MLflow only finds a run whose `metrics/`, `params/` and `artifacts/` folders
 * exist (FileStore._is_valid_run_directory), so they are always written, and zip as directory entries.
 */
import { stringify } from 'yaml';
import { pythonFloatStr } from '../tracking/validation';
import { NUMBER_BY_STATUS } from './dump';
import type { DumpDatasetInput, DumpExperiment, DumpMetricPoint, DumpRun, MlflowDump } from './dump';
import { bytes } from './files';

export interface WriteMlrunsOptions {
  /**
   * Where MLflow will find the tree's artifacts: `artifact_location` becomes `<artifactRoot>/<experiment id>` and
   * each run's `artifact_uri` `<artifactRoot>/<experiment id>/<run id>/artifacts`. Pass the `file://` URI of the
   * folder the tree is unpacked into. Default `./mlruns` (resolved by MLflow against its working directory).
   */
  artifactRoot?: string;
  /** Folder prefix inside the returned map, e.g. 'mlruns' (default: none). */
  prefix?: string;
}

/** PyYAML-style meta.yaml: sorted keys, block style, ambiguous strings quoted. */
export function toMetaYaml(map: Record<string, unknown>): Uint8Array {
  return bytes(stringify(map, { version: '1.1', sortMapEntries: true, lineWidth: 0, singleQuote: true }));
}

/** Renders `dump` (its experiments and runs; not its registry) as path → bytes. */
export function writeMlruns(dump: MlflowDump, opts: WriteMlrunsOptions = {}): Map<string, Uint8Array> {
  const root = (opts.artifactRoot ?? './mlruns').replace(/\/+$/, '');
  const out = new Map<string, Uint8Array>();
  const pre = opts.prefix ? `${opts.prefix.replace(/\/+$/, '')}/` : '';
  const expDirs = new Map<string, string>();
  for (const e of dump.experiments) {
    const dir = `${pre}${e.lifecycleStage === 'deleted' ? '.trash/' : ''}${e.experimentId}`;
    expDirs.set(e.experimentId, dir);
    writeExperiment(out, dir, e, `${root}/${e.experimentId}`);
  }
  for (const r of dump.runs) {
    const dir = expDirs.get(r.experimentId);
    if (dir === undefined) throw new Error(`run ${r.runId}: its experiment ${r.experimentId} is not being written`);
    writeRun(out, dir, r, `${root}/${r.experimentId}/${r.runId}/artifacts`);
  }
  return out;
}

function writeExperiment(out: Map<string, Uint8Array>, dir: string, e: DumpExperiment, location: string): void {
  out.set(`${dir}/meta.yaml`, toMetaYaml({
    artifact_location: location,
    creation_time: e.creationTime,
    experiment_id: e.experimentId,
    last_update_time: e.lastUpdateTime,
    lifecycle_stage: e.lifecycleStage,
    name: e.name,
  }));
  for (const t of e.tags) out.set(`${dir}/tags/${t.key}`, bytes(t.value));
}

function writeRun(out: Map<string, Uint8Array>, expDir: string, r: DumpRun, artifactUri: string): void {
  const dir = `${expDir}/${r.runId}`;
  const meta: Record<string, unknown> = {
    artifact_uri: artifactUri,
    end_time: r.endTime,
    entry_point_name: '',
    experiment_id: r.experimentId,
    lifecycle_stage: r.lifecycleStage,
    run_id: r.runId,
    run_name: r.runName,
    source_name: '',
    source_type: 4,
    source_version: '',
    start_time: r.startTime,
    status: NUMBER_BY_STATUS[r.status],
    tags: [],
    user_id: r.userId,
  };
  if (r.deletedTime !== null) meta.deleted_time = r.deletedTime;
  out.set(`${dir}/meta.yaml`, toMetaYaml(meta));
  for (const sub of ['metrics', 'params', 'artifacts', 'tags']) out.set(`${dir}/${sub}/`, new Uint8Array(0));
  for (const p of r.params) out.set(`${dir}/params/${p.key}`, bytes(p.value));
  for (const t of r.tags) out.set(`${dir}/tags/${t.key}`, bytes(t.value));
  for (const [key, points] of Object.entries(r.metrics)) out.set(`${dir}/metrics/${key}`, bytes(metricLines(points)));
  for (const a of r.artifacts) out.set(`${dir}/artifacts/${a.path}`, a.data);
  r.datasetInputs.forEach((d) => writeInput(out, expDir, dir, d));
}

/** One `timestamp value step` line per point, as FileStore.log_metric appends them. */
export function metricLines(points: readonly DumpMetricPoint[]): string {
  let s = '';
  for (const p of points) s += `${p.timestamp} ${pythonFloatStr(p.value)} ${p.step}\n`;
  return s;
}

/** A stable 32-hex id for a dataset (MLflow uses md5(name + digest); readers only follow the id). */
function datasetId(name: string, digest: string): string {
  let out = '';
  for (let seed = 0; seed < 4; seed++) {
    let h = 0x811c9dc5 ^ seed;
    for (const ch of `${name}\u0000${digest}`) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

function writeInput(out: Map<string, Uint8Array>, expDir: string, runDir: string, d: DumpDatasetInput): void {
  const id = datasetId(d.dataset.name, d.dataset.digest);
  out.set(`${expDir}/datasets/${id}/meta.yaml`, toMetaYaml({
    digest: d.dataset.digest, name: d.dataset.name, profile: d.dataset.profile ?? null,
    schema: d.dataset.schema ?? null, source: d.dataset.source, source_type: d.dataset.sourceType,
  }));
  const inputId = datasetId(id, runDir);
  out.set(`${runDir}/inputs/${inputId}/meta.yaml`, toMetaYaml({
    destination_id: runDir.split('/').pop(), destination_type: 'RUN', source_id: id, source_type: 'DATASET',
    tags: Object.fromEntries(d.tags.map((t) => [t.key, t.value])),
  }));
}
