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

/** Reads every central-directory entry. Throws INVALID_PARAMETER_VALUE naming what is wrong with the archive. */
export function readZipDirectory(zip: Uint8Array, maxEntries: number): ZipEntry[] {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let e = zip.length - 22;
  const stop = Math.max(0, zip.length - 22 - 65535);
  while (e >= stop && dv.getUint32(e, true) !== EOCD) e--;
  if (e < stop) throw bad('its end-of-central-directory record is missing (truncated or not a zip)');
  let count = dv.getUint16(e + 10, true);
  let offset = dv.getUint32(e + 16, true);
  if (e >= 20 && dv.getUint32(e - 20, true) === ZIP64_LOCATOR) {
    const z = Number(dv.getBigUint64(e - 12, true));
    if (z + 56 > zip.length || dv.getUint32(z, true) !== ZIP64_EOCD) throw bad('its zip64 record is damaged');
    count = Number(dv.getBigUint64(z + 32, true));
    offset = Number(dv.getBigUint64(z + 48, true));
  }
  if (count > maxEntries) throw invalidParam(`The zip has ${count} entries, more than the limit of ${maxEntries}.`);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > zip.length || dv.getUint32(offset, true) !== CENTRAL) throw bad(`central directory entry ${i + 1} is damaged`);
    const flags = dv.getUint16(offset + 8, true);
    const nameLen = dv.getUint16(offset + 28, true);
    const extraLen = dv.getUint16(offset + 30, true);
    const commentLen = dv.getUint16(offset + 32, true);
    const nameBytes = zip.subarray(offset + 46, offset + 46 + nameLen);
    let name: string;
    try {
      name = flags & 0x800 ? utf8.decode(nameBytes) : latin1.decode(nameBytes);
    } catch {
      throw bad(`entry ${i + 1} has a name that is not valid UTF-8`);
    }
    const sizes = {
      compressedSize: dv.getUint32(offset + 20, true), size: dv.getUint32(offset + 24, true), local: dv.getUint32(offset + 42, true),
    };
    readZip64Extra(dv, offset + 46 + nameLen, extraLen, sizes);
    entries.push({
      name, method: dv.getUint16(offset + 10, true), flags, crc: dv.getUint32(offset + 16, true),
      compressedSize: sizes.compressedSize, size: sizes.size, dataOffset: localDataOffset(dv, zip.length, sizes.local, name),
    });
    offset += 46 + nameLen + extraLen + commentLen;
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

function localDataOffset(dv: DataView, length: number, local: number, name: string): number {
  if (local + 30 > length || dv.getUint32(local, true) !== LOCAL) throw bad(`the local header of '${name}' is missing`);
  return local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
}
