/**
 * The `onnx` flavor (mlflow/onnx/__init__.py): `model.onnx` plus the `onnx` and `python_function` MLmodel
 * entries, run here with onnxruntime-web. Models that MLflow saved with external data (one file per model,
 * named by a uuid1) are loaded with their external files. skl2onnx's ZipMap outputs (sequences of maps, which
 * onnxruntime-web cannot return) are rebuilt from their probabilities tensor (see zipmap.ts).
 */
import { invalidParam } from '../../../core/errors';
import { onnxFlavorConf, pyfuncOnnxConf, ONNX_MODEL_FILE } from '../../environment';
import type { LoadedModel, SavedFlavor } from '../../flavor';
import type { FlavorConf } from '../../mlmodel';
import type { ModelFiles } from '../../model-folder';
import type { Tensor, TensorMap } from '../../tensor';
import { nonTensorNote } from './notes';
import { configureOnnxRuntime, createSession, describeSession, ortThreads, releaseSession, runSession, type ExternalData, type OrtConfig } from './session';
import { exposeZipMapInputs, findZipMaps, type ZipMapOutput } from './zipmap';

export { configureOnnxRuntime, type OrtConfig } from './session';
export { nonTensorNote } from './notes';

type Session = Awaited<ReturnType<typeof createSession>>;
/** The session, the ZipMap outputs rebuilt from their inputs, and every returned output's name in graph order. */
interface Handle {
  session: Session;
  zipMaps: ZipMapOutput[];
  order: string[];
}

export const name = 'onnx';

/** Payload and entries for ONNX bytes, as `mlflow.onnx.save_model(..., save_as_external_data=False)`. */
export async function save(model: Uint8Array): Promise<SavedFlavor> {
  if (!(model instanceof Uint8Array) || model.byteLength === 0) throw invalidParam('The onnx flavor saves ONNX model bytes; got none.');
  return { files: { [ONNX_MODEL_FILE]: model }, flavors: { onnx: onnxFlavorConf(), python_function: pyfuncOnnxConf() } };
}

const METADATA = /^(MLmodel|conda\.yaml|python_env\.yaml|requirements\.txt|constraints\.txt|registered_model_meta|.*\.(json|ya?ml|txt|md|py|onnx))$/;

/** Sibling files without a known role: candidates for external tensor data (MLflow names them by uuid1). */
function externalDataFor(files: ModelFiles, dataPath: string): ExternalData {
  const dir = dataPath.includes('/') ? dataPath.slice(0, dataPath.lastIndexOf('/') + 1) : '';
  return Object.entries(files)
    .filter(([p]) => p.startsWith(dir) && !p.slice(dir.length).includes('/') && !METADATA.test(p.slice(dir.length)))
    .map(([p, data]) => ({ path: p.slice(dir.length), data }));
}

/** Loads `conf.data` (default `model.onnx`) from the folder into an onnxruntime-web session. */
export async function load(files: ModelFiles, conf: FlavorConf = {}): Promise<LoadedModel<Handle>> {
  const dataPath = typeof conf.data === 'string' ? conf.data : ONNX_MODEL_FILE;
  const bytes = files[dataPath];
  if (!bytes) throw invalidParam(`The onnx flavor's model file '${dataPath}' is missing from the model folder.`);
  return loadOnnxBytes(bytes, externalDataFor(files, dataPath));
}

/** Loads bare ONNX bytes (e.g. an imported `.onnx` file). */
export async function loadOnnxBytes(bytes: Uint8Array, externalData: ExternalData = []): Promise<LoadedModel<Handle>> {
  let session = await createSession(bytes, externalData);
  let io = describeSession(session);
  if (io.nonTensorInputs.length) {
    await releaseSession(session);
    throw invalidParam(`The ONNX model's input(s) ${io.nonTensorInputs.map((n) => `'${n}'`).join(', ')} are not tensors; onnxruntime-web can only feed tensors.`);
  }
  const graphOrder = session.outputNames.slice();
  const zipMaps = io.nonTensorOutputs.length ? findZipMaps(bytes, io.nonTensorOutputs) : [];
  // A ZipMap's input that is already a graph output needs nothing; the others are added as outputs.
  const hidden = [...new Set(zipMaps.map((z) => z.input))].filter((n) => !graphOrder.includes(n));
  if (hidden.length) {
    await releaseSession(session);
    session = await createSession(exposeZipMapInputs(bytes, hidden), externalData);
    const all = describeSession(session);
    io = { ...all, outputs: all.outputs.filter((o) => !hidden.includes(o.name)) };
  }
  const zipped = new Set(zipMaps.map((z) => z.output));
  const left = io.nonTensorOutputs.filter((n) => !zipped.has(n));
  if (io.outputs.length === 0 && zipMaps.length === 0) {
    await releaseSession(session);
    throw invalidParam(`The ONNX model has no tensor outputs. ${nonTensorNote(left)}`);
  }
  const notes = left.length ? [nonTensorNote(left)] : [];
  const returned = new Set([...io.outputs.map((o) => o.name), ...zipped]);
  const handle: Handle = { session, zipMaps, order: graphOrder.filter((n) => returned.has(n)) };
  return { flavor: name, handle, inputs: io.inputs, outputs: io.outputs, notes };
}

/** One ZipMap output from its [N, classes] probabilities: the tensor, marked with the class labels as map keys. */
function zipMapTensor(z: ZipMapOutput, probs: Tensor): Tensor {
  if (probs.shape.length !== 2 || probs.shape[1] !== z.keys.length) {
    throw invalidParam(`ZipMap '${z.output}' expects a [N, ${z.keys.length}] input, but '${z.input}' has shape [${probs.shape.join(', ')}].`);
  }
  return { ...probs, mapKeys: z.keys };
}

/** Runs the session on `feeds`: the tensor outputs, and ZipMap outputs as map-keyed tensors, in graph order. */
export async function predict(model: LoadedModel<Handle>, feeds: TensorMap): Promise<TensorMap> {
  const { session, zipMaps, order } = model.handle;
  const fetched = await runSession(session, feeds, [...new Set([...model.outputs.map((o) => o.name), ...zipMaps.map((z) => z.input)])]);
  const out: TensorMap = {};
  for (const n of order) {
    const z = zipMaps.find((m) => m.output === n);
    out[n] = z ? zipMapTensor(z, fetched[z.input]!) : fetched[n]!;
  }
  return out;
}

export async function dispose(model: LoadedModel<Handle>): Promise<void> {
  await releaseSession(model.handle.session);
}

/** Sets onnxruntime-web's wasm options (`numThreads`, `wasmPath`) before the first session of this thread. */
export async function configure(options: OrtConfig): Promise<void> {
  configureOnnxRuntime(options);
}

/** `{runtime, threads}`: onnxruntime-web's wasm build and the threads it runs with in this worker. */
export function runtimeInfo(): Record<string, unknown> {
  return { runtime: 'onnxruntime-web (wasm)', threads: ortThreads() };
}
