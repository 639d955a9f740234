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
  const flat: unknown[] = [];
  const walk = (v: unknown, axis: number): void => {
    if (axis === shape.length) {
      if (Array.isArray(v)) throw invalidParam(`${what}: ragged nested list; every row must have the same length and depth.`);
      flat.push(v);
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[axis]) {
      throw invalidParam(`${what}: ragged nested list; expected ${shape[axis]} items at depth ${axis}, got ${Array.isArray(v) ? v.length : 'a scalar'}.`);
    }
    for (const x of v) walk(x, axis + 1);
  };
  walk(value, 0);
  return { shape, flat, dtype: inferDtype(flat) };
}

/** numpy's dtype for a list of JSON leaves (null among numbers is NaN, as pandas reads it). */
export function inferDtype(flat: readonly unknown[]): string {
  if (flat.length === 0) return 'float64';
  if (flat.every((x) => typeof x === 'boolean')) return 'bool';
  if (flat.every((x) => typeof x === 'number' && Number.isInteger(x))) return 'int64';
  if (flat.every((x) => typeof x === 'number' || x === null) && flat.some((x) => x !== null)) return 'float64';
  if (flat.every((x) => typeof x === 'string')) return 'str';
  return 'object';
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

function convertLeaf(x: unknown, dtype: string, what: string): unknown {
  const fail = (): never => {
    throw invalidParam(`${what}: cannot convert ${JSON.stringify(x)} to ${dtype}.`);
  };
  if (dtype === 'str' || dtype === 'object' || dtype === 'bytes') return typeof x === 'string' ? x : x === null ? '' : JSON.stringify(x);
  if (dtype === 'bool') return typeof x === 'boolean' ? x : x === 0 || x === 1 ? x === 1 : fail();
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (dtype.startsWith('float')) return x === null ? NaN : typeof x === 'number' ? x : fail();
  const range = INT_RANGES[dtype];
  if (!range || typeof x !== 'number' || !Number.isInteger(x) || x < range[0] || x > range[1]) fail();
  return x;
}

/** `np.array(data, dtype=dtype)`, refusing lossy conversions (floats to ints, strings to numbers). */
export function castNd(a: NdArray, dtype: string, what: string): NdArray {
  if (a.dtype === dtype) return a;
  return { shape: a.shape, flat: a.flat.map((x) => convertLeaf(x, dtype, what)), dtype };
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
    a.flat.forEach((x, i) => (d[i] = typeof x === 'boolean' ? Number(x) : (x as number)));
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
