/**
 * How a metric chunk's step and timestamp columns are stored. Reading a history is bound by the bytes IndexedDB
 * hands back (measured in Chromium here: 1M points at 24 B/point read in ~165 ms, the values column alone at
 * 8 B/point in ~67 ms), and steps and timestamps are almost always integers close together — often an arithmetic
 * run (step = 0, 1, 2, …). So a column is kept as the smallest exact form of three:
 *   - `{ base, stride }`: value i is base + i·stride (steps logged once per step: 0 bytes per point);
 *   - `{ base, offsets }`: value i is base + offsets[i], offsets an Int32Array (timestamps in ms: 4 bytes);
 *   - a Float64Array (anything else: non-integers, -0, NaN, gaps beyond 2^31): 8 bytes, as schema version 1 stored
 *     every column — so rows written by version 1 read unchanged.
 * Values stay a Float64Array (NaN and ±Infinity are legal metric values). Decoding is exact: only safe integers
 * are packed, and every packed point is checked to round-trip.
 */
import type { MetricChunkRow } from './rows';

/** Value i = base + i·stride. */
export interface ArithmeticColumn {
  base: number;
  stride: number;
}

/** Value i = base + offsets[i]. */
export interface OffsetColumn {
  base: number;
  offsets: Int32Array;
}

export type PackedColumn = Float64Array | ArithmeticColumn | OffsetColumn;

const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;

/** True for integers exactly representable as doubles, excluding -0 (which an offset could not keep). */
const packable = (x: number): boolean => Number.isSafeInteger(x) && !Object.is(x, -0);

/** The smallest exact stored form of `a` (which it may return as is: callers hand over ownership). */
export function packColumn(a: Float64Array): PackedColumn {
  const n = a.length;
  if (n === 0 || !packable(a[0])) return a;
  const base = a[0];
  const stride = n > 1 ? a[1] - base : 0;
  let arithmetic = packable(stride);
  let offsets = true;
  for (let i = 1; i < n && (arithmetic || offsets); i++) {
    const x = a[i];
    if (!packable(x)) return a;
    if (arithmetic && x !== base + i * stride) arithmetic = false;
    const d = x - base;
    if (d < INT32_MIN || d > INT32_MAX) offsets = false;
  }
  if (arithmetic && packable(base + (n - 1) * stride)) return { base, stride };
  if (!offsets) return a;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = a[i] - base;
  return { base, offsets: out };
}

/**
 * Writes the `n` values of column `c` into `out` from index `at` (a new array of n when `out` is omitted) and
 * returns `out`.
 */
export function unpackColumn(c: PackedColumn, n: number, out: Float64Array = new Float64Array(n), at = 0): Float64Array {
  if (c instanceof Float64Array) {
    out.set(n === c.length ? c : c.subarray(0, n), at);
  } else if ('stride' in c) {
    const { base, stride } = c;
    for (let i = 0; i < n; i++) out[at + i] = base + i * stride;
  } else {
    const { base, offsets } = c;
    for (let i = 0; i < n; i++) out[at + i] = base + offsets[i];
  }
  return out;
}

/** One chunk's columns, decoded. */
export interface ChunkColumns {
  steps: Float64Array;
  timestamps: Float64Array;
  values: Float64Array;
}

/** A chunk row for `columns` (ownership of the arrays passes to the row), with its step range. */
export function packChunk(runId: string, key: string, chunk: number, columns: ChunkColumns): MetricChunkRow {
  const { steps, timestamps, values } = columns;
  let minStep = Infinity;
  let maxStep = -Infinity;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    if (s < minStep) minStep = s;
    if (s > maxStep) maxStep = s;
  }
  return { runId, key, chunk, n: values.length, minStep, maxStep, steps: packColumn(steps), timestamps: packColumn(timestamps), values };
}
