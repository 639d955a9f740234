/**
 * `restoreMlflowDump`: the one door through which MLflow data enters Flowpad. Every experiment, run, metric
 * point and artifact path is checked against MLflow's rules first; only a dump that passes whole is written,
 * in one transaction (TrackingClient.importRuns), so a rejected import leaves the database unchanged.
 * Registered models are written in that same transaction (restore-registry.ts), keeping MLflow's version numbers.
 * A model whose name Flowpad already has is left as it is when it is the same model (so importing the same store
 * twice creates nothing) and otherwise fails the whole import with RESOURCE_ALREADY_EXISTS naming it.
 */
import { invalidParam, isMlflowError, MlflowError } from '../core/errors';
import { importRegisteredModels, validateImport, type ImportSummary } from '../registry';
import type { ImportBatch, ImportResult, ImportRun, TrackingClient } from '../tracking';
import { guessContentType, normalizeArtifactPath } from '../tracking/artifacts';
import { RUN_STATUSES } from '../tracking/entities';
import {
  validateExperimentName, validateExperimentTag, validateMetric, validateParam, validateRunId, validateTag,
} from '../tracking/validation';
import type { DumpRun, MlflowDump } from './dump';
import { REGISTRY_TABLE_NAMES, toImportedModels } from './restore-registry';

export interface RestoreResult extends ImportResult {
  /** The reader's warnings (skipped folders, bad meta files, …) plus restore's own. */
  warnings: string[];
  /** What happened to each registered model of the dump (empty when it had none). */
  registry: ImportSummary['models'];
}

/** Validates `dump` and writes it through `client.importRuns`. Throws INVALID_PARAMETER_VALUE naming the bad item. */
export async function restoreMlflowDump(client: TrackingClient, dump: MlflowDump): Promise<RestoreResult> {
  const batch = toImportBatch(dump);
  const models = toImportedModels(dump);
  let registry: ImportSummary['models'] = [];
  const result = await client.importRuns(batch, models.length === 0 ? undefined : {
    tables: REGISTRY_TABLE_NAMES,
    write: async (db) => {
      registry = (await importRegisteredModels({ db, userId: '' }, models, { onExisting: 'same-or-refuse' })).models;
    },
  });
  const warnings = [...dump.warnings];
  if (result.runsSkipped.length > 0) warnings.push(`${result.runsSkipped.length} run(s) already present, skipped`);
  const unchanged = registry.filter((m) => m.unchanged).length;
  if (unchanged > 0) warnings.push(`${unchanged} registered model(s) already present, unchanged`);
  return { ...result, warnings, registry };
}

/** Prefixes an MLflow validation message with where the bad value is. */
function within<T>(where: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (isMlflowError(e)) throw new MlflowError(e.code, `${where}: ${e.message}`);
    throw e;
  }
}

/** Checks the whole dump and converts it; pure, so it can run in a worker before anything is written. */
export function toImportBatch(dump: MlflowDump): ImportBatch {
  const names = new Set<string>();
  const ids = new Set<string>();
  for (const e of dump.experiments) {
    within(`experiment ${e.experimentId}`, () => {
      validateExperimentName(e.name);
      for (const t of e.tags) validateExperimentTag(t.key, t.value);
      if (names.has(e.name)) throw invalidParam(`two experiments are named '${e.name}'`);
      if (ids.has(e.experimentId)) throw invalidParam('the experiment id appears twice');
    });
    names.add(e.name);
    ids.add(e.experimentId);
  }
  const runIds = new Set<string>();
  const runs = dump.runs.map((r) => {
    const run = within(`run ${r.runId}`, () => toImportRun(r, ids));
    if (runIds.has(r.runId)) throw invalidParam(`run ${r.runId}: the run id appears twice`);
    runIds.add(r.runId);
    return run;
  });
  within('registry', () => validateImport(toImportedModels(dump)));
  return { experiments: dump.experiments.map((e) => ({ ...e, tags: e.tags.map((t) => ({ ...t })) })), runs };
}

const isTime = (t: number | null): boolean => t === null || (Number.isSafeInteger(t) && t >= 0);

function toImportRun(r: DumpRun, experimentIds: Set<string>): ImportRun {
  validateRunId(r.runId);
  if (!experimentIds.has(r.experimentId)) throw invalidParam(`its experiment ${r.experimentId} is not in the import`);
  if (!RUN_STATUSES.includes(r.status)) throw invalidParam(`invalid status '${String(r.status)}'`);
  if (!isTime(r.startTime) || !isTime(r.endTime) || !isTime(r.deletedTime)) throw invalidParam('times must be non-negative integers (ms)');
  const params = r.params.map((p) => ({ key: p.key, value: validateParam(p.key, p.value, 'params') }));
  const tags = r.tags.map((t) => ({ key: t.key, value: validateTag(t.key, t.value, 'tags') }));
  const metrics: ImportRun['metrics'] = {};
  for (const [key, points] of Object.entries(r.metrics)) {
    const n = points.length;
    const s = { steps: new Float64Array(n), timestamps: new Float64Array(n), values: new Float64Array(n) };
    points.forEach((p, i) => {
      validateMetric(key, p.value, p.timestamp, p.step, `metrics[${key}]`);
      s.steps[i] = p.step;
      s.timestamps[i] = p.timestamp;
      s.values[i] = p.value;
    });
    metrics[key] = s;
  }
  const seen = new Set<string>();
  const artifacts = r.artifacts.map((a) => {
    const path = normalizeArtifactPath(a.path);
    if (seen.has(path)) throw invalidParam(`artifact '${path}' appears twice`);
    seen.add(path);
    return { path, data: a.data, contentType: guessContentType(path) };
  });
  return {
    runId: r.runId, experimentId: r.experimentId, runName: r.runName, userId: r.userId, status: r.status,
    startTime: r.startTime, endTime: r.endTime, artifactUri: r.artifactUri, lifecycleStage: r.lifecycleStage,
    deletedTime: r.deletedTime, params, tags, metrics, datasetInputs: r.datasetInputs.map((d) => structuredClone(d)), artifacts,
  };
}
