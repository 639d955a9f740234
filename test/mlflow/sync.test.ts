/**
 * Issue 6 part 5 (domain half): push Flowpad experiments to a real `mlflow server` (SQLite backend, proxied
 * artifacts, loopback only), check what MlflowClient sees, push again (nothing new), resume an interrupted push,
 * and pull everything back into a fresh Flowpad. Then push registered models (versions, stages, tags, aliases) the
 * same way, checked with MlflowClient.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import {
  MlflowRegistryRestClient, MlflowRestClient, pullExperiments, pullRegisteredModels, pushExperiments, pushRegisteredModels, SOURCE_RUN_TAG,
  SOURCE_VERSION_TAG, type SyncProgress,
} from '../../src/interop/rest';
import { openRegistry, type RegistryClient } from '../../src/registry';
import { openTracking, type TrackingClient } from '../../src/tracking';
import { makeClient } from '../helpers';
import { flowpadJson, flowpadRegistryJson, type StoreJson } from './oracle';
import { readJson, removeTempDirs, runPy, tempDir } from './python';
import { startMlflowServer, type RunningServer } from './server';

const T0 = 1_700_000_000_000;
const SQL_MAX = 1.7976931348623157e308;
let server: RunningServer;
let local: TrackingClient;
let localRegistry: RegistryClient;
let dir: string;
const headers: (string | null)[] = [];

/** A fetch that records the Authorization header, and fails every request once `failAfter` hits 0. */
function recordingFetch(failAfter = Infinity): typeof fetch {
  let left = failAfter;
  return async (input, init) => {
    headers.push(new Headers(init?.headers).get('Authorization'));
    if (String(input).includes('log-batch') && left-- <= 0) throw new TypeError('network down (simulated)');
    return fetch(input, init);
  };
}
const remote = (failAfter?: number) =>
  new MlflowRestClient({ baseUrl: server.url, authorization: 'Bearer test-token', fetch: recordingFetch(failAfter) });

async function addLocalData(client: TrackingClient): Promise<string[]> {
  const e1 = await client.createExperiment('sync one', { tags: { team: 'ml' } });
  const e2 = await client.createExperiment('sync two');
  const parent = await client.createRun(e1, { runName: 'parent', startTime: T0, tags: { stage: 'dev' } });
  const pid = parent.info.runId;
  await client.logBatch(pid, { params: Array.from({ length: 100 }, (_, i) => ({ key: `p${i}`, value: `v${i}` })) });
  await client.logBatch(pid, { params: Array.from({ length: 50 }, (_, i) => ({ key: `q${i}`, value: 'x'.repeat(5000) })) });
  for (let from = 0; from < 2500; from += 1000) {
    await client.logBatch(pid, {
      metrics: Array.from({ length: Math.min(1000, 2500 - from) }, (_, k) => ({ key: 'loss', value: 1 / (from + k + 1), timestamp: T0 + from + k, step: from + k })),
    });
  }
  await client.logBatch(pid, {
    metrics: [
      { key: 'acc', value: NaN, timestamp: T0, step: 0 }, { key: 'acc', value: Infinity, timestamp: T0 + 1, step: 1 },
      { key: 'acc', value: -Infinity, timestamp: T0 + 2, step: 2 }, { key: 'acc', value: 0.5, timestamp: T0 + 3, step: 3 },
    ],
  });
  await client.logText(pid, 'hello', 'notes/readme.txt');
  await client.logArtifact(pid, 'model/weights.bin', Uint8Array.from({ length: 300 }, (_, i) => i % 256));
  const child = await client.createRun(e1, { runName: 'child', startTime: T0 + 5, parentRunId: pid });
  await client.logMetric(child.info.runId, 'loss', 0.25, { timestamp: T0 + 6, step: 1 });
  await client.setTerminated(child.info.runId, 'FAILED', T0 + 7);
  const gone = await client.createRun(e1, { runName: 'deleted one', startTime: T0 + 8 });
  await client.logParam(gone.info.runId, 'x', '1');
  await client.setTerminated(gone.info.runId, 'KILLED', T0 + 9);
  await client.deleteRun(gone.info.runId);
  await client.setTerminated(pid, 'FINISHED', T0 + 10_000);
  await client.createRun(e2, { runName: 'still running', startTime: T0 + 11 });
  await client.flush();
  return [e1, e2];
}

