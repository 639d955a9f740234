/**
 * MLflow's scoring protocol (mlflow/pyfunc/scoring_server/__init__.py, mlflow/utils/proto_json_utils.py): parse a
 * `POST /invocations` JSON body into pyfunc-style input, validate params against the signature, and format the
 * `{"predictions": …}` answer. Schema enforcement and feeds are in `scoring-feeds.ts`.
 *
 * Errors are MlflowErrors with MLflow's codes and, where practical, MLflow's messages: BAD_REQUEST for a
 * malformed request, INVALID_PARAMETER_VALUE for data that doesn't fit the model.
 */
import { MlflowError, invalidParam } from '../core/errors';
import type { ParamSpec } from './signature';
import { columnLength, toNested, elementAt, mapRow, type TensorMap } from './tensor';

export const SCORING_FORMATS = ['dataframe_split', 'dataframe_records', 'instances', 'inputs'] as const;
export type ScoringFormat = (typeof SCORING_FORMATS)[number];

const FORMATS_REPR = `{${SCORING_FORMATS.map((f) => `'${f}'`).join(', ')}}`;
const REQUIRED_INPUT_FORMAT = `The input must be a JSON dictionary with exactly one of the input fields ${FORMATS_REPR}`;
const SCORING_PROTOCOL_CHANGE_INFO =
  'IMPORTANT: The MLflow Model scoring protocol has changed in MLflow version 2.0. If you are seeing this error, ' +
  'you are likely using an outdated scoring request format. To resolve the error, update your request format. ' +
  'See https://mlflow.org/docs/latest/models.html#deploy-mlflow-models.';

/** A dataframe as columns: `values[c][r]` is row r of column c. Column names are strings or positions. */
export interface Frame { columns: (string | number)[]; values: unknown[][]; rows: number }

/** What a request decodes to before schema enforcement: pyfunc's DataFrame, ndarray-like list, or dict. */
export type PyfuncInput =
  | { kind: 'frame'; frame: Frame }
  | { kind: 'array'; value: unknown }
  | { kind: 'dict'; value: Record<string, unknown> };

export interface ScoringRequest { format: ScoringFormat; input: PyfuncInput; params: Record<string, unknown> | null }

const badRequest = (m: string): MlflowError => new MlflowError('BAD_REQUEST', m);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Builds a frame from row arrays, like `pd.DataFrame(data=rows, columns=columns)`. */
export function frameFromRows(rows: unknown[][], columns?: (string | number)[]): Frame {
  const width = columns?.length ?? rows.reduce((n, r) => Math.max(n, Array.isArray(r) ? r.length : 1), 0);
  const cols = columns ?? Array.from({ length: width }, (_, i) => i);
  const values = cols.map(() => new Array<unknown>(rows.length));
  rows.forEach((r, i) => {
    const row = Array.isArray(r) ? r : [r];
    if (row.length !== width) throw invalidParam(`${width} columns passed, passed data had ${row.length} columns (row ${i}).`);
    row.forEach((x, c) => (values[c][i] = x));
  });
  return { columns: cols, values, rows: rows.length };
}

function frameFromRecords(records: unknown[]): Frame {
  const columns: string[] = [];
  for (const r of records) for (const k of Object.keys(r as object)) if (!columns.includes(k)) columns.push(k);
  const values = columns.map((c) => records.map((r) => ((r as Record<string, unknown>)[c] ?? null)));
  return { columns, values, rows: records.length };
}

function parseSplit(v: unknown): Frame {
  if (!isObj(v)) throw invalidParam(`Dataframe split format must be a dictionary. Got ${Array.isArray(v) ? 'list' : typeof v}.`);
  const keys = Object.keys(v);
  if (!('data' in v) || keys.some((k) => !['columns', 'data', 'index'].includes(k))) {
    throw invalidParam(`Dataframe split format must have 'data' field and optionally 'columns' and 'index' fields. Got {${keys.map((k) => `'${k}'`).join(', ')}}.`);
  }
  if (!Array.isArray(v.data)) throw invalidParam("Dataframe split 'data' must be a list of rows.");
  if (v.columns !== undefined && v.columns !== null && !Array.isArray(v.columns)) throw invalidParam("Dataframe split 'columns' must be a list.");
  return frameFromRows(v.data as unknown[][], (v.columns ?? undefined) as (string | number)[] | undefined);
}

function parseRecords(v: unknown): Frame {
  if (!Array.isArray(v)) throw invalidParam(`Dataframe records format must be a list of records. Got ${isObj(v) ? 'dictionary' : typeof v}.`);
  if (v.every(isObj)) return frameFromRecords(v);
  if (v.every(Array.isArray)) return frameFromRows(v as unknown[][]);
  throw invalidParam("Provided dataframe_records field is not a valid dataframe representation in 'records' format.");
}

/** `instances` as a list of dicts becomes columns (dict of lists), as parse_instances_data does. */
function parseInstances(v: unknown): PyfuncInput {
  if (Array.isArray(v) && v.length > 0 && isObj(v[0])) {
    if (!v.every(isObj)) throw invalidParam('instances: every item must be an object when the first one is.');
    const cols: Record<string, unknown[]> = {};
    for (const item of v) for (const [k, x] of Object.entries(item)) (cols[k] ??= []).push(x);
    const lens = new Set(Object.values(cols).map((c) => c.length));
    if (lens.size > 1) throw invalidParam('The length of values for each input/column name are not the same');
    return { kind: 'dict', value: cols };
  }
  return isObj(v) ? { kind: 'dict', value: v } : { kind: 'array', value: v };
}

/**
 * Parses a scoring request body (text or already-parsed JSON). Exactly one of {@link SCORING_FORMATS} plus an
 * optional `params` object; anything else is BAD_REQUEST with MLflow's message.
 */
