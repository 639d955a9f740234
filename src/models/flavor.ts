/**
 * The flavor contract and its lazy registry (STYLE principle 6). A flavor is one runtime (`onnx` →
 * onnxruntime-web, `tfjs` → TensorFlow.js) behind four functions; each lives in `flavors/<name>/` and is loaded
 * with a dynamic import, so code that only reads MLmodel files never pulls a runtime into its bundle.
 *
 * Everything a flavor takes or returns is plain data except {@link LoadedModel.handle}, the runtime object,
 * which never leaves the worker that loaded it.
 */
import { invalidParam, notFound } from '../core/errors';
import type { FlavorConf, MlModel } from './mlmodel';
import type { ModelFiles } from './model-folder';
import type { ModelIO, TensorMap } from './tensor';

/** A model ready to predict. `inputs`/`outputs` list tensors only; `notes` explain anything left out. */
export interface LoadedModel<H = unknown> {
  flavor: string;
  handle: H;
  inputs: ModelIO[];
  outputs: ModelIO[];
  /** Human-readable remarks, e.g. a non-tensor output that predictions leave out and how to fix it. */
  notes: string[];
}

/** What `save` produces: payload files (paths relative to the model folder) and MLmodel flavor entries. */
export interface SavedFlavor {
  files: ModelFiles;
  flavors: Record<string, FlavorConf>;
}

/** The contract every `flavors/<name>/index.ts` exports (as named exports). */
export interface Flavor<M = unknown, H = unknown> {
  /** The MLmodel `flavors` key. */
  readonly name: string;
  /** Serialises `model` (the runtime's own model object or bytes) into payload files and flavor entries. */
  save(model: M): Promise<SavedFlavor>;
  /** Loads from a model folder's files and this flavor's MLmodel entry. Throws MlflowError on bad payloads. */
  load(files: ModelFiles, conf: FlavorConf): Promise<LoadedModel<H>>;
  /** Runs the model on named input tensors; returns its tensor outputs, in the model's output order. */
  predict(model: LoadedModel<H>, feeds: TensorMap): Promise<TensorMap>;
  /** Frees runtime memory (sessions, GPU/wasm tensors). The model must not be used afterwards. */
  dispose(model: LoadedModel<H>): Promise<void>;
  /** Optional runtime settings for this thread (e.g. `{numThreads}` for onnx, `{backend}` for tfjs). */
  configure?(options: Record<string, unknown>): Promise<unknown>;
  /** Optional: what the runtime actually uses in this thread (e.g. `{threads: 2}` once ORT has initialised). */
  runtimeInfo?(): Record<string, unknown>;
}

const REGISTRY: Record<string, () => Promise<Flavor>> = {
  onnx: () => import('./flavors/onnx') as Promise<Flavor>,
  tfjs: () => import('./flavors/tfjs') as Promise<Flavor>,
};

/** Flavor names Flowpad can run, in the order it prefers them for serving. */
export const RUNNABLE_FLAVORS: readonly string[] = Object.keys(REGISTRY);

/** Loads a flavor module on first use. Unknown name → RESOURCE_DOES_NOT_EXIST. */
export async function getFlavor(name: string): Promise<Flavor> {
  const load = REGISTRY[name];
  if (!load) throw notFound(`No flavor '${name}' in Flowpad; runnable flavors are ${RUNNABLE_FLAVORS.join(', ')}.`);
  return load();
}

/**
 * The flavor to serve an MLmodel with: the first of `prefer` (default {@link RUNNABLE_FLAVORS}) the model has.
 * A model with none of them (e.g. sklearn pickles) → INVALID_PARAMETER_VALUE naming its flavors.
 */
export function pickFlavor(model: MlModel, prefer: readonly string[] = RUNNABLE_FLAVORS): string {
  const found = prefer.find((f) => f in model.flavors);
  if (found) return found;
  throw invalidParam(
    `This model has flavors ${Object.keys(model.flavors).join(', ') || '(none)'}; Flowpad can run ${prefer.join(' or ')} models only. ` +
    'Convert it to ONNX (e.g. skl2onnx, tf2onnx, torch.onnx) and log it with mlflow.onnx.log_model.',
  );
}
