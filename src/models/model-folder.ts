/**
 * An MLflow model folder as plain data: relative path → bytes. This is what bundles zip, what the registry stores
 * and what `mlflow.pyfunc.load_model` reads once unzipped.
 */
import { invalidParam } from '../core/errors';
import { onnxEnvironmentFiles, onnxFlavorConf, pyfuncOnnxConf, ONNX_MODEL_FILE, DEFAULT_ENV_VERSIONS, type PythonEnvVersions } from './environment';
import { saveInputExample, type InputExample } from './input-example';
import { newMlModel, writeMlModel, type FlavorConf, type MlModel } from './mlmodel';
import type { ModelSignature } from './signature';

/** Files of a model folder by '/'-separated relative path. `MLmodel` sits at the root. */
export type ModelFiles = Record<string, Uint8Array>;

export const MLMODEL_FILE = 'MLmodel';

const utf8 = new TextEncoder();

/** What every saved model may carry besides its flavors (MLmodel keys). */
export interface ModelFolderOptions {
  signature?: ModelSignature | null;
  inputExample?: InputExample;
  /** Inference params stored with the example. */
  exampleParams?: Record<string, unknown>;
  runId?: string;
  artifactPath?: string;
  metadata?: Record<string, unknown>;
  versions?: PythonEnvVersions;
  createdAt?: number;
  utcTimeCreated?: string;
  modelUuid?: string;
}

/**
 * Assembles a folder from flavor payload files and flavor entries, the way `save_model` does: the input example
 * first, then `model_size_bytes` (payload + example, measured before MLmodel and the env files exist, as MLflow
 * measures it), then MLmodel and the environment files.
 */
export function assembleModelFolder(payload: ModelFiles, flavors: Record<string, FlavorConf>, o: ModelFolderOptions = {}): {
  files: ModelFiles; mlmodel: MlModel;
} {
  const files: ModelFiles = { ...payload };
  let info;
  if (o.inputExample) {
    const saved = saveInputExample(o.inputExample, o.exampleParams);
    for (const [p, text] of Object.entries(saved.files)) files[p] = utf8.encode(text);
    info = saved.info;
  }
  const size = Object.values(files).reduce((n, b) => n + b.byteLength, 0);
  const mlmodel = newMlModel({
    flavors, signature: o.signature, savedInputExampleInfo: info, modelSizeBytes: size || undefined,
    runId: o.runId, artifactPath: o.artifactPath, metadata: o.metadata,
    mlflowVersion: (o.versions ?? DEFAULT_ENV_VERSIONS).mlflow, createdAt: o.createdAt, utcTimeCreated: o.utcTimeCreated, modelUuid: o.modelUuid,
  });
  files[MLMODEL_FILE] = utf8.encode(writeMlModel(mlmodel));
  for (const [p, text] of Object.entries(onnxEnvironmentFiles(o.versions))) files[p] = utf8.encode(text);
  return { files, mlmodel };
}

/**
 * An ONNX model folder as `mlflow.onnx.save_model(onnx_model, path, signature=…, input_example=…)` writes it:
 * `model.onnx` (single file, like `save_as_external_data=False`), flavors `onnx` and `python_function`, env files.
 * `extraFlavors` adds entries (e.g. `tfjs`) and `extraPayload` their files.
 */
export function onnxModelFolder(onnxBytes: Uint8Array, o: ModelFolderOptions & {
  extraFlavors?: Record<string, FlavorConf>; extraPayload?: ModelFiles;
} = {}): { files: ModelFiles; mlmodel: MlModel } {
  if (onnxBytes.byteLength === 0) throw invalidParam('The ONNX model is empty.');
  const v = o.versions ?? DEFAULT_ENV_VERSIONS;
  const flavors = { ...o.extraFlavors, onnx: onnxFlavorConf(v), python_function: pyfuncOnnxConf(v) };
  return assembleModelFolder({ ...o.extraPayload, [ONNX_MODEL_FILE]: onnxBytes }, flavors, o);
}
