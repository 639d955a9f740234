/**
 * What a CSV holds, column by column, and what can be learned from it: column kinds, the MLflow column type a
 * pandas read of the same file would give (for the model signature), and the task a target column implies.
 */
import { invalidParam } from '../core/errors';
import { parseCsv, type CsvTable } from '../models/csv';

/** Largest CSV the trainer accepts, in bytes: the data lives in memory several times over while training. */
export const MAX_CSV_BYTES = 20 * 1024 * 1024;
/** A text column with more distinct values than this is an identifier or free text, not a category. */
export const MAX_CATEGORIES = 50;
/** Classification targets with more classes than this are refused (choose regression instead). */
export const MAX_CLASSES = 100;

export type TaskType = 'classification' | 'regression';

/** Cells pandas' `read_csv` reads as missing by default (a subset of its `na_values`). */
const MISSING = new Set(['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', 'None', '#N/A', 'n/a', '-NaN', '-nan']);

/** True when a cell holds no value. */
export const isMissing = (cell: string): boolean => MISSING.has(cell.trim());

/** One column as the trainer sees it. */
export interface ColumnSummary {
  name: string;
  /** numeric: every present cell is a finite number. */
  kind: 'numeric' | 'categorical';
  /**
   * The MLflow signature type of the column after `pandas.read_csv`: `long` for whole numbers without gaps,
   * `double` for other numbers (or whole numbers with a missing cell, which pandas widens to float64), `string`.
   */
  mlflowType: 'long' | 'double' | 'string';
  /** Distinct present values, counted up to MAX_CLASSES + 1. */
  distinct: number;
  missing: number;
}

/** A CSV ready for the "choose the target" step. */
export interface CsvInspection {
  name: string;
  rows: number;
  columns: ColumnSummary[];
  /** The last column, the usual place for a label. */
  suggestedTarget: string;
}

/** Throws INVALID_PARAMETER_VALUE when a file is over MAX_CSV_BYTES. */
export function checkCsvSize(bytes: number, name = 'The file'): void {
  if (bytes > MAX_CSV_BYTES) {
    const mb = (x: number) => (x / (1024 * 1024)).toFixed(1);
    throw invalidParam(`${name} is ${mb(bytes)} MB; the trainer accepts CSV files up to ${mb(MAX_CSV_BYTES)} MB.`);
  }
}

/** Parses a cell as a finite number, or NaN (missing or not a number). */
export function numberOf(cell: string): number {
  const t = cell.trim();
  if (t === '' || MISSING.has(t)) return NaN;
  const v = Number(t);
  return Number.isFinite(v) ? v : NaN;
}

/** Summarises column `c` of the table. */
export function summarizeColumn(table: CsvTable, c: number): ColumnSummary {
  let missing = 0;
  let numeric = true;
  let whole = true;
  const seen = new Set<string>();
  for (const row of table.rows) {
    const cell = row[c].trim();
    if (MISSING.has(cell)) {
      missing++;
      continue;
    }
    if (seen.size <= MAX_CLASSES) seen.add(cell);
    if (numeric) {
      const v = Number(cell);
      if (!Number.isFinite(v)) numeric = false;
      else if (!Number.isInteger(v) || /[.eE]/.test(cell)) whole = false;
    }
  }
  const present = table.rows.length - missing;
  const kind = numeric && present > 0 ? 'numeric' : 'categorical';
  const mlflowType = kind === 'categorical' ? 'string' : whole && missing === 0 ? 'long' : 'double';
  return { name: table.header[c], kind, mlflowType, distinct: seen.size, missing };
}

/** Parses and summarises a CSV, checking its size and that its header names are usable. */
export function inspectCsv(text: string, name = 'The file'): { table: CsvTable; inspection: CsvInspection } {
  checkCsvSize(text.length, name);
  const table = parseCsv(text, name);
  const dup = table.header.find((h, i) => table.header.indexOf(h) !== i);
  if (dup !== undefined) throw invalidParam(`${name} has two columns named '${dup}'; column names must be unique.`);
  const blank = table.header.findIndex((h) => h === '');
  if (blank >= 0) throw invalidParam(`${name}: column ${blank + 1} has no name in the header line.`);
  if (table.header.length < 2) {
    throw invalidParam(`${name} has a single column; it needs at least one feature column and a target column.`);
  }
  const columns = table.header.map((_, c) => summarizeColumn(table, c));
  return {
    table,
    inspection: { name, rows: table.rows.length, columns, suggestedTarget: table.header[table.header.length - 1] },
  };
}

/**
 * The task a target implies: text → classification; numbers with two distinct values (0/1, yes/no coded as
 * numbers) → classification; other numbers → regression. The form lets the user override it.
 */
export function inferTask(target: ColumnSummary): TaskType {
  if (target.kind === 'categorical') return 'classification';
  return target.distinct <= 2 ? 'classification' : 'regression';
}

/** True when a feature column can be used: numbers, or text with at most MAX_CATEGORIES distinct values. */
export const isUsableFeature = (c: ColumnSummary): boolean =>
  c.kind === 'numeric' || (c.distinct > 0 && c.distinct <= MAX_CATEGORIES);
