/**
 * Input examples as MLflow saves them (mlflow/models/utils.py `_Example`): `input_example.json` (compact
 * `json.dumps`) plus `serving_input_example.json` (the ready-to-POST request, `indent=2`) and the
 * `saved_input_example_info` entry for MLmodel.
 *
 * | example                 | input_example.json                 | type        | serving body                 |
 * |-------------------------|------------------------------------|-------------|------------------------------|
 * | one tensor (ndarray)    | nested list                        | ndarray     | `{"inputs": [...]}`          |
 * | named tensors           | `{name: nested list}`              | ndarray     | `{"inputs": {...}}`          |
 * | dataframe               | `{"columns": […], "data": [[…]]}`  | dataframe   | `{"dataframe_split": {...}}` |
 * | JSON value (dict, list) | the value                          | json_object | `{"inputs": value}`          |
 *
 * NaN becomes null. With params, the file holds `{"inputs": data, "params": {...}}` and info gets `params: 'true'`.
 */
import { invalidParam } from '../core/errors';
import type { InputExampleInfo } from './mlmodel';
import { pyFloat, pyJsonDumps } from './py-json';
import { isFloatDtype, toNested, type Tensor, type TensorMap } from './tensor';

export const INPUT_EXAMPLE_FILE = 'input_example.json';
export const SERVING_INPUT_FILE = 'serving_input_example.json';

/** An input example. Dataframe `columns` null means a default RangeIndex (`pandas_orient: values`). */
export type InputExample =
  | { kind: 'tensor'; tensor: Tensor }
  | { kind: 'tensors'; tensors: TensorMap }
  | { kind: 'dataframe'; columns: string[] | null; data: unknown[][] }
  | { kind: 'json'; value: unknown };

/** What {@link saveInputExample} produces: MLmodel's info and the two files' text. */
export interface SavedInputExample {
  info: InputExampleInfo;
  files: Record<string, string>;
}

/** A tensor as numpy's `tolist()` JSON, floats written as Python floats and NaN as null. */
function tensorJson(t: Tensor): unknown {
  const nested = toNested(t);
  if (!isFloatDtype(t.dtype)) return nested;
  const mark = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(mark) : Number.isNaN(v as number) ? null : pyFloat(v as number);
  return mark(nested);
}

const nanToNull = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(nanToNull) : typeof v === 'number' && Number.isNaN(v) ? null : v;

/** Builds the files and MLmodel info MLflow would write for `example` (and optional inference `params`). */
export function saveInputExample(example: InputExample, params?: Record<string, unknown>): SavedInputExample {
  const info: InputExampleInfo = { artifact_path: INPUT_EXAMPLE_FILE, type: 'json_object' };
  let data: unknown;
  let serving: Record<string, unknown>;
  switch (example.kind) {
    case 'tensor':
      data = tensorJson(example.tensor);
      info.type = 'ndarray';
      serving = { inputs: data };
      break;
    case 'tensors':
      data = Object.fromEntries(Object.entries(example.tensors).map(([k, t]) => [k, tensorJson(t)]));
      info.type = 'ndarray';
      serving = { inputs: data };
      break;
    case 'dataframe':
      data = example.columns ? { columns: example.columns, data: nanToNull(example.data) } : { data: nanToNull(example.data) };
      info.type = 'dataframe';
      info.pandas_orient = example.columns ? 'split' : 'values';
      serving = { dataframe_split: data };
      break;
    case 'json':
      data = example.value;
      serving = { inputs: data };
      break;
  }
  if (params !== undefined) {
    info.params = 'true';
    data = { inputs: data, params };
    serving = { ...serving, params };
  }
  info.serving_input_path = SERVING_INPUT_FILE;
  return {
    info,
    files: { [INPUT_EXAMPLE_FILE]: pyJsonDumps(data), [SERVING_INPUT_FILE]: pyJsonDumps(serving, 2) },
  };
}

/**
 * The scoring request (`{"inputs": …}` / `{"dataframe_split": …}`, plus `params`) for a saved example, so a
 * serving form can start from it. Prefers `serving_input_example.json` when given (MLflow ≥ 2.16 writes it).
 */
export function servingRequestFromExample(
  info: InputExampleInfo, inputExampleText: string, servingText?: string,
): Record<string, unknown> {
  const parse = (text: string, file: string): unknown => {
    try {
      return JSON.parse(text.replace(/\bNaN\b/g, 'null'));
    } catch (e) {
      throw invalidParam(`Malformed input example '${file}': ${(e as Error).message}`);
    }
  };
  if (servingText !== undefined) return parse(servingText, info.serving_input_path ?? SERVING_INPUT_FILE) as Record<string, unknown>;
  let data = parse(inputExampleText, info.artifact_path);
  let params: unknown;
  if (info.params) ({ inputs: data, params } = data as { inputs: unknown; params: unknown });
  let body: Record<string, unknown>;
  switch (info.type) {
    case 'dataframe': body = { dataframe_split: data }; break;
    case 'ndarray': case 'json_object': body = { inputs: data }; break;
    default: throw invalidParam(`Input example type '${info.type}' cannot be turned into a scoring request.`);
  }
  return params === undefined ? body : { ...body, params };
}
