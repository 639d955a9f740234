/**
 * From decoded request to model feeds, as MLflow's pyfunc does it for ONNX models: schema enforcement
 * (mlflow/models/utils.py `_enforce_schema`: tensor specs, column specs), then `_OnnxModelWrapper.predict`'s
 * mapping (dict → feeds by name, array → the single input, DataFrame → `df.values` or one column per input) and
 * its float64 → float32 cast. Errors name the tensor or column.
 *
 * One deliberate difference: without a signature, numbers are converted to the model's input type (MLflow would
 * hand int64 to a float input and fail inside onnxruntime).
 */
import { invalidParam } from '../core/errors';
import { castNd, inferDtype, ndFromNested, ndToTensor, pyShape, reshapeNd, stackNd, toNumpyDtype, type NdArray } from './nd-array';
import { enforceColumns, missingInputs, quotedList as list } from './scoring-columns';
import { frameFromRows, type Frame, type PredictionStyle, type PyfuncInput } from './scoring';
import type { Schema, TensorSpec } from './signature';
import type { ModelIO, TensorMap } from './tensor';

export type { ModelIO } from './tensor';

/** After schema enforcement: a frame, one array, or named arrays. `typed` marks dtypes fixed by a signature. */
type Enforced =
  | { kind: 'frame'; frame: Frame; dtypes: string[] | null }
  | { kind: 'nd'; nd: NdArray; typed: boolean }
  | { kind: 'nds'; map: Record<string, NdArray>; typed: boolean };

/** MLflow's `_enforce_tensor_spec`: rank and fixed dimensions must match (dtype was cast from the spec). */
function enforceTensorSpec(nd: NdArray, spec: TensorSpec, what: string): NdArray {
  const want = spec.shape;
  if (want.length === 1 && want[0] === -1 && spec.dtype === 'object') return nd;
  if (want.length !== nd.shape.length || want.some((d, i) => d !== -1 && d !== nd.shape[i])) {
    throw invalidParam(`${what}: Shape of input ${pyShape(nd.shape)} does not match expected shape ${pyShape(want)}.`);
  }
  return nd;
}

/** `_reshape_and_cast_pandas_column_values`: a DataFrame column feeding a tensor spec. */
function columnToTensor(values: unknown[], spec: TensorSpec, what: string): NdArray {
  if (spec.shape[0] !== -1 || spec.shape.slice(1).includes(-1)) {
    throw invalidParam(`${what}: For pandas dataframe input, the first dimension of shape must be a variable dimension and other dimensions must be fixed, but in model signature the shape is ${pyShape(spec.shape)}.`);
  }
  if (!Array.isArray(values[0])) {
    if (spec.shape.length > 2 || (spec.shape.length === 2 && spec.shape[1] !== 1)) {
      throw invalidParam(`${what}: The input pandas dataframe column contains scalar values, which requires the shape to be (-1,) or (-1, 1), but got tensor spec shape of ${pyShape(spec.shape)}.`);
    }
    return reshapeNd(castNd({ shape: [values.length], flat: values, dtype: inferDtype(values) }, spec.dtype, what), spec.shape, what);
  }
  const stacked = stackNd(values.map((v) => ndFromNested(v, what)), what);
  const out = reshapeNd(castNd(stacked, spec.dtype, what), spec.shape, what);
  if (out.shape[0] !== values.length) {
    throw invalidParam(`${what}: The value in the Input DataFrame column could not be converted to the expected shape of: '${pyShape(spec.shape)}'. Ensure that each of the input list elements are of uniform length.`);
  }
  return out;
}

