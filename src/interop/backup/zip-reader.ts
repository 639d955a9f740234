/**
 * A zip read in place from a Blob (a File the user picked): the central directory from the tail, each entry
 * by slicing, so a backup of any size is read a few MiB at a time. Stored entries become zero-copy Blob
 * slices; deflated ones are inflated by fflate in chunks. Every byte read is checked against the entry's
 * CRC-32 and declared size (APPNOTE.TXT §4.3; zip64 sizes and offsets are read too).
 */
import { Inflate } from 'fflate';
import { invalidParam, MlflowError } from '../../core/errors';
import { crc32 } from './crc32';

/** One central-directory entry, sizes and offset resolved (zip64 included). */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Bytes read per slice while streaming an entry. */
const CHUNK = 4 * 1024 * 1024;

const notZip = (why: string) => invalidParam(`This file is not a Flowpad backup: ${why}.`);
const damaged = (why: string) => invalidParam(`The backup is damaged: ${why}.`);

async function read(file: Blob, start: number, end: number): Promise<Uint8Array> {
  try {
    return new Uint8Array(await file.slice(start, end).arrayBuffer());
  } catch (e) {
    // The file changed or vanished while being read (NotReadableError).
    throw new MlflowError('INVALID_STATE', `The backup file could not be read (${(e as Error).name}); pick it again.`);
  }
}

/** The entries of a zip archive, in directory order (duplicated names refused). */
export async function readZipDirectory(file: Blob, maxEntries: number): Promise<ZipEntry[]> {
  const tailStart = Math.max(0, file.size - 22 - 65535 - 20);
  const tail = await read(file, tailStart, file.size);
  const dv = new DataView(tail.buffer);
  let e = tail.length - 22;
  while (e >= 0 && dv.getUint32(e, true) !== EOCD) e--;
  if (e < 0) throw notZip('it is not a zip archive (or it was cut short)');
  let count = dv.getUint16(e + 10, true);
  let cdSize = dv.getUint32(e + 12, true);
  let cdOffset = dv.getUint32(e + 16, true);
  if (e >= 20 && dv.getUint32(e - 20, true) === ZIP64_LOCATOR) {
    const at = Number(dv.getBigUint64(e - 12, true));
    const z = new DataView((await read(file, at, at + 56)).buffer);
    if (z.byteLength < 56 || z.getUint32(0, true) !== ZIP64_EOCD) throw damaged('its zip64 record is broken');
    count = Number(z.getBigUint64(32, true));
    cdSize = Number(z.getBigUint64(40, true));
    cdOffset = Number(z.getBigUint64(48, true));
  }
  if (count > maxEntries) throw notZip(`it has ${count} entries, more than the ${maxEntries} a backup may have`);
  if (cdOffset + cdSize > file.size) throw damaged('its directory points past the end of the file');
  const cd = await read(file, cdOffset, cdOffset + cdSize);
  const cv = new DataView(cd.buffer);
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cv.getUint32(p, true) !== CENTRAL) throw damaged(`directory entry ${i + 1} is broken`);
    const flags = cv.getUint16(p + 8, true);
    const nameLen = cv.getUint16(p + 28, true);
    const extraLen = cv.getUint16(p + 30, true);
    const commentLen = cv.getUint16(p + 32, true);
    let name: string;
    try {
      name = utf8.decode(cd.subarray(p + 46, p + 46 + nameLen));
    } catch {
      throw damaged(`entry ${i + 1} has a name that is not UTF-8`);
    }
    const s = { compressedSize: cv.getUint32(p + 20, true), size: cv.getUint32(p + 24, true), local: cv.getUint32(p + 42, true) };
    zip64Extra(cv, p + 46 + nameLen, extraLen, s);
    const method = cv.getUint16(p + 10, true);
    if (flags & 1) throw notZip(`'${name}' is encrypted`);
    if (method !== 0 && method !== 8) throw notZip(`'${name}' uses compression method ${method}`);
    if (names.has(name)) throw damaged(`'${name}' appears twice`);
    names.add(name);
    entries.push({ name, method, crc: cv.getUint32(p + 16, true), compressedSize: s.compressedSize, size: s.size, localOffset: s.local });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function zip64Extra(dv: DataView, start: number, len: number, s: { compressedSize: number; size: number; local: number }): void {
  for (let p = start; p + 4 <= start + len;) {
    const id = dv.getUint16(p, true);
    const size = dv.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      const next = () => {
        const v = Number(dv.getBigUint64(q, true));
        q += 8;
        return v;
      };
      if (s.size === 0xffffffff) s.size = next();
      if (s.compressedSize === 0xffffffff) s.compressedSize = next();
      if (s.local === 0xffffffff) s.local = next();
    }
    p += 4 + size;
  }
}

/** Where an entry's data starts (past its local header), checked to lie inside the file. */
async function dataStart(file: Blob, e: ZipEntry): Promise<number> {
  const h = await read(file, e.localOffset, e.localOffset + 30);
  const dv = new DataView(h.buffer);
  if (h.length < 30 || dv.getUint32(0, true) !== LOCAL) throw damaged(`the header of '${e.name}' is missing`);
  const start = e.localOffset + 30 + dv.getUint16(26, true) + dv.getUint16(28, true);
  if (start + e.compressedSize > file.size) throw damaged(`'${e.name}' runs past the end of the file`);
  return start;
}

/**
 * Streams an entry's uncompressed bytes to `onChunk`, then checks its size and CRC. Reads stop as soon as
 * the output exceeds the declared size (a zip bomb cannot make it inflate more).
 */
export async function streamEntry(file: Blob, e: ZipEntry, onChunk: (b: Uint8Array) => void | Promise<void>): Promise<void> {
  const start = await dataStart(file, e);
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
    const raw = await read(file, at, stop);
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
