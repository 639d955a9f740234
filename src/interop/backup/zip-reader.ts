/**
 * A backup's zip read in place from a Blob (a File the user picked): the central directory from the tail (the
 * shared reader in interop/zip-directory.ts), each entry by slicing, so a backup of any size is read a few MiB at
 * a time. Stored entries become zero-copy Blob slices; deflated ones are inflated by fflate in chunks. Every byte
 * read is checked against the entry's CRC-32 and declared size.
 */
import { Inflate } from 'fflate';
import { invalidParam } from '../../core/errors';
import { blobSource, crc32, entryDataOffset, readZipDirectory, type ZipEntry, type ZipWording } from '../zip-directory';

export type { ZipEntry };

/** Bytes read per slice while streaming an entry. */
const CHUNK = 4 * 1024 * 1024;

const notZip = (why: string) => invalidParam(`This file is not a Flowpad backup: ${why}.`);
const damaged = (why: string) => invalidParam(`The backup is damaged: ${why}.`);
const BACKUP_ZIP: ZipWording = {
  notZip, damaged, tooManyEntries: (count, max) => notZip(`it has ${count} entries, more than the ${max} a backup may have`),
};

/** The entries of a backup's zip, in directory order: only stored or deflated, unencrypted, each name once. */
export async function readBackupDirectory(file: Blob, maxEntries: number): Promise<ZipEntry[]> {
  const entries = await readZipDirectory(blobSource(file), maxEntries, BACKUP_ZIP);
  const names = new Set<string>();
  for (const { name, flags, method } of entries) {
    if (flags & 1) throw notZip(`'${name}' is encrypted`);
    if (method !== 0 && method !== 8) throw notZip(`'${name}' uses compression method ${method}`);
    if (names.has(name)) throw damaged(`'${name}' appears twice`);
    names.add(name);
  }
  return entries;
}

/** Where an entry's data starts (past its local header), checked to lie inside the file. */
async function dataStart(file: Blob, e: ZipEntry): Promise<number> {
  const start = await entryDataOffset(blobSource(file), e, BACKUP_ZIP);
  if (start + e.compressedSize > file.size) throw damaged(`'${e.name}' runs past the end of the file`);
  return start;
}

/**
 * Streams an entry's uncompressed bytes to `onChunk`, then checks its size and CRC. Reads stop as soon as
 * the output exceeds the declared size (a zip bomb cannot make it inflate more).
 */
export async function streamEntry(file: Blob, e: ZipEntry, onChunk: (b: Uint8Array) => void | Promise<void>): Promise<void> {
  const start = await dataStart(file, e);
  const src = blobSource(file);
  let crc = 0;
  let out = 0;
  const pending: Uint8Array[] = [];
  const take = (b: Uint8Array) => {
    out += b.length;
    if (out > e.size) throw damaged(`'${e.name}' holds more data than it declares`);
    crc = crc32(b, crc);
    pending.push(b);
  };
  const inflater = e.method === 8 ? new Inflate((chunk) => take(chunk)) : undefined;
  const end = start + e.compressedSize;
  let at = start;
  do {
    const stop = Math.min(end, at + CHUNK);
    const raw = await src.read(at, stop - at);
    try {
      if (inflater) inflater.push(raw, stop === end);
      else take(raw);
    } catch (err) {
      if ((err as { code?: unknown }).code === 'INVALID_PARAMETER_VALUE') throw err;
      throw damaged(`'${e.name}' does not inflate (${(err as Error).message})`);
    }
    for (const b of pending.splice(0)) await onChunk(b);
    at = stop;
  } while (at < end);
  if (out !== e.size) throw damaged(`'${e.name}' holds ${out} bytes, not the ${e.size} it declares`);
  if (crc !== e.crc) throw damaged(`'${e.name}' fails its checksum`);
}

/** A whole entry, inflated and checked; refused when it declares more than `maxBytes`. */
export async function entryBytes(file: Blob, e: ZipEntry, maxBytes: number): Promise<Uint8Array> {
  if (e.size > maxBytes) throw damaged(`'${e.name}' is ${e.size} bytes, more than ${maxBytes} allowed`);
  const out = new Uint8Array(e.size);
  let at = 0;
  await streamEntry(file, e, (b) => {
    out.set(b, at);
    at += b.length;
  });
  return out;
}

/**
 * An entry as a Blob of `type`: a zero-copy slice of the file when stored, else inflated into parts. Call it
 * only for entries already checked by `streamEntry` (a slice is not re-read here).
 */
export async function entryBlob(file: Blob, e: ZipEntry, type: string): Promise<Blob> {
  if (e.method === 0) {
    const start = await dataStart(file, e);
    return file.slice(start, start + e.size, type);
  }
  const parts: BlobPart[] = [];
  await streamEntry(file, e, (b) => void parts.push(b as Uint8Array<ArrayBuffer>));
  return new Blob(parts, { type });
}
