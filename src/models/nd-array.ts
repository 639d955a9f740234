/**
 * Untyped n-d arrays built from request JSON — the role numpy's `np.array(data[, dtype])` plays in MLflow's
 * scoring path — and their conversion to typed {@link Tensor}s. Dtypes are numpy names (`float64`, `int64`,
 * `bool`, `str`, `object` …) until the last step.
 */
import { invalidParam } from '../core/errors';
import { allocValues, type Tensor, type TensorDtype } from './tensor';

/** A rectangular array: `flat` holds the elements row-major; `dtype` is what numpy would call it. */
export interface NdArray { shape: number[]; flat: unknown[]; dtype: string }

/** Python's tuple repr of a shape, used in MLflow's messages: `(-1, 4)`, `(10,)`. */
export const pyShape = (s: readonly number[]): string => (s.length === 1 ? `(${s[0]},)` : `(${s.join(', ')})`);

/** `np.array(value)`: shape from the nesting (must be rectangular), dtype inferred from the leaves. */
export function ndFromNested(value: unknown, what: string): NdArray {
  const shape: number[] = [];
  for (let v = value; Array.isArray(v); v = v[0]) {
    shape.push(v.length);
    if (v.length === 0) break;
  }
  const size = shape.reduce((n, d) => n * d, 1);
  const flat: unknown[] = new Array(size);
  let pos = 0;
  const ragged = (axis: number, v: unknown): never => {
    throw invalidParam(`${what}: ragged nested list; expected ${shape[axis] ?? 'a scalar'} items at depth ${axis}, got ${Array.isArray(v) ? v.length : 'a scalar'}.`);
  };
  const last = shape.length - 1;
  const walk = (v: unknown, axis: number): void => {
    if (!Array.isArray(v) || v.length !== shape[axis]) ragged(axis, v);
    const arr = v as unknown[];
    if (axis === last) {
      for (let i = 0; i < arr.length; i++) {
        const x = arr[i];
        if (Array.isArray(x)) ragged(axis + 1, x);
        flat[pos++] = x;
      }
    } else for (let i = 0; i < arr.length; i++) walk(arr[i], axis + 1);
  };
  if (shape.length === 0) flat[0] = value;
  else walk(value, 0);
  return { shape, flat, dtype: inferDtype(flat) };
}

/** numpy's dtype for a list of JSON leaves (null among numbers is NaN, as pandas reads it). One pass. */
export function inferDtype(flat: readonly unknown[]): string {
  if (flat.length === 0) return 'float64';
  let bools = true, ints = true, nums = true, strs = true, someNum = false;
  for (let i = 0; i < flat.length; i++) {
    const x = flat[i];
    const t = typeof x;
    if (t === 'number') {
      someNum = true;
      bools = strs = false;
      if (ints && !Number.isInteger(x)) ints = false;
    } else if (x === null) {
      bools = ints = strs = false;
    } else {
      ints = nums = false;
      if (t !== 'boolean') bools = false;
      if (t !== 'string') strs = false;
      if (!bools && !strs) return 'object';
    }
  }
  if (bools) return 'bool';
  if (ints) return 'int64';
  if (nums && someNum) return 'float64';
  return strs ? 'str' : 'object';
}

const INT_RANGES: Record<string, [number, number]> = {
  int8: [-128, 127], int16: [-32768, 32767], int32: [-(2 ** 31), 2 ** 31 - 1], int64: [-(2 ** 63), 2 ** 63],
  uint8: [0, 255], uint16: [0, 65535], uint32: [0, 2 ** 32 - 1], uint64: [0, 2 ** 64],
};

/** numpy dtype name → onnxruntime element type, or undefined when a tensor can't hold it. */
export function toTensorDtype(numpy: string): TensorDtype | undefined {
  if (numpy === 'str' || numpy === 'object' || numpy === 'bytes') return 'string';
  if (numpy in INT_RANGES || numpy === 'bool' || numpy === 'float16' || numpy === 'float32' || numpy === 'float64') return numpy as TensorDtype;
  return undefined;
}

/** onnxruntime element type → the numpy dtype name MLflow writes in a tensor-spec. */
export const toNumpyDtype = (t: TensorDtype): string => (t === 'string' ? 'str' : t);

