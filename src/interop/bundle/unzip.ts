/**
 * Unzipping an untrusted archive: every entry is checked from the central directory first (paths, duplicates,
 * methods, sizes, ratios: see limits.ts), and only then read, each against its declared size and CRC-32.
 * Stored entries (weights) can be checked in chunks without being kept, so a big upload never sits in memory
 * whole; the importer then stores slices of the uploaded file itself.
 */
import { inflateSync } from 'fflate';
import { invalidParam } from '../../core/errors';
import { formatBytes, type BundleLimits } from './limits';
import { checkEntryPath } from './paths';
import { crc32, entryDataOffset, readZipDirectory, type ZipEntry, type ZipSource } from '../zip-directory';

/** A directory entry that passed the checks, with where its data starts. */
export interface CheckedEntry extends ZipEntry {
  dataOffset: number;
}

/** Called with bytes done and bytes in all. */
export type Progress = (done: number, total: number) => void;

/** Bytes read per step when checking a big stored entry; the next chunk is read while this one is checked. */
const CHUNK = 8 * 1024 * 1024;

/** Entries that passed every directory check, by normalised path. */
export async function checkDirectory(src: ZipSource, limits: BundleLimits): Promise<Map<string, CheckedEntry>> {
  const files = new Map<string, CheckedEntry>();
  const folded = new Map<string, string>();
  let total = 0;
  for (const entry of await readZipDirectory(src, limits.maxEntries)) {
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
    const checked = { ...entry, dataOffset: await entryDataOffset(src, entry) };
    checkEntry(src, checked, p.path, limits);
    total += entry.size;
    files.set(p.path, checked);
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

function checkEntry(src: ZipSource, e: CheckedEntry, path: string, limits: BundleLimits): void {
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
  if (e.dataOffset + e.compressedSize > src.size) throw invalidParam(`Not a valid zip file: the data of '${path}' runs past its end.`);
}

const corrupt = (path: string) => invalidParam(`'${path}' is corrupt: its CRC-32 does not match.`);

/** One checked entry's bytes, inflated into a buffer of exactly its declared size, CRC-verified. */
export async function readEntry(src: ZipSource, e: CheckedEntry, path: string): Promise<Uint8Array> {
  const raw = await src.read(e.dataOffset, e.compressedSize);
  let data: Uint8Array;
  try {
    data = e.method === 0 ? raw : inflateSync(raw, { out: new Uint8Array(e.size) });
  } catch {
    throw invalidParam(`'${path}' could not be inflated: its data is corrupt.`);
  }
  if (data.length !== e.size || crc32(data) !== e.crc) throw corrupt(path);
  return data;
}

/** CRC-checks a stored entry chunk by chunk without keeping it; `onBytes` reports progress. */
export async function verifyStored(src: ZipSource, e: CheckedEntry, path: string, onBytes?: (n: number) => void): Promise<void> {
  let crc = 0;
  if (src.stream) {
    const reader = src.stream(e.dataOffset, e.size).getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      crc = crc32(r.value, crc);
      onBytes?.(r.value.length);
    }
    if (crc !== e.crc) throw corrupt(path);
    return;
  }
  const end = e.dataOffset + e.size;
  const read = (at: number) => (at < end ? src.read(at, Math.min(CHUNK, end - at)) : Promise.resolve(null));
  let next = read(e.dataOffset);
  for (let at = e.dataOffset; at < end; at += CHUNK) {
    const chunk = (await next)!;
    next = read(at + CHUNK);
    crc = crc32(chunk, crc);
    onBytes?.(chunk.length);
  }
  if (crc !== e.crc) throw corrupt(path);
}
