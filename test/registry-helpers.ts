/** Test factories for the registry: a tracking client and a registry client on one fresh fake IndexedDB. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openDb, type FlowpadDB } from '../src/storage';
import { openRegistry, type RegistryClient } from '../src/registry';
import { openTracking, type TrackingClient } from '../src/tracking';
import { ONNX_MLMODEL } from './onnx-mlmodel';

export { ONNX_MLMODEL };

let n = 0;

export interface RegistryFixture {
  tracking: TrackingClient;
  registry: RegistryClient;
  /** The same database, for dumps and direct checks. */
  db: FlowpadDB;
}

export function makeRegistry(): RegistryFixture {
  const indexedDB = new IDBFactory();
  const dbName = `registry-${++n}`;
  const db = openDb({ name: dbName, indexedDB, IDBKeyRange });
  return {
    tracking: openTracking({ indexedDB, IDBKeyRange, dbName }),
    registry: openRegistry({ db }),
    db,
  };
}

/** A run in the Default experiment with a model folder logged under `path`. */
export async function runWithModel(tracking: TrackingClient, path = 'model', weights = new Uint8Array([1, 2, 3, 4])): Promise<string> {
  const run = await tracking.createRun('0');
  const id = run.info.runId;
  await tracking.logText(id, ONNX_MLMODEL, `${path}/MLmodel`);
  await tracking.logArtifact(id, `${path}/model.onnx`, weights);
  await tracking.logText(id, 'mlflow==2.22.0\nonnx==1.16.0\n', `${path}/requirements.txt`);
  return id;
}

/** Every row of every table, for "the database did not change" checks (Blobs as their bytes). */
export async function dumpDb(db: FlowpadDB): Promise<unknown> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const rows = await table.toArray();
    out[table.name] = await Promise.all(rows.map(async (r) => plain(r)));
  }
  return out;
}

async function plain(v: unknown): Promise<unknown> {
  if (v instanceof Blob) return [...new Uint8Array(await v.arrayBuffer())];
  if (v instanceof Map) return Promise.all([...v].map(async ([k, x]) => [k, await plain(x)]));
  if (ArrayBuffer.isView(v)) return [...(v as Uint8Array)];
  if (Array.isArray(v)) return Promise.all(v.map(plain));
  if (v && typeof v === 'object') {
    const entries = await Promise.all(Object.entries(v).map(async ([k, x]) => [k, await plain(x)] as const));
    return Object.fromEntries(entries);
  }
  return v;
}
