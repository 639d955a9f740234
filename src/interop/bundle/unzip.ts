/**
 * Unzipping an untrusted archive: every entry is checked from the central directory first (paths, duplicates,
 * methods, sizes, ratios: see limits.ts), and only then inflated, each against its declared size and CRC-32.
 */
import { inflateSync } from 'fflate';
import { invalidParam } from '../../core/errors';
import { crc32 } from './crc32';
import { formatBytes, type BundleLimits } from './limits';
import { checkEntryPath } from './paths';
import { readZipDirectory, type ZipEntry } from './zip-directory';

/** Called with bytes done and bytes in all. */
export type Progress = (done: number, total: number) => void;

/** Entries that passed every directory check, by normalised path. */
export function checkDirectory(zip: Uint8Array, limits: BundleLimits): Map<string, ZipEntry> {
  const files = new Map<string, ZipEntry>();
  const folded = new Map<string, string>();
  let total = 0;
  for (const entry of readZipDirectory(zip, limits.maxEntries)) {
    const p = checkEntryPath(entry.name, limits.maxPathLength);
    if (p.kind === 'junk') continue;
    const lower = p.path.toLowerCase();
    const other = folded.get(lower);
    if (other === p.path && (p.kind === 'file' || files.has(p.path))) throw invalidParam(`Duplicate entry '${p.path}' in the zip.`);
    if (other !== undefined && other !== p.path) {
      throw invalidParam(`Entries '${other}' and '${p.path}' differ only in letter case; they would collide on most computers.`);
    }
    folded.set(lower, p.path);
    if (p.kind === 'folder') continue;
    checkEntry(zip, entry, p.path, limits);
    total += entry.size;
    files.set(p.path, entry);
  }
  if (total > limits.maxTotalBytes) {
    throw invalidParam(`The zip would expand to ${formatBytes(total)}, more than the ${formatBytes(limits.maxTotalBytes)} limit.`);
  }
  for (const path of files.keys()) {
    for (let i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
      const parent = path.slice(0, i);
      if (files.has(parent)) throw invalidParam(`'${parent}' is both a file and a folder in the zip.`);
    }
  }
  return files;
}

function checkEntry(zip: Uint8Array, e: ZipEntry, path: string, limits: BundleLimits): void {
  if (e.flags & 1) throw invalidParam(`'${path}' is encrypted; encrypted zips are not supported.`);
  if (e.method !== 0 && e.method !== 8) {
    throw invalidParam(`'${path}' uses compression method ${e.method}; only stored and deflated entries are supported.`);
  }
  if (e.size > limits.maxFileBytes) {
    throw invalidParam(`'${path}' is ${formatBytes(e.size)}, more than the ${formatBytes(limits.maxFileBytes)} limit for one file.`);
  }
  if (e.method === 0 && e.compressedSize !== e.size) throw invalidParam(`Not a valid zip file: stored entry '${path}' has two sizes.`);
  if (e.size > limits.ratioFloorBytes && e.size / Math.max(1, e.compressedSize) > limits.maxRatio) {
    throw invalidParam(
      `'${path}' would expand ${Math.round(e.size / Math.max(1, e.compressedSize))}× (${formatBytes(e.compressedSize)} → ` +
      `${formatBytes(e.size)}), more than the ${limits.maxRatio}× limit: this looks like a zip bomb.`,
    );
  }
  if (e.dataOffset + e.compressedSize > zip.length) throw invalidParam(`Not a valid zip file: the data of '${path}' runs past its end.`);
}

/** Inflates checked entries (stored ones are views into `zip`, not copies), verifying sizes and CRC-32s. */
export function inflateEntries(zip: Uint8Array, entries: Map<string, ZipEntry>, onProgress?: Progress): Map<string, Uint8Array> {
  const total = [...entries.values()].reduce((n, e) => n + e.size, 0);
  const out = new Map<string, Uint8Array>();
  let done = 0;
  for (const [path, e] of entries) {
    const raw = zip.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    let data: Uint8Array;
    try {
      data = e.method === 0 ? raw : inflateSync(raw, { out: new Uint8Array(e.size) });
    } catch {
      throw invalidParam(`'${path}' could not be inflated: its data is corrupt.`);
    }
    if (data.length !== e.size || crc32(data) !== e.crc) throw invalidParam(`'${path}' is corrupt: its CRC-32 does not match.`);
    out.set(path, data);
    done += e.size;
    onProgress?.(done, total);
  }
  return out;
}

/** `checkDirectory`, then `inflateEntries`. */
export function unzipChecked(zip: Uint8Array, limits: BundleLimits, onProgress?: Progress): Map<string, Uint8Array> {
  return inflateEntries(zip, checkDirectory(zip, limits), onProgress);
}
