/**
 * `exportBackup()`: the whole database as one zip Blob, streamed. Rows are read page by page in one read-only
 * transaction (a consistent snapshot), encoded and zipped as they come; Blob rows are only handles until the
 * snapshot ends, then their bytes stream into the zip. Output collects in Blob parts of a few MiB, which the
 * browser may keep on disk, so the JS heap holds about one page and one chunk at a time.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { MlflowError } from '../../core/errors';
import { countRows, readSnapshot, schemaVersion, tableSpecs, type FlowpadDB } from '../../storage';
import { PageEncoder } from './codec';
import {
  blobName, FORMAT, FORMAT_VERSION, MANIFEST, MAX_ZIP_BYTES, pageName, PAGE_ROWS, type Manifest, type ManifestTable,
} from './format';

/** Where a long backup job is: `done` of `total` rows (reading, writing) or bytes (files, checking). */
export interface BackupProgress {
  stage: 'reading' | 'files' | 'checking' | 'writing';
  done: number;
  total: number;
}

/** Options of `exportBackup`. */
export interface ExportOptions {
  onProgress?: (p: BackupProgress) => void;
  /** Rows per page; default PAGE_ROWS. */
  pageRows?: number;
  now?: () => Date;
}

/** Zip output gathered into Blob parts of about 8 MiB. */
class BlobSink {
  private readonly parts: Blob[] = [];
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  bytes = 0;
  push(chunk: Uint8Array): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    this.bytes += chunk.length;
    if (this.pendingBytes >= 8 * 1024 * 1024) this.seal();
  }
  private seal(): void {
    if (this.pending.length) this.parts.push(new Blob(this.pending as Uint8Array<ArrayBuffer>[]));
    this.pending = [];
    this.pendingBytes = 0;
  }
  finish(): Blob {
    this.seal();
    return new Blob(this.parts, { type: 'application/zip' });
  }
}

const tooBig = (bytes: number) =>
  new MlflowError(
    'RESOURCE_EXHAUSTED',
    `This backup would be larger than 4 GiB (${(bytes / 2 ** 30).toFixed(1)} GiB so far), which the zip writer cannot ` +
      'address yet. Delete runs, artifacts or model versions you no longer need and export again.',
  );

/** Exports every table of `db` (whatever the schema declares) and every Blob its rows hold. */
export async function exportBackup(db: FlowpadDB, opts: ExportOptions = {}): Promise<Blob> {
  const progress = opts.onProgress ?? (() => {});
  const pageRows = opts.pageRows ?? PAGE_ROWS;
  const specs = tableSpecs(db);
  const sink = new BlobSink();
  let failure: Error | undefined;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else sink.push(chunk);
  });
  const check = (adding = 0) => {
    if (failure) throw failure;
    if (sink.bytes + adding > MAX_ZIP_BYTES) throw tooBig(sink.bytes + adding);
  };
  const addDeflated = (name: string, data: Uint8Array) => {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(data, true);
    check();
  };
  const addStored = (name: string, parts: Uint8Array[]) => {
    const f = new ZipPassThrough(name);
    zip.add(f);
    parts.forEach((p, i) => f.push(p, i === parts.length - 1));
    if (parts.length === 0) f.push(new Uint8Array(0), true);
    check();
  };

  const counts = await countRows(db);
  const totalRows = Object.values(counts).reduce((a, b) => a + b, 0);
  const tables = new Map<string, ManifestTable>(specs.map((s) => [s.name, { ...s, rows: 0, pages: 0 }]));
  const blobs: Blob[] = [];
  const nameOf = (b: Blob) => blobName(blobs.push(b) - 1);
  let rowsDone = 0;
  await readSnapshot(db, specs.map((s) => s.name), pageRows, (table, rows) => {
    const enc = new PageEncoder(nameOf);
    const json = rows.map((r) => enc.encode(r));
    const t = tables.get(table)!;
    const text = JSON.stringify({ rows: json, binary: enc.binaryBytes });
    addDeflated(pageName(table, t.pages, 'json'), new TextEncoder().encode(text));
    if (enc.binaryBytes > 0) addStored(pageName(table, t.pages, 'bin'), enc.binary);
    t.pages++;
    t.rows += rows.length;
    rowsDone += rows.length;
    progress({ stage: 'reading', done: rowsDone, total: Math.max(totalRows, rowsDone) });
  });

  const blobBytes = blobs.reduce((s, b) => s + b.size, 0);
  let bytesDone = 0;
  for (let i = 0; i < blobs.length; i++) {
    check(blobs[i].size);
    const f = new ZipPassThrough(blobName(i));
    zip.add(f);
    const reader = blobs[i].stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      f.push(value);
      bytesDone += value.length;
      check();
      progress({ stage: 'files', done: bytesDone, total: blobBytes });
    }
    f.push(new Uint8Array(0), true);
  }

  const manifest: Manifest = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    createdAt: (opts.now?.() ?? new Date()).toISOString(),
    database: { name: db.name, schemaVersion: schemaVersion(db) },
    tables: [...tables.values()],
    blobs: { count: blobs.length, bytes: blobBytes },
  };
  addDeflated(MANIFEST, new TextEncoder().encode(JSON.stringify(manifest, null, 2)));
  zip.end();
  check();
  return sink.finish();
}
