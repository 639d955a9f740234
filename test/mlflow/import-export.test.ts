/**
 * Issue 6 part 3 against the real MLflow: Python writes an mlruns FileStore tree and an mlflow.db; Flowpad imports
 * both and reports every value MlflowClient reports. Then Flowpad exports an experiment as mlruns and MlflowClient
 * reads it back equal.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { errorOf, makeClient } from '../helpers';
import { openRegistry, type RegistryClient } from '../../src/registry';
import { openTracking, type TrackingClient } from '../../src/tracking';
import type { DumpRegisteredModel } from '../../src/interop/dump';
import { dumpExperiments } from '../../src/interop/export';
import { readMlruns } from '../../src/interop/mlruns-read';
import { writeMlruns } from '../../src/interop/mlruns-write';
import { restoreMlflowDump } from '../../src/interop/restore';
import { readMlflowDb } from '../../src/interop/sqlite-read';
import { unzipTree, zipTree } from '../../src/interop/zip';
import { flowpadJson, flowpadRegistryJson, type StoreJson } from './oracle';
import { readDirTree, readJson, removeTempDirs, requirePython, runPy, tempDir, writeDirTree } from './python';

const sortObj = <T>(o: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));

/** The reader's registry in the shape common.dump_registry gives (MlflowClient hides soft-deleted versions). */
function registryJson(models: DumpRegisteredModel[]): unknown[] {
  const live = (m: DumpRegisteredModel) => m.versions.filter((v) => v.currentStage !== 'Deleted_Internal');
  return models.map((m) => ({
    name: m.name, creation_timestamp: m.creationTimestamp, last_updated_timestamp: m.lastUpdatedTimestamp,
    description: m.description, tags: sortObj(Object.fromEntries(m.tags.map((t) => [t.key, t.value]))), aliases: m.aliases,
    versions: live(m).map((v) => ({
      version: v.version, creation_timestamp: v.creationTimestamp, last_updated_timestamp: v.lastUpdatedTimestamp,
      current_stage: v.currentStage, description: v.description, source: v.source, run_id: v.runId, status: v.status,
      tags: Object.fromEntries(v.tags.map((t) => [t.key, t.value])),
    })),
  }));
}

let dbCount = 0;
/** A tracking client and a registry client on one fresh fake IndexedDB, like the app's two clients. */
function makeClients(): { client: TrackingClient; registry: RegistryClient } {
  const indexedDB = new IDBFactory();
  const dbName = `import-${++dbCount}`;
  return { client: openTracking({ indexedDB, IDBKeyRange, dbName }), registry: openRegistry({ indexedDB, IDBKeyRange, dbName }) };
}

const fileNames = async (registry: RegistryClient, name: string, version: number) =>
  (await registry.listModelVersionFiles(name, version)).map((f) => f.path).sort();

let fileDir: string;
let sqlDir: string;
let fileOracle: StoreJson;
let sqlOracle: StoreJson;

beforeAll(async () => {
  requirePython();
  fileDir = tempDir('mlruns');
  sqlDir = tempDir('sqlite');
  // Separate working directories: the SQL store's default artifact root is ./mlruns.
  await Promise.all([
    runPy('write_store.py', [`file://${fileDir}/mlruns`], { cwd: fileDir }),
    runPy('write_store.py', [`sqlite:///${sqlDir}/mlflow.db`], { cwd: sqlDir }),
  ]);
  await Promise.all([
    runPy('dump_store.py', [`file://${fileDir}/mlruns`, join(fileDir, 'oracle.json')], { cwd: fileDir }),
    runPy('dump_store.py', [`sqlite:///${sqlDir}/mlflow.db`, join(sqlDir, 'oracle.json'), '--no-artifacts'], { cwd: sqlDir }),
  ]);
  fileOracle = readJson<StoreJson>(join(fileDir, 'oracle.json'));
  sqlOracle = readJson<StoreJson>(join(sqlDir, 'oracle.json'));
});

afterAll(removeTempDirs);

