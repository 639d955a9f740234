/**
 * JSON text as Python's `json.dumps` writes it (separators `", "` and `": "`, or `indent=N`), so files we write
 * (signature strings inside MLmodel, input_example.json) match MLflow's byte for byte.
 *
 * Python keeps ints and floats apart and JavaScript does not: a number is written as a float (`1.0`, `1e-05`)
 * when it is wrapped with {@link pyFloat}, or when it sits inside a Float32Array/Float64Array; otherwise integral
 * numbers are ints. NaN and ±Infinity are written as Python does (`NaN`, `Infinity`), which is not strict JSON.
 */

/** Marks a number to be written as a Python float. */
export interface PyFloat { readonly __pyFloat: number }
export const pyFloat = (x: number): PyFloat => ({ __pyFloat: x });

const isPyFloat = (v: unknown): v is PyFloat => typeof v === 'object' && v !== null && '__pyFloat' in v;

/** Python's `repr(float)`: shortest round-trip digits; exponent form below 1e-4 or from 1e16. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant, expStr] = x.toExponential().split('e');
  const exp = Number(expStr);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  let body: string;
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    body = `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  } else if (exp < 0) {
    body = `0.${'0'.repeat(-exp - 1)}${digits}`;
  } else if (digits.length <= exp + 1) {
    body = `${digits}${'0'.repeat(exp + 1 - digits.length)}.0`;
  } else {
    body = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  }
  return neg ? `-${body}` : body;
}

function pyString(s: string): string {
  // json.dumps escapes every non-ASCII character (ensure_ascii=True).
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || c > 0x7e) {
      const units = c > 0xffff ? [0xd800 + ((c - 0x10000) >> 10), 0xdc00 + ((c - 0x10000) & 0x3ff)] : [c];
      out += units.map((u) => `\\u${u.toString(16).padStart(4, '0')}`).join('');
    } else out += ch;
  }
  return out + '"';
}

function pyNumber(x: number, asFloat: boolean): string {
  if (asFloat || !Number.isInteger(x)) return pyFloatRepr(x);
  return String(x);
}

/**
 * Serialises `value` like `json.dumps(value)` (or `json.dumps(value, indent=indent)`).
 * Accepts plain JSON values, typed arrays (written as lists), bigints (ints) and {@link PyFloat}s.
 */
export function pyJsonDumps(value: unknown, indent?: number): string {
  const nl = (depth: number): string => (indent === undefined ? '' : '\n' + ' '.repeat(indent * depth));
  const itemSep = indent === undefined ? ', ' : ',';
  const walk = (v: unknown, depth: number, asFloat: boolean): string => {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'number') return pyNumber(v, asFloat);
    if (typeof v === 'bigint') return v.toString();
    if (typeof v === 'string') return pyString(v);
    if (isPyFloat(v)) return pyFloatRepr(v.__pyFloat);
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      const floats = v instanceof Float32Array || v instanceof Float64Array;
      return walk(Array.from(v as unknown as ArrayLike<number>), depth, floats);
    }
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      const items = v.map((x) => nl(depth + 1) + walk(x, depth + 1, asFloat));
      return `[${items.join(itemSep)}${nl(depth)}]`;
    }
    if (typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
      if (entries.length === 0) return '{}';
      const items = entries.map(([k, x]) => `${nl(depth + 1)}${pyString(k)}: ${walk(x, depth + 1, false)}`);
      return `{${items.join(itemSep)}${nl(depth)}}`;
    }
    throw new TypeError(`Object of type ${typeof v} is not JSON serializable`);
  };
  return walk(value, 0, false);
}
