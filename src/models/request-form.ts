/**
 * A serving form generated from a model's input schema, and the scoring request it builds. Column-based
 * schemas get one field per column (one row, sent as `dataframe_split`); tensor-based schemas get one JSON
 * array per tensor (sent as `inputs`). Field values are the text a form control holds, so the form itself
 * stays plain data; {@link requestFromForm} converts and validates them, naming the field that is wrong.
 */
import { invalidParam } from '../core/errors';
import { colTypeName } from './col-types';
import type { ScoringFormat } from './scoring';
import type { ColSpec, Schema, TensorSpec } from './signature';
import { pyShape } from './nd-array';

/** How a field is edited: a number box, an integer box, a true/false choice, free text, a date-time, or JSON. */
export type FieldKind = 'number' | 'integer' | 'boolean' | 'text' | 'datetime' | 'json';

/** One form field: a column or a tensor of the input schema. */
export interface FormField {
  /** Column or tensor name; '' for the single unnamed tensor, or the position for unnamed columns. */
  key: string;
  /** What the form shows as the label. */
  label: string;
  kind: FieldKind;
  /** The type as the signature spells it: `double`, `Array(string)`, `float32 (-1, 4)`. */
  typeLabel: string;
  required: boolean;
  /** Tensors: numpy dtype and shape (-1 = any size). */
  dtype?: string;
  shape?: number[];
}

/** A form for one request: fields in schema order. `named` is false for unnamed schemas. */
export interface RequestForm {
  kind: 'column' | 'tensor';
  named: boolean;
  fields: FormField[];
}

/** Field values by {@link FormField.key}, as text. */
export type FormValues = Record<string, string>;

const KIND_OF: Record<string, FieldKind> = {
  integer: 'integer', long: 'integer', float: 'number', double: 'number', boolean: 'boolean',
  string: 'text', binary: 'text', datetime: 'datetime',
};

function columnField(s: ColSpec, i: number): FormField {
  const name = s.name ?? String(i);
  return {
    key: name, label: s.name ?? `Column ${i}`, kind: typeof s.type === 'string' ? KIND_OF[s.type] : 'json',
    typeLabel: colTypeName(s.type), required: s.required,
  };
}

function tensorField(s: TensorSpec): FormField {
  return {
    key: s.name ?? '', label: s.name ?? 'Input tensor', kind: 'json', typeLabel: `${s.dtype} ${pyShape(s.shape)}`,
    required: true, dtype: s.dtype, shape: [...s.shape],
  };
}

