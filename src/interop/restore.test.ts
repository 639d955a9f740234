import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openRegistry } from '../registry';
import { openTracking } from '../tracking';
import { errorOf, makeClient } from '../../test/helpers';
import { emptyDump, type DumpRun, type MlflowDump } from './dump';
import { restoreMlflowDump, toImportBatch } from './restore';
import { toImportedModels } from './restore-registry';
import type { DumpModelVersion } from './dump';

const run = (runId: string, experimentId: string, extra: Partial<DumpRun> = {}): DumpRun => ({
  runId, experimentId, runName: runId, userId: 'u', status: 'FINISHED', startTime: 1, endTime: 2, artifactUri: '',
  lifecycleStage: 'active', deletedTime: null, params: [], tags: [], metrics: { m: [{ value: 1, timestamp: 1, step: 0 }] },
  datasetInputs: [], artifacts: [], ...extra,
});

function dump(): MlflowDump {
  const d = emptyDump();
  d.experiments.push({ experimentId: '1', name: 'imported', artifactLocation: 'file:///x/1', lifecycleStage: 'active', creationTime: 5, lastUpdateTime: 6, tags: [] });
  d.runs.push(run('r1', '1'), run('r2', '1'));
  return d;
}

describe('restoreMlflowDump', () => {
  it('validates everything before writing: one bad value leaves the database unchanged', async () => {
    const client = makeClient();
    const bad = dump();
    bad.runs[1].metrics['bad//key'] = [{ value: 1, timestamp: 1, step: 0 }];
    const err = await errorOf(restoreMlflowDump(client, bad));
    expect(err.code).toBe('INVALID_PARAMETER_VALUE');
    expect(err.message).toMatch(/^run r2: /);
    expect((await client.searchExperiments({ viewType: 'ALL' })).items.map((e) => e.name)).toEqual(['Default']);
    await client.close();
  });

  it('keeps free ids, merges by name, and gives a taken id to nobody else', async () => {
    const client = makeClient();
    const mine = await client.createExperiment('mine'); // takes id 1
    const d = dump();
    d.experiments.push({ experimentId: '2', name: 'mine', artifactLocation: '', lifecycleStage: 'active', creationTime: 1, lastUpdateTime: 1, tags: [{ key: 'k', value: 'v' }] });
    d.runs.push(run('r3', '2'));
    const res = await restoreMlflowDump(client, d);
    const newId = res.experimentIds['1'];
    expect(newId).not.toBe('1');
    expect(res.experimentIds['2']).toBe(mine);
    expect((await client.getRun('r1')).info.experimentId).toBe(newId);
    expect((await client.getRun('r3')).info.experimentId).toBe(mine);
    expect((await client.getExperiment(mine)).tags).toEqual([{ key: 'k', value: 'v' }]);
    expect(await client.getExperiment(newId)).toMatchObject({ name: 'imported', creationTime: 5, lastUpdateTime: 6 });
    // Logging still works on imported runs, and new experiments skip imported ids.
    await client.logMetric('r1', 'm', 2, { timestamp: 3, step: 1 });
    await client.flush();
    expect((await client.getMetricHistory('r1', 'm')).map((p) => p.value)).toEqual([1, 2]);
    const next = await client.createExperiment('after');
    expect([mine, newId]).not.toContain(next);
    await client.close();
  });
});

const version = (n: number, extra: Partial<DumpModelVersion> = {}): DumpModelVersion => ({
  name: 'm', version: n, creationTimestamp: 10 + n, lastUpdatedTimestamp: 20 + n, userId: null, currentStage: 'None', description: null,
  source: null, runId: null, runLink: null, status: 'READY', statusMessage: null, storageLocation: null, tags: [], ...extra,
});
const bytes = (s: string) => new TextEncoder().encode(s);

