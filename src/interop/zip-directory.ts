/**
 * Reading a zip without unpacking it, for every import of an untrusted archive (model bundles, backups):
 * random access to its bytes (in memory, or a Blob read a slice at a time), the central directory with sizes and
 * offsets resolved (APPNOTE.TXT §4.3.12–16, zip64 §4.3.14), each entry's data offset from its local header, and
 * CRC-32. fflate's unzip gives no CRCs or flags, silently keeps the last of two same-named entries, and exports
 * no CRC function, so the directory is read here and fflate only inflates.
 */
import { invalidParam, MlflowError } from '../core/errors';

/** One central-directory entry, sizes and offset resolved (zip64 included). */
export interface ZipEntry {
  /** As stored (UTF-8 when flagged, else read as Latin-1); not yet checked or normalised. */
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  /** General-purpose flags: bit 0 = encrypted, bit 11 = UTF-8 name. */
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header; its data starts after it (`entryDataOffset`). */
  localOffset: number;
}

/** How a reader words what is wrong with an archive; `why` is a sentence fragment ("its zip64 record is damaged"). */
export interface ZipWording {
  /** The file is no zip at all (no end-of-central-directory record). */
  notZip(why: string): Error;
  /** A zip whose structure is broken. */
  damaged(why: string): Error;
  tooManyEntries(count: number, max: number): Error;
}

/** The wording of a plain zip upload (model bundles, zipped model folders). */
export const PLAIN_ZIP: ZipWording = {
  notZip: (why) => invalidParam(`Not a valid zip file: ${why}.`),
  damaged: (why) => invalidParam(`Not a valid zip file: ${why}.`),
  tooManyEntries: (count, max) => invalidParam(`The zip has ${count} entries, more than the limit of ${max}.`),
};

/** Random access to a zip: bytes in memory, or a Blob (an uploaded File) read piece by piece. */
export interface ZipSource {
  readonly size: number;
  /** `length` bytes at `offset`; refuses ranges past the end. */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** The same bytes as a stream of chunks, when the source can do better than repeated reads (a Blob). */
  stream?(offset: number, length: number): ReadableStream<Uint8Array>;
}