function cannot(x: unknown, dtype: string, what: string): never {
  throw invalidParam(`${what}: cannot convert ${JSON.stringify(x)} to ${dtype}.`);
}

function convertLeaf(x: unknown, dtype: string, what: string): unknown {
  if (dtype === 'str' || dtype === 'object' || dtype === 'bytes') return typeof x === 'string' ? x : x === null ? '' : JSON.stringify(x);
  if (dtype === 'bool') return typeof x === 'boolean' ? x : x === 0 || x === 1 ? x === 1 : cannot(x, dtype, what);
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (dtype.startsWith('float')) return x === null ? NaN : typeof x === 'number' ? x : cannot(x, dtype, what);
  const range = INT_RANGES[dtype];
  if (!range || typeof x !== 'number' || !Number.isInteger(x) || x < range[0] || x > range[1]) cannot(x, dtype, what);
  return x;
}

/** `np.array(data, dtype=dtype)`, refusing lossy conversions (floats to ints, strings to numbers). */
export function castNd(a: NdArray, dtype: string, what: string): NdArray {
  if (a.dtype === dtype) return a;
  const src = a.flat;
  const n = src.length;
  // Hot path (numbers to floats): the leaves are already JS numbers.
  if ((dtype === 'float32' || dtype === 'float64') && (a.dtype === 'float64' || a.dtype === 'int64' || a.dtype === 'float32')) {
    for (let i = 0; i < n; i++) if (src[i] === null) return { shape: a.shape, flat: src.map((x) => convertLeaf(x, dtype, what)), dtype };
    return { shape: a.shape, flat: src, dtype };
  }
  const flat = new Array<unknown>(n);
  for (let i = 0; i < n; i++) flat[i] = convertLeaf(src[i], dtype, what);
  return { shape: a.shape, flat, dtype };
}

/** The typed tensor for an array whose leaves already fit `dtype`. */
export function ndToTensor(a: NdArray, dtype: TensorDtype): Tensor {
  const data = allocValues(dtype, a.flat.length);
  if (dtype === 'string') {
    a.flat.forEach((x, i) => ((data as string[])[i] = String(x)));
  } else if (dtype === 'int64' || dtype === 'uint64') {
    a.flat.forEach((x, i) => ((data as BigInt64Array)[i] = BigInt(x as number)));
  } else if (dtype === 'float16') {
    throw invalidParam('float16 inputs are not supported yet; export the model with float32 inputs.');
  } else {
    const d = data as Float64Array;
    const src = a.flat;
    for (let i = 0; i < src.length; i++) {
      const x = src[i];
      d[i] = typeof x === 'number' ? x : Number(x);
    }
  }
  return { dtype, shape: [...a.shape], data };
}

/** Stacks equal-shaped arrays along a new first axis (np.vstack of rows). */
export function stackNd(rows: NdArray[], what: string): NdArray {
  if (rows.length === 0) return { shape: [0], flat: [], dtype: 'float64' };
  const inner = rows[0].shape;
  for (const r of rows) {
    if (r.shape.join() !== inner.join()) throw invalidParam(`${what}: rows have different shapes ${pyShape(inner)} and ${pyShape(r.shape)}.`);
  }
  const flat = rows.flatMap((r) => r.flat);
  return { shape: [rows.length, ...inner], flat, dtype: inferDtype(flat) };
}

/** Reshapes, allowing one -1 (numpy's `reshape`); throws when the sizes don't match. */
export function reshapeNd(a: NdArray, shape: readonly number[], what: string): NdArray {
  const known = shape.reduce((n, d) => (d === -1 ? n : n * d), 1);
  const unknown = shape.filter((d) => d === -1).length;
  const size = a.flat.length;
  if (unknown > 1 || (unknown === 0 && known !== size) || (unknown === 1 && (known === 0 || size % known !== 0))) {
    throw invalidParam(`${what}: cannot reshape an array of size ${size} into shape ${pyShape(shape)}.`);
  }
  return { ...a, shape: shape.map((d) => (d === -1 ? size / known : d)) };
}
