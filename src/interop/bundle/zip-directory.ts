/**
 * The zip central directory (APPNOTE.TXT §4.3.12–16, zip64 §4.3.14), read without inflating anything, so an
 * import can refuse a bad archive from what it declares: names, sizes, methods, flags. fflate's unzip gives
 * no CRCs or flags and silently keeps the last of two same-named entries, so the directory is read here and
 * fflate only inflates.
 */
import { invalidParam } from '../../core/errors';

export interface ZipEntry {
  /** As stored (UTF-8 when flagged, else read as Latin-1); not yet checked or normalised. */
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's data (just past its local header). */
  dataOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const bad = (why: string) => invalidParam(`Not a valid zip file: ${why}.`);

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/** Random access to a zip: bytes in memory, or a Blob (an uploaded File) read piece by piece. */
export interface ZipSource {
  readonly size: number;
  /** `length` bytes at `offset`; refuses ranges past the end. */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** The same bytes as a stream of chunks, when the source can do better than repeated reads (a Blob). */
  stream?(offset: number, length: number): ReadableStream<Uint8Array>;
}

function checkRange(size: number, offset: number, length: number): void {
  if (offset < 0 || length < 0 || offset + length > size) throw bad('it points past its own end');
}

export function bytesSource(bytes: Uint8Array): ZipSource {
  return {
    size: bytes.length,
    read: async (offset, length) => {
      checkRange(bytes.length, offset, length);
      return bytes.subarray(offset, offset + length);
    },
  };
}

export function blobSource(blob: Blob): ZipSource {
  return {
    size: blob.size,
    read: async (offset, length) => {
      checkRange(blob.size, offset, length);
      return new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
    },
    stream: (offset, length) => {
      checkRange(blob.size, offset, length);
      return blob.slice(offset, offset + length).stream();
    },
  };
}

const view = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** Reads every central-directory entry. Throws INVALID_PARAMETER_VALUE naming what is wrong with the archive. */
export async function readZipDirectory(src: ZipSource, maxEntries: number): Promise<ZipEntry[]> {
  const tailStart = Math.max(0, src.size - 22 - 65535);
  const tail = await src.read(tailStart, src.size - tailStart);
  const tv = view(tail);
  let e = tail.length - 22;
  while (e >= 0 && tv.getUint32(e, true) !== EOCD) e--;
  if (e < 0) throw bad('its end-of-central-directory record is missing (truncated or not a zip)');
  let count = tv.getUint16(e + 10, true);
  let cdSize = tv.getUint32(e + 12, true);
  let offset = tv.getUint32(e + 16, true);
  if (e >= 20 && tv.getUint32(e - 20, true) === ZIP64_LOCATOR) {
    const z = Number(tv.getBigUint64(e - 12, true));
    if (z + 56 > src.size) throw bad('its zip64 record is damaged');
    const zv = view(await src.read(z, 56));
    if (zv.getUint32(0, true) !== ZIP64_EOCD) throw bad('its zip64 record is damaged');
    count = Number(zv.getBigUint64(32, true));
    cdSize = Number(zv.getBigUint64(40, true));
    offset = Number(zv.getBigUint64(48, true));
  }
  if (count > maxEntries) throw invalidParam(`The zip has ${count} entries, more than the limit of ${maxEntries}.`);
  if (offset + cdSize > src.size) throw bad('its central directory runs past its end');
  const cd = await src.read(offset, cdSize);
  const dv = view(cd);
  const entries: ZipEntry[] = [];
  for (let i = 0, p = 0; i < count; i++) {
    if (p + 46 > cd.length || dv.getUint32(p, true) !== CENTRAL) throw bad(`central directory entry ${i + 1} is damaged`);
    const flags = dv.getUint16(p + 8, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    if (p + 46 + nameLen + extraLen > cd.length) throw bad(`central directory entry ${i + 1} is damaged`);
    const nameBytes = cd.subarray(p + 46, p + 46 + nameLen);
    let name: string;
    try {
      name = flags & 0x800 ? utf8.decode(nameBytes) : latin1.decode(nameBytes);
    } catch {
      throw bad(`entry ${i + 1} has a name that is not valid UTF-8`);
    }
    const sizes = { compressedSize: dv.getUint32(p + 20, true), size: dv.getUint32(p + 24, true), local: dv.getUint32(p + 42, true) };
    readZip64Extra(dv, p + 46 + nameLen, extraLen, sizes);
    entries.push({
      name, method: dv.getUint16(p + 10, true), flags, crc: dv.getUint32(p + 16, true),
      compressedSize: sizes.compressedSize, size: sizes.size, dataOffset: await localDataOffset(src, sizes.local, name),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Replaces 0xFFFFFFFF sizes and offsets by their zip64 extra-field values (in APPNOTE's order). */
function readZip64Extra(dv: DataView, start: number, len: number, s: { compressedSize: number; size: number; local: number }): void {
  for (let p = start; p + 4 <= start + len;) {
    const id = dv.getUint16(p, true);
    const size = dv.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      const next = (): number => {
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

async function localDataOffset(src: ZipSource, local: number, name: string): Promise<number> {
  if (local + 30 > src.size) throw bad(`the local header of '${name}' is missing`);
  const lv = view(await src.read(local, 30));
  if (lv.getUint32(0, true) !== LOCAL) throw bad(`the local header of '${name}' is missing`);
  return local + 30 + lv.getUint16(26, true) + lv.getUint16(28, true);
}
