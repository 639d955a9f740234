/**
 * MLflow's logged tables (`mlflow.log_table`): JSON in pandas "split" orient, `{"columns": [...], "data": [[...]]}`.
 * Column names may be numbers (pandas' default integer labels); cells may be any JSON.
 */

/** A logged table with its column labels as strings. */
export interface JsonTable {
  columns: string[];
  rows: unknown[][];
}

/** The table form of parsed JSON, or undefined when it is not `{columns: [], data: [[]]}`. */
export function asJsonTable(value: unknown): JsonTable | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { columns, data } = value as { columns?: unknown; data?: unknown };
  if (!Array.isArray(columns) || !Array.isArray(data) || !data.every((r) => Array.isArray(r))) return undefined;
  if (!columns.every((c) => typeof c === 'string' || typeof c === 'number')) return undefined;
  return { columns: columns.map(String), rows: data as unknown[][] };
}

/** A cell as text: strings as they are, everything else as compact JSON; null and undefined as empty. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
