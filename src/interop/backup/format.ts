/**
 * The backup file: one zip.
 *
 * ```
 * flowpad-backup.json          manifest (below), written last, found through the zip directory
 * tables/<table>/00000.json    {"rows": [...], "binary": n}: up to PAGE_ROWS rows in primary-key order (deflated)
 * tables/<table>/00000.bin     the page's typed-array bytes, when it has any (stored)
 * blobs/<n>                    one Blob (artifact file, model file), raw (stored)
 * ```
 * Rows are encoded by codec.ts. The manifest names the schema version and every table's keys and indexes,
 * so a restore can tell a foreign or newer backup from one it can write.
 */
import { invalidParam } from '../../core/errors';
import type { TableSpec } from '../../storage';

/** Name of the manifest entry. */
export const MANIFEST = 'flowpad-backup.json';
/** The manifest's `format`: what makes a zip a Flowpad backup. */
export const FORMAT = 'flowpad-backup';
/** Bumped when the file layout or row encoding changes; readers refuse newer ones. */
export const FORMAT_VERSION = 1;
/** Rows per page: small enough that a page of full metric chunks (~100 kB each) stays a few MiB. */
export const PAGE_ROWS = 64;
/** fflate writes no zip64, so offsets must stay below 4 GiB. */
export const MAX_ZIP_BYTES = 0xffff_ffff - 64 * 1024 * 1024;
/** Caps checked before reading, so a hostile zip cannot make a restore allocate without bound (bytes). */
export const LIMITS = {
  entries: 5_000_000,
  manifestBytes: 16 * 1024 * 1024,
  pageJsonBytes: 256 * 1024 * 1024,
  pageBinaryBytes: 512 * 1024 * 1024,
};

/** One table in the manifest: its schema (checked against this database's) and how many rows and pages. */
export interface ManifestTable extends TableSpec {
  rows: number;
  pages: number;
}

/** `flowpad-backup.json`. */
export interface Manifest {
  format: typeof FORMAT;
  formatVersion: number;
  /** ISO time of the export. */
  createdAt: string;
  database: { name: string; schemaVersion: number };
  tables: ManifestTable[];
  blobs: { count: number; bytes: number };
}

/** Entry name of a page of rows (`json`) or of its typed-array bytes (`bin`). */
export const pageName = (table: string, page: number, ext: 'json' | 'bin') =>
  `tables/${table}/${String(page).padStart(5, '0')}.${ext}`;
/** Entry name of the n-th stored file. */
export const blobName = (n: number) => `blobs/${n}`;

const foreign = (why: string) => invalidParam(`This file is not a Flowpad backup: ${why}.`);
const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isKeyPath = (x: unknown) =>
  typeof x === 'string' || (Array.isArray(x) && x.length > 0 && x.every((p) => typeof p === 'string'));

/** Checks the manifest's shape; anything missing or mistyped makes the file foreign. */
export function parseManifest(bytes: Uint8Array): Manifest {
  let m: Partial<Manifest>;
  try {
    m = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Partial<Manifest>;
  } catch {
    throw foreign(`${MANIFEST} is not valid JSON`);
  }
  if (typeof m !== 'object' || m === null || m.format !== FORMAT) throw foreign(`${MANIFEST} does not name the format`);
  if (!isInt(m.formatVersion)) throw foreign('its format version is missing');
  if (m.formatVersion > FORMAT_VERSION) {
    throw invalidParam(`This backup was written by a newer Flowpad (backup format ${m.formatVersion}); update Flowpad to restore it.`);
  }
  if (typeof m.createdAt !== 'string' || !m.database || !isInt(m.database.schemaVersion)) throw foreign('its manifest is incomplete');
  if (!Array.isArray(m.tables) || !m.blobs || !isInt(m.blobs.count) || !isInt(m.blobs.bytes)) throw foreign('its manifest is incomplete');
  const seen = new Set<string>();
  for (const t of m.tables) {
    const ok = t && typeof t.name === 'string' && /^[A-Za-z0-9_]+$/.test(t.name) && isKeyPath(t.primKey) && isInt(t.rows) &&
      isInt(t.pages) && Array.isArray(t.indexes) && t.indexes.every((i) => i && typeof i.name === 'string' && isKeyPath(i.keyPath));
    if (!ok) throw foreign('a table in its manifest is malformed');
    if (seen.has(t.name)) throw foreign(`table '${t.name}' is listed twice`);
    seen.add(t.name);
  }
  return m as Manifest;
}

const samePath = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Refuses a backup this database cannot hold: a newer schema, a table this schema lacks, or a table whose
 * primary key differs. (Row migrations between schema versions go here when a version changes row shapes.)
 */
export function checkCompatible(m: Manifest, specs: TableSpec[], schemaVersion: number): void {
  if (m.database.schemaVersion > schemaVersion) {
    throw invalidParam(
      `This backup was made by a newer Flowpad (database version ${m.database.schemaVersion}, this one has ` +
        `${schemaVersion}); update Flowpad to restore it.`,
    );
  }
  const byName = new Map(specs.map((s) => [s.name, s]));
  for (const t of m.tables) {
    const spec = byName.get(t.name);
    if (!spec) throw invalidParam(`This backup has a table '${t.name}' this version of Flowpad does not know.`);
    if (!samePath(spec.primKey, t.primKey)) {
      throw invalidParam(`Table '${t.name}' of this backup is keyed by ${JSON.stringify(t.primKey)}, not ${JSON.stringify(spec.primKey)}.`);
    }
  }
}
