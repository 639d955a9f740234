/**
 * The `tfjs` flavor (Flowpad's own; MLflow has none): a TF.js LayersModel stored as TF.js's own `model.json` +
 * one weights file under `tfjs/`, with MLmodel entry `tfjs: {data: tfjs/model.json, format: layers-model,
 * tfjs_version}`. Python can't load it, so Flowpad always saves an `onnx` + `python_function` flavor beside it
 * ({@link tfjsModelFolder}).
 */
import * as tf from '@tensorflow/tfjs';
import { invalidParam } from '../../../core/errors';
import type { LoadedModel, SavedFlavor } from '../../flavor';
import type { FlavorConf } from '../../mlmodel';
import type { ModelFiles } from '../../model-folder';
import type { ModelIO, Tensor, TensorMap } from '../../tensor';

import { ioNames } from './export-onnx';

export { exportLayersModelToOnnx, ioNames, type OnnxExportOptions } from './export-onnx';
export { tfjsModelFolder, type TfjsFolderOptions } from './model-folder';

export const name = 'tfjs';
export const TFJS_DIR = 'tfjs';
export const MODEL_JSON = `${TFJS_DIR}/model.json`;
const WEIGHTS_FILE = 'weights.bin';

const utf8 = new TextEncoder();

export type TfjsBackend = 'cpu' | 'wasm' | 'webgl';

/**
 * Selects the TF.js backend for this thread: `{backend: 'cpu' | 'wasm' | 'webgl'}`. `cpu` always works; `wasm`
 * is the fastest on CPU (PLATFORM §4) and needs a Vite build (its .wasm files are `?url` imports). A backend
 * that fails to initialise falls back to `cpu`. Returns the backend in use.
 */
export async function configure(options: { backend?: TfjsBackend } = {}): Promise<string> {
  const backend = options.backend ?? 'cpu';
  let ok = false;
  try {
    if (backend === 'wasm') await import('./wasm-backend');
    ok = await tf.setBackend(backend);
  } catch {
    ok = false;
  }
  if (!ok) await tf.setBackend('cpu');
  await tf.ready();
  return tf.getBackend();
}

function concat(parts: ArrayBuffer | ArrayBuffer[]): Uint8Array {
  const list = Array.isArray(parts) ? parts : [parts];
  const out = new Uint8Array(list.reduce((n, b) => n + b.byteLength, 0));
  let at = 0;
  for (const b of list) {
    out.set(new Uint8Array(b), at);
    at += b.byteLength;
  }
  return out;
}

/** Serialises a LayersModel as `tfjs/model.json` + `tfjs/weights.bin` and the `tfjs` MLmodel entry. */
export async function save(model: tf.LayersModel): Promise<SavedFlavor> {
  let files: ModelFiles = {};
  await model.save(tf.io.withSaveHandler(async (a) => {
    const modelJson = {
      modelTopology: a.modelTopology,
      format: a.format ?? 'layers-model',
      generatedBy: a.generatedBy,
      convertedBy: a.convertedBy ?? null,
      weightsManifest: [{ paths: [WEIGHTS_FILE], weights: a.weightSpecs ?? [] }],
      ...(a.trainingConfig ? { trainingConfig: a.trainingConfig } : {}),
    };
    files = {
      [MODEL_JSON]: utf8.encode(JSON.stringify(modelJson)),
      [`${TFJS_DIR}/${WEIGHTS_FILE}`]: concat((a.weightData ?? new ArrayBuffer(0)) as ArrayBuffer | ArrayBuffer[]),
    };
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  return { files, flavors: { tfjs: { data: MODEL_JSON, format: 'layers-model', tfjs_version: tf.version.tfjs } } };
}

interface ModelJson {
  modelTopology: object;
  weightsManifest?: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

/** Loads `conf.data` (a TF.js layers `model.json`) and its weight files from the folder. */
export async function load(files: ModelFiles, conf: FlavorConf = {}): Promise<LoadedModel<tf.LayersModel>> {
  const path = typeof conf.data === 'string' ? conf.data : MODEL_JSON;
  const bytes = files[path];
  if (!bytes) throw invalidParam(`The tfjs flavor's model file '${path}' is missing from the model folder.`);
  let json: ModelJson;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes)) as ModelJson;
  } catch (e) {
    throw invalidParam(`Malformed TF.js model '${path}': ${(e as Error).message}`);
  }
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  const groups = json.weightsManifest ?? [];
  const parts = groups.flatMap((g) => g.paths.map((p) => {
    const b = files[dir + p];
    if (!b) throw invalidParam(`The TF.js weights file '${dir + p}' is missing from the model folder.`);
    return b;
  }));
  const weightData = concat(parts.map((b) => b.slice().buffer as ArrayBuffer));
  let model: tf.LayersModel;
  try {
    model = await tf.loadLayersModel(tf.io.fromMemory({
      modelTopology: json.modelTopology, weightSpecs: groups.flatMap((g) => g.weights), weightData: weightData.buffer as ArrayBuffer,
    }));
  } catch (e) {
    throw invalidParam(`Could not load the TF.js model '${path}': ${(e as Error).message}`);
  }
  const io = (names: string[], shapes: (number | null)[][]): ModelIO[] =>
    names.map((n, i) => ({ name: n, dtype: 'float32', shape: shapes[i].map((d) => d ?? -1) }));
  const names = ioNames(model);
  return {
    flavor: name, handle: model, notes: [],
    inputs: io(names.inputs, model.inputs.map((t) => t.shape as (number | null)[])),
    outputs: io(names.outputs, model.outputs.map((t) => t.shape as (number | null)[])),
  };
}

/** Runs `model.predict` on float32 feeds; returns float32 outputs by output layer name. */
export async function predict(model: LoadedModel<tf.LayersModel>, feeds: TensorMap): Promise<TensorMap> {
  const xs = model.inputs.map((io) => {
    const t = feeds[io.name];
    if (!t) throw invalidParam(`Missing input '${io.name}'.`);
    return tf.tensor(t.data as Float32Array, t.shape, 'float32');
  });
  let ys: tf.Tensor[] = [];
  try {
    const y = model.handle.predict(xs.length === 1 ? xs[0] : xs);
    ys = Array.isArray(y) ? y : [y];
    const out: TensorMap = {};
    for (let i = 0; i < ys.length; i++) {
      const t: Tensor = { dtype: 'float32', shape: [...ys[i].shape], data: (await ys[i].data()) as Float32Array };
      out[model.outputs[i].name] = t;
    }
    return out;
  } finally {
    tf.dispose([...xs, ...ys]);
  }
}

export async function dispose(model: LoadedModel<tf.LayersModel>): Promise<void> {
  model.handle.dispose();
}

/** `{runtime, backend}`: TF.js and the backend this thread uses. */
export function runtimeInfo(): Record<string, unknown> {
  return { runtime: 'TensorFlow.js', backend: tf.getBackend() };
}
