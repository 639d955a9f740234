/**
 * Python value formatting and `ast.literal_eval` for tuples, so that messages embedding Python
 * values (`{filter!r}`, a tuple, a set, a decoded page token) read exactly as MLflow prints them.
 */

export type PyValue = string | number | boolean | null | PyValue[] | { tuple: PyValue[] };

const NON_PRINTABLE = /[\p{C}\p{Z}]/u;

/** Python's `repr(str)`: single quotes unless the text has `'` and no `"`. */
export function pyStr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    if (ch === '\\' || ch === q) out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch !== ' ' && NON_PRINTABLE.test(ch)) out += escapeCodePoint(ch.codePointAt(0)!);
    else out += ch;
  }
  return out + q;
}

function escapeCodePoint(cp: number): string {
  if (cp < 0x100) return '\\x' + cp.toString(16).padStart(2, '0');
  if (cp < 0x10000) return '\\u' + cp.toString(16).padStart(4, '0');
  return '\\U' + cp.toString(16).padStart(8, '0');
}

/** Python's `repr(bytes)`. */
export function pyBytes(b: Uint8Array): string {
  const hasSingle = b.includes(0x27);
  const q = hasSingle && !b.includes(0x22) ? '"' : "'";
  let out = 'b' + q;
  for (const c of b) {
    const ch = String.fromCharCode(c);
    if (ch === '\\' || ch === q) out += '\\' + ch;
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + q;
}

/** Python's `repr(float)`: shortest round-trip digits, exponent form outside [1e-4, 1e16). */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e16 || a < 1e-4)) {
    return x.toExponential().replace(/e([+-])(\d)$/, 'e$10$2').replace(/\.0e/, 'e');
  }
  const s = String(x);
  return Number.isInteger(x) ? s + '.0' : s;
}

/** Python's `repr` of a literal_eval / json.loads result. Integral numbers print as ints. */
export function pyRepr(v: PyValue | undefined): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'string') return pyStr(v);
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e16 ? String(v) : pyFloat(v);
  if (Array.isArray(v)) return '[' + v.map(pyRepr).join(', ') + ']';
  if ('tuple' in v) {
    const items = v.tuple.map(pyRepr);
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
  }
  const entries = Object.entries(v as Record<string, PyValue>).map(([k, x]) => `${pyStr(k)}: ${pyRepr(x)}`);
  return '{' + entries.join(', ') + '}';
}

/** `repr` of a Python set or list of strings, in the order given. */
export const pySet = (items: readonly string[]): string => '{' + items.map(pyStr).join(', ') + '}';
export const pyList = (items: readonly string[]): string => '[' + items.map(pyStr).join(', ') + ']';

/** Thrown by {@link literalEval} where Python raises SyntaxError or ValueError. */
export class PySyntaxError extends Error {}

/**
 * `ast.literal_eval` for what can appear in an `IN (...)` list: strings (adjacent ones concatenate,
 * backslash escapes apply), numbers, True/False/None and nested parentheses/tuples. Anything else
 * (bare names, calls) throws PySyntaxError. Limitation: `1.0` and `1` both repr as `1`.
 */
export function literalEval(src: string): PyValue {
  const p = { src, i: 0 };
  const v = parseExpr(p);
  skipWs(p);
  if (p.i !== src.length) throw new PySyntaxError('trailing input');
  return v;
}

interface Cursor {
  src: string;
  i: number;
}

function skipWs(p: Cursor): void {
  while (p.i < p.src.length && /\s/.test(p.src[p.i])) p.i++;
}

function parseExpr(p: Cursor): PyValue {
  skipWs(p);
  const ch = p.src[p.i];
  if (ch === '(') return parseParen(p);
  if (ch === "'" || ch === '"') return parseStrings(p);
  const m = /^(-\s*)?(\d[\d_]*(\.\d*)?([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)/.exec(p.src.slice(p.i));
  if (m) {
    p.i += m[0].length;
    return Number(m[0].replace(/[\s_]/g, ''));
  }
  const w = /^[A-Za-z_]\w*/.exec(p.src.slice(p.i));
  if (w && ['True', 'False', 'None'].includes(w[0])) {
    p.i += w[0].length;
    return w[0] === 'None' ? null : w[0] === 'True';
  }
  throw new PySyntaxError('malformed node');
}

function parseParen(p: Cursor): PyValue {
  p.i++;
  const items: PyValue[] = [];
  let sawComma = false;
  for (;;) {
    skipWs(p);
    if (p.src[p.i] === ')') break;
    items.push(parseExpr(p));
    skipWs(p);
    if (p.src[p.i] === ',') {
      sawComma = true;
      p.i++;
    } else if (p.src[p.i] !== ')') throw new PySyntaxError('expected , or )');
  }
  p.i++;
  return items.length === 1 && !sawComma ? items[0] : { tuple: items };
}

function parseStrings(p: Cursor): string {
  let out = '';
  do {
    out += parseOneString(p);
    skipWs(p);
  } while (p.src[p.i] === "'" || p.src[p.i] === '"');
  return out;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };

function parseOneString(p: Cursor): string {
  const q = p.src[p.i++];
  let out = '';
  while (p.i < p.src.length && p.src[p.i] !== q) {
    const ch = p.src[p.i++];
    if (ch === '\n') throw new PySyntaxError('newline in string');
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const e = p.src[p.i++] ?? '';
    const hex = { x: 2, u: 4, U: 8 }[e];
    if (hex) {
      const h = p.src.slice(p.i, p.i + hex);
      if (!new RegExp(`^[0-9a-fA-F]{${hex}}$`).test(h)) throw new PySyntaxError('bad escape');
      out += String.fromCodePoint(parseInt(h, 16));
      p.i += hex;
    } else out += e in ESCAPES ? ESCAPES[e] : '\\' + e;
  }
  if (p.i >= p.src.length) throw new PySyntaxError('unterminated string');
  p.i++;
  return out;
}
