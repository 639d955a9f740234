/**
 * Corrupt, foreign and hostile variants of a good backup: used by the Node test
 * (src/interop/backup/bad-backups.test.ts) and the Playwright bad-input journey (e2e/bad-input.spec.ts).
 */
import { strFromU8, strToU8, zipSync } from 'fflate';
import { MANIFEST } from '../../src/interop/backup/format';
import { readBackupDirectory } from '../../src/interop/backup/zip-reader';

export type Files = Record<string, Uint8Array>;
const json = (b: Uint8Array) => JSON.parse(strFromU8(b)) as Record<string, unknown> & { tables: Record<string, unknown>[] };
export const rezip = (files: Files) => new Blob([zipSync(files, { level: 1 }) as Uint8Array<ArrayBuffer>]);
function edit(files: Files, name: string, fn: (v: ReturnType<typeof json>) => unknown): Files {
  return { ...files, [name]: strToU8(JSON.stringify(fn(json(files[name])))) };
}
const firstPage = (t: string) => `tables/${t}/00000.json`;

async function flipByteOf(good: Blob, entry: string): Promise<Blob> {
  const bytes = new Uint8Array(await good.arrayBuffer());
  const e = (await readBackupDirectory(good, 1e6)).find((x) => x.name === entry)!;
  const dv = new DataView(bytes.buffer);
  const start = e.localOffset + 30 + dv.getUint16(e.localOffset + 26, true) + dv.getUint16(e.localOffset + 28, true);
  bytes[start + Math.min(10, e.compressedSize - 1)] ^= 0xff; // inside the entry's data, however small
  return new Blob([bytes]);
}

export type BadBackup = [name: string, make: (good: Blob, files: Files) => Blob | Promise<Blob>, message: RegExp];

/** Bad variants of `good`, a real backup with runs, metrics and artifacts (`files`: it unzipped). */
export const BAD_BACKUPS: BadBackup[] = [
  ['a flipped byte in an artifact', (good, files) => flipByteOf(good, 'blobs/1'), /damaged: 'blobs\/1' fails its checksum/],
  ['a flipped byte in a page binary', (good, files) => flipByteOf(good, 'tables/metricChunks/00000.bin'), /fails its checksum/],
  ['no manifest', (good, files) => { const { [MANIFEST]: _, ...rest } = files; return rezip(rest); }, /not a Flowpad backup: it has no flowpad-backup.json/],
  ['a manifest that is not JSON', (good, files) => rezip({ ...files, [MANIFEST]: strToU8('{nope') }), /not valid JSON/],
  ['another format', (good, files) => rezip(edit(files, MANIFEST, (m) => ({ ...m, format: 'mlflow' }))), /does not name the format/],
  ['a newer format version', (good, files) => rezip(edit(files, MANIFEST, (m) => ({ ...m, formatVersion: 9 }))), /newer Flowpad \(backup format 9\)/],
  ['a newer schema', (good, files) => rezip(edit(files, MANIFEST, (m) => ({ ...m, database: { name: 'x', schemaVersion: 99 } }))), /newer Flowpad \(database version 99/],
  ['an unknown table', (good, files) => rezip(edit(files, MANIFEST, (m) => ({ ...m, tables: [...m.tables, { ...m.tables[0], name: 'evil' }] }))), /table 'evil'/],
  ['another primary key', (good, files) => rezip(edit(files, MANIFEST, (m) => ({ ...m, tables: m.tables.map((t) => (t.name === 'runs' ? { ...t, primKey: 'id' } : t)) }))), /keyed by "id"/],
  ['a row count that does not add up', (good, files) => rezip(edit(files, MANIFEST, (m) => ({ ...m, tables: m.tables.map((t) => (t.name === 'runs' ? { ...t, rows: 99 } : t)) }))), /holds \d+ rows, not the 99/],
  ['a missing page', (good, files) => rezip(edit(files, MANIFEST, (m) => ({ ...m, tables: m.tables.map((t) => (t.name === 'runs' ? { ...t, pages: 2 } : t)) }))), /'tables\/runs\/00001.json' is missing/],
  ['a page that is not JSON', (good, files) => rezip({ ...files, [firstPage('runs')]: strToU8('[') }), /'tables\/runs\/00000.json' is not valid JSON/],
  ['a page without rows', (good, files) => rezip(edit(files, firstPage('runs'), () => ({ binary: 0 }))), /is malformed/],
  ['an unknown value tag', (good, files) => rezip(edit(files, firstPage('runs'), (p) => ({ ...p, rows: [{ $script: 'alert(1)' }, ...(p.rows as unknown[]).slice(1)] }))), /unknown value tag '\$script'/],
  ['a row that is not an object', (good, files) => rezip(edit(files, firstPage('runs'), (p) => ({ ...p, rows: [1, ...(p.rows as unknown[]).slice(1)] }))), /not an object/],
  ['a row without its key', (good, files) => rezip(edit(files, firstPage('runs'), (p) => ({ ...p, rows: (p.rows as Record<string, unknown>[]).map((r, i) => (i ? r : { ...r, runId: { $n: 'NaN' } })) }))), /no valid key/],
  ['two rows with one key', (good, files) => rezip(edit(files, firstPage('runs'), (p) => ({ ...p, rows: (p.rows as Record<string, unknown>[]).map((r, _i, all) => ({ ...r, runId: all[0].runId })) }))), /share the key/],
  ['an extra file', (good, files) => rezip({ ...files, 'evil.js': strToU8('alert(1)') }), /unexpected 'evil.js'/],
  ['a missing artifact', (good, files) => { const { 'blobs/0': _, ...rest } = files; return rezip(rest); }, /file 'blobs\/0' is missing/],
  ['an artifact of the wrong size', (good, files) => rezip({ ...files, 'blobs/0': new Uint8Array(7) }), /'blobs\/0' has the wrong size/],
  ['an artifact used twice', (good, files) => rezip(edit(files, firstPage('artifacts'), (p) => ({ ...p, rows: (p.rows as { data: unknown }[]).map((r, _i, all) => ({ ...r, data: all[0].data })) }))), /used twice|wrong size/],
  ['binary data out of range', (good, files) => rezip(edit(files, firstPage('metricChunks'), (p) => ({ ...p, rows: (p.rows as Record<string, unknown>[]).map((r) => ({ ...r, values: { $ta: 'Float64Array', o: 1e9, n: 8 } })) }))), /outside its page/],
  ['an unknown array type', (good, files) => rezip(edit(files, firstPage('metricChunks'), (p) => ({ ...p, rows: (p.rows as Record<string, unknown>[]).map((r) => ({ ...r, values: { $ta: 'Function', o: 0, n: 8 } })) }))), /unknown array type/],
  ['a missing page binary', (good, files) => { const { 'tables/metricChunks/00000.bin': _, ...rest } = files; return rezip(rest); }, /00000.bin' is missing/],
  ['a plain zip of files', (good, files) => rezip({ 'MLmodel': strToU8('flavors: {}'), 'model.onnx': new Uint8Array(10) }), /has no flowpad-backup.json/],
];
