/**
 * The `onnx` flavor (mlflow/onnx/__init__.py): `model.onnx` plus the `onnx` and `python_function` MLmodel
 * entries, run here with onnxruntime-web. Models that MLflow saved with external data (one file per model,
 * named by a uuid1) are loaded with their external files.
 */
import { invalidParam } from '../../../core/errors';
import { onnxFlavorConf, pyfuncOnnxConf, ONNX_MODEL_FILE } from '../../environment';
import type { LoadedModel, SavedFlavor } from '../../flavor';
import type { FlavorConf } from '../../mlmodel';
import type { ModelFiles } from '../../model-folder';
import type { TensorMap } from '../../tensor';
import { nonTensorNote } from './notes';
import { configureOnnxRuntime, createSession, describeSession, ortThreads, releaseSession, runSession, type ExternalData, type OrtConfig } from './session';

export { configureOnnxRuntime, type OrtConfig } from './session';
export { nonTensorNote } from './notes';

type Session = Awaited<ReturnType<typeof createSession>>;

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
export async function load(files: ModelFiles, conf: FlavorConf = {}): Promise<LoadedModel<Session>> {
  const dataPath = typeof conf.data === 'string' ? conf.data : ONNX_MODEL_FILE;
  const bytes = files[dataPath];
  if (!bytes) throw invalidParam(`The onnx flavor's model file '${dataPath}' is missing from the model folder.`);
  return loadOnnxBytes(bytes, externalDataFor(files, dataPath));
}

/** Loads bare ONNX bytes (e.g. an imported `.onnx` file). */
export async function loadOnnxBytes(bytes: Uint8Array, externalData: ExternalData = []): Promise<LoadedModel<Session>> {
  const session = await createSession(bytes, externalData);
  const io = describeSession(session);
  if (io.nonTensorInputs.length) {
    await releaseSession(session);
    throw invalidParam(`The ONNX model's input(s) ${io.nonTensorInputs.map((n) => `'${n}'`).join(', ')} are not tensors; onnxruntime-web can only feed tensors.`);
  }
  if (io.outputs.length === 0) {
    await releaseSession(session);
    throw invalidParam(`The ONNX model has no tensor outputs. ${nonTensorNote(io.nonTensorOutputs)}`);
  }
  const notes = io.nonTensorOutputs.length ? [nonTensorNote(io.nonTensorOutputs)] : [];
  return { flavor: name, handle: session, inputs: io.inputs, outputs: io.outputs, notes };
}

/** Runs the session on `feeds`, fetching only the tensor outputs. */
export async function predict(model: LoadedModel<Session>, feeds: TensorMap): Promise<TensorMap> {
  return runSession(model.handle, feeds, model.outputs.map((o) => o.name));
}

export async function dispose(model: LoadedModel<Session>): Promise<void> {
  await releaseSession(model.handle);
}

/** Sets onnxruntime-web's wasm options (`numThreads`, `wasmPath`) before the first session of this thread. */
export async function configure(options: OrtConfig): Promise<void> {
  configureOnnxRuntime(options);
}

/** `{runtime, threads}`: onnxruntime-web's wasm build and the threads it runs with in this worker. */
export function runtimeInfo(): Record<string, unknown> {
  return { runtime: 'onnxruntime-web (wasm)', threads: ortThreads() };
}
