/**
 * Which previewer an artifact gets, by name (MLflow's lists in `common/utils/FileUtils.ts`: IMAGE_EXTENSIONS,
 * TEXT_EXTENSIONS, DATA_EXTENSIONS, HTML_EXTENSIONS), and the size above which a preview is refused.
 */

/** The previewers; `none` = no previewer for the type (download only, unless a small file sniffs as text). */
export type PreviewKind = 'image' | 'text' | 'json' | 'table' | 'html' | 'none';

const IMAGE = new Set(['jpg', 'jpeg', 'png', 'gif', 'bmp', 'svg', 'webp', 'avif', 'ico']);
const TABLE = new Set(['csv', 'tsv']);
const HTML = new Set(['html', 'htm']);
const JSON_EXT = new Set(['json', 'geojson']);
const TEXT = new Set([
  'txt', 'jsonl', 'log', 'err', 'out', 'cfg', 'conf', 'cnf', 'cf', 'ini', 'properties', 'prop', 'hocon', 'toml', 'yaml', 'yml',
  'xml', 'js', 'mjs', 'ts', 'py', 'py3', 'ipynb', 'r', 'sql', 'sh', 'md', 'rst', 'jsonnet', 'env', 'lock', 'pbtxt', 'proto', 'java',
  'scala', 'c', 'h', 'cpp', 'go', 'rs', 'css',
]);
/** Files MLflow writes without an extension, shown as text. */
const TEXT_NAMES = new Set(['MLmodel', 'MLproject', 'Dockerfile', 'LICENSE', 'README', 'registered_model_meta']);

/**
 * Bytes above which a kind is not previewed (download only). MLflow refuses everything above 50 MiB; text-like
 * kinds stop at 5 MB here because a DOM of millions of characters or table cells stalls the page.
 */
export const PREVIEW_LIMITS: Record<Exclude<PreviewKind, 'none'>, number> = {
  image: 50_000_000,
  text: 5_000_000,
  json: 5_000_000,
  table: 5_000_000,
  html: 5_000_000,
};

/** The last path segment. */
export const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** The lower-case extension of a path ('' when none). */
export function extensionOf(path: string): string {
  const name = baseName(path);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The previewer for `path`; 'none' for unknown types (a caller may still sniff small files as text). */
export function previewKind(path: string): PreviewKind {
  const ext = extensionOf(path);
  if (IMAGE.has(ext)) return 'image';
  if (TABLE.has(ext)) return 'table';
  if (HTML.has(ext)) return 'html';
  if (JSON_EXT.has(ext)) return 'json';
  if (TEXT.has(ext) || TEXT_NAMES.has(baseName(path))) return 'text';
  return 'none';
}

/** True when bytes look like text: no NUL byte in the first 8 KiB (what git and `file` check first). */
export function looksLikeText(head: Uint8Array): boolean {
  const n = Math.min(head.length, 8192);
  for (let i = 0; i < n; i++) if (head[i] === 0) return false;
  return true;
}

/** Bytes as "1.4 MB" (decimal units, like the browser's download shelf). */
export function formatBytes(n: number | undefined): string {
  if (n === undefined) return '';
  if (n < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = -1;
  do {
    v /= 1000;
    u++;
  } while (v >= 1000 && u < units.length - 1);
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}
