/**
 * Tensors as plain data: what crosses the worker boundary and what the flavors take and return.
 * A tensor is `{dtype, shape, data}` with `data` in row-major (C) order, like numpy's default and ONNX's.
 */
import { invalidParam } from '../core/errors';

/** Element types, named like onnxruntime-web's `Tensor.type` (which are numpy's names except `string`). */
export type TensorDtype =
  | 'float32' | 'float64' | 'float16'
  | 'int8' | 'int16' | 'int32' | 'int64'
  | 'uint8' | 'uint16' | 'uint32' | 'uint64'
  | 'bool' | 'string';

/** Backing store per dtype. `bool` is one byte per element (0/1); `float16` is raw IEEE half bits. */
export type TensorValues =
  | Float32Array | Float64Array | Int8Array | Int16Array | Int32Array | BigInt64Array
  | Uint8Array | Uint16Array | Uint32Array | BigUint64Array | string[];

/** A dense tensor. Invariant: `data.length` equals the product of `shape` (1 for a scalar `[]`). */
export interface Tensor {
  dtype: TensorDtype;
  shape: number[];
  data: TensorValues;
  /**
   * Set on a [N, K] tensor that stands for a sequence of N maps (an ONNX ZipMap output, e.g. a classifier's
   * probabilities): row i is the map {mapKeys[j]: value[i, j]}. JSON gives the maps, as MLflow does.
   */
  mapKeys?: string[];
}

/** A model input or output as its runtime reports it. `shape` uses -1 for a dynamic dimension. */
export interface ModelIO { name: string; dtype: TensorDtype; shape: number[] }

/** Named tensors, e.g. a model's feeds or fetches. Key order is the model's declared order. */
export type TensorMap = Record<string, Tensor>;

const CTORS = {
  float32: Float32Array, float64: Float64Array, float16: Uint16Array,
  int8: Int8Array, int16: Int16Array, int32: Int32Array, int64: BigInt64Array,
  uint8: Uint8Array, uint16: Uint16Array, uint32: Uint32Array, uint64: BigUint64Array, bool: Uint8Array,
} as const;

export const TENSOR_DTYPES: readonly TensorDtype[] = [...(Object.keys(CTORS) as TensorDtype[]), 'string'];

/** Number of elements of a shape (1 for a scalar). */
export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((n, d) => n * d, 1);
}

/** Allocates zeroed storage for `n` elements of `dtype` (`''` for strings). */
export function allocValues(dtype: TensorDtype, n: number): TensorValues {
  if (dtype === 'string') return new Array<string>(n).fill('');
  return new CTORS[dtype](n);
}

/** True for the integer dtypes whose JS element type is `bigint`. */
export const isBigIntDtype = (d: TensorDtype): boolean => d === 'int64' || d === 'uint64';
/** True for float32/float64/float16. */
export const isFloatDtype = (d: TensorDtype): boolean => d === 'float32' || d === 'float64' || d === 'float16';

/** Checks the size invariant; throws INVALID_PARAMETER_VALUE naming the tensor. */
export function checkTensor(name: string, t: Tensor): Tensor {
  const n = sizeOf(t.shape);
  if (t.data.length !== n) {
    throw invalidParam(`Tensor '${name}' has ${t.data.length} values but its shape [${t.shape.join(', ')}] needs ${n}.`);
  }
  return t;
}

/** Reads element `i` as a JSON-able value: numbers (int64 as Number), booleans, strings. */
export function elementAt(t: Tensor, i: number): number | boolean | string {
  const v = t.data[i];
  if (t.dtype === 'bool') return v !== 0;
  if (typeof v === 'bigint') return Number(v);
  if (t.dtype === 'float16') return halfToFloat(v as number);
  return v as number | string;
}

/**
 * The tensor as nested arrays (numpy's `tolist()`), e.g. shape [2, 3] → [[a, b, c], [d, e, f]].
 * A scalar (shape []) becomes the bare value.
 */
export function toNested(t: Tensor): unknown {
  if (t.mapKeys) return Array.from({ length: t.shape[0] ?? 0 }, (_, i) => mapRow(t, i));
  if (t.shape.length === 0) return elementAt(t, 0);
  let pos = 0;
  const build = (axis: number): unknown[] => {
    const out: unknown[] = new Array(t.shape[axis]);
    for (let i = 0; i < t.shape[axis]; i++) out[i] = axis === t.shape.length - 1 ? elementAt(t, pos++) : build(axis + 1);
    return out;
  };
  return build(0);
}

/** Row `i` of a map-keyed tensor ({@link Tensor.mapKeys}) as {key: value}. */
export function mapRow(t: Tensor, i: number): Record<string, number | boolean | string> {
  const keys = t.mapKeys ?? [];
  return Object.fromEntries(keys.map((k, j) => [k, elementAt(t, i * keys.length + j)]));
}

/** Values a tensor gives one DataFrame column: its elements, or its rows when it stands for maps. */
export function columnLength(t: Tensor): number {
  return t.mapKeys ? (t.shape[0] ?? 0) : sizeOf(t.shape);
}

/** IEEE 754 half (as its 16 raw bits) → number. */
export function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return s * 2 ** -14 * (f / 1024);
  if (e === 31) return f ? NaN : s * Infinity;
  return s * 2 ** (e - 15) * (1 + f / 1024);
}