function enforceTensorSchema(input: PyfuncInput, specs: TensorSpec[]): Enforced {
  const named = specs[0].name !== undefined;
  if (named) {
    let dict: Record<string, unknown> | null = input.kind === 'dict' ? input.value : null;
    if (input.kind === 'array' && specs.length === 1) dict = { [specs[0].name!]: input.value };
    if (input.kind === 'frame') {
      const f = input.frame;
      missingInputs(specs.map((s) => s.name!), f.columns);
      const map = Object.fromEntries(specs.map((s) => [s.name!, columnToTensor(f.values[f.columns.indexOf(s.name!)], s, `Input '${s.name}'`)]));
      return { kind: 'nds', map, typed: true };
    }
    if (!dict) {
      throw invalidParam('This model contains a tensor-based model signature with input names, which suggests a dictionary input mapping input name to tensor, but an input of type list was found.');
    }
    missingInputs(specs.map((s) => s.name!), Object.keys(dict));
    const map = Object.fromEntries(specs.map((s) => {
      const what = `Input '${s.name}'`;
      return [s.name!, enforceTensorSpec(castNd(ndFromNested(dict[s.name!], what), s.dtype, what), s, what)];
    }));
    return { kind: 'nds', map, typed: true };
  }
  const spec = specs[0];
  const what = 'The unnamed input';
  if (input.kind === 'dict') {
    throw invalidParam("Failed to parse input data. This model contains an un-named model signature which expects a single n-dimensional array or a single value as input, however, an input of type <class 'dict'> was found.");
  }
  if (input.kind === 'array') return { kind: 'nd', nd: enforceTensorSpec(castNd(ndFromNested(input.value, what), spec.dtype, what), spec, what), typed: true };
  const f = input.frame;
  if (f.rows === 0) throw invalidParam('Input DataFrame is empty.');
  if (f.columns.length === 1) return { kind: 'nd', nd: columnToTensor(f.values[0], spec, what), typed: true };
  if (spec.shape.length !== 2 || spec.shape[0] !== -1 || spec.shape[1] !== f.columns.length) {
    throw invalidParam(`This model contains a model signature with an unnamed input. Since the input data is a pandas DataFrame containing multiple columns, the input shape must be of the structure (-1, number_of_dataframe_columns). Instead, the input DataFrame passed had ${f.columns.length} columns and an input shape of ${pyShape(spec.shape)} with all values within the DataFrame of scalar type. Please adjust the passed in DataFrame to match the expected structure.`);
  }
  return { kind: 'nd', nd: enforceTensorSpec(castNd(frameValues(f, null), spec.dtype, what), spec, what), typed: true };
}

/** A frame from dict or array input (what `_enforce_schema` builds for column-based signatures). */
function toFrame(input: PyfuncInput): Frame {
  if (input.kind === 'frame') return input.frame;
  if (input.kind === 'dict') {
    const entries = Object.entries(input.value);
    const scalars = entries.every(([, v]) => !Array.isArray(v));
    return frameFromRows(scalars ? [entries.map(([, v]) => v)] : transpose(entries.map(([, v]) => v as unknown[])), entries.map(([k]) => k));
  }
  const v = input.value;
  return frameFromRows(Array.isArray(v) ? v.map((r) => (Array.isArray(r) ? r : [r])) : [[v]]);
}

function transpose(cols: unknown[][]): unknown[][] {
  const n = cols[0]?.length ?? 0;
  if (cols.some((c) => !Array.isArray(c) || c.length !== n)) throw invalidParam('The length of values for each input/column name are not the same');
  return Array.from({ length: n }, (_, r) => cols.map((c) => c[r]));
}

/** `df.values`: rows × columns, in the columns' common dtype (numpy's promotion, simplified). */
function frameValues(f: Frame, dtypes: string[] | null): NdArray {
  const flat: unknown[] = [];
  for (let r = 0; r < f.rows; r++) for (const col of f.values) flat.push(col[r]);
  if (f.values.some((c) => c.some(Array.isArray))) throw invalidParam('DataFrame cells hold lists; a single model input needs scalar columns.');
  let dtype = inferDtype(flat);
  if (dtypes && new Set(dtypes).size === 1) dtype = dtypes[0];
  else if (dtypes && dtypes.every((d) => /^(int|float|bool)/.test(d))) dtype = dtypes.some((d) => d.startsWith('float')) ? 'float64' : 'int64';
  return { shape: [f.rows, f.columns.length], flat, dtype };
}

