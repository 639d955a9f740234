/**
 * Model signatures as plain data, read from and written to MLflow's JSON (mlflow/types/schema.py,
 * mlflow/models/signature.py). Column-based schemas use MLflow's DataTypes and compound types; tensor-based
 * schemas use numpy dtype names and shapes with -1 for a variable dimension.
 */
import { invalidParam } from '../core/errors';
import { pyJsonDumps } from './py-json';
import { parseColType, colTypeToJson, type ColType, type DataTypeName, DATA_TYPES } from './col-types';
import type { ModelIO } from './tensor';

export { DATA_TYPES, type ColType, type DataTypeName } from './col-types';
export type { ArrayType, ObjectType, MapType, Property } from './col-types';

/** One column of a column-based schema. `required` defaults to true (files older than MLflow 2.x lack it). */
export interface ColSpec { kind: 'column'; name?: string; type: ColType; required: boolean }

/** One tensor of a tensor-based schema: numpy dtype name (`float32`, `int64`, `str`, `object` …) and shape. */
export interface TensorSpec { kind: 'tensor'; name?: string; dtype: string; shape: number[] }

/** A schema is all columns or all tensors (MLflow forbids mixing). */
export type Schema = { kind: 'column'; inputs: ColSpec[] } | { kind: 'tensor'; inputs: TensorSpec[] };

/** One inference parameter (ParamSpec). `shape` is null for a scalar or [-1] for a 1-D list. */
export interface ParamSpec { name: string; type: DataTypeName | ColType; default: unknown; shape: number[] | null }

/** MLflow's ModelSignature. Each part may be absent (null), as in MLmodel's `signature: {…: null}`. */
export interface ModelSignature { inputs: Schema | null; outputs: Schema | null; params: ParamSpec[] | null }

/** numpy dtype names MLflow writes into `tensor-spec.dtype` (np.dtype(x).name). */
export const NUMPY_DTYPES: readonly string[] = [
  'bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64',
  'float16', 'float32', 'float64', 'complex64', 'complex128', 'str', 'bytes', 'object',
];
const isNumpyDtype = (d: string): boolean => NUMPY_DTYPES.includes(d) || /^datetime64(\[\w+\])?$/.test(d);

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseTensorSpec(x: Record<string, unknown>, where: string): TensorSpec {
  const ts = x['tensor-spec'];
  if (!isObj(ts) || !('dtype' in ts) || !('shape' in ts)) {
    throw invalidParam(`${where}: missing keys in TensorSpec JSON. Expected to find keys \`dtype\` and \`shape\`.`);
  }
  const { dtype, shape } = ts;
  if (typeof dtype !== 'string' || !isNumpyDtype(dtype)) {
    throw invalidParam(`${where}: unsupported tensor dtype ${JSON.stringify(dtype)}; expected a numpy dtype name such as ${NUMPY_DTYPES.slice(0, 12).join(', ')}.`);
  }
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= -1)) {
    throw invalidParam(`${where}: tensor shape must be a list of integers (-1 for a variable dimension), got ${JSON.stringify(shape)}.`);
  }
  const out: TensorSpec = { kind: 'tensor', dtype, shape: shape as number[] };
  if (x.name !== undefined && x.name !== null) out.name = String(x.name);
  return out;
}

function parseColSpec(x: Record<string, unknown>, where: string): ColSpec {
  const out: ColSpec = { kind: 'column', type: parseColType(x, where), required: x.required !== false };
  if (x.name !== undefined && x.name !== null) out.name = String(x.name);
  return out;
}

/** Checks MLflow's Schema invariants (non-empty, not mixed, names all-or-none, named tensors when several). */
function checkSchema(specs: (ColSpec | TensorSpec)[], where: string): Schema {
  if (specs.length === 0) throw invalidParam(`${where}: creating Schema with empty inputs is not allowed.`);
  const named = specs.filter((s) => s.name !== undefined).length;
  if (named !== 0 && named !== specs.length) {
    throw invalidParam(`${where}: a schema cannot combine named and unnamed inputs (got names ${JSON.stringify(specs.map((s) => s.name ?? null))}).`);
  }
  const tensors = specs.filter((s) => s.kind === 'tensor').length;
  if (tensors !== 0 && tensors !== specs.length) {
    throw invalidParam(`${where}: a schema cannot combine ColSpec and TensorSpec; choose one.`);
  }
  if (tensors > 1 && named === 0) throw invalidParam(`${where}: several unnamed TensorSpecs are not supported; name each tensor.`);
  if (named === 0 && specs.some((s) => s.kind === 'column' && !s.required)) {
    throw invalidParam(`${where}: unnamed optional inputs are not supported; name all inputs or make them all required.`);
  }
  return tensors ? { kind: 'tensor', inputs: specs as TensorSpec[] } : { kind: 'column', inputs: specs as ColSpec[] };
}

/** Parses one schema JSON string (`signature.inputs` / `outputs`). `where` names it in error messages. */
export function parseSchema(json: string, where = 'signature'): Schema {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw invalidParam(`${where} is not valid JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(raw)) throw invalidParam(`${where} must be a JSON list of column or tensor specs.`);
  const specs = raw.map((x, i) => {
    const at = `${where}[${i}]`;
    if (!isObj(x) || !('type' in x)) throw invalidParam(`${at}: missing keys in ColSpec JSON. Expected to find key \`type\`.`);
    return x.type === 'tensor' ? parseTensorSpec(x, at) : parseColSpec(x, at);
  });
  return checkSchema(specs, where);
}

