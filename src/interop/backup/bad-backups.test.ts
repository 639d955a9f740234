// Corrupt, foreign and hostile backups: each is refused with a clear message and leaves the database
// identical (dump before = dump after), in both restore modes.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from '../../../test/error-of';
import { makeStore, populate, type TestStore } from '../../../test/stores';
import { refusedUnchanged } from '../../../test/unchanged';
import { exportBackup, restoreBackup } from '.';
import { MANIFEST } from './format';
import { readBackupDirectory } from './zip-reader';

type Files = Record<string, Uint8Array>;
const json = (b: Uint8Array) => JSON.parse(strFromU8(b)) as Record<string, unknown> & { tables: Record<string, unknown>[] };
const rezip = (files: Files) => new Blob([zipSync(files, { level: 1 }) as Uint8Array<ArrayBuffer>]);
function edit(files: Files, name: string, fn: (v: ReturnType<typeof json>) => unknown): Files {
  return { ...files, [name]: strToU8(JSON.stringify(fn(json(files[name])))) };
}
const firstPage = (t: string) => `tables/${t}/00000.json`;

let store: TestStore;
let good: Blob;
let files: Files;
let before: string;
beforeAll(async () => {
  store = await makeStore();
  await populate(store.client);
  good = await exportBackup(store.db);
  files = unzipSync(new Uint8Array(await good.arrayBuffer()));
  before = await store.dump();
});

async function flipByteOf(entry: string): Promise<Blob> {
  const bytes = new Uint8Array(await good.arrayBuffer());
  const e = (await readBackupDirectory(good, 1e6)).find((x) => x.name === entry)!;
  const dv = new DataView(bytes.buffer);
  const start = e.localOffset + 30 + dv.getUint16(e.localOffset + 26, true) + dv.getUint16(e.localOffset + 28, true);
  bytes[start + 10] ^= 0xff;
  return new Blob([bytes]);
}