/** Converts to the model's input dtype: float64 → float32 as MLflow does; anything when no signature fixed it. */
function toModelDtype(nd: NdArray, io: ModelIO, typed: boolean): NdArray {
  const want = toNumpyDtype(io.dtype);
  if (nd.dtype === want || (want === 'str' && (nd.dtype === 'object' || nd.dtype === 'bytes'))) return nd;
  const what = `Input '${io.name}'`;
  if (!typed || (nd.dtype === 'float64' && want === 'float32')) return castNd(nd, want, what);
  throw invalidParam(`${what}: dtype of input ${nd.dtype} does not match the model's input type ${want}.`);
}

function checkModelShape(nd: NdArray, io: ModelIO): NdArray {
  if (io.shape.length === 0) return nd; // unknown (onnxruntime reports no shape as [])
  if (io.shape.length === 2 && io.shape[1] === 1 && nd.shape.length === 1) nd = { ...nd, shape: [nd.shape[0], 1] };
  if (io.shape.length !== nd.shape.length || io.shape.some((d, i) => d !== -1 && d !== nd.shape[i])) {
    throw invalidParam(`Input '${io.name}': shape ${pyShape(nd.shape)} does not match the model's input shape ${pyShape(io.shape)} (-1 = any size).`);
  }
  return nd;
}

/**
 * Enforces `schema` (when given) on a decoded request and maps the result onto `inputs`, returning typed feeds
 * and how the predictions are to be formatted (records for DataFrame input, a dict otherwise).
 */
export function prepareFeeds(input: PyfuncInput, inputs: ModelIO[], schema: Schema | null): { feeds: TensorMap; style: PredictionStyle } {
  let e: Enforced;
  if (schema?.kind === 'tensor') e = enforceTensorSchema(input, schema.inputs);
  else if (schema?.kind === 'column') {
    const { frame, dtypes } = enforceColumns(toFrame(input), schema.inputs);
    e = { kind: 'frame', frame, dtypes };
  } else if (input.kind === 'frame') e = { kind: 'frame', frame: input.frame, dtypes: null };
  else if (input.kind === 'array') e = { kind: 'nd', nd: ndFromNested(input.value, 'The input'), typed: false };
  else e = { kind: 'nds', map: Object.fromEntries(Object.entries(input.value).map(([k, v]) => [k, ndFromNested(v, `Input '${k}'`)])), typed: false };

  const names = inputs.map((i) => i.name);
  const feeds: TensorMap = {};
  const put = (io: ModelIO, nd: NdArray, typed: boolean): void => {
    const cast = toModelDtype(nd, io, typed);
    feeds[io.name] = ndToTensor(checkModelShape(cast, io), io.dtype);
  };
  if (e.kind === 'nds') {
    const unknown = Object.keys(e.map).filter((k) => !names.includes(k));
    if (unknown.length) throw invalidParam(`Invalid input name ${list(unknown)}; the model's inputs are ${list(names)}.`);
    for (const io of inputs) {
      if (!(io.name in e.map)) throw invalidParam(`Missing input '${io.name}'; the model's inputs are ${list(names)}.`);
      put(io, e.map[io.name], e.typed);
    }
    return { feeds, style: 'dict' };
  }
  if (e.kind === 'nd') {
    if (inputs.length !== 1) {
      throw invalidParam(`Unable to map numpy array input to the expected model input. Numpy arrays can only be used as input for MLflow ONNX models that have a single input. This model requires ${inputs.length} inputs. Please pass in data as either a dictionary or a DataFrame with the following tensors: ${list(names)}.`);
    }
    put(inputs[0], e.nd, e.typed);
    return { feeds, style: 'dict' };
  }
  const { frame, dtypes } = e;
  if (inputs.length === 1) put(inputs[0], frameValues(frame, dtypes), dtypes !== null);
  else {
    for (const io of inputs) {
      const c = frame.columns.indexOf(io.name);
      if (c < 0) throw invalidParam(`The input column '${io.name}' is required by the model but missing from the input data.`);
      const col = frame.values[c];
      const nd = col.some(Array.isArray)
        ? stackNd(col.map((v) => ndFromNested(v, `Column '${io.name}'`)), `Column '${io.name}'`)
        : { shape: [col.length], flat: col, dtype: dtypes?.[c] ?? inferDtype(col) };
      put(io, nd, dtypes !== null && !col.some(Array.isArray));
    }
  }
  return { feeds, style: 'records' };
}
