/**
 * Registry push: copies Flowpad registered models and their live versions to an MLflow server's model registry —
 * description, tags, stages (through transition-stage) and aliases. A version made from a run points at that run
 * on the server: the run's experiment is pushed first (pushExperiments, itself idempotent), and the version's
 * source becomes `<server run's artifact URI>/<path>` with the server's run id. A version without a run keeps
 * its source string (its Flowpad-only files are not uploaded; a warning says so). A version whose source is an
 * MLflow 3 LoggedModel (`models:/m-…`) is skipped with a warning: the server refuses a LoggedModel it lacks.
 *
 * Identity lives on the server, like push.ts: models match by name, and each version pushed carries the tag
 * `flowpad.sourceVersion` = its Flowpad version number, so a second push creates nothing and an interrupted one
 * is simply run again (each step compares with what the server has and sends only the difference). Versions the
 * server has without that tag are left alone. Failures are MlflowError with the server's `error_code`.
 */
import type { ModelVersion, RegisteredModel, RegistryClient } from '../../registry';
import type { TrackingClient } from '../../tracking';
import type { MlflowRestClient } from './client';
import { pushExperiments, type PushResult, type SyncProgress } from './push';
import type { MlflowRegistryRestClient, RemoteVersion } from './registry-client';

export const SOURCE_VERSION_TAG = 'flowpad.sourceVersion';

export interface RegistryPushResult {
  /** Model name → Flowpad version number → server version number. */
  versions: Record<string, Record<string, string>>;
  modelsCreated: number;
  versionsCreated: number;
  /** Update, tag, stage and alias requests sent for what differed. */
  updates: number;
  /** The push of the experiments whose runs the versions came from (null when no version has a run). */
  experiments: PushResult | null;
  warnings: string[];
}

export interface RegistryPushOptions {
  /** Called in two phases: the runs of the needed experiments, then every version (`done` of `total`). */
  onProgress?: (p: SyncProgress) => void;
}

export interface RegistryPushTargets {
  tracking: MlflowRestClient;
  registry: MlflowRegistryRestClient;
}