export function parseScoringRequest(body: string | unknown): ScoringRequest {
  let json: unknown = body;
  if (typeof body === 'string') {
    try {
      json = JSON.parse(body);
    } catch (e) {
      throw badRequest(`Invalid input. Ensure that input is a valid JSON formatted string. Error: '${(e as Error).message}'`);
    }
  }
  if (Array.isArray(json)) throw badRequest(`${REQUIRED_INPUT_FORMAT}. Received a list. ${SCORING_PROTOCOL_CHANGE_INFO}`);
  if (!isObj(json)) throw badRequest(`${REQUIRED_INPUT_FORMAT}. Received unexpected input type '${json === null ? 'null' : typeof json}'.`);
  const formats = SCORING_FORMATS.filter((f) => f in json);
  if (formats.length !== 1) {
    const llm = ['messages', 'prompt', 'input'].filter((k) => k in json);
    const hint = llm.length && !formats.length ? ` Unwrapped LLM payloads (${llm.join(', ')}) are for LLM flavors, not ONNX or TF.js models.` : '';
    throw badRequest(`${REQUIRED_INPUT_FORMAT}. Received dictionary with input fields: [${Object.keys(json).map((k) => `'${k}'`).join(', ')}].${hint} ${SCORING_PROTOCOL_CHANGE_INFO}`);
  }
  const format = formats[0];
  const params = json.params ?? null;
  if (params !== null && !isObj(params)) throw badRequest(`Params must be a dictionary. Got type '${Array.isArray(params) ? 'list' : typeof params}'.`);
  const raw = json[format];
  let input: PyfuncInput;
  if (format === 'dataframe_split') input = { kind: 'frame', frame: parseSplit(raw) };
  else if (format === 'dataframe_records') input = { kind: 'frame', frame: parseRecords(raw) };
  else if (format === 'instances') input = parseInstances(raw);
  else input = isObj(raw) ? { kind: 'dict', value: raw } : { kind: 'array', value: raw };
  return { format, input, params: params as Record<string, unknown> | null };
}

function checkParamValue(spec: ParamSpec, v: unknown): unknown {
  const fail = (why: string): never => {
    throw invalidParam(`Failed to validate type and shape for '${spec.name}': ${why}`);
  };
  const one = (x: unknown): unknown => {
    if (x === null) return null;
    switch (spec.type) {
      case 'boolean': return typeof x === 'boolean' ? x : fail(`expected a boolean, got ${JSON.stringify(x)}`);
      case 'integer': case 'long': return Number.isInteger(x) ? x : fail(`Can not safely convert ${JSON.stringify(x)} to ${spec.type}`);
      case 'float': case 'double': return typeof x === 'number' ? x : fail(`Can not safely convert ${JSON.stringify(x)} to ${spec.type}`);
      case 'string': return typeof x === 'string' ? x : fail(`expected a string, got ${JSON.stringify(x)}`);
      case 'datetime': return typeof x === 'string' && !Number.isNaN(Date.parse(x)) ? x : fail(`It must be convertible to datetime, got ${JSON.stringify(x)}`);
      default: return isObj(x) ? x : fail(`expected an object, got ${JSON.stringify(x)}`);
    }
  };
  if (spec.shape) return Array.isArray(v) ? v.map(one) : fail(`Value must be a 1D array with shape (-1,), received ${typeof v}`);
  return one(v);
}

/**
 * Params as a pyfunc model receives them: declared params take the request's value (type-checked) or their
 * default; undeclared ones are dropped with a warning, as MLflow drops them.
 */
export function resolveParams(params: Record<string, unknown> | null, specs: ParamSpec[] | null): {
  params: Record<string, unknown>; warnings: string[];
} {
  const warnings: string[] = [];
  const given = params ?? {};
  if (!specs || specs.length === 0) {
    if (Object.keys(given).length) warnings.push(`Params ${JSON.stringify(Object.keys(given))} were ignored: the model signature declares no params.`);
    return { params: {}, warnings };
  }
  const out: Record<string, unknown> = {};
  for (const s of specs) out[s.name] = s.name in given ? checkParamValue(s, given[s.name]) : s.default;
  const unknown = Object.keys(given).filter((k) => !specs.some((s) => s.name === k));
  if (unknown.length) warnings.push(`Unrecognized params ${JSON.stringify(unknown)} are ignored.`);
  return { params: out, warnings };
}

/** How predictions come back: a DataFrame (records) when the model got a DataFrame, else a dict of arrays. */
export type PredictionStyle = 'records' | 'dict';

/**
 * `{"predictions": …}` as the ONNX pyfunc answers: a dict `{output: nested list}` for tensor/dict input, or —
 * for DataFrame input — one record per row with every output flattened (`pd.DataFrame.from_dict({c: p.reshape(-1)})`).
 */
export function formatPredictions(outputs: TensorMap, style: PredictionStyle): { predictions: unknown } {
  if (style === 'dict') return { predictions: Object.fromEntries(Object.entries(outputs).map(([k, t]) => [k, toNested(t)])) };
  const names = Object.keys(outputs);
  const n = names.length ? columnLength(outputs[names[0]]) : 0;
  for (const k of names) {
    const m = columnLength(outputs[k]);
    if (m !== n) throw new MlflowError('BAD_REQUEST', `Outputs '${names[0]}' (${n} values) and '${k}' (${m} values) cannot form one DataFrame: All arrays must be of the same length.`);
  }
  const rows = Array.from({ length: n }, (_, i) => Object.fromEntries(names.map((k) => [k, outputs[k].mapKeys ? mapRow(outputs[k], i) : elementAt(outputs[k], i)])));
  return { predictions: rows };
}
