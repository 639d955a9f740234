/**
 * Whole IndexedDB databases ⇄ JSON, for the schema-upgrade fixtures (test/fixtures/flowpad-v*). Unlike
 * dump-database.ts (hashes, for comparing), this keeps every byte so a database can be rebuilt: typed arrays and
 * Blobs as base64, Maps, Sets, NaN, ±Infinity, -0 and undefined as one-key tag objects. Uses the raw IndexedDB API,
 * so a fixture records exactly what a version stored, whatever code reads it later.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface DatabaseFixture {
  name: string;
  /** IndexedDB's version (Dexie's version × 10). */
  version: number;
  stores: {
    name: string;
    keyPath: string | string[] | null;
    autoIncrement: boolean;
    indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
    rows: { key: Json; value: Json }[];
  }[];
}


const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');


async function encode(v: unknown): Promise<Json> {
  if (v === undefined) return { $u: 0 };
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0) ? v : { $n: Object.is(v, -0) ? '-0' : String(v) };
  if (Array.isArray(v)) return Promise.all(v.map(encode));
  if (v instanceof Map) return { $map: await Promise.all([...v].map(async ([k, x]) => [await encode(k), await encode(x)])) };
  if (v instanceof Set) return { $set: await Promise.all([...v].map(encode)) };
  if (ArrayBuffer.isView(v)) return { $typed: v.constructor.name, b64: b64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
  if (v instanceof Blob) return { $blob: b64(new Uint8Array(await v.arrayBuffer())), type: v.type };
  if (typeof v !== 'object') throw new Error(`fixture-json: cannot encode a ${typeof v}`);
  const out: Record<string, Json> = {};
  for (const [k, x] of Object.entries(v)) out[k.startsWith('$') ? `$$${k}` : k] = await encode(x);
  return out;
}

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

/** Every store, index and row of the database `name`, as JSON. */
export async function saveDatabase(factory: IDBFactory, name: string): Promise<DatabaseFixture> {
  const db = await request(factory.open(name));
  try {
    const out: DatabaseFixture = { name, version: db.version, stores: [] };
    for (const storeName of [...db.objectStoreNames].sort()) {
      const store = db.transaction(storeName, 'readonly').objectStore(storeName);
      const indexes = [...store.indexNames].sort().map((n) => {
        const i = store.index(n);
        return { name: n, keyPath: i.keyPath, unique: i.unique, multiEntry: i.multiEntry };
      });
      const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
      const rows = [];
      for (let i = 0; i < keys.length; i++) rows.push({ key: await encode(keys[i]), value: await encode(values[i]) });
      out.stores.push({ name: storeName, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes, rows });
    }
    return out;
  } finally {
    db.close();
  }
}

/**
 * Recreates a saved database in `factory` (default: the global one) exactly as it was: same version, stores,
 * indexes and rows. Self-contained (no imports, no outer variables), so it also runs in a page through
 * Playwright's `page.evaluate(loadDatabase, fixture)`.
 */
export async function loadDatabase(fixture: DatabaseFixture, factory?: IDBFactory): Promise<void> {
  type J = null | boolean | number | string | J[] | { [k: string]: J };
  const TYPES: Record<string, { new (b: ArrayBuffer, o: number, n: number): ArrayBufferView; BYTES_PER_ELEMENT: number }> = {
    Float64Array, Float32Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8Array,
  };
  const bytesOf = (b64: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const decode = (j: J): unknown => {
    if (j === null || typeof j !== 'object') return j;
    if (Array.isArray(j)) return j.map(decode);
    if ('$u' in j) return undefined;
    if ('$n' in j) return j.$n === '-0' ? -0 : Number(j.$n);
    if ('$map' in j) return new Map((j.$map as J[][]).map(([k, x]) => [decode(k), decode(x)]));
    if ('$set' in j) return new Set((j.$set as J[]).map(decode));
    if ('$typed' in j) {
      const bytes = bytesOf(j.b64 as string);
      const T = TYPES[j.$typed as string];
      return new T(bytes.buffer, 0, bytes.byteLength / T.BYTES_PER_ELEMENT);
    }
    if ('$blob' in j) return new Blob([bytesOf(j.$blob as string)], { type: j.type as string });
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(j)) out[k.startsWith('$$') ? k.slice(1) : k] = decode(x);
    return out;
  };
  const idb = factory ?? globalThis.indexedDB;
  const open = idb.open(fixture.name, fixture.version);
  open.onupgradeneeded = () => {
    const db = open.result;
    for (const s of fixture.stores) {
      const store = db.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
      for (const i of s.indexes) store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
    }
  };
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    const tx = db.transaction([...db.objectStoreNames], 'readwrite');
    for (const s of fixture.stores) {
      const store = tx.objectStore(s.name);
      for (const r of s.rows) store.put(decode(r.value as J), s.keyPath === null ? (decode(r.key as J) as IDBValidKey) : undefined);
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}