const cases: [string, () => Blob | Promise<Blob>, RegExp][] = [
  ['a flipped byte in an artifact', () => flipByteOf('blobs/1'), /damaged: 'blobs\/1' fails its checksum/],
  ['a flipped byte in a page binary', () => flipByteOf('tables/metricChunks/00000.bin'), /fails its checksum/],
  ['no manifest', () => { const { [MANIFEST]: _, ...rest } = files; return rezip(rest); }, /not a Flowpad backup: it has no flowpad-backup.json/],
  ['a manifest that is not JSON', () => rezip({ ...files, [MANIFEST]: strToU8('{nope') }), /not valid JSON/],
  ['another format', () => rezip(edit(files, MANIFEST, (m) => ({ ...m, format: 'mlflow' }))), /does not name the format/],
  ['a newer format version', () => rezip(edit(files, MANIFEST, (m) => ({ ...m, formatVersion: 9 }))), /newer Flowpad \(backup format 9\)/],
  ['a newer schema', () => rezip(edit(files, MANIFEST, (m) => ({ ...m, database: { name: 'x', schemaVersion: 99 } }))), /newer Flowpad \(database version 99/],
  ['an unknown table', () => rezip(edit(files, MANIFEST, (m) => ({ ...m, tables: [...m.tables, { ...m.tables[0], name: 'evil' }] }))), /table 'evil'/],
  ['another primary key', () => rezip(edit(files, MANIFEST, (m) => ({ ...m, tables: m.tables.map((t) => (t.name === 'runs' ? { ...t, primKey: 'id' } : t)) }))), /keyed by "id"/],
  ['a row count that does not add up', () => rezip(edit(files, MANIFEST, (m) => ({ ...m, tables: m.tables.map((t) => (t.name === 'runs' ? { ...t, rows: 99 } : t)) }))), /holds 5 rows, not the 99/],
  ['a missing page', () => rezip(edit(files, MANIFEST, (m) => ({ ...m, tables: m.tables.map((t) => (t.name === 'runs' ? { ...t, pages: 2 } : t)) }))), /'tables\/runs\/00001.json' is missing/],
  ['a page that is not JSON', () => rezip({ ...files, [firstPage('runs')]: strToU8('[') }), /'tables\/runs\/00000.json' is not valid JSON/],
  ['a page without rows', () => rezip(edit(files, firstPage('runs'), () => ({ binary: 0 }))), /is malformed/],
  ['an unknown value tag', () => rezip(edit(files, firstPage('runs'), (p) => ({ ...p, rows: [{ $script: 'alert(1)' }, ...(p.rows as unknown[]).slice(1)] }))), /unknown value tag '\$script'/],
  ['a row that is not an object', () => rezip(edit(files, firstPage('runs'), (p) => ({ ...p, rows: [1, ...(p.rows as unknown[]).slice(1)] }))), /not an object/],
  ['a row without its key', () => rezip(edit(files, firstPage('runs'), (p) => ({ ...p, rows: (p.rows as Record<string, unknown>[]).map((r, i) => (i ? r : { ...r, runId: { $n: 'NaN' } })) }))), /no valid key/],
  ['two rows with one key', () => rezip(edit(files, firstPage('runs'), (p) => ({ ...p, rows: (p.rows as Record<string, unknown>[]).map((r, _i, all) => ({ ...r, runId: all[0].runId })) }))), /share the key/],
  ['an extra file', () => rezip({ ...files, 'evil.js': strToU8('alert(1)') }), /unexpected 'evil.js'/],
  ['a missing artifact', () => { const { 'blobs/0': _, ...rest } = files; return rezip(rest); }, /file 'blobs\/0' is missing/],
  ['an artifact of the wrong size', () => rezip({ ...files, 'blobs/0': new Uint8Array(7) }), /'blobs\/0' has the wrong size/],
  ['an artifact used twice', () => rezip(edit(files, firstPage('artifacts'), (p) => ({ ...p, rows: (p.rows as { data: unknown }[]).map((r, _i, all) => ({ ...r, data: all[0].data })) }))), /used twice|wrong size/],
  ['binary data out of range', () => rezip(edit(files, firstPage('metricChunks'), (p) => ({ ...p, rows: (p.rows as Record<string, unknown>[]).map((r) => ({ ...r, values: { $ta: 'Float64Array', o: 1e9, n: 8 } })) }))), /outside its page/],
  ['an unknown array type', () => rezip(edit(files, firstPage('metricChunks'), (p) => ({ ...p, rows: (p.rows as Record<string, unknown>[]).map((r) => ({ ...r, values: { $ta: 'Function', o: 0, n: 8 } })) }))), /unknown array type/],
  ['a missing page binary', () => { const { 'tables/metricChunks/00000.bin': _, ...rest } = files; return rezip(rest); }, /00000.bin' is missing/],
  ['a plain zip of files', () => rezip({ 'MLmodel': strToU8('flavors: {}'), 'model.onnx': new Uint8Array(10) }), /has no flowpad-backup.json/],
];

describe('a bad backup is refused and writes nothing', () => {
  for (const [what, make, message] of cases) {
    it(what, async () => {
      const bad = await make();
      for (const mode of ['replace', 'merge'] as const) {
        const err = await refusedUnchanged(store.dump, () => restoreBackup(store.db, bad, { mode }));
        expect(err.message).toMatch(message);
      }
      expect(await store.dump()).toBe(before);
    });
  }

  it('the unmodified backup is accepted (the corpus tests what it says)', async () => {
    const again = rezip(files);
    await restoreBackup(store.db, again, { mode: 'merge' });
    expect(await store.dump()).toBe(before);
  });
});

describe('a full disk during a restore', () => {
  const realPut = IDBObjectStore.prototype.put;
  afterEach(() => {
    IDBObjectStore.prototype.put = realPut;
  });
  it('gives QUOTA_EXCEEDED and leaves the database as it was, even after clearing it for a replace', async () => {
    const dst = await makeStore();
    await dst.client.createExperiment('kept');
    const dstBefore = await dst.dump();
    let puts = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++puts > 20) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    };
    for (const mode of ['replace', 'merge'] as const) {
      puts = 0;
      const err = await errorOf(restoreBackup(dst.db, good, { mode }));
      expect(err.code).toBe('QUOTA_EXCEEDED');
    }
    IDBObjectStore.prototype.put = realPut;
    expect(await dst.dump()).toBe(dstBefore);
    await dst.close();
  });
});