/** The server's view (MlflowClient over REST), in the dump format. */
async function serverJson(name: string): Promise<StoreJson> {
  await runPy('dump_store.py', [server.url, join(dir, name), '--no-registry'], { cwd: dir });
  return readJson<StoreJson>(join(dir, name));
}

/** Server dump → local terms: Flowpad run ids, no source tag, no locations or server times, SQL's max double as Infinity. */
function asLocal(s: StoreJson, expNames: Record<string, string>): StoreJson {
  const byRemote = new Map(s.runs.map((r) => [r.info.run_id as string, (r.tags as Record<string, string>)[SOURCE_RUN_TAG]]));
  const inf = (v: unknown) => (v === SQL_MAX ? 'Infinity' : v === -SQL_MAX ? '-Infinity' : v);
  return {
    registered_models: [],
    experiments: s.experiments.filter((e) => e.experiment_id !== '0')
      .map((e) => ({ ...e, experiment_id: expNames[e.name as string], artifact_location: '', creation_time: 0, last_update_time: 0 }))
      .sort((a, b) => (a.experiment_id < b.experiment_id ? -1 : 1)),
    runs: s.runs.map((r) => {
      const tags = { ...(r.tags as Record<string, string>) };
      delete tags[SOURCE_RUN_TAG];
      if (tags['mlflow.parentRunId']) tags['mlflow.parentRunId'] = byRemote.get(tags['mlflow.parentRunId']) ?? tags['mlflow.parentRunId'];
      const history = Object.fromEntries(Object.entries(r.history as Record<string, [number, unknown, number][]>)
        .map(([k, pts]) => [k, pts.map(([t, v, st]) => [t, inf(v), st])]));
      const metrics = Object.fromEntries(Object.entries(r.metrics as Record<string, unknown>).map(([k, v]) => [k, inf(v)]));
      return { ...r, tags, history, metrics, info: { ...r.info, run_id: byRemote.get(r.info.run_id as string), experiment_id: expNames[String(r.info.experiment_id)], artifact_uri: '' } };
    }).sort((a, b) => ((a.info.run_id as string) < (b.info.run_id as string) ? -1 : 1)),
  };
}

/** Local dump with locations and experiment times blanked, ordered by Flowpad id. */
function comparable(j: StoreJson): StoreJson {
  return {
    registered_models: [],
    experiments: j.experiments.filter((e) => e.experiment_id !== '0').map((e) => ({ ...e, artifact_location: '', creation_time: 0, last_update_time: 0 })),
    runs: j.runs.map((r) => ({ ...r, info: { ...r.info, artifact_uri: '' } })),
  };
}

beforeAll(async () => {
  dir = tempDir('sync');
  const indexedDB = new IDBFactory();
  local = openTracking({ indexedDB, IDBKeyRange, dbName: 'sync-local' });
  localRegistry = openRegistry({ indexedDB, IDBKeyRange, dbName: 'sync-local' });
  [server] = await Promise.all([startMlflowServer(dir), addLocalData(local)]);
});
afterAll(async () => {
  await server?.stop();
  localRegistry?.close();
  await local?.close();
  removeTempDirs();
});

