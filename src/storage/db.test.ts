import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { CHUNK_POINTS, openDb, runArtifacts, runChunks, seriesChunks } from '.';

const fresh = () => openDb({ name: 'db-test', indexedDB: new IDBFactory(), IDBKeyRange });

describe('FlowpadDB schema v1', () => {
  it('creates the Default experiment "0" on first open only', async () => {
    const factory = new IDBFactory();
    const db = openDb({ name: 'x', indexedDB: factory, IDBKeyRange });
    expect((await db.experiments.get('0'))?.name).toBe('Default');
    await db.experiments.update('0', { name: 'Renamed' });
    db.close();
    const again = openDb({ name: 'x', indexedDB: factory, IDBKeyRange });
    expect((await again.experiments.get('0'))?.name).toBe('Renamed');
    expect(await again.experiments.count()).toBe(1);
  });

  it('round-trips Float64Array chunks and Map-keyed rows, and ranges by series and run', async () => {
    const db = fresh();
    const mk = (runId: string, key: string, chunk: number) => ({
      runId, key, chunk, n: 2, minStep: 0, maxStep: 1,
      steps: Float64Array.of(0, 1), timestamps: Float64Array.of(5, 6), values: Float64Array.of(NaN, -Infinity),
    });
    await db.metricChunks.bulkPut([mk('r1', 'a', 1), mk('r1', 'a', 0), mk('r1', 'b', 0), mk('r2', 'a', 0)]);
    const a = await seriesChunks(db, 'r1', 'a').toArray();
    expect(a.map((c) => c.chunk)).toEqual([0, 1]);
    expect(a[0].values).toBeInstanceOf(Float64Array);
    expect([...a[0].values]).toEqual([NaN, -Infinity]);
    expect(await runChunks(db, 'r1').count()).toBe(3);
    expect(CHUNK_POINTS).toBe(4096);
  });

  it('ranges artifacts by path prefix', async () => {
    const db = fresh();
    const row = (path: string) => ({ runId: 'r', path, data: new Blob(['x']), size: 1, contentType: 'text/plain', modified: 0 });
    await db.artifacts.bulkPut([row('a/x'), row('a/y'), row('ab'), row('b')]);
    expect((await runArtifacts(db, 'r', 'a/').toArray()).map((r) => r.path)).toEqual(['a/x', 'a/y']);
    expect(await runArtifacts(db, 'r').count()).toBe(4);
  });
});
