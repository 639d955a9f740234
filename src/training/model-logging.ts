/**
 * What a trained model is logged with, and logging it: the MLflow signature inferred from the training data,
 * the input example, Flowpad's metadata (classes, feature encoding), and the folder as the run's `model/`
 * artifact plus the `mlflow.log-model.history` tag MLflow's `Model.log` records.
 *
 * Signatures, as `mlflow.models.infer_signature(X, model.predict(X))` writes them for a Keras model:
 * - tables: column-based inputs, one `double` column per numeric feature (a float frame, as Keras is fed; an
 *   int64 frame would be refused by the ONNX pyfunc's float32 input), or per one-hot column `name=value` when the
 *   file has categorical columns (the model takes them encoded);
 * - images: a tensor-based input `float32 [-1, 8, 8, 1]`;
 * - outputs: a tensor `float32 [-1, classes]` (probabilities) or `[-1, 1]` (regression).
 */
import type { InputExample } from '../models/input-example';
import { parseMlModel } from '../models/mlmodel';
import { MLMODEL_FILE, type ModelFiles } from '../models/model-folder';
import type { ColSpec, ModelSignature } from '../models/signature';
import type { TfjsFolderOptions } from '../models/flavors/tfjs/trainer';
import type { TrackingClient } from '../tracking';
import type { LoadedData } from './load';
import type { FeatureEncoding, PreparedData, RawValue } from './prepare';

/** The artifact path models are logged under, as `mlflow.<flavor>.log_model(model, "model")`. */
export const MODEL_ARTIFACT_PATH = 'model';
/** MLflow's run tag listing the models logged to a run (mlflow/utils/mlflow_tags.py MLFLOW_LOGGED_MODELS). */
export const LOGGED_MODELS_TAG = 'mlflow.log-model.history';

/** Model input columns: numeric features by name, categoricals as one column per category. */
function inputColumns(features: FeatureEncoding[]): string[] {
  return features.flatMap((f) => (f.kind === 'numeric' ? [f.name] : f.categories.map((c) => `${f.name}=${c}`)));
}

function encodeExampleRow(row: RawValue[], features: FeatureEncoding[]): number[] {
  return features.flatMap((f, i) => {
    const v = row[i];
    if (f.kind === 'numeric') return [typeof v === 'number' ? v : f.fill];
    return f.categories.map((c) => (v === c ? 1 : 0));
  });
}

/** The signature and input example of a model trained on `p`. */
export function signatureAndExample(p: PreparedData): { signature: ModelSignature; inputExample: InputExample } {
  const outputs: ModelSignature['outputs'] = {
    kind: 'tensor', inputs: [{ kind: 'tensor', dtype: 'float32', shape: [-1, p.classes?.length ?? 1] }],
  };
  const rows = p.example.data;
  if (p.inputKind === 'image') {
    const data = Float32Array.from(rows.flat() as number[]);
    return {
      signature: { inputs: { kind: 'tensor', inputs: [{ kind: 'tensor', dtype: 'float32', shape: [-1, ...p.sampleShape] }] }, outputs, params: null },
      inputExample: { kind: 'tensor', tensor: { dtype: 'float32', shape: [rows.length, ...p.sampleShape], data } },
    };
  }
  const encoded = p.features.some((f) => f.kind === 'categorical');
  const columns = encoded ? inputColumns(p.features) : p.features.map((f) => f.name);
  const specs: ColSpec[] = columns.map((name) => ({ kind: 'column', name, type: 'double', required: true }));
  return {
    signature: { inputs: { kind: 'column', inputs: specs }, outputs, params: null },
    inputExample: {
      kind: 'dataframe', columns,
      data: encoded ? rows.map((r) => encodeExampleRow(r, p.features)) : rows.map((r) => r.map((v) => v ?? NaN)),
    },
  };
}

/** MLmodel options for the trainer: signature, example, run id, and Flowpad's metadata for predictions. */
export function modelFolderOptions(runId: string, data: LoadedData): TfjsFolderOptions {
  const p = data.prepared;
  const { signature, inputExample } = signatureAndExample(p);
  const metadata: Record<string, unknown> = { flowpad_task: p.task, flowpad_target: p.target, flowpad_dataset: data.name };
  if (p.classes) metadata.flowpad_classes = p.classes;
  if (p.features.some((f) => f.kind === 'categorical')) {
    metadata.flowpad_categorical = Object.fromEntries(p.features.flatMap((f) => (f.kind === 'categorical' ? [[f.name, f.categories]] : [])));
  }
  return { signature, inputExample, runId, artifactPath: MODEL_ARTIFACT_PATH, metadata, onnx: { inputName: 'input', outputName: 'output' } };
}

const contentTypeOf = (path: string): string =>
  path.endsWith('.json') ? 'application/json' : /(^|\/)MLmodel$|\.ya?ml$|\.txt$/.test(path) ? 'text/plain' : 'application/octet-stream';

/**
 * Logs a model folder as `model/…` artifacts and appends it to the run's `mlflow.log-model.history` tag (the
 * MLmodel dict without signature and input example, as `Model.get_tags_dict` keeps it).
 */
export async function logModelFolder(client: TrackingClient, runId: string, files: ModelFiles): Promise<void> {
  // One transaction: a full disk or a closed tab never leaves half a model folder.
  await client.logArtifacts(runId, Object.entries(files).map(([path, data]) => ({ path: `${MODEL_ARTIFACT_PATH}/${path}`, data, contentType: contentTypeOf(path) })));
  const mlmodel = parseMlModel(new TextDecoder().decode(files[MLMODEL_FILE]));
  const { signature: _s, saved_input_example_info: _e, ...entry } = mlmodel;
  const run = await client.getRun(runId);
  const old = run.data.tags.find((t) => t.key === LOGGED_MODELS_TAG)?.value;
  const history: unknown[] = old ? (JSON.parse(old) as unknown[]) : [];
  history.push(entry);
  await client.setTag(runId, LOGGED_MODELS_TAG, JSON.stringify(history));
}