/** The form for an input schema. */
export function formFor(schema: Schema): RequestForm {
  if (schema.kind === 'column') {
    return { kind: 'column', named: schema.inputs[0].name !== undefined, fields: schema.inputs.map(columnField) };
  }
  return { kind: 'tensor', named: schema.inputs[0].name !== undefined, fields: schema.inputs.map(tensorField) };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A zero-filled nested array for a tensor shape, with 1 for each variable dimension. */
export function zerosLike(shape: readonly number[], dtype = 'float32'): unknown {
  const zero = dtype === 'bool' ? false : dtype === 'str' || dtype === 'object' ? '' : 0;
  const build = (axis: number): unknown =>
    axis === shape.length ? zero : Array.from({ length: shape[axis] < 0 ? 1 : shape[axis] }, () => build(axis + 1));
  return build(0);
}

/** The first row of a request's data as column → value (dataframe_split/records, instances, inputs). */
function firstRow(request: Record<string, unknown>): Record<string, unknown> | unknown[] | null {
  const split = request.dataframe_split;
  if (isObj(split) && Array.isArray(split.data) && split.data.length) {
    const row = split.data[0];
    if (!Array.isArray(split.columns)) return Array.isArray(row) ? row : [row];
    return Object.fromEntries((split.columns as unknown[]).map((c, i) => [String(c), Array.isArray(row) ? row[i] : row]));
  }
  const records = request.dataframe_records ?? request.instances;
  if (Array.isArray(records) && records.length) return isObj(records[0]) ? records[0] : Array.isArray(records[0]) ? records[0] : null;
  const inputs = request.inputs;
  if (isObj(inputs)) return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  if (Array.isArray(inputs) && inputs.length) return isObj(inputs[0]) ? inputs[0] : Array.isArray(inputs[0]) ? inputs[0] : null;
  return null;
}

function columnText(v: unknown, kind: FieldKind): string {
  if (v === null || v === undefined) return '';
  if (kind === 'json' || typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/**
 * Initial field values: taken from `example` (an MLflow scoring request, e.g. serving_input_example.json) where
 * it has them; otherwise empty columns and zero-filled tensors of the expected shape.
 */
export function formValuesFrom(form: RequestForm, example: Record<string, unknown> | null): FormValues {
  const values: FormValues = {};
  if (form.kind === 'column') {
    const row = example ? firstRow(example) : null;
    form.fields.forEach((f, i) => {
      const v = Array.isArray(row) ? row[i] : row?.[f.key];
      values[f.key] = columnText(v, f.kind);
    });
    return values;
  }
  const inputs = example?.inputs ?? example?.instances;
  for (const f of form.fields) {
    const given = form.named && isObj(inputs) ? inputs[f.key] : !form.named ? inputs : undefined;
    values[f.key] = JSON.stringify(given ?? zerosLike(f.shape ?? [-1], f.dtype));
  }
  return values;
}

function columnValue(f: FormField, text: string): unknown {
  const t = text.trim();
  if (t === '') {
    if (f.required && f.kind !== 'text') throw invalidParam(`Column '${f.label}' (${f.typeLabel}) needs a value.`);
    return f.kind === 'text' ? text : null;
  }
  switch (f.kind) {
    case 'number': case 'integer': {
      const n = Number(t);
      if (Number.isNaN(n) && t.toLowerCase() !== 'nan') throw invalidParam(`Column '${f.label}' (${f.typeLabel}): '${t}' is not a number.`);
      if (f.kind === 'integer' && !Number.isInteger(n)) throw invalidParam(`Column '${f.label}' (${f.typeLabel}): '${t}' is not a whole number.`);
      return n;
    }
    case 'boolean':
      if (/^(true|1)$/i.test(t)) return true;
      if (/^(false|0)$/i.test(t)) return false;
      throw invalidParam(`Column '${f.label}' (boolean): '${t}' is not true or false.`);
    case 'json': return parseJson(t, `Column '${f.label}' (${f.typeLabel})`);
    default: return text;
  }
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw invalidParam(`${what}: not valid JSON (${(e as Error).message}).`);
  }
}

/**
 * The scoring request for the form's values: `{"dataframe_split": {columns, data: [row]}}` for columns (empty
 * optional columns left out), `{"inputs": {name: array}}` or `{"inputs": array}` for tensors. A value that
 * cannot be read → INVALID_PARAMETER_VALUE naming the column or tensor. Type and shape checks against the
 * signature are the scoring path's job, so the form and the JSON box report the same errors.
 */
export function requestFromForm(form: RequestForm, values: FormValues): Record<string, unknown> {
  if (form.kind === 'column') {
    const columns: string[] = [];
    const row: unknown[] = [];
    for (const f of form.fields) {
      const v = columnValue(f, values[f.key] ?? '');
      if (v === null && !f.required) continue;
      columns.push(f.key);
      row.push(v);
    }
    return form.named ? { dataframe_split: { columns, data: [row] } } : { dataframe_split: { data: [row] } };
  }
  const parsed = form.fields.map((f) => parseJson(values[f.key] ?? '', form.named ? `Tensor '${f.label}'` : 'The input tensor'));
  if (!form.named) return { inputs: parsed[0] };
  return { inputs: Object.fromEntries(form.fields.map((f, i) => [f.key, parsed[i]])) };
}

/** The formats a form's request can be written in: all four for columns; `inputs` and `instances` for tensors. */
export function formatsFor(form: RequestForm): ScoringFormat[] {
  return form.kind === 'column' ? ['dataframe_split', 'dataframe_records', 'instances', 'inputs'] : ['inputs', 'instances'];
}

/**
 * The form's request in another of MLflow's formats (same data): `dataframe_records`/`instances` as one record per
 * row, `inputs` as columns (name → values); for tensors, `instances` splits every tensor along its first axis.
 */
export function requestInFormat(form: RequestForm, values: FormValues, format: ScoringFormat): Record<string, unknown> {
  const base = requestFromForm(form, values);
  if (form.kind === 'column') {
    const { columns, data } = base.dataframe_split as { columns?: string[]; data: unknown[][] };
    const row = data[0];
    if (format === 'dataframe_split') return base;
    if (!columns) return format === 'inputs' ? { inputs: [row] } : { [format]: [row] };
    const record = Object.fromEntries(columns.map((c, i) => [c, row[i]]));
    if (format === 'inputs') return { inputs: Object.fromEntries(columns.map((c, i) => [c, [row[i]]])) };
    return { [format]: [record] };
  }
  if (format === 'inputs') return base;
  if (format !== 'instances') throw invalidParam(`A tensor-based model takes 'inputs' or 'instances', not '${format}'.`);
  if (!form.named) return { instances: base.inputs };
  const tensors = base.inputs as Record<string, unknown>;
  const lengths = new Set(Object.values(tensors).map((t) => (Array.isArray(t) ? t.length : -1)));
  if (lengths.size !== 1 || lengths.has(-1)) throw invalidParam("'instances' needs every tensor to have the same first dimension; use 'inputs'.");
  const n = [...lengths][0];
  return { instances: Array.from({ length: n }, (_, i) => Object.fromEntries(Object.entries(tensors).map(([k, t]) => [k, (t as unknown[])[i]]))) };
}
