/**
 * Scoring typed tensors: the in-process fast path beside MLflow's JSON protocol. Feeds are `{dtype, shape, data}`
 * with typed-array data (transferable between threads without copying), checked against the signature the way
 * MLflow checks an `inputs` request (names, dtype, rank and fixed dimensions; float64 → float32 is the one cast
 * allowed), and the model's tensor outputs come back typed. Batch scoring and programmatic callers use it; the
 * serving page's JSON box goes through {@link scoreRequest}.
 */
import { invalidParam } from '../core/errors';
import type { Flavor, LoadedModel } from './flavor';
import { pyShape, toNumpyDtype } from './nd-array';
import type { ModelSignature, TensorSpec } from './signature';
import { checkTensor, sizeOf, type ModelIO, type Tensor, type TensorMap } from './tensor';

const list = (xs: readonly string[]): string => `[${xs.map((x) => `'${x}'`).join(', ')}]`;

function checkShape(t: Tensor, want: readonly number[], what: string): void {
  if (want.length === 0) return; // unknown (onnxruntime reports no shape as [])
  if (want.length !== t.shape.length || want.some((d, i) => d !== -1 && d !== t.shape[i])) {
    throw invalidParam(`${what}: Shape of input ${pyShape(t.shape)} does not match expected shape ${pyShape(want)}.`);
  }
}

/** The tensor in `dtype` (numpy name): as is, or float64 → float32 as MLflow casts it; anything else is refused. */
function toDtype(t: Tensor, dtype: string, what: string): Tensor {
  const have = toNumpyDtype(t.dtype);
  if (have === dtype) return t;
  if (have === 'float64' && dtype === 'float32') return { dtype: 'float32', shape: t.shape, data: Float32Array.from(t.data as Float64Array) };
  throw invalidParam(`${what}: dtype of input ${have} does not match expected dtype ${dtype}.`);
}

/** Feeds named after the model's inputs, from the caller's tensors and the signature's (or the graph's) specs. */
export function prepareTensorFeeds(feeds: TensorMap, inputs: ModelIO[], signature: ModelSignature | null): TensorMap {
  const schema = signature?.inputs ?? null;
  if (schema?.kind === 'column') {
    throw invalidParam('This model has a column-based signature; send a dataframe_split (or dataframe_records) request instead of tensors.');
  }
  const given = Object.keys(feeds);
  for (const [k, t] of Object.entries(feeds)) checkTensor(k, t);
  const specs: TensorSpec[] = schema?.inputs ?? inputs.map((io) => ({ kind: 'tensor', name: io.name, dtype: toNumpyDtype(io.dtype), shape: io.shape }));
  const unnamed = specs.length === 1 && specs[0].name === undefined;
  if (unnamed && given.length !== 1) throw invalidParam(`This model takes one unnamed tensor; got ${given.length}: ${list(given)}.`);
  const out: TensorMap = {};
  specs.forEach((spec, i) => {
    const key = unnamed ? given[0] : spec.name!;
    const t = feeds[key];
    if (!t) throw invalidParam(`Model is missing inputs ${list(specs.filter((s) => !(s.name! in feeds)).map((s) => s.name!))}; the tensors given are ${list(given)}.`);
    const what = unnamed ? 'The unnamed input' : `Input '${key}'`;
    const typed = toDtype(t, spec.dtype, what);
    checkShape(typed, spec.shape, what);
    const io = unnamed || !schema ? inputs[i] : inputs.find((x) => x.name === spec.name);
    if (!io) throw invalidParam(`${what} is in the signature but not in the model; the model's inputs are ${list(inputs.map((x) => x.name))}.`);
    const fed = toDtype(typed, toNumpyDtype(io.dtype), what);
    checkShape(fed, io.shape, `Input '${io.name}'`);
    out[io.name] = fed;
  });
  const extra = schema ? given.filter((g) => !unnamed && !specs.some((s) => s.name === g)) : [];
  if (extra.length) throw invalidParam(`Invalid input name ${list(extra)}; the model's inputs are ${list(specs.map((s) => s.name!))}.`);
  return out;
}

/** Runs the model on typed feeds; returns its tensor outputs, typed, in the model's output order. */
export async function scoreTensors(
  flavor: Pick<Flavor, 'predict'>, model: LoadedModel, feeds: TensorMap, signature: ModelSignature | null,
): Promise<TensorMap> {
  const prepared = prepareTensorFeeds(feeds, model.inputs, signature);
  if (Object.values(prepared).some((t) => sizeOf(t.shape) === 0)) throw invalidParam('Input tensors are empty.');
  return flavor.predict(model, prepared);
}
