/**
 * `writeBundle`: registered models → one zip: `manifest.json` (registry metadata, see manifest.ts) and each
 * version's MLmodel folder at `models/<name>/version-<n>/`, which Python MLflow loads as it is. Text files are
 * deflated; everything else (weights: .onnx, .bin, …) is stored, which is 15× faster here (PLATFORM.md §8)
 * and costs little since weights barely compress. Streamed with fflate, so a file is never copied twice.
 */
import { strToU8, Zip, ZipDeflate, type ZipInputFile } from 'fflate';
import { crc32 } from './crc32';
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

/** The zip as a Blob (its parts are fflate's output chunks: no single copy of the whole archive). */
export async function writeBundle(models: readonly ExportedModel[], opts: WriteBundleOptions = {}): Promise<Blob> {
  const now = opts.now ?? Date.now();
  const folders = folderNames(models.map((m) => m.model.name));
  const manifest = buildManifest(models, folders, now);
  const total = models.reduce((n, m) => n + m.versions.reduce((k, v) => k + v.files.reduce((s, f) => s + f.data.size, 0), 0), 0);
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else chunks.push(chunk);
  });
  const mtime = Math.max(now, ZIP_EPOCH);
  const add = (path: string, data: Uint8Array<ArrayBuffer>): void => {
    if (isTextEntry(path)) {
      const entry = new ZipDeflate(path, { level: 6 });
      entry.mtime = mtime;
      zip.add(entry);
      entry.push(data, true);
      return;
    }
    // Stored: fflate's ZipPassThrough would CRC the bytes with its byte-at-a-time table; ours is faster.
    const entry: ZipInputFile = { filename: path, size: data.length, crc: crc32(data), compression: 0, mtime };
    zip.add(entry);
    entry.ondata!(null, data, true);
  };
  add(MANIFEST, strToU8(JSON.stringify(manifest, null, 2) + '\n'));
  let done = 0;
  for (const [i, { versions }] of models.entries()) {
    for (const [j, { files }] of versions.entries()) {
      const folder = manifest.registered_models[i].model_versions[j].path;
      for (const f of files) {
        add(`${folder}/${f.path}`, new Uint8Array(await f.data.arrayBuffer()));
        done += f.data.size;
        opts.onProgress?.(done, total);
      }
    }
  }
  zip.end();
  if (failure) throw failure;
  return new Blob(chunks as BlobPart[], { type: 'application/zip' });
}