/** Parses `signature.params` (ParamSchema JSON). Accepts `type` or the older `dtype` key, as MLflow does. */
export function parseParams(json: string, where = 'signature.params'): ParamSpec[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw invalidParam(`${where} is not valid JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(raw)) throw invalidParam(`${where} must be a JSON list of param specs.`);
  const seen = new Set<string>();
  return raw.map((x, i) => {
    const at = `${where}[${i}]`;
    if (!isObj(x) || !('name' in x) || !('default' in x) || !('type' in x || 'dtype' in x)) {
      throw invalidParam(`${at}: missing keys in ParamSpec JSON. Expected to find keys \`name\`, \`type\` (or \`dtype\`) and \`default\`.`);
    }
    const name = String(x.name);
    if (seen.has(name)) throw invalidParam(`${where}: duplicated parameter '${name}'.`);
    seen.add(name);
    const t = x.type ?? x.dtype;
    const type = t === 'object' ? parseColType(x, at) : (t as string);
    if (typeof type === 'string' && (!DATA_TYPES.includes(type as DataTypeName) || type === 'binary')) {
      throw invalidParam(`${at}: unsupported param type '${type}' for '${name}'; expected one of ${DATA_TYPES.filter((d) => d !== 'binary').join(', ')}.`);
    }
    const shape = x.shape ?? null;
    if (shape !== null && !(Array.isArray(shape) && shape.length === 1 && shape[0] === -1)) {
      throw invalidParam(`${at}: param shape must be null (scalar) or [-1] (1-D list), got ${JSON.stringify(shape)}.`);
    }
    return { name, type: type as DataTypeName | ColType, default: x.default, shape: shape as number[] | null };
  });
}

/** Reads MLmodel's `signature` mapping `{inputs, outputs, params}` (JSON strings or null). */
export function parseSignature(sig: unknown): ModelSignature {
  if (!isObj(sig)) throw invalidParam('MLmodel signature must be a mapping with inputs, outputs and params.');
  const str = (k: string): string | null => {
    const v = sig[k];
    if (v === undefined || v === null || v === '') return null;
    if (typeof v !== 'string') throw invalidParam(`MLmodel signature.${k} must be a JSON string or null.`);
    return v;
  };
  const [i, o, p] = [str('inputs'), str('outputs'), str('params')];
  return {
    inputs: i === null ? null : parseSchema(i, 'signature.inputs'),
    outputs: o === null ? null : parseSchema(o, 'signature.outputs'),
    params: p === null ? null : parseParams(p, 'signature.params'),
  };
}

function specToJson(s: ColSpec | TensorSpec): Record<string, unknown> {
  if (s.kind === 'tensor') {
    const t = { type: 'tensor', 'tensor-spec': { dtype: s.dtype, shape: s.shape } };
    return s.name === undefined ? t : { name: s.name, ...t };
  }
  return { ...colTypeToJson(s.type), ...(s.name === undefined ? {} : { name: s.name }), required: s.required };
}

/** A schema as MLflow's `Schema.to_json()` writes it (Python json.dumps spacing, MLflow's key order). */
export function schemaToJson(schema: Schema): string {
  return pyJsonDumps((schema.inputs as (ColSpec | TensorSpec)[]).map(specToJson));
}

/** Params as `ParamSchema.to_json()` writes them: `{name, default, shape, type…}`. */
export function paramsToJson(params: ParamSpec[]): string {
  return pyJsonDumps(params.map((p) => ({
    name: p.name, default: p.default, shape: p.shape,
    ...(typeof p.type === 'string' ? { type: p.type } : colTypeToJson(p.type)),
  })));
}

/** The MLmodel `signature` mapping, as `ModelSignature.to_dict()` writes it. */
export function signatureToDict(sig: ModelSignature): { inputs: string | null; outputs: string | null; params: string | null } {
  return {
    inputs: sig.inputs ? schemaToJson(sig.inputs) : null,
    outputs: sig.outputs ? schemaToJson(sig.outputs) : null,
    params: sig.params && sig.params.length ? paramsToJson(sig.params) : null,
  };
}

/** `Schema.input_names()`: names, or indices for an unnamed schema. */
export function inputNames(schema: Schema): (string | number)[] {
  return (schema.inputs as (ColSpec | TensorSpec)[]).map((s, i) => s.name ?? i);
}

/**
 * A tensor-based signature from a model's graph inputs and outputs (what a bare `.onnx` file declares).
 * MLflow never infers one from the graph; Flowpad does so imported models can be validated and get a form.
 */
export function signatureFromModelIO(inputs: ModelIO[], outputs: ModelIO[]): ModelSignature {
  const spec = (io: ModelIO): TensorSpec => ({ kind: 'tensor', name: io.name, dtype: io.dtype === 'string' ? 'str' : io.dtype, shape: [...io.shape] });
  return {
    inputs: inputs.length ? { kind: 'tensor', inputs: inputs.map(spec) } : null,
    outputs: outputs.length ? { kind: 'tensor', inputs: outputs.map(spec) } : null,
    params: null,
  };
}
