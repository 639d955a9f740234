/**
 * A file tree as plain data: relative '/'-separated path → bytes, as a zip or a dropped folder gives it.
 * Helpers to walk it like a directory, and to parse the text formats MLflow writes.
 */
import { parse as parseYaml } from 'yaml';
import { invalidParam } from '../core/errors';

export type FileTree = ReadonlyMap<string, Uint8Array>;

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** UTF-8 bytes → string (invalid sequences become U+FFFD). */
export const utf8 = (b: Uint8Array): string => decoder.decode(b);
/** String → UTF-8 bytes. */
export const bytes = (s: string): Uint8Array => encoder.encode(s);

/** Paths with '\\' turned into '/', no leading './' or '/', and directory entries (trailing '/') dropped. */
export function normalizeTree(files: ReadonlyMap<string, Uint8Array>): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const [p, data] of files) {
    const clean = p.replaceAll('\\', '/').replace(/^(\.\/|\/)+/, '');
    if (clean && !clean.endsWith('/')) out.set(clean, data);
  }
  return out;
}

/** A folder view over a tree: the names of sub-folders and files directly under `dir` ('' = root). */
export class TreeIndex {
  private readonly children = new Map<string, { dirs: Set<string>; files: Set<string> }>();

  constructor(readonly files: FileTree) {
    for (const p of files.keys()) {
      const parts = p.split('/');
      for (let i = 0; i < parts.length; i++) {
        const dir = parts.slice(0, i).join('/');
        const entry = this.entry(dir);
        if (i === parts.length - 1) entry.files.add(parts[i]);
        else entry.dirs.add(parts[i]);
      }
    }
  }

  private entry(dir: string) {
    let e = this.children.get(dir);
    if (!e) this.children.set(dir, (e = { dirs: new Set(), files: new Set() }));
    return e;
  }

  dirs(dir: string): string[] {
    return [...(this.children.get(dir)?.dirs ?? [])].sort();
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  get(path: string): Uint8Array | undefined {
    return this.files.get(path);
  }

  /** Every file under `dir`, recursively, as [path relative to dir, bytes], sorted by path; uses the folder index. */
  walk(dir: string): [string, Uint8Array][] {
    const out: [string, Uint8Array][] = [];
    const visit = (d: string, rel: string): void => {
      const e = this.children.get(d);
      if (!e) return;
      for (const f of e.files) out.push([rel + f, this.files.get(d ? `${d}/${f}` : f)!]);
      for (const sub of e.dirs) visit(d ? `${d}/${sub}` : sub, `${rel}${sub}/`);
    };
    visit(dir, '');
    return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }
}

/** Parses a YAML file as PyYAML's safe_load does (YAML 1.1); null for an empty or non-mapping document. */
export function readYamlMap(data: Uint8Array, path: string): Record<string, unknown> | null {
  let doc: unknown;
  try {
    doc = parseYaml(utf8(data), { version: '1.1' });
  } catch (e) {
    throw invalidParam(`${path}: invalid YAML (${(e as Error).message.split('\n')[0]})`);
  }
  return doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? (doc as Record<string, unknown>) : null;
}

/** Python's float() of the strings MLflow writes (decimal, exponent, nan, inf, -inf, any case); null otherwise. */
export function parsePyFloat(s: string): number | null {
  const t = s.trim().toLowerCase();
  if (/^[+-]?nan$/.test(t)) return NaN;
  if (/^\+?inf(inity)?$/.test(t)) return Infinity;
  if (/^-inf(inity)?$/.test(t)) return -Infinity;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t)) return null;
  return Number(t);
}

/** Python's int() of a decimal string, as a safe JS integer; null when it is not one. */
export function parsePyInt(s: string): number | null {
  const t = s.trim();
  if (!/^[+-]?\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
}
