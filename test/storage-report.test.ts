// Integration: the storage report over a database filled through the tracking client (so it lives in test/:
// storage/ sources may import only core/).
import { describe, expect, it } from 'vitest';
import { putModel, RegistryShapedDB } from './registry-db';
import { makeStore, populate } from './stores';
import { payloadBytes, storageReport } from '../src/storage/report';

describe('storageReport', () => {
  it('sizes each experiment from its runs, metric chunks and artifact files', async () => {
    const s = await makeStore();
    const { experimentIds } = await populate(s.client);
    const r = await storageReport(s.db);
    const churn = r.experiments.find((e) => e.experimentId === experimentIds[0])!;
    expect(churn).toMatchObject({ name: 'churn-a', runs: 3, metricPoints: 10_003 + 53, artifactFiles: 4 });
    expect(churn.artifactBytes).toBe(2 * 3000 + 'notes of a-0\n'.length + 'notes of a-1\n'.length);
    // Values take 8 bytes a point; steps and timestamps are packed (storage/chunk-codec.ts), so far less than 16 more.
    expect(churn.metricBytes).toBeGreaterThanOrEqual(10_056 * 8);
    expect(churn.metricBytes).toBeLessThan(10_056 * 24);
    expect(churn.totalBytes).toBe(churn.runBytes + churn.metricBytes + churn.artifactBytes);
    expect(r.experiments[0]).toBe(churn); // largest first
    expect(r.experiments.find((e) => e.name === 'old-a')).toMatchObject({ lifecycleStage: 'deleted', runs: 0, totalBytes: 0 });
    expect(r.models).toEqual([]);
    expect(r.tables.map((t) => t.name)).toEqual(['artifacts', 'experiments', 'meta', 'metricChunks', 'modelVersionFiles', 'modelVersions', 'registeredModels', 'runs']);
    expect(r.tables.find((t) => t.name === 'runs')!.rows).toBe(5);
    expect(r.totalBytes).toBe(r.tables.reduce((a, t) => a + t.bytes, 0));
    await s.close();
  });

  it('sizes each registered model when the schema has registry tables', async () => {
    const s = await makeStore((o) => new RegistryShapedDB(o));
    await putModel(s.db, 'm1', 'small', 1);
    await putModel(s.db, 'm2', 'big', 3);
    const r = await storageReport(s.db);
    expect(r.models.map((m) => [m.name, m.versions, m.files])).toEqual([['big', 3, 3], ['small', 1, 1]]);
    expect(r.models[0].totalBytes).toBeGreaterThan(3000);
    await s.close();
  });

  it('payloadBytes counts typed arrays, Blobs, Maps and strings', () => {
    expect(payloadBytes(new Float64Array(10))).toBe(80);
    expect(payloadBytes(new Blob(['abc']))).toBe(3);
    expect(payloadBytes(new Map([['ab', 'cde']]))).toBe(5);
    expect(payloadBytes({ a: 1 })).toBe(9);
  });
});
