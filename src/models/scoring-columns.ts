/**
 * Column-based schema enforcement (mlflow/models/utils.py `_enforce_named_col_schema`,
 * `_enforce_unnamed_col_schema`, `_enforce_mlflow_datatype`), after the request's columns were cast to the
 * schema's types as `dataframe_from_parsed_json(..., schema)` does. Keeps the schema's columns in its order.
 */
import { invalidParam } from '../core/errors';
import { colTypeName, type DataTypeName } from './col-types';
import type { Frame } from './scoring';
import type { ColSpec } from './signature';

/** numpy dtype of each MLflow DataType (DataType.to_numpy); datetime and binary stay text here. */
const NUMPY_OF: Record<DataTypeName, string> = {
  boolean: 'bool', integer: 'int32', long: 'int64', float: 'float32', double: 'float64',
  string: 'str', binary: 'bytes', datetime: 'str',
};

/** Python's repr of a list of names: `['a', 'b']`. */
export const quotedList = (xs: readonly unknown[]): string => `[${xs.map((x) => `'${x}'`).join(', ')}]`;

/** MLflow's `_enforce_schema` check for named schemas: every required name present, else name the missing ones. */
export function missingInputs(required: readonly string[], given: readonly (string | number)[]): void {
  const missing = required.filter((n) => !given.includes(n));
  if (!missing.length) return;
  const extra = given.filter((g) => !required.includes(String(g)));
  throw invalidParam(`Model is missing inputs ${quotedList(missing)}.${extra.length ? ` Note that there were extra inputs: ${quotedList(extra)}.` : ''}`);
}

const INT32: [number, number] = [-(2 ** 31), 2 ** 31 - 1];

function convertValue(x: unknown, t: DataTypeName, col: string, row: number): unknown {
  const fail = (): never => {
    throw invalidParam(`Incompatible input types for column ${col}. Can not safely convert ${JSON.stringify(x)} (row ${row}) to ${t} (${NUMPY_OF[t]}).`);
  };
  if (x === null || x === undefined) {
    if (t === 'float' || t === 'double') return NaN;
    if (t === 'integer' || t === 'long') {
      throw invalidParam(`Incompatible input types for column ${col}. Row ${row} is missing, and integer columns cannot hold missing values. Hint: declare the column as double if it may have missing values.`);
    }
    return null;
  }
  switch (t) {
    case 'boolean': return typeof x === 'boolean' ? x : fail();
    case 'integer': return Number.isInteger(x) && (x as number) >= INT32[0] && (x as number) <= INT32[1] ? x : fail();
    case 'long': return Number.isInteger(x) ? x : fail();
    case 'float': case 'double': return typeof x === 'number' ? x : typeof x === 'boolean' ? Number(x) : fail();
    case 'datetime': return typeof x === 'string' && !Number.isNaN(Date.parse(x)) ? x : fail();
    default: return typeof x === 'string' ? x : fail();
  }
}

/**
 * Enforces column specs on a frame. Named specs: required columns must be present (MLflow's message), optional
 * ones may be missing (MLflow's "Model is missing inputs" otherwise), extra columns are dropped. Unnamed specs take the first columns by position.
 * Returns the enforced frame and each column's numpy dtype (`object` for compound types, checked loosely).
 */
export function enforceColumns(frame: Frame, specs: ColSpec[]): { frame: Frame; dtypes: string[] } {
  const named = specs[0].name !== undefined;
  if (!named && frame.columns.length < specs.length) {
    throw invalidParam(`Model inference is missing inputs: the unnamed column signature has ${specs.length} columns but the input has ${frame.columns.length}.`);
  }
  if (named) missingInputs(specs.filter((s) => s.required).map((s) => s.name!), frame.columns);
  const columns: (string | number)[] = [];
  const values: unknown[][] = [];
  const dtypes: string[] = [];
  specs.forEach((s, i) => {
    const idx = named ? frame.columns.indexOf(s.name!) : i;
    const label = String(named ? s.name : frame.columns[i]);
    if (idx < 0) return; // optional (required ones were checked above)
    const col = frame.values[idx];
    if (typeof s.type === 'string') {
      const t = s.type;
      values.push(col.map((x, r) => convertValue(x, t, label, r)));
      dtypes.push(NUMPY_OF[t]);
    } else {
      if (s.type.type === 'array' && col.some((x) => x !== null && !Array.isArray(x))) {
        throw invalidParam(`Failed to enforce schema of data in column ${label} with schema '${colTypeName(s.type)}': expected a list in every row.`);
      }
      values.push(col);
      dtypes.push('object');
    }
    columns.push(frame.columns[idx]);
  });
  return { frame: { columns, values, rows: frame.rows }, dtypes };
}
