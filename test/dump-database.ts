/**
 * `dumpDatabase()`: a deterministic text dump of a whole IndexedDB database (schema, then every row of every
 * store in key order), for tests that must show a database identical before and after something — a restore,
 * a refused bad input, a failed write.
 *
 * It uses only the raw IndexedDB API and is self-contained (no imports, no outer variables), so the same
 * function runs in Node on fake-indexeddb and in the page via Playwright's `page.evaluate(dumpDatabase, name)`.
 * Typed arrays and Blobs are dumped as type, length and SHA-256; NaN, ±Infinity, -0 and undefined keep their
 * identity; Map and Set keep their order; object keys are sorted.
 */
export async function dumpDatabase(name: string, factory?: IDBFactory): Promise<string> {
  const idb = factory ?? globalThis.indexedDB;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = idb.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onupgradeneeded = () => reject(new Error(`dumpDatabase: no database '${name}'`));
  });
  const request = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const hex = async (bytes: ArrayBuffer | ArrayBufferView): Promise<string> => {
    const view = ArrayBuffer.isView(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
    const digest = await crypto.subtle.digest('SHA-256', view.slice());
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  };
  const ser = async (v: unknown): Promise<unknown> => {
    if (v === undefined) return { $undefined: true };
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') {
      if (Number.isNaN(v) || !Number.isFinite(v) || Object.is(v, -0)) return { $number: Object.is(v, -0) ? '-0' : String(v) };
      return v;
    }
    if (typeof v !== 'object') return { $unexpected: typeof v };
    if (Array.isArray(v)) return Promise.all(v.map(ser));
    if (v instanceof Map) return { $map: await Promise.all([...v].map(async ([k, x]) => [await ser(k), await ser(x)])) };
    if (v instanceof Set) return { $set: await Promise.all([...v].map(ser)) };
    if (v instanceof Date) return { $date: v.toISOString() };
    if (ArrayBuffer.isView(v)) return { $typed: v.constructor.name, bytes: v.byteLength, sha256: await hex(v) };
    if (v instanceof ArrayBuffer) return { $arrayBuffer: v.byteLength, sha256: await hex(v) };
    if (v instanceof Blob) {
      const file = typeof File !== 'undefined' && v instanceof File ? { name: v.name } : {};
      return { $blob: { size: v.size, type: v.type, sha256: await hex(await v.arrayBuffer()), ...file } };
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = await ser((v as Record<string, unknown>)[k]);
    return out;
  };
  try {
    const stores = [...db.objectStoreNames].sort();
    const dump: { version: number; stores: unknown[] } = { version: db.version, stores: [] };
    for (const storeName of stores) {
      const tx = db.transaction(storeName, 'readonly');
      const store = tx.objectStore(storeName);
      const indexes = [...store.indexNames].sort().map((n) => {
        const i = store.index(n);
        return { name: n, keyPath: i.keyPath, unique: i.unique, multiEntry: i.multiEntry };
      });
      const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
      const rows = [];
      for (let i = 0; i < keys.length; i++) rows.push({ key: await ser(keys[i]), value: await ser(values[i]) });
      dump.stores.push({ name: storeName, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes, rows });
    }
    return JSON.stringify(dump, null, 1);
  } finally {
    db.close();
  }
}
