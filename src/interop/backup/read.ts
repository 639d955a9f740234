/**
 * `openBackup()`: validates a backup file completely before anything is written — the zip structure, every
 * entry's size and CRC, the manifest against this schema, every page's rows and their primary keys, every
 * Blob reference — and then hands out its rows page by page for the restore.
 */
import { invalidParam } from '../../core/errors';
import { keyOfRow, type TableSpec } from '../../storage';
import { PageDecoder } from './codec';
import { checkCompatible, LIMITS, MANIFEST, pageName, parseManifest, type Manifest } from './format';
import { entryBlob, entryBytes, readBackupDirectory, streamEntry, type ZipEntry } from './zip-reader';
import type { BackupProgress } from './export';

/** What a backup holds, shown before the user confirms a restore. */
export interface BackupSummary {
  createdAt: string;
  schemaVersion: number;
  tables: { name: string; rows: number }[];
  blobs: { count: number; bytes: number };
  fileBytes: number;
}

const damaged = (why: string) => invalidParam(`The backup is damaged: ${why}.`);

/** True for a value IndexedDB accepts as a key (number, string, Date, binary, or an array of keys). */
export function isValidKey(k: unknown, depth = 0): boolean {
  if (typeof k === 'number') return !Number.isNaN(k);
  if (typeof k === 'string') return true;
  if (k instanceof Date) return !Number.isNaN(k.getTime());
  if (k instanceof ArrayBuffer || ArrayBuffer.isView(k)) return true;
  return Array.isArray(k) && depth < 8 && k.every((x) => isValidKey(x, depth + 1));
}

const keyString = (k: unknown) => JSON.stringify(k, (_, v: unknown) => (v instanceof Date ? { d: v.getTime() } : v));

/** A validated backup. */
export class OpenedBackup {
  constructor(
    readonly file: Blob,
    readonly manifest: Manifest,
    private readonly entries: Map<string, ZipEntry>,
  ) {}

  get summary(): BackupSummary {
    const m = this.manifest;
    return {
      createdAt: m.createdAt, schemaVersion: m.database.schemaVersion,
      tables: m.tables.map((t) => ({ name: t.name, rows: t.rows })), blobs: m.blobs, fileBytes: this.file.size,
    };
  }

  /** The raw JSON rows and binary sidecar of one page, parsed and shape-checked. */
  async rawPage(table: string, page: number): Promise<{ rows: unknown[]; binary: Uint8Array }> {
    const json = this.entry(pageName(table, page, 'json'));
    let parsed: { rows?: unknown; binary?: unknown };
    try {
      parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await entryBytes(this.file, json, LIMITS.pageJsonBytes)));
    } catch (e) {
      if ((e as { code?: string }).code) throw e;
      throw damaged(`'${json.name}' is not valid JSON`);
    }
    if (!parsed || !Array.isArray(parsed.rows) || typeof parsed.binary !== 'number') throw damaged(`'${json.name}' is malformed`);
    let binary: Uint8Array = new Uint8Array(0);
    if (parsed.binary > 0) {
      const bin = this.entry(pageName(table, page, 'bin'));
      if (bin.size !== parsed.binary) throw damaged(`'${bin.name}' has the wrong size`);
      binary = await entryBytes(this.file, bin, LIMITS.pageBinaryBytes);
    }
    return { rows: parsed.rows, binary };
  }

  /** Decoded rows of every page of `table`, with Blobs read from the file (stored entries are not copied). */
  async *pages(table: string): AsyncGenerator<unknown[]> {
    const t = this.manifest.tables.find((x) => x.name === table);
    for (let p = 0; t && p < t.pages; p++) {
      const { rows, binary } = await this.rawPage(table, p);
      const wanted = new Map<string, string>();
      new PageDecoder(binary, (name, _size, type) => (wanted.set(name, type), new Blob())).decode(rows);
      const blobs = new Map<string, Blob>();
      for (const [name, type] of wanted) blobs.set(name, await entryBlob(this.file, this.entry(name), type));
      yield new PageDecoder(binary, (name) => blobs.get(name)!).decode(rows) as unknown[];
    }
  }

  entry(name: string): ZipEntry {
    const e = this.entries.get(name);
    if (!e) throw damaged(`'${name}' is missing`);
    return e;
  }
}

/** Opens and fully validates `file` as a backup for a database with `specs` at `schemaVersion`. */
export async function openBackup(
  file: Blob, specs: TableSpec[], schemaVersion: number, onProgress: (p: BackupProgress) => void = () => {},
): Promise<OpenedBackup> {
  const list = await readBackupDirectory(file, LIMITS.entries);
  const entries = new Map(list.map((e) => [e.name, e]));
  const manifestEntry = entries.get(MANIFEST);
  if (!manifestEntry) throw invalidParam(`This file is not a Flowpad backup: it has no ${MANIFEST}.`);
  const manifest = parseManifest(await entryBytes(file, manifestEntry, LIMITS.manifestBytes));
  checkCompatible(manifest, specs, schemaVersion);
  const backup = new OpenedBackup(file, manifest, entries);

  const used = new Set<string>([MANIFEST]);
  const total = list.reduce((s, e) => s + e.size, 0);
  let checked = manifestEntry.size;
  const tick = (n: number) => onProgress({ stage: 'checking', done: (checked += n), total });
  let blobBytes = 0;
  let blobCount = 0;
  for (const t of manifest.tables) {
    const keys = new Set<string>();
    let rows = 0;
    for (let p = 0; p < t.pages; p++) {
      const json = pageName(t.name, p, 'json');
      const { rows: raw, binary } = await backup.rawPage(t.name, p);
      used.add(json);
      if (binary.length) used.add(pageName(t.name, p, 'bin'));
      tick(backup.entry(json).size + binary.length);
      const refs: { name: string; size: number }[] = [];
      const decoded = new PageDecoder(binary, (name, size) => (refs.push({ name, size }), new Blob())).decode(raw) as unknown[];
      for (const row of decoded) {
        if (row === null || typeof row !== 'object' || Array.isArray(row)) throw damaged(`a row of '${t.name}' is not an object`);
        const key = keyOfRow(t.primKey, row);
        if (!isValidKey(key)) throw damaged(`a row of '${t.name}' has no valid key`);
        const ks = keyString(key);
        if (keys.has(ks)) throw damaged(`two rows of '${t.name}' share the key ${ks}`);
        keys.add(ks);
      }
      for (const ref of refs) {
        const e = entries.get(ref.name);
        if (!e || !/^blobs\/\d+$/.test(ref.name)) throw damaged(`file '${ref.name}' is missing`);
        if (used.has(ref.name)) throw damaged(`file '${ref.name}' is used twice`);
        if (e.size !== ref.size) throw damaged(`file '${ref.name}' has the wrong size`);
        used.add(ref.name);
        await streamEntry(file, e, (b) => tick(b.length));
        blobBytes += e.size;
        blobCount++;
      }
      rows += decoded.length;
    }
    if (rows !== t.rows) throw damaged(`table '${t.name}' holds ${rows} rows, not the ${t.rows} its manifest says`);
  }
  if (blobBytes !== manifest.blobs.bytes || blobCount !== manifest.blobs.count) throw damaged('its files do not add up to the size its manifest says');
  for (const e of list) if (!used.has(e.name)) throw invalidParam(`This file is not a Flowpad backup: it holds an unexpected '${e.name}'.`);
  return backup;
}