describe('sync with mlflow server', () => {
  let expIds: string[];
  let mapping: Record<string, string>;

  it('pushes experiments and runs: MlflowClient sees every value', async () => {
    expIds = (await local.searchExperiments()).items.map((e) => e.experimentId).filter((id) => id !== '0');
    const progress: SyncProgress[] = [];
    const res = await pushExperiments(local, remote(), expIds, { onProgress: (p) => progress.push(p) });
    expect(res).toMatchObject({ experimentsCreated: 2, runsCreated: 4, pointsSent: 2505, artifactsSent: 2, warnings: [] });
    // 150 params → 2 batches, 2500 + 4 loss/acc points → 3 batches of ≤ 1000 …
    expect(res.requests).toBeGreaterThanOrEqual(6);
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4]);
    expect(headers.every((h) => h === 'Bearer test-token')).toBe(true);
    mapping = res.experiments;
    const names = Object.fromEntries(await Promise.all(Object.entries(mapping).map(async ([l, r]) => [r, l])));
    const byName = Object.fromEntries(
      (await local.searchExperiments()).items.map((e) => [e.name, e.experimentId]),
    );
    const there = asLocal(await serverJson('push1.json'), { ...names, ...byName });
    expect(there).toEqual(comparable(await flowpadJson(local, { only: expIds })));
  });

  it('a second push creates and sends nothing', async () => {
    const res = await pushExperiments(local, remote(), expIds);
    expect(res).toMatchObject({ experimentsCreated: 0, runsCreated: 0, requests: 0, pointsSent: 0, artifactsSent: 0 });
    expect(res.experiments).toEqual(mapping);
  });

  it('resumes an interrupted push without duplicating anything', async () => {
    const e3 = await local.createExperiment('sync three');
    const run = await local.createRun(e3, { runName: 'long', startTime: T0 + 20 });
    const points = Array.from({ length: 3500 }, (_, k) => ({ key: 'm', value: k % 7 === 0 ? NaN : k, timestamp: T0 + k, step: k }));
    for (let i = 0; i < points.length; i += 1000) await local.logBatch(run.info.runId, { metrics: points.slice(i, i + 1000) });
    await local.setTerminated(run.info.runId, 'FINISHED', T0 + 5000);
    const failed = await pushExperiments(local, remote(2), [e3]).catch((e: { code: string; message: string }) => e);
    expect(failed).toMatchObject({ code: 'INTERNAL_ERROR' });
    expect((failed as { message: string }).message).toMatch(/cannot reach the MLflow server/);
    const res = await pushExperiments(local, remote(), [e3]);
    expect(res).toMatchObject({ runsCreated: 0, pointsSent: 1500 });
    const remoteId = res.runs[run.info.runId];
    const history = await remote().getMetricHistory(remoteId, 'm');
    expect(history).toHaveLength(3500);
    expect((await remote().getRun(remoteId)).info.status).toBe('FINISHED');
    expIds.push(e3);
  });

  it('pulls everything back into a fresh Flowpad, equal to what MlflowClient reports', async () => {
    const fresh = makeClient();
    const remoteIds = expIds.map((id) => (id in mapping ? mapping[id] : undefined)).filter((x): x is string => !!x);
    remoteIds.push((await remote().getExperimentByName('sync three'))!.experimentId);
    const progress: SyncProgress[] = [];
    const res = await pullExperiments(remote(), fresh, remoteIds, { onProgress: (p) => progress.push(p) });
    expect(res).toMatchObject({ runsCreated: 5, experimentsCreated: 3 });
    expect(progress.at(-1)).toMatchObject({ done: 5, total: 5 });
    const there = await serverJson('pull.json');
    const mine = await flowpadJson(fresh);
    expect(mine.experiments.filter((e) => e.experiment_id !== '0')).toEqual(there.experiments.filter((e) => e.experiment_id !== '0'));
    expect(mine.runs).toEqual(there.runs);
    // Pulling again, or pulling into the Flowpad the runs came from, creates nothing.
    expect(await pullExperiments(remote(), fresh, remoteIds)).toMatchObject({ runsCreated: 0 });
    expect(await pullExperiments(remote(), local, remoteIds)).toMatchObject({ runsCreated: 0 });
    await fresh.close();
  });

  it("reports the server's error_code", async () => {
    await expect(remote().getRun('nope')).rejects.toMatchObject({ code: 'RESOURCE_DOES_NOT_EXIST', message: 'Run with id=nope not found' });
    await expect(remote().createExperiment('sync one')).rejects.toMatchObject({ code: 'RESOURCE_ALREADY_EXISTS' });
  });
});

/** A fetch that fails (as a network error) every registry request to `path` after `failAfter` of them. */
function failingRegistryFetch(path: string, failAfter: number): typeof fetch {
  let left = failAfter;
  return async (input, init) => {
    if (String(input).includes(path) && left-- <= 0) throw new TypeError('network down (simulated)');
    return fetch(input, init);
  };
}
const remoteRegistry = (f: typeof fetch = fetch) =>
  ({ tracking: remote(), registry: new MlflowRegistryRestClient({ baseUrl: server.url, authorization: 'Bearer test-token', fetch: f }) });