const LOGGED_MODEL = /^models:\/m-[^/]+\/?$/;
const quote = (s: string): string => `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

type Local = { tracking: TrackingClient; registry: RegistryClient };
type LocalModel = { model: RegisteredModel; versions: ModelVersion[] };

/** Pushes the named Flowpad registered models (see the module doc). */
export async function pushRegisteredModels(
  local: Local, remote: RegistryPushTargets, names: string[], opts: RegistryPushOptions = {},
): Promise<RegistryPushResult> {
  const res: RegistryPushResult = { versions: {}, modelsCreated: 0, versionsCreated: 0, updates: 0, experiments: null, warnings: [] };
  const models: LocalModel[] = [];
  for (const name of names) {
    const model = await local.registry.getRegisteredModel(name);
    const versions = (await local.registry.searchModelVersions({
      filter: `name = ${quote(name)}`, orderBy: ['version_number ASC'], maxResults: 200_000,
    })).items;
    models.push({ model, versions });
  }
  const runExperiments = await experimentsOfRuns(local.tracking, models.flatMap((m) => m.versions), res);
  const expIds = [...new Set(runExperiments.values())];
  if (expIds.length) res.experiments = await pushExperiments(local.tracking, remote.tracking, expIds, { onProgress: opts.onProgress });
  const progress = { done: 0, total: models.reduce((n, m) => n + m.versions.length, 0) };
  const step = () => opts.onProgress?.({ done: ++progress.done, total: progress.total });
  for (const m of models) await pushModel(local.tracking, remote, m, runExperiments, res, step);
  return res;
}

/** Flowpad run id → its experiment, for the versions' runs; a run Flowpad lacks gets a warning. */
async function experimentsOfRuns(tracking: TrackingClient, versions: ModelVersion[], res: RegistryPushResult): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const v of versions) {
    if (!v.runId || out.has(v.runId)) continue;
    const run = await tracking.getRun(v.runId).catch(() => null);
    if (run) out.set(v.runId, run.info.experimentId);
    else res.warnings.push(`${v.name} version ${v.version}: its run ${v.runId} is not in Flowpad; pushed without a run`);
  }
  return out;
}

/** One model: itself, each version (matched by its source tag, else created), then its aliases. */
async function pushModel(
  tracking: TrackingClient, remote: RegistryPushTargets, { model, versions }: LocalModel, runExperiments: Map<string, string>,
  res: RegistryPushResult, step: () => void,
): Promise<void> {
  await ensureModel(remote.registry, model, res);
  const there = new Map<string, RemoteVersion>();
  for (const rv of await remote.registry.searchAllModelVersions(model.name)) {
    const from = rv.tags.find((t) => t.key === SOURCE_VERSION_TAG)?.value;
    if (from) there.set(from, rv);
  }
  const mapping: Record<string, string> = (res.versions[model.name] = {});
  for (const v of versions) {
    if (!there.has(v.version) && LOGGED_MODEL.test(v.source)) {
      res.warnings.push(`${v.name} version ${v.version}: not pushed, its source ${v.source} is a LoggedModel the server does not have`);
    } else {
      const rv = there.get(v.version) ?? (await createVersion(tracking, remote, v, runExperiments, res));
      mapping[v.version] = rv.version;
      await syncVersion(remote.registry, v, rv, res);
    }
    step();
  }
  const aliasesThere = (await remote.registry.getRegisteredModel(model.name))?.aliases ?? {};
  for (const a of model.aliases) {
    const target = mapping[a.version];
    if (!target || aliasesThere[a.alias] === target) continue;
    await remote.registry.setRegisteredModelAlias(model.name, a.alias, target);
    res.updates++;
  }
}

async function ensureModel(remote: MlflowRegistryRestClient, model: RegisteredModel, res: RegistryPushResult): Promise<void> {
  const found = await remote.getRegisteredModel(model.name);
  if (!found) {
    await remote.createRegisteredModel(model.name, model.tags, model.description);
    res.modelsCreated++;
    return;
  }
  if (found.description !== model.description) {
    await remote.updateRegisteredModel(model.name, model.description);
    res.updates++;
  }
  const have = new Map(found.tags.map((t) => [t.key, t.value]));
  for (const t of model.tags) {
    if (have.get(t.key) === t.value) continue;
    await remote.setRegisteredModelTag(model.name, t.key, t.value);
    res.updates++;
  }
}

/** The version's path inside its run's artifacts, from a `runs:/<id>/<path>` or `<artifact uri>/<path>` source. */
function pathInRun(source: string, runId: string, artifactUri: string): string | null {
  const runs = /^runs:\/([^/]+)\/?(.*)$/.exec(source);
  if (runs) return runs[1] === runId ? runs[2] : null;
  if (source === artifactUri) return '';
  return source.startsWith(`${artifactUri}/`) ? source.slice(artifactUri.length + 1) : null;
}

async function createVersion(
  tracking: TrackingClient, remote: RegistryPushTargets, v: ModelVersion, runExperiments: Map<string, string>, res: RegistryPushResult,
): Promise<RemoteVersion> {
  let source = v.source;
  let runId: string | undefined;
  const remoteRun = runExperiments.has(v.runId) ? res.experiments?.runs[v.runId] : undefined;
  if (remoteRun) {
    const localRun = await tracking.getRun(v.runId);
    const path = pathInRun(v.source, v.runId, localRun.info.artifactUri);
    const serverUri = (await remote.tracking.getRun(remoteRun)).info.artifactUri;
    runId = remoteRun;
    if (path !== null) source = path ? `${serverUri}/${path}` : serverUri;
  } else if (v.fileCount > 0) {
    res.warnings.push(`${v.name} version ${v.version}: its ${v.fileCount} file(s) live only in Flowpad; pushed as metadata with source ${v.source}`);
  }
  const created = await remote.registry.createModelVersion({
    name: v.name, source, runId, description: v.description, tags: [...v.tags, { key: SOURCE_VERSION_TAG, value: v.version }],
  });
  res.versionsCreated++;
  return created;
}

/** Description, tags and stage: whatever differs on the server is set. */
async function syncVersion(remote: MlflowRegistryRestClient, v: ModelVersion, rv: RemoteVersion, res: RegistryPushResult): Promise<void> {
  if (rv.description !== v.description) {
    await remote.updateModelVersion(v.name, rv.version, v.description);
    res.updates++;
  }
  const have = new Map(rv.tags.map((t) => [t.key, t.value]));
  for (const t of v.tags) {
    if (have.get(t.key) === t.value) continue;
    await remote.setModelVersionTag(v.name, rv.version, t.key, t.value);
    res.updates++;
  }
  if (rv.currentStage !== v.currentStage) {
    await remote.transitionModelVersionStage(v.name, rv.version, v.currentStage);
    res.updates++;
  }
}
