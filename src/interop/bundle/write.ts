/**
 * `writeBundle`: registered models → one zip: `manifest.json` (registry metadata, see manifest.ts) and each
 * version's MLmodel folder at `models/<name>/version-<n>/`, which Python MLflow loads as it is. Text files are
 * deflated; everything else (weights: .onnx, .bin, …) is stored, which is 15× faster here (PLATFORM.md §8)
 * and costs little since weights barely compress. Streamed with fflate, so a file is never copied twice.
 */
import { strToU8, Zip, ZipDeflate, type ZipInputFile } from 'fflate';
import { crc32 } from '../zip-directory';
import type { ExportedModel } from '../../registry';
import { buildManifest, folderNames, MANIFEST } from './manifest';
import type { Progress } from './unzip';

const TEXT = /(^|\/)(MLmodel|[^/]*\.(ya?ml|json|txt|md|py|csv|tsv|cfg|ini|toml|html|js))$/i;

/** Zip (DOS) times start in 1980. */
const ZIP_EPOCH = Date.UTC(1980, 0, 2);

/** Whether an entry is deflated (text) or stored (everything else). */
export const isTextEntry = (path: string): boolean => TEXT.test(path);

export interface WriteBundleOptions {
  /** ms since epoch written as the manifest's `created_at` and the entries' times; default now. */
  now?: number;
  onProgress?: Progress;
}

/**
 * The zip as a Blob. Stored files are not copied: their bytes are streamed once through fflate (for the CRC
 * and the offsets it writes) and each file's own Blob takes their place among the output parts, so a 100 MB
 * weights file in IndexedDB becomes part of the download without being held in memory.
 */
export async function writeBundle(models: readonly ExportedModel[], opts: WriteBundleOptions = {}): Promise<Blob> {
  const now = opts.now ?? Date.now();
  const folders = folderNames(models.map((m) => m.model.name));
  const manifest = buildManifest(models, folders, now);
  const total = models.reduce((n, m) => n + m.versions.reduce((k, v) => k + v.files.reduce((s, f) => s + f.data.size, 0), 0), 0);
  const parts: BlobPart[] = [];
  // While a stored file streams through fflate, its chunks stand for its Blob in the output.
  let standIn: { chunks: Set<Uint8Array>; blob: Blob; placed: boolean } | null = null;
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else if (standIn?.chunks.delete(chunk)) {
      if (!standIn.placed) parts.push(standIn.blob);
      standIn.placed = true;
    } else parts.push(chunk);
  });
  const mtime = Math.max(now, ZIP_EPOCH);
  let done = 0;
  const addText = (path: string, data: Uint8Array<ArrayBuffer>): void => {
    const entry = new ZipDeflate(path, { level: 6 });
    entry.mtime = mtime;
    zip.add(entry);
    entry.push(data, true);
  };
  const addStored = async (path: string, blob: Blob): Promise<void> => {
    const entry: ZipInputFile = { filename: path, size: blob.size, crc: 0, compression: 0, mtime };
    zip.add(entry);
    standIn = { chunks: new Set(), blob, placed: false };
    let crc = 0;
    const reader = blob.stream().getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      crc = crc32(r.value, crc);
      standIn.chunks.add(r.value);
      entry.ondata!(null, r.value as Uint8Array<ArrayBuffer>, false);
      opts.onProgress?.((done += r.value.length), total);
    }
    entry.crc = crc; // read by fflate for the data descriptor and central directory when the entry ends
    entry.ondata!(null, new Uint8Array(0), true);
    if (standIn.chunks.size) throw new Error(`zip writer: ${standIn.chunks.size} chunks of '${path}' were not emitted`);
    standIn = null;
  };
  addText(MANIFEST, strToU8(JSON.stringify(manifest, null, 2) + '\n'));
  for (const [i, { versions }] of models.entries()) {
    for (const [j, { files }] of versions.entries()) {
      const folder = manifest.registered_models[i].model_versions[j].path;
      for (const f of files) {
        const path = `${folder}/${f.path}`;
        if (!isTextEntry(path)) {
          await addStored(path, f.data);
          continue;
        }
        addText(path, new Uint8Array(await f.data.arrayBuffer()));
        opts.onProgress?.((done += f.data.size), total);
      }
    }
  }
  zip.end();
  if (failure) throw failure;
  return new Blob(parts, { type: 'application/zip' });
}
