/**
 * Issue 6 part 3 against the real MLflow: Python writes an mlruns FileStore tree and an mlflow.db; Flowpad imports
 * both and reports every value MlflowClient reports. Then Flowpad exports an experiment as mlruns and MlflowClient
 * reads it back equal.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient } from '../helpers';
import type { DumpRegisteredModel } from '../../src/interop/dump';
import { dumpExperiments } from '../../src/interop/export';
import { readMlruns } from '../../src/interop/mlruns-read';
import { writeMlruns } from '../../src/interop/mlruns-write';
import { restoreMlflowDump } from '../../src/interop/restore';
import { readMlflowDb } from '../../src/interop/sqlite-read';
import { unzipTree, zipTree } from '../../src/interop/zip';
import { flowpadJson, type StoreJson } from './oracle';
import { readDirTree, readJson, removeTempDirs, requirePython, runPy, tempDir, writeDirTree } from './python';

const sortObj = <T>(o: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));

/** The reader's registry in the shape common.dump_registry gives. */
function registryJson(models: DumpRegisteredModel[]): unknown[] {
  return models.map((m) => ({
    name: m.name, creation_timestamp: m.creationTimestamp, last_updated_timestamp: m.lastUpdatedTimestamp,
    description: m.description, tags: sortObj(Object.fromEntries(m.tags.map((t) => [t.key, t.value]))), aliases: m.aliases,
    versions: m.versions.map((v) => ({
      version: v.version, creation_timestamp: v.creationTimestamp, last_updated_timestamp: v.lastUpdatedTimestamp,
      current_stage: v.currentStage, description: v.description, source: v.source, run_id: v.runId, status: v.status,
      tags: Object.fromEntries(v.tags.map((t) => [t.key, t.value])),
    })),
  }));
}

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
    const client = makeClient();
    const res = await restoreMlflowDump(client, dump);
    expect(res.runsCreated).toBe(fileOracle.runs.length);
    const mine = await flowpadJson(client);
    expect(mine.experiments).toEqual(fileOracle.experiments);
    expect(mine.runs).toEqual(fileOracle.runs);
    await client.close();
  });

  it('imports an mlflow.db with every value equal', async () => {
    const SQL = await initSqlJs();
    const dump = readMlflowDb(SQL, new Uint8Array(readFileSync(join(sqlDir, 'mlflow.db'))));
    expect(registryJson(dump.registeredModels)).toEqual(sqlOracle.registered_models);
    const client = makeClient();
    await restoreMlflowDump(client, dump);
    const mine = await flowpadJson(client, { artifacts: false });
    expect(mine.experiments).toEqual(sqlOracle.experiments);
    expect(mine.runs).toEqual(sqlOracle.runs);
    // A second import creates nothing new.
    expect(await restoreMlflowDump(client, dump)).toMatchObject({ runsCreated: 0, experimentsCreated: 0 });
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
