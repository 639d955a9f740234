/**
 * The MLmodel file (mlflow/models/model.py): read, validate, edit and write, keeping every key we don't know.
 *
 * An {@link MlModel} is the YAML mapping as plain data with MLflow's own snake_case keys, so unknown flavors and
 * keys ride along untouched. {@link writeMlModel} with the original text changes only the keys whose values
 * differ, and returns the original bytes when nothing changed. New files are written as MLflow writes them:
 * `yaml.safe_dump(model.to_dict(), default_flow_style=False)`, i.e. keys sorted, PyYAML layout.
 */
import { invalidParam } from '../core/errors';
import { dumpYaml, emitDocument, mergeInto, parseYamlDocument, plainEqual, toPlain } from './pyyaml';
import { parseSignature, signatureToDict, type ModelSignature } from './signature';

/** One flavor's configuration (`flavors.<name>`): free-form, flavor-defined keys. */
export type FlavorConf = Record<string, unknown>;

/** `saved_input_example_info` (mlflow/models/utils.py `_Example.info`). */
export interface InputExampleInfo {
  artifact_path: string;
  type: 'dataframe' | 'ndarray' | 'json_object' | 'sparse_matrix_csc' | 'sparse_matrix_csr';
  pandas_orient?: 'split' | 'values';
  serving_input_path?: string;
  /** The string `'true'` when the example carried params. */
  params?: string;
  [key: string]: unknown;
}

