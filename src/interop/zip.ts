/** Zip archives ↔ file trees (fflate), for importing and exporting mlruns folders as one file. */
import { unzipSync, zipSync, type Zippable } from 'fflate';

/** Every file of a zip as path → bytes (directory entries dropped). */
export function unzipTree(zip: Uint8Array): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const [path, data] of Object.entries(unzipSync(zip))) if (!path.endsWith('/')) out.set(path, data);
  return out;
}

/** A zip of path → bytes (a path ending in '/' is a folder entry); compressed formats are stored, the rest deflated. */
export function zipTree(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const z: Zippable = {};
  for (const [path, data] of files) {
    const stored = /\.(png|jpe?g|gif|webp|zip|gz|onnx|pkl|bin)$/i.test(path);
    z[path] = [data, { level: stored ? 0 : 6 }];
  }
  return zipSync(z);
}
