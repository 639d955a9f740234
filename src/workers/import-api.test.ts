import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openRegistry } from '../registry';
import { openTracking } from '../tracking';
import { nodeSqlJs } from '../../test/sql-js';
import { errorOf, makeClient } from '../../test/helpers';
import { emptyDump, unzipTree, writeMlruns, zipTree } from '../interop';
import { makeImportApi, type ImportProgress } from './import-api';

const RUN = 'a'.repeat(32);
const enc = (t: string) => new TextEncoder().encode(t);

/** The mlruns zip plus a FileStore registry folder: model 'm' with v1 (run source, Production, alias) and v2 (deleted). */
function withRegistry(alias = '1'): Uint8Array {
  const files = unzipTree(mlrunsZip());
  files.set('mlruns/models/m/meta.yaml', enc('name: m\ncreation_timestamp: 10\nlast_updated_timestamp: 20\ndescription: desc\n'));
  files.set('mlruns/models/m/tags/t', enc('v'));
  files.set('mlruns/models/m/aliases/champion', enc(alias));
  files.set('mlruns/models/m/version-1/meta.yaml', enc(`name: m\nversion: 1\ncreation_timestamp: 11\nlast_updated_timestamp: 12\ncurrent_stage: Production\nsource: runs:/${RUN}\nrun_id: ${RUN}\nstatus: READY\n`));
  files.set('mlruns/models/m/version-2/meta.yaml', enc('name: m\nversion: 2\ncreation_timestamp: 13\nlast_updated_timestamp: 14\ncurrent_stage: Deleted_Internal\nsource: REDACTED-SOURCE-PATH\nstatus: READY\n'));
  return zipTree(files);
}

function mlrunsZip(): Uint8Array {
  const d = emptyDump();
  d.experiments.push({ experimentId: '7', name: 'from mlflow', artifactLocation: 'file:///x/7', lifecycleStage: 'active', creationTime: 5, lastUpdateTime: 6, tags: [] });
  d.runs.push({
    runId: 'a'.repeat(32), experimentId: '7', runName: 'r1', userId: 'u', status: 'FINISHED', startTime: 1, endTime: 2,
    artifactUri: '', lifecycleStage: 'active', deletedTime: null, params: [{ key: 'lr', value: '0.1' }], tags: [],
    metrics: { loss: [{ value: 2, timestamp: 1, step: 0 }, { value: 1, timestamp: 2, step: 1 }] }, datasetInputs: [],
    artifacts: [{ path: 'notes.txt', data: new TextEncoder().encode('hi') }],
  });
  return zipTree(writeMlruns(d, { prefix: 'mlruns' }));
}

const names = async (c: ReturnType<typeof makeClient>) => (await c.searchExperiments({ viewType: 'ALL' })).items.map((e) => e.name).sort();

