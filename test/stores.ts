/**
 * Test factories for whole databases: a tracking client and the raw FlowpadDB on one fake-indexeddb database,
 * its dump, and a populated store with every kind of row the schema has.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openDb, type FlowpadDB } from '../src/storage';
import { openTracking, type TrackingClient } from '../src/tracking';
import { dumpDatabase } from './dump-database';

/** One test database with its handles. */
export interface TestStore {
  name: string;
  factory: IDBFactory;
  client: TrackingClient;
  db: FlowpadDB;
  dump(): Promise<string>;
  close(): Promise<void>;
}

let n = 0;
/** A fresh database (only the Default experiment), with a client and a raw handle on it. */
export async function makeStore(open: (o: { name: string; indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) => FlowpadDB = openDb): Promise<TestStore> {
  const factory = new IDBFactory();
  const name = `store-${++n}`;
  const db = open({ name, indexedDB: factory, IDBKeyRange });
  await db.open();
  const client = openTracking({ indexedDB: factory, IDBKeyRange, dbName: name, flushIntervalMs: 60_000 });
  return {
    name, factory, client, db,
    dump: () => dumpDatabase(name, factory),
    close: async () => {
      await client.close();
      db.close();
    },
  };
}

/**
 * Fills a store with every kind of row: experiments (one deleted, tags), runs (finished, failed, deleted,
 * nested), params with awkward keys, multi-chunk metric histories with NaN/±Infinity/-0, dataset inputs,
 * text and binary artifacts in folders. `tag` makes names distinct between stores.
 */
export async function populate(c: TrackingClient, tag = 'a'): Promise<{ experimentIds: string[]; runIds: string[] }> {
  const e1 = await c.createExperiment(`churn-${tag}`, { tags: { owner: 'ml', 'mlflow.note.content': 'hello \u2028 \ud83d' } });
  const e2 = await c.createExperiment(`fraud-${tag}`);
  const e3 = await c.createExperiment(`old-${tag}`);
  await c.deleteExperiment(e3);
  const runIds: string[] = [];
  for (const [exp, i] of [[e1, 0], [e1, 1], [e2, 2], ['0', 3]] as const) {
    const r = await c.createRun(exp, { runName: `run-${tag}-${i}`, startTime: 1_700_000_000_000 + i });
    const id = r.info.runId;
    runIds.push(id);
    await c.logBatch(id, {
      params: [{ key: 'lr', value: String(0.1 * (i + 1)) }, { key: '__proto__', value: 'p' }],
      tags: [{ key: 'team', value: `t${i}` }],
      metrics: [
        { key: 'special', value: NaN, timestamp: 1, step: 0 },
        { key: 'special', value: Infinity, timestamp: 2, step: 1 },
        { key: 'special', value: -0, timestamp: 3, step: 2 },
      ],
    });
    const n = i === 0 ? 10_000 : 50; // 10,000 points: three chunks
    for (let s = 0; s < n; s++) await c.logMetric(id, 'loss', 1 / (s + 1), { step: s, timestamp: 1_700_000_000_000 + s });
    await c.logInputs(id, [{ tags: [{ key: 'mlflow.data.context', value: 'training' }], dataset: { name: 'wine', digest: `d${i}`, sourceType: 'local', source: 'wine.csv' } }]);
    await c.logText(id, `notes of ${tag}-${i}\n`, 'notes/readme.md');
    await c.logArtifact(id, 'model/weights.bin', Uint8Array.from({ length: 3000 }, (_, k) => (k * 7 + i) & 255));
    await c.flush();
    await c.setTerminated(id, i === 2 ? 'FAILED' : 'FINISHED', 1_700_000_100_000 + i);
  }
  const child = await c.createRun(e1, { runName: `child-${tag}`, parentRunId: runIds[0], startTime: 1_700_000_000_500 });
  await c.setTerminated(child.info.runId, 'FINISHED', 1_700_000_200_000);
  runIds.push(child.info.runId);
  await c.deleteRun(runIds[1]);
  return { experimentIds: [e1, e2, e3], runIds };
}
