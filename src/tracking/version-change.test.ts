import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openDb } from '../storage';
import { openTracking } from './client';

describe('a schema upgrade from another tab', () => {
  it('writes buffered metrics, tells the app, closes for good and lets the upgrade through', async () => {
    const factory = new IDBFactory();
    let told = 0;
    const c = openTracking({ indexedDB: factory, IDBKeyRange, dbName: 'vc', flushIntervalMs: 60_000, onVersionChange: () => told++ });
    const { info } = await c.createRun('0');
    for (let i = 0; i < 10; i++) await c.logMetric(info.runId, 'm', i, { step: i });

    // The "other tab": raw IndexedDB at a higher version (Dexie's version 2 is IndexedDB's 20).
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open('vc', 30);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    expect(upgraded.version).toBe(30);
    expect(told).toBe(1);
    upgraded.close();

    const err = await c.getRun(info.runId).catch((e: { name: string }) => e);
    expect((err as { name: string }).name).toBe('DatabaseClosedError');
    const db = openDb({ name: 'vc', indexedDB: factory, IDBKeyRange });
    const chunks = await db.metricChunks.toArray();
    expect(chunks.reduce((n, ch) => n + ch.n, 0)).toBe(10); // nothing buffered was lost
    db.close();
  });
});