/** The server's registry as MlflowClient reports it (common.dump_registry). */
async function serverRegistry(name: string): Promise<Record<string, { versions: Record<string, unknown>[] } & Record<string, unknown>>> {
  await runPy('dump_store.py', [server.url, join(dir, name), '--no-artifacts'], { cwd: dir });
  const models = readJson<StoreJson>(join(dir, name)).registered_models as ({ name: string; versions: Record<string, unknown>[] } & Record<string, unknown>)[];
  return Object.fromEntries(models.map((m) => [m.name, m]));
}

describe('registry push to mlflow server', () => {
  let pid: string;
  let serverRun: string;

  it('pushes registered models with versions, stages, tags and aliases: MlflowClient sees them', async () => {
    pid = (await local.searchRuns((await local.searchExperiments()).items.map((e) => e.experimentId), { filter: "attributes.run_name = 'parent'" })).items[0].info.runId;
    // The run is on the server already (pushed above, or here when this block runs alone).
    await pushExperiments(local, remote(), [(await local.getRun(pid)).info.experimentId]);
    await local.logText(pid, 'artifact_path: model\nflavors: {}\n', 'model/MLmodel');
    await localRegistry.createRegisteredModel('sync model', { tags: { task: 'cls' }, description: 'pushed from Flowpad' });
    await localRegistry.createModelVersion('sync model', `runs:/${pid}/model`, { tags: { v: '1' }, description: 'first' });
    await localRegistry.createModelVersion('sync model', 's3://bucket/elsewhere');
    await localRegistry.createModelVersion('sync model', `runs:/${pid}/model`, { tags: { v: '3' } });
    await localRegistry.deleteModelVersion('sync model', 2); // the server numbers Flowpad's 3 as 2
    await localRegistry.transitionModelVersionStage('sync model', 1, 'Production');
    await localRegistry.transitionModelVersionStage('sync model', 3, 'Staging');
    await localRegistry.setRegisteredModelAlias('sync model', 'champion', 3);
    await localRegistry.setRegisteredModelAlias('sync model', 'old', 1);
    await localRegistry.createRegisteredModel('other model ü');
    await localRegistry.createModelVersion('other model ü', 's3://bucket/other', { description: 'external' });
    const progress: SyncProgress[] = [];
    const res = await pushRegisteredModels({ tracking: local, registry: localRegistry }, remoteRegistry(), ['sync model', 'other model ü'], {
      onProgress: (p) => progress.push(p),
    });
    expect(res).toMatchObject({ modelsCreated: 2, versionsCreated: 3, versions: { 'sync model': { 1: '1', 3: '2' }, 'other model ü': { 1: '1' } } });
    expect(res.experiments).toMatchObject({ runsCreated: 0, artifactsSent: 1 }); // the run was pushed above; its new MLmodel goes now
    expect(progress.at(-1)).toEqual({ done: 3, total: 3 });
    serverRun = res.experiments!.runs[pid];
    const artifactUri = (await remote().getRun(serverRun)).info.artifactUri;
    const there = await serverRegistry('reg1.json');
    expect(there['sync model']).toMatchObject({
      description: 'pushed from Flowpad', tags: { task: 'cls' }, aliases: { champion: 2, old: 1 },
    });
    expect(there['sync model'].versions).toMatchObject([
      { version: 1, current_stage: 'Production', description: 'first', source: `${artifactUri}/model`, run_id: serverRun, tags: { v: '1', [SOURCE_VERSION_TAG]: '1' } },
      // MLflow's server stores a REST request's missing description as '' (proto default), as for MlflowClient's calls.
      { version: 2, current_stage: 'Staging', description: '', source: `${artifactUri}/model`, run_id: serverRun, tags: { v: '3', [SOURCE_VERSION_TAG]: '3' } },
    ]);
    expect(there['other model ü'].versions).toMatchObject([
      { version: 1, current_stage: 'None', description: 'external', source: 's3://bucket/other', run_id: '', tags: { [SOURCE_VERSION_TAG]: '1' } },
    ]);
  });

  it('a second push creates and sends nothing', async () => {
    const res = await pushRegisteredModels({ tracking: local, registry: localRegistry }, remoteRegistry(), ['sync model', 'other model ü']);
    expect(res).toMatchObject({ modelsCreated: 0, versionsCreated: 0, updates: 0 });
    expect(res.experiments).toMatchObject({ runsCreated: 0, requests: 0, artifactsSent: 0 });
  });

  it('resumes an interrupted push: every change arrives once', async () => {
    await localRegistry.updateRegisteredModel('sync model', 'changed');
    await localRegistry.createModelVersion('sync model', `runs:/${pid}/model`, { tags: { v: '4' } });
    await localRegistry.createModelVersion('sync model', 's3://bucket/five');
    await localRegistry.setRegisteredModelAlias('sync model', 'champion', 5);
    await localRegistry.transitionModelVersionStage('sync model', 1, 'Archived');
    const failed = await pushRegisteredModels({ tracking: local, registry: localRegistry },
      remoteRegistry(failingRegistryFetch('/model-versions/create', 1)), ['sync model']).catch((e: { code: string; message: string }) => e);
    expect(failed).toMatchObject({ code: 'INTERNAL_ERROR' });
    expect((failed as { message: string }).message).toMatch(/cannot reach the MLflow server/);
    const res = await pushRegisteredModels({ tracking: local, registry: localRegistry }, remoteRegistry(), ['sync model']);
    expect(res).toMatchObject({ versionsCreated: 1, versions: { 'sync model': { 1: '1', 3: '2', 4: '3', 5: '4' } } });
    const there = await serverRegistry('reg2.json');
    expect(there['sync model']).toMatchObject({ description: 'changed', aliases: { champion: 4, old: 1 } });
    expect(there['sync model'].versions.map((v) => [v.version, v.current_stage, (v.tags as Record<string, string>)[SOURCE_VERSION_TAG]])).toEqual([
      [1, 'Archived', '1'], [2, 'Staging', '3'], [3, 'None', '4'], [4, 'None', '5'],
    ]);
  });

  it("shows the server's error_code when it refuses a version", async () => {
    await localRegistry.createRegisteredModel('refused');
    await localRegistry.createModelVersion('refused', 'file:///etc/somewhere');
    await expect(pushRegisteredModels({ tracking: local, registry: localRegistry }, remoteRegistry(), ['refused']))
      .rejects.toMatchObject({ code: 'INVALID_PARAMETER_VALUE', message: expect.stringMatching(/Invalid model version source/) });
  });

  it('pulls registered models into a fresh Flowpad, equal to what MlflowClient reports; never back into their origin', async () => {
    const indexedDB = new IDBFactory();
    const fresh = { tracking: openTracking({ indexedDB, IDBKeyRange, dbName: 'sync-pull' }), registry: openRegistry({ indexedDB, IDBKeyRange, dbName: 'sync-pull' }) };
    const names = ['other model ü', 'sync model'];
    const res = await pullRegisteredModels(remoteRegistry(), fresh, names);
    expect(res.registry.map((m) => [m.name, m.created])).toEqual([['other model ü', true], ['sync model', true]]);
    const there = await serverRegistry('reg-pull.json');
    // The server stores a REST call's unset description or run id as ''; Flowpad reports unset as '' too, which
    // flowpadRegistryJson prints as null, so the server's '' is printed the same way here.
    const unset = (m: Record<string, unknown>) => ({
      ...m, description: m.description || null,
      versions: (m.versions as Record<string, unknown>[]).map((v) => ({ ...v, description: v.description || null, run_id: v.run_id || null })),
    });
    expect(await flowpadRegistryJson(fresh.registry)).toEqual(names.map((n) => unset(there[n])));
    expect((await fresh.registry.getModelVersion('sync model', 1)).runId).toBe(serverRun);
    // Again: nothing new. Into the Flowpad the models were pushed from: skipped.
    const again = await pullRegisteredModels(remoteRegistry(), fresh, names);
    expect(again.registry.every((m) => m.unchanged)).toBe(true);
    const home = await pullRegisteredModels(remoteRegistry(), { tracking: local, registry: localRegistry }, ['sync model']);
    expect(home.registry).toEqual([]);
    expect(home.warnings).toContain("registered model 'sync model' was pushed from this Flowpad; not pulled back");
    fresh.registry.close();
    await fresh.tracking.close();
  });
});
