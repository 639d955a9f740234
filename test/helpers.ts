/** Test factories: a fresh client on fake-indexeddb per test. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openTracking, type OpenTrackingOptions, type TrackingClient } from '../src/tracking';

let n = 0;
export function makeClient(opts: OpenTrackingOptions = {}): TrackingClient {
  return openTracking({ indexedDB: new IDBFactory(), IDBKeyRange, dbName: `test-${++n}`, ...opts });
}

/** Two clients on the same database, like two tabs. */
export function makeTwoClients(opts: OpenTrackingOptions = {}): [TrackingClient, TrackingClient] {
  const factory = new IDBFactory();
  const dbName = `shared-${++n}`;
  return [
    openTracking({ indexedDB: factory, IDBKeyRange, dbName, ...opts }),
    openTracking({ indexedDB: factory, IDBKeyRange, dbName, ...opts }),
  ];
}

/** Resolves to the thrown error's `{code, message}` (fails the test if nothing was thrown). */
export async function errorOf(p: Promise<unknown> | (() => unknown)): Promise<{ code: string; message: string }> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    const err = e as { code?: string; message: string };
    return { code: err.code ?? 'NO_CODE', message: err.message };
  }
  throw new Error('expected an error, got none');
}
