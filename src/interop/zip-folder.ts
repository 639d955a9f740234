/**
 * A folder of artifacts as one .zip (the "Download folder" button): paths relative to the folder, stored with
 * DEFLATE except for formats that are already compressed. fflate lives only in interop/ (STYLE.md).
 */
import { zip, type AsyncZippable } from 'fflate';

/** One file: its path inside the zip ('/'-separated, no leading slash) and its bytes. */
export interface ZipEntry {
  path: string;
  data: Uint8Array;
  /** ms since epoch; default now. */
  modified?: number;
}

/** Extensions whose bytes are already compressed: deflating them again costs time and saves nothing. */
const STORED = /\.(png|jpe?g|gif|webp|avif|zip|gz|tgz|bz2|xz|zst|7z|mp3|mp4|mov|webm|ogg|parquet|onnx|pt|pth|h5|keras|safetensors)$/i;

/**
 * Zips `entries`. Async: fflate compresses off the main thread where it can, so a large folder does not freeze
 * the page. Rejects on a duplicate or unsafe path (absolute, `..`), which would unpack outside the target folder.
 */
export function zipFolder(entries: readonly ZipEntry[]): Promise<Uint8Array> {
  const files: AsyncZippable = {};
  for (const e of entries) {
    if (!e.path || e.path.startsWith('/') || e.path.split('/').includes('..')) {
      return Promise.reject(new Error(`Unsafe path in zip: '${e.path}'`));
    }
    if (e.path in files) return Promise.reject(new Error(`Duplicate path in zip: '${e.path}'`));
    files[e.path] = [e.data, { level: STORED.test(e.path) ? 0 : 6, mtime: e.modified ?? Date.now() }];
  }
  return new Promise((resolve, reject) => zip(files, (err, out) => (err ? reject(err) : resolve(out))));
}