describe('MLflow → Flowpad', () => {
  it('imports an mlruns FileStore tree (zipped) with every value equal', async () => {
    const dump = readMlruns(unzipTree(zipTree(readDirTree(join(fileDir, 'mlruns')))));
    expect(dump.warnings).toEqual([]);
    expect(registryJson(dump.registeredModels)).toEqual(fileOracle.registered_models);
    const { client, registry } = makeClients();
    const res = await restoreMlflowDump(client, dump);
    expect(res.runsCreated).toBe(fileOracle.runs.length);
    const mine = await flowpadJson(client);
    expect(mine.experiments).toEqual(fileOracle.experiments);
    expect(mine.runs).toEqual(fileOracle.runs);
    expect(fileOracle.registered_models).toHaveLength(3);
    expect(await flowpadRegistryJson(registry)).toEqual(fileOracle.registered_models);
    expect(res.registry.map((m) => [m.name, m.created])).toEqual([['interop-model', true], ['second model ü', true], ['untouched', true]]);
    // Files the sources name are linked: the run's model/ folder, and the MLflow 3 LoggedModel's artifacts.
    expect(await fileNames(registry, 'interop-model', 1)).toEqual(['weights.bin']);
    const logged = await registry.getModelVersion('second model ü', 3);
    expect(logged.source).toMatch(/^models:\/m-[0-9a-f]+$/);
    expect(await fileNames(registry, 'second model ü', 3)).toEqual(['MLmodel', 'weights.bin']);
    expect(await fileNames(registry, 'second model ü', 1)).toEqual([]);
    expect(new Uint8Array(await (await registry.downloadModelVersionFile('interop-model', 1, 'weights.bin')).arrayBuffer()))
      .toEqual(Uint8Array.from({ length: 256 }, (_, i) => i));
    // The soft-deleted version 4 keeps its number taken, as in MLflow.
    await expect(registry.getModelVersion('interop-model', 4)).rejects.toMatchObject({ code: 'RESOURCE_DOES_NOT_EXIST' });
    expect((await registry.createModelVersion('interop-model', 's3://b/new')).version).toBe('5');
    registry.close();
    await client.close();
  });

  it('imports an mlflow.db with every value equal', async () => {
    const SQL = await initSqlJs();
    const dump = readMlflowDb(SQL, new Uint8Array(readFileSync(join(sqlDir, 'mlflow.db'))));
    expect(registryJson(dump.registeredModels)).toEqual(sqlOracle.registered_models);
    const { client, registry } = makeClients();
    await restoreMlflowDump(client, dump);
    const mine = await flowpadJson(client, { artifacts: false });
    expect(mine.experiments).toEqual(sqlOracle.experiments);
    expect(mine.runs).toEqual(sqlOracle.runs);
    expect(await flowpadRegistryJson(registry)).toEqual(sqlOracle.registered_models);
    // mlflow.db holds no files: versions keep their metadata and source string.
    expect((await registry.getModelVersion('interop-model', 1)).fileCount).toBe(0);
    // A second import creates nothing new.
    const again = await restoreMlflowDump(client, dump);
    expect(again).toMatchObject({ runsCreated: 0, experimentsCreated: 0 });
    expect(again.registry.every((m) => m.unchanged)).toBe(true);
    expect(await flowpadRegistryJson(registry)).toEqual(sqlOracle.registered_models);
    registry.close();
    await client.close();
  });

  it('refuses a store whose registered model clashes with a different Flowpad model, writing nothing', async () => {
    const SQL = await initSqlJs();
    const dump = readMlflowDb(SQL, new Uint8Array(readFileSync(join(sqlDir, 'mlflow.db'))));
    const { client, registry } = makeClients();
    await registry.createRegisteredModel('untouched', { description: 'mine' });
    const err = await errorOf(restoreMlflowDump(client, dump));
    expect(err.code).toBe('RESOURCE_ALREADY_EXISTS');
    expect(err.message).toContain('untouched');
    // Atomic: no experiment, run or other model was written.
    expect((await client.searchExperiments({ viewType: 'ALL' })).items.map((e) => e.name)).toEqual(['Default']);
    expect((await registry.searchRegisteredModels()).items.map((m) => m.name)).toEqual(['untouched']);
    expect((await registry.getRegisteredModel('untouched')).description).toBe('mine');
    registry.close();
    await client.close();
  });
});

describe('Flowpad → MLflow', () => {
  it('exports experiments as an mlruns tree that MlflowClient reads back equal', async () => {
    const client = makeClient();
    await restoreMlflowDump(client, readMlruns(readDirTree(join(fileDir, 'mlruns'))));
    // Runs logged natively in Flowpad too, not only imported ones.
    const expId = await client.createExperiment('native', { tags: { origin: 'flowpad' } });
    const run = await client.createRun(expId, { runName: 'native run', startTime: 1_700_000_000_123 });
    await client.logBatch(run.info.runId, {
      params: [{ key: 'p', value: 'v' }],
      metrics: [{ key: 'm', value: NaN, timestamp: 5, step: 0 }, { key: 'm', value: 2.5, timestamp: 6, step: 1 }, { key: 'a/b', value: -Infinity, timestamp: 7, step: 0 }],
    });
    await client.logText(run.info.runId, 'text', 'out/t.txt');
    await client.setTerminated(run.info.runId, 'KILLED', 1_700_000_001_000);
    const ids = fileOracle.experiments.map((e) => e.experiment_id as string).filter((id) => id !== '0');
    const out = tempDir('export');
    const root = join(out, 'mlruns');
    writeDirTree(root, writeMlruns(await dumpExperiments(client, [...ids, expId]), { artifactRoot: `file://${root}` }));
    await runPy('dump_store.py', [`file://${root}`, join(out, 'back.json'), '--no-registry'], { cwd: out });
    const back = readJson<StoreJson>(join(out, 'back.json'));
    const mine = await flowpadJson(client, { only: [...ids, expId] });
    const relocate = (s: string) => s.replace(/^(file:\/\/.*?\/mlruns\/|flowpad-artifacts:\/)/, 'ROOT/');
    const norm = (j: StoreJson) => ({
      experiments: j.experiments.filter((e) => e.experiment_id !== '0').map((e) => ({ ...e, artifact_location: relocate(e.artifact_location as string) })),
      runs: j.runs.map((r) => ({ ...r, info: { ...r.info, artifact_uri: relocate(r.info.artifact_uri as string) } })),
    });
    expect(norm(back)).toEqual(norm(mine));
    await client.close();
  });
});