describe('import worker API', () => {
  it('previews an mlruns zip without writing, then commits it in one go', async () => {
    const client = makeClient();
    const api = makeImportApi({ tracking: () => client, sqlJs: nodeSqlJs });
    const stages: ImportProgress['stage'][] = [];
    const preview = await api.prepare({ kind: 'zip', name: 'm.zip', bytes: mlrunsZip() }, (p) => stages.push(p.stage));
    expect(stages).toEqual(expect.arrayContaining(['unzip', 'read', 'check']));
    expect(preview).toMatchObject({ runs: 1, metricPoints: 2, artifacts: 1 });
    expect(preview.experiments[0]).toMatchObject({ name: 'from mlflow', runs: 1 });
    expect(preview.experiments[0]!.sample[0]).toMatchObject({ params: [{ key: 'lr', value: '0.1' }], metrics: [{ key: 'loss', value: 1, points: 2 }] });
    expect(await names(client)).toEqual(['Default']);
    const res = await api.commit();
    expect(res.runsCreated).toBe(1);
    expect(await names(client)).toEqual(['Default', 'from mlflow']);
    expect((await errorOf(api.commit())).code).toBe('INVALID_PARAMETER_VALUE'); // nothing pending any more
    await client.close();
  });

  it('rejects broken input with a code naming the file, and writes nothing', async () => {
    const client = makeClient();
    const api = makeImportApi({ tracking: () => client, sqlJs: nodeSqlJs });
    const bytes = (s: string) => new TextEncoder().encode(s);
    const notZip = await errorOf(api.prepare({ kind: 'zip', name: 'x.zip', bytes: bytes('nope') }));
    expect(notZip).toEqual({ code: 'INVALID_PARAMETER_VALUE', message: 'x.zip is not a zip archive.' });
    const noMeta = await errorOf(api.prepare({ kind: 'zip', name: 'y.zip', bytes: zipTree(new Map([['a/b.txt', bytes('b')]])) }));
    expect(noMeta.message).toMatch(/^y\.zip: No MLflow experiment found/);
    const notDb = await errorOf(api.prepare({ kind: 'sqlite', name: 'mlflow.db', bytes: bytes('garbage') }));
    expect(notDb.message).toMatch(/not a SQLite database/);
    const corrupt = await errorOf(api.prepare({ kind: 'sqlite', name: 'mlflow.db', bytes: bytes('SQLite format 3\0'.padEnd(4096, 'x')) }));
    expect(corrupt.code).toBe('INVALID_PARAMETER_VALUE');
    expect(await names(client)).toEqual(['Default']);
    await client.close();
  });

  it('exports an experiment as an mlruns zip that reads back', async () => {
    const client = makeClient();
    const api = makeImportApi({ tracking: () => client, sqlJs: nodeSqlJs });
    await api.prepare({ kind: 'zip', name: 'm.zip', bytes: mlrunsZip() });
    const { experimentIds } = await api.commit();
    const out = await api.exportMlrunsZip(experimentIds['7']!);
    expect(out.fileName).toBe('from_mlflow-mlruns.zip');
    const again = await api.prepare({ kind: 'folder', name: 'mlruns', files: unzipTree(out.bytes) });
    expect(again.experiments[0]).toMatchObject({ name: 'from mlflow', runs: 1 });
    await client.close();
  });

  it('previews the registered models of a store, imports them with the runs, and refuses a clash writing nothing', async () => {
    const indexedDB = new IDBFactory();
    const client = openTracking({ indexedDB, IDBKeyRange, dbName: 'reg' });
    const registry = openRegistry({ indexedDB, IDBKeyRange, dbName: 'reg' });
    const api = makeImportApi({ tracking: () => client, sqlJs: nodeSqlJs });
    const bad = await errorOf(api.prepare({ kind: 'zip', name: 'm.zip', bytes: withRegistry('2') }));
    expect(bad.code).toBe('INVALID_PARAMETER_VALUE');
    expect(bad.message).toMatch(/Registered model 'm': alias 'champion' points at version 2/);
    const preview = await api.prepare({ kind: 'zip', name: 'm.zip', bytes: withRegistry() });
    expect(preview.models).toEqual([{ name: 'm', versions: 1, stages: ['Production'], aliases: { champion: 1 }, withFiles: 1 }]);
    await registry.createRegisteredModel('m');
    const clash = await errorOf(api.commit());
    expect(clash.code).toBe('RESOURCE_ALREADY_EXISTS');
    expect(clash.message).toMatch(/name=m\)/);
    expect(await names(client)).toEqual(['Default']);
    await registry.deleteRegisteredModel('m');
    await api.prepare({ kind: 'zip', name: 'm.zip', bytes: withRegistry() });
    const res = await api.commit();
    expect(res.runsCreated).toBe(1);
    expect(res.registry).toMatchObject([{ name: 'm', created: true }]);
    const v1 = await registry.getModelVersionByAlias('m', 'champion');
    expect(v1).toMatchObject({ version: '1', currentStage: 'Production', runId: RUN, source: `runs:/${RUN}`, creationTimestamp: 11, fileCount: 1 });
    expect(await registry.getRegisteredModel('m')).toMatchObject({ description: 'desc', creationTimestamp: 10, lastUpdatedTimestamp: 20, tags: [{ key: 't', value: 'v' }] });
    registry.close();
    await client.close();
  });
});
