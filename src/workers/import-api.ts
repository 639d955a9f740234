/**
 * The import worker's API, built from interop's readers and restore: parse an `mlruns/` tree (zip or folder) or
 * an `mlflow.db` off the main thread, check it whole, show a preview, and only then write it. `prepare` keeps the
 * checked dump in the worker so the page never holds (or copies) the metric histories and artifact bytes.
 * DOM-free and Comlink-free, so it runs in Node tests as plain functions.
 */
import { isMlflowError, invalidParam } from '../core/errors';
import type { MlflowDump } from '../interop';
import { dumpExperiments, readMlflowDb, readMlruns, restoreMlflowDump, toImportBatch, toImportedModels, unzipTree, writeMlruns, zipTree } from '../interop';
import type { RestoreResult } from '../interop';
import type { TrackingClient } from '../tracking';
import type { KeyValue, LifecycleStage, RunStatus } from '../tracking/entities';

/** What the page hands over: raw bytes (transferred), or a dropped folder's files keyed by relative path. */
export type ImportSource =
  | { kind: 'zip'; name: string; bytes: Uint8Array }
  | { kind: 'folder'; name: string; files: Map<string, Uint8Array> }
  | { kind: 'sqlite'; name: string; bytes: Uint8Array };

/** Where a long step is: `fraction` in [0, 1] over the whole prepare or commit. */
export interface ImportProgress {
  stage: 'unzip' | 'read' | 'check' | 'write';
  fraction: number;
}

export interface PreviewRun {
  runId: string;
  runName: string;
  status: RunStatus;
  lifecycleStage: LifecycleStage;
  /** The first few params, sorted by key. */
  params: KeyValue[];
  /** The last point's value per metric key (first few keys, sorted), and how many points the history has. */
  metrics: { key: string; value: number; points: number }[];
}

export interface PreviewExperiment {
  experimentId: string;
  name: string;
  lifecycleStage: LifecycleStage;
  runs: number;
  /** Up to PREVIEW_RUNS runs, in the store's order. */
  sample: PreviewRun[];
}

/** A registered model the import brings in. */
export interface PreviewModel {
  name: string;
  /** Live versions (soft-deleted ones are imported hidden and not counted). */
  versions: number;
  /** The live versions' stages, newest first, e.g. ['Production', 'None']. */
  stages: string[];
  /** alias → version number */
  aliases: Record<string, number>;
  /** Versions that will get their files (the source's files are in the import). */
  withFiles: number;
}

/** A summary of a checked dump, small enough to cross to the page. */
export interface ImportPreview {
  source: string;
  kind: ImportSource['kind'];
  experiments: PreviewExperiment[];
  runs: number;
  metricPoints: number;
  artifacts: number;
  registeredModels: number;
  models: PreviewModel[];
  warnings: string[];
}

export interface ExportedZip {
  fileName: string;
  bytes: Uint8Array;
}

export interface ImportApiDeps {
  tracking: () => TrackingClient;
  sqlJs: () => Promise<Parameters<typeof readMlflowDb>[0]>;
}

export type ImportApi = ReturnType<typeof makeImportApi>;

const PREVIEW_RUNS = 20;
const PREVIEW_KEYS = 6;

/** Bytes that start a zip archive (local file header or empty-archive end record). */
const isZip = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5);
const isSqlite = (b: Uint8Array): boolean => new TextDecoder().decode(b.subarray(0, 15)) === 'SQLite format 3';

/** Reads a source into a dump; every expected failure is an INVALID_PARAMETER_VALUE naming the input. */
async function readSource(src: ImportSource, deps: ImportApiDeps, progress: (p: ImportProgress) => void): Promise<MlflowDump> {
  if (src.kind === 'sqlite') {
    if (!isSqlite(src.bytes)) throw invalidParam(`${src.name} is not a SQLite database (an MLflow mlflow.db file is expected).`);
    progress({ stage: 'read', fraction: 0.2 });
    return readMlflowDb(await deps.sqlJs(), src.bytes);
  }
  let files = src.kind === 'folder' ? src.files : null;
  if (src.kind === 'zip') {
    if (!isZip(src.bytes)) throw invalidParam(`${src.name} is not a zip archive.`);
    progress({ stage: 'unzip', fraction: 0.1 });
    try {
      files = unzipTree(src.bytes);
    } catch (e) {
      throw invalidParam(`${src.name} is a damaged zip archive (${(e as Error).message}).`);
    }
  }
  progress({ stage: 'read', fraction: 0.4 });
  try {
    return readMlruns(files!);
  } catch (e) {
    if (isMlflowError(e)) throw invalidParam(`${src.name}: ${e.message}`);
    throw e;
  }
}