describe('the registry of a dump', () => {
  function registryDump(): MlflowDump {
    const d = dump();
    d.runs[0].artifactUri = 'file:///x/1/r1/artifacts';
    d.runs[0].artifacts = [{ path: 'model/MLmodel', data: bytes('flavors: {}') }, { path: 'model/w.bin', data: bytes('w') }, { path: 'other.txt', data: bytes('o') }];
    d.loggedModelArtifacts = { 'm-abc': [{ path: 'MLmodel', data: bytes('x') }] };
    d.registeredModels.push({
      name: 'm', creationTimestamp: 1, lastUpdatedTimestamp: 2, description: null, tags: [], aliases: { prod: 2 },
      versions: [
        version(1, { source: 'runs:/r1/model', runId: 'r1' }),
        version(2, { source: 'file:///x/1/r1/artifacts/model', runId: 'r1', currentStage: 'Production' }),
        version(3, { source: 'models:/m-abc', runId: 'r1' }),
        version(4, { source: 'runs:/gone/model', runId: 'gone' }),
        version(5, { source: 'REDACTED-SOURCE-PATH', runId: 'REDACTED-RUN-ID', currentStage: 'Deleted_Internal' }),
      ],
    });
    return d;
  }

  it("links the files a version's source names when the dump holds them; others keep the source only", () => {
    const files = toImportedModels(registryDump())[0].versions.map((v) => v.files.map((f) => f.path).sort());
    expect(files).toEqual([['MLmodel', 'w.bin'], ['MLmodel', 'w.bin'], ['MLmodel'], [], []]);
  });

  it('is checked with the runs before anything is written: a bad alias or stage names the model', async () => {
    const d = registryDump();
    d.registeredModels[0].aliases = { prod: 5 }; // the deleted version
    expect(() => toImportBatch(d)).toThrow(/registry: Registered model 'm': alias 'prod' points at version 5/);
    const e = registryDump();
    e.registeredModels[0].versions[0].currentStage = 'Shipping';
    const client = makeClient();
    const err = await errorOf(restoreMlflowDump(client, e));
    expect(err).toMatchObject({ code: 'INVALID_PARAMETER_VALUE', message: expect.stringMatching(/version 1: Invalid Model Version stage: Shipping/) });
    expect((await client.searchExperiments({ viewType: 'ALL' })).items.map((x) => x.name)).toEqual(['Default']);
    await client.close();
  });

  it('imports the registry with the runs; the same store again changes nothing; a different model of that name is refused whole', async () => {
    const indexedDB = new IDBFactory();
    const client = openTracking({ indexedDB, IDBKeyRange, dbName: 'restore-reg' });
    const registry = openRegistry({ indexedDB, IDBKeyRange, dbName: 'restore-reg' });
    const first = await restoreMlflowDump(client, registryDump());
    expect(first.registry).toEqual([{ name: 'm', created: true, unchanged: false, skippedAliases: [],
      versions: [1, 2, 3, 4, 5].map((n) => ({ from: n, to: n })) }]);
    expect(await registry.getModelVersionByAlias('m', 'prod')).toMatchObject({ version: '2', currentStage: 'Production', fileCount: 2, creationTimestamp: 12 });
    await expect(registry.getModelVersion('m', 5)).rejects.toMatchObject({ code: 'RESOURCE_DOES_NOT_EXIST' });
    const again = await restoreMlflowDump(client, registryDump());
    expect(again.registry).toMatchObject([{ name: 'm', unchanged: true }]);
    expect(again.warnings).toContain('1 registered model(s) already present, unchanged');
    const other = registryDump();
    other.registeredModels[0].creationTimestamp = 99;
    other.runs.push(run('r9', '1'));
    const err = await errorOf(restoreMlflowDump(client, other));
    expect(err).toEqual({ code: 'RESOURCE_ALREADY_EXISTS', message: expect.stringMatching(/^Registered Model \(name=m\) already exists in Flowpad/) });
    await expect(client.getRun('r9')).rejects.toMatchObject({ code: 'RESOURCE_DOES_NOT_EXIST' });
    registry.close();
    await client.close();
  });
});