/** The MLmodel mapping. Only `flavors` is required; any other key is kept as read. */
export interface MlModel {
  artifact_path?: string;
  flavors: Record<string, FlavorConf>;
  model_uuid?: string | null;
  model_id?: string | null;
  run_id?: string;
  /** `'YYYY-MM-DD HH:MM:SS.ffffff'`, naive UTC. */
  utc_time_created?: string;
  mlflow_version?: string | null;
  /** JSON strings, as in the file; use {@link getSignature} / {@link setSignature}. */
  signature?: { inputs: string | null; outputs: string | null; params?: string | null };
  saved_input_example_info?: InputExampleInfo;
  /** Total size of the model directory in bytes. */
  model_size_bytes?: number;
  metadata?: Record<string, unknown> | null;
  [key: string]: unknown;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks the shape MLflow's `Model.from_dict` relies on; throws INVALID_PARAMETER_VALUE naming the problem. */
export function validateMlModel(value: unknown): MlModel {
  if (!isObj(value)) throw invalidParam('Malformed MLmodel: the file must be a YAML mapping of keys to values.');
  const flavors = value.flavors;
  if (flavors === undefined || flavors === null) throw invalidParam("Malformed MLmodel: missing 'flavors'.");
  if (!isObj(flavors)) throw invalidParam("Malformed MLmodel: 'flavors' must be a mapping of flavor name to configuration.");
  for (const [name, conf] of Object.entries(flavors)) {
    if (!isObj(conf)) throw invalidParam(`Malformed MLmodel: flavor '${name}' must be a mapping, got ${JSON.stringify(conf)}.`);
  }
  for (const k of ['artifact_path', 'run_id', 'utc_time_created'] as const) {
    if (value[k] !== undefined && value[k] !== null && typeof value[k] !== 'string') {
      throw invalidParam(`Malformed MLmodel: '${k}' must be a string.`);
    }
  }
  if (value.model_size_bytes !== undefined && value.model_size_bytes !== null && !Number.isInteger(value.model_size_bytes)) {
    throw invalidParam("Malformed MLmodel: 'model_size_bytes' must be an integer.");
  }
  if (value.saved_input_example_info !== undefined && value.saved_input_example_info !== null) {
    const info = value.saved_input_example_info;
    if (!isObj(info) || typeof info.artifact_path !== 'string') {
      throw invalidParam("Malformed MLmodel: 'saved_input_example_info' needs an 'artifact_path'.");
    }
  }
  if (value.signature !== undefined && value.signature !== null) parseSignature(value.signature);
  return value as MlModel;
}

/** Parses MLmodel text. Malformed YAML, a missing `flavors` or a bad signature → INVALID_PARAMETER_VALUE. */
export function parseMlModel(text: string): MlModel {
  return validateMlModel(toPlain(parseYamlDocument(text, 'MLmodel')));
}

/**
 * Serialises an MLmodel. Given `original` (the text it was read from), keeps that text's untouched keys and
 * formatting and returns it unchanged when the values are equal; otherwise writes a fresh PyYAML-style file.
 */
export function writeMlModel(model: MlModel, original?: string): string {
  validateMlModel(model);
  const clean = JSON.parse(JSON.stringify(model)) as MlModel;
  if (original === undefined) return dumpYaml(clean, true);
  const doc = parseYamlDocument(original, 'MLmodel');
  if (plainEqual(toPlain(doc), clean)) return original;
  mergeInto(doc, doc.contents as never, clean, []);
  return emitDocument(doc);
}

/** The parsed signature, or null when the model has none. */
export function getSignature(model: MlModel): ModelSignature | null {
  return model.signature ? parseSignature(model.signature) : null;
}

/** Returns a copy with `signature` set (or removed with null), written as `ModelSignature.to_dict()`. */
export function setSignature(model: MlModel, sig: ModelSignature | null): MlModel {
  const out = { ...model };
  if (sig === null) delete out.signature;
  else out.signature = signatureToDict(sig);
  return out;
}

/** `Model.__init__`'s timestamp: `str(datetime.utcnow())` → `'2024-05-17 23:15:28.764394'`. */
export function utcTimeCreated(ms: number = Date.now()): string {
  const iso = new Date(ms).toISOString(); // 2024-05-17T23:15:28.764Z
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000`;
}

/** `uuid.uuid4().hex`: 32 lower-case hex characters. */
export function newModelUuid(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

export interface NewMlModelOptions {
  flavors: Record<string, FlavorConf>;
  artifactPath?: string;
  runId?: string;
  signature?: ModelSignature | null;
  savedInputExampleInfo?: InputExampleInfo;
  modelSizeBytes?: number;
  metadata?: Record<string, unknown>;
  /** The MLflow version we claim to be compatible with (written as `mlflow_version`). */
  mlflowVersion?: string;
  /** ms since epoch; defaults to now. */
  createdAt?: number;
  /** The exact `utc_time_created` string (wins over `createdAt`). */
  utcTimeCreated?: string;
  modelUuid?: string;
}

/** The MLflow release whose MLmodel layout Flowpad writes (2.22: `prompts: null`, no 3.x `model_id`). */
export const MLFLOW_COMPAT_VERSION = '2.22.0';

/** A new MLmodel as `Model(...).to_dict()` builds it: unset optional keys are omitted, as MLflow omits them. */
export function newMlModel(o: NewMlModelOptions): MlModel {
  const m: MlModel = {
    flavors: o.flavors,
    mlflow_version: o.mlflowVersion ?? MLFLOW_COMPAT_VERSION,
    model_uuid: o.modelUuid ?? newModelUuid(),
    utc_time_created: o.utcTimeCreated ?? utcTimeCreated(o.createdAt),
    // MLflow ≥ 2.21 writes every Model attribute, so an unset prompts list appears as null.
    prompts: null,
  };
  if (o.artifactPath !== undefined) m.artifact_path = o.artifactPath;
  if (o.runId !== undefined) m.run_id = o.runId;
  if (o.signature) m.signature = signatureToDict(o.signature);
  if (o.savedInputExampleInfo) m.saved_input_example_info = o.savedInputExampleInfo;
  if (o.modelSizeBytes !== undefined) m.model_size_bytes = o.modelSizeBytes;
  if (o.metadata) m.metadata = o.metadata;
  return m;
}