function previewOf(src: ImportSource, dump: MlflowDump): ImportPreview {
  const byExp = new Map<string, PreviewExperiment>();
  for (const e of dump.experiments) {
    byExp.set(e.experimentId, { experimentId: e.experimentId, name: e.name, lifecycleStage: e.lifecycleStage, runs: 0, sample: [] });
  }
  let metricPoints = 0;
  let artifacts = 0;
  for (const r of dump.runs) {
    const keys = Object.keys(r.metrics).sort();
    for (const k of keys) metricPoints += r.metrics[k]!.length;
    artifacts += r.artifacts.length;
    const exp = byExp.get(r.experimentId);
    if (!exp) continue;
    exp.runs++;
    if (exp.sample.length >= PREVIEW_RUNS) continue;
    exp.sample.push({
      runId: r.runId, runName: r.runName, status: r.status, lifecycleStage: r.lifecycleStage,
      params: [...r.params].sort((a, b) => (a.key < b.key ? -1 : 1)).slice(0, PREVIEW_KEYS),
      metrics: keys.slice(0, PREVIEW_KEYS).map((key) => {
        const h = r.metrics[key]!;
        return { key, value: h[h.length - 1]?.value ?? NaN, points: h.length };
      }),
    });
  }
  return {
    source: src.name, kind: src.kind, experiments: [...byExp.values()], runs: dump.runs.length, metricPoints, artifacts,
    registeredModels: dump.registeredModels.length, models: previewModels(dump), warnings: dump.warnings,
  };
}

function previewModels(dump: MlflowDump): PreviewModel[] {
  return toImportedModels(dump).map((m) => {
    const live = m.versions.filter((v) => v.currentStage !== 'Deleted_Internal').sort((a, b) => (b.version ?? 0) - (a.version ?? 0));
    return {
      name: m.name, versions: live.length, stages: live.map((v) => v.currentStage ?? 'None'), aliases: { ...m.aliases },
      withFiles: live.filter((v) => v.files.length > 0).length,
    };
  });
}

/** The import/export operations; `deps` gives the worker's own tracking client and SQLite loader. */
export function makeImportApi(deps: ImportApiDeps) {
  let pending: MlflowDump | null = null;
  return {
    /** Reads and checks `src` (nothing is written) and keeps it for `commit`. Throws INVALID_PARAMETER_VALUE on bad input. */
    async prepare(src: ImportSource, onProgress?: (p: ImportProgress) => void): Promise<ImportPreview> {
      pending = null;
      const progress = (p: ImportProgress): void => void onProgress?.(p);
      const dump = await readSource(src, deps, progress);
      progress({ stage: 'check', fraction: 0.8 });
      toImportBatch(dump); // throws naming the first bad item, before anything is written
      pending = dump;
      progress({ stage: 'check', fraction: 1 });
      return previewOf(src, dump);
    },

    /** Writes the prepared dump in one transaction; a failure leaves the database unchanged. */
    async commit(onProgress?: (p: ImportProgress) => void): Promise<RestoreResult> {
      if (!pending) throw invalidParam('Nothing to import: choose a file or folder first.');
      onProgress?.({ stage: 'write', fraction: 0.5 });
      const result = await restoreMlflowDump(deps.tracking(), pending);
      pending = null;
      onProgress?.({ stage: 'write', fraction: 1 });
      return result;
    },

    /** Forgets the prepared dump. */
    discard(): void {
      pending = null;
    },

    /** The experiment (all runs, artifacts included) as a zip of an `mlruns/` tree MLflow's FileStore reads. */
    async exportMlrunsZip(experimentId: string): Promise<ExportedZip> {
      const dump = await dumpExperiments(deps.tracking(), [experimentId]);
      const name = dump.experiments[0]?.name ?? experimentId;
      const files = writeMlruns(dump, { prefix: 'mlruns' });
      const safe = name.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'experiment';
      return { fileName: `${safe}-mlruns.zip`, bytes: zipTree(files) };
    },
  };
}