function checkRange(size: number, offset: number, length: number): void {
  if (offset < 0 || length < 0 || offset + length > size) throw PLAIN_ZIP.damaged('it points past its own end');
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

/** A Blob as a source. A file that changes or vanishes while being read becomes INVALID_STATE ("pick it again"). */
export function blobSource(blob: Blob): ZipSource {
  return {
    size: blob.size,
    read: async (offset, length) => {
      checkRange(blob.size, offset, length);
      try {
        return new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
      } catch (e) {
        throw new MlflowError('INVALID_STATE', `The file could not be read (${(e as Error).name}); pick it again.`);
      }
    },
    stream: (offset, length) => {
      checkRange(blob.size, offset, length);
      return blob.slice(offset, offset + length).stream();
    },
  };
}

const view = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/** Every central-directory entry, in directory order. Throws the `wording`'s errors naming what is wrong. */
export async function readZipDirectory(src: ZipSource, maxEntries: number, wording: ZipWording = PLAIN_ZIP): Promise<ZipEntry[]> {
  // The end record (22 bytes + a comment of up to 65,535) and the zip64 locator (20 bytes) before it.
  const tailStart = Math.max(0, src.size - 22 - 65535 - 20);
  const tail = await src.read(tailStart, src.size - tailStart);
  const tv = view(tail);
  let e = tail.length - 22;
  while (e >= 0 && tv.getUint32(e, true) !== EOCD) e--;
  if (e < 0) throw wording.notZip('its end-of-central-directory record is missing (truncated or not a zip)');
  let count = tv.getUint16(e + 10, true);
  let cdSize = tv.getUint32(e + 12, true);
  let offset = tv.getUint32(e + 16, true);
  if (e >= 20 && tv.getUint32(e - 20, true) === ZIP64_LOCATOR) {
    const z = Number(tv.getBigUint64(e - 12, true));
    if (z + 56 > src.size) throw wording.damaged('its zip64 record is damaged');
    const zv = view(await src.read(z, 56));
    if (zv.getUint32(0, true) !== ZIP64_EOCD) throw wording.damaged('its zip64 record is damaged');
    count = Number(zv.getBigUint64(32, true));
    cdSize = Number(zv.getBigUint64(40, true));
    offset = Number(zv.getBigUint64(48, true));
  }
  if (count > maxEntries) throw wording.tooManyEntries(count, maxEntries);
  if (offset + cdSize > src.size) throw wording.damaged('its central directory runs past its end');
  const cd = await src.read(offset, cdSize);
  const dv = view(cd);
  const entries: ZipEntry[] = [];
  for (let i = 0, p = 0; i < count; i++) {
    if (p + 46 > cd.length || dv.getUint32(p, true) !== CENTRAL) throw wording.damaged(`central directory entry ${i + 1} is damaged`);
    const flags = dv.getUint16(p + 8, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    if (p + 46 + nameLen + extraLen > cd.length) throw wording.damaged(`central directory entry ${i + 1} is damaged`);
    const nameBytes = cd.subarray(p + 46, p + 46 + nameLen);
    let name: string;
    try {
      name = flags & 0x800 ? utf8.decode(nameBytes) : latin1.decode(nameBytes);
    } catch {
      throw wording.damaged(`entry ${i + 1} has a name that is not valid UTF-8`);
    }
    const sizes = { compressedSize: dv.getUint32(p + 20, true), size: dv.getUint32(p + 24, true), local: dv.getUint32(p + 42, true) };
    readZip64Extra(dv, p + 46 + nameLen, extraLen, sizes);
    entries.push({
      name, method: dv.getUint16(p + 10, true), flags, crc: dv.getUint32(p + 16, true),
      compressedSize: sizes.compressedSize, size: sizes.size, localOffset: sizes.local,
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

/** Where an entry's data starts: past its local header (whose name and extra lengths may differ from the directory's). */
export async function entryDataOffset(src: ZipSource, e: ZipEntry, wording: ZipWording = PLAIN_ZIP): Promise<number> {
  const missing = () => wording.damaged(`the local header of '${e.name}' is missing`);
  if (e.localOffset + 30 > src.size) throw missing();
  const lv = view(await src.read(e.localOffset, 30));
  if (lv.getUint32(0, true) !== LOCAL) throw missing();
  return e.localOffset + 30 + lv.getUint16(26, true) + lv.getUint16(28, true);
}

/** CRC-32 tables for slice-by-16: T[k·256 + n] is the CRC of byte n followed by k zero bytes. */
const T = (() => {
  const t = new Int32Array(256 * 16);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 16; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n] >>> 8) ^ t[t[(k - 1) * 256 + n] & 0xff];
  }
  return t;
})();

/**
 * The CRC-32 (IEEE 802.3, the zip checksum) of `data` as an unsigned 32-bit number; pass the CRC of the bytes
 * before to continue it, so big entries are checked as they stream. Slice-by-16 over aligned 32-bit words:
 * several hundred MB/s in V8, so checking every imported entry costs little next to reading it.
 */
export function crc32(data: Uint8Array, previous = 0): number {
  let c = ~previous;
  let i = 0;
  // Bytes up to a 4-byte boundary, then 16 bytes per step through a Uint32Array view (little-endian words).
  while (i < data.length && (data.byteOffset + i) & 3) c = T[(c ^ data[i++]) & 0xff] ^ (c >>> 8);
  const words = new Uint32Array(data.buffer, data.byteOffset + i, (data.length - i) >>> 2);
  const end = words.length - (words.length & 3);
  for (let w = 0; w < end; w += 4) {
    c ^= words[w];
    const b = words[w + 1];
    const d = words[w + 2];
    const e = words[w + 3];
    c = T[3840 + (c & 0xff)] ^ T[3584 + ((c >>> 8) & 0xff)] ^ T[3328 + ((c >>> 16) & 0xff)] ^ T[3072 + (c >>> 24)] ^
      T[2816 + (b & 0xff)] ^ T[2560 + ((b >>> 8) & 0xff)] ^ T[2304 + ((b >>> 16) & 0xff)] ^ T[2048 + (b >>> 24)] ^
      T[1792 + (d & 0xff)] ^ T[1536 + ((d >>> 8) & 0xff)] ^ T[1280 + ((d >>> 16) & 0xff)] ^ T[1024 + (d >>> 24)] ^
      T[768 + (e & 0xff)] ^ T[512 + ((e >>> 8) & 0xff)] ^ T[256 + ((e >>> 16) & 0xff)] ^ T[e >>> 24];
  }
  for (i += end * 4; i < data.length; i++) c = T[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
