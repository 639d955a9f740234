/** What an import accepts at most. Checked from the zip's central directory, before anything is inflated. */
export interface BundleLimits {
  /** Entries in the zip (files and folders). */
  maxEntries: number;
  /** Total uncompressed size of every entry, bytes. */
  maxTotalBytes: number;
  /** Uncompressed size of any one file, bytes (also the most a bare .onnx may weigh). */
  maxFileBytes: number;
  /** Largest uncompressed : compressed ratio of an entry above `ratioFloorBytes`; real models stay far below. */
  maxRatio: number;
  /** Entries smaller than this are exempt from the ratio check (tiny text compresses very well). */
  ratioFloorBytes: number;
  /** manifest.json and MLmodel are parsed in memory as text. */
  maxManifestBytes: number;
  maxMlmodelBytes: number;
  /** Characters of one entry name. */
  maxPathLength: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<BundleLimits> = {
  maxEntries: 10_000,
  maxTotalBytes: 2048 * MiB,
  maxFileBytes: 1024 * MiB,
  maxRatio: 200,
  ratioFloorBytes: MiB,
  maxManifestBytes: 16 * MiB,
  maxMlmodelBytes: MiB,
  maxPathLength: 1024,
};

/** Bytes as the UI shows them: `12.3 MB` (decimal units, like the size column of a file manager). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n / 1000;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}
