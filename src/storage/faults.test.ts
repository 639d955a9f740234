import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { armQuotaFault, clearFaults, estimateBytes, mapStorageError, openDb } from '.';

const fresh = () => openDb({ name: 'faults-test', indexedDB: new IDBFactory(), IDBKeyRange });
const blobRow = (path: string, bytes: number) => ({
  runId: 'r', path, data: new Uint8Array(bytes), size: bytes, contentType: 'application/octet-stream', modified: 0,
});

afterEach(() => clearFaults());

describe('the quota fault middleware', () => {
  it('passes every write through while disarmed', async () => {
    const db = fresh();
    await db.artifacts.put(blobRow('a', 10_000) as never);
    expect(await db.artifacts.count()).toBe(1);
  });

  it('fails with a real QuotaExceededError DOMException once the byte budget is spent, and keeps failing', async () => {
    const db = fresh();
    armQuotaFault({ afterBytes: 25_000 });
    await db.artifacts.put(blobRow('a', 10_000) as never);
    await db.artifacts.put(blobRow('b', 10_000) as never);
    const err = await db.artifacts.put(blobRow('c', 10_000) as never).then(() => null, (e: unknown) => e);
    const names: string[] = [];
    for (let x = err as { name?: string; inner?: unknown } | undefined; x; x = x.inner as typeof x) names.push(x.name ?? '');
    expect(names).toContain('QuotaExceededError');
    expect((mapStorageError(err) as { code: string }).code).toBe('QUOTA_EXCEEDED');
    // Storage stays "full": a small write fails too, until the fault is cleared.
    expect(await db.artifacts.put(blobRow('d', 1) as never).then(() => 'ok', () => 'failed')).toBe('failed');
    clearFaults();
    await db.artifacts.put(blobRow('d', 1) as never);
    expect((await db.artifacts.toArray()).map((r) => r.path)).toEqual(['a', 'b', 'd']);
  });

  it('aborts the whole transaction, even when the caller catches the failing write', async () => {
    const db = fresh();
    armQuotaFault({ tables: ['artifacts'] });
    const outcome = await db
      .transaction('rw', db.experiments, db.artifacts, async () => {
        await db.experiments.update('0', { name: 'renamed' });
        await db.artifacts.put(blobRow('a', 1) as never).catch(() => undefined);
      })
      .then(() => 'committed', () => 'aborted');
    expect(outcome).toBe('aborted');
    clearFaults();
    expect((await db.experiments.get('0'))?.name).toBe('Default');
    expect(await db.artifacts.count()).toBe(0);
  });

  it('fails only writes to the named tables; deletes and other tables go through', async () => {
    const db = fresh();
    await db.artifacts.put(blobRow('old', 1) as never);
    armQuotaFault({ tables: ['metricChunks'] });
    await db.artifacts.put(blobRow('a', 1) as never);
    await db.artifacts.delete(['r', 'old']);
    const chunk = { runId: 'r', key: 'k', chunk: 0, n: 1, minStep: 0, maxStep: 0, steps: Float64Array.of(0), timestamps: Float64Array.of(0), values: Float64Array.of(1) };
    expect(await db.metricChunks.put(chunk).then(() => 'ok', () => 'failed')).toBe('failed');
    expect(await db.metricChunks.count()).toBe(0);
    expect((await db.artifacts.toArray()).map((r) => r.path)).toEqual(['a']);
  });

  it('reaches other pages and workers over a BroadcastChannel, and answers their queries', async () => {
    const db = fresh(); // the database's constructor starts listening
    const other = new BroadcastChannel('flowpad-faults');
    const heard: unknown[] = [];
    other.onmessage = (e) => heard.push(e.data);
    const next = () => new Promise((r) => setTimeout(r, 20));
    try {
      armQuotaFault({ afterBytes: 5, tables: ['artifacts'] });
      await next();
      expect(heard).toContainEqual({ type: 'state', quota: { afterBytes: 5, tables: ['artifacts'] } });
      other.postMessage({ type: 'query' });
      await next();
      expect(heard).toContainEqual({ type: 'reply', quota: { afterBytes: 5, tables: ['artifacts'] } });
      // A page with nothing armed answering a query does not disarm; a live change from another page does.
      other.postMessage({ type: 'reply', quota: null });
      await next();
      expect(await db.artifacts.put(blobRow('a', 10) as never).then(() => 'ok', () => 'failed')).toBe('failed');
      other.postMessage({ type: 'state', quota: null });
      await next();
      expect(await db.artifacts.put(blobRow('a', 10) as never).then(() => 'ok', () => 'failed')).toBe('ok');
    } finally {
      other.close();
    }
  });

  it('estimates sizes of strings, typed arrays, maps and nested rows', () => {
    expect(estimateBytes('abcd')).toBe(8);
    expect(estimateBytes(new Float64Array(10))).toBe(80);
    expect(estimateBytes(new Map([['k', 'vv']]))).toBe(6);
    expect(estimateBytes({ a: [1, 2] })).toBe(2 + 16);
  });
});
