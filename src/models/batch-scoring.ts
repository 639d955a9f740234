/**
 * Batch scoring of a CSV file: read it a piece at a time, convert cells the way the signature asks (or as pandas'
 * `read_csv` would guess), score each chunk of rows through the same schema enforcement as a request, and write
 * one output row per input row: the input's fields as they were, then one column per prediction value.
 *
 * Output columns: an output of shape [N] or [N, 1] is one column named after it; [N, k] becomes `name[0]` …
 * `name[k-1]` (deeper shapes are flattened row-major), and a ZipMap's maps `name[<class>]`. Floats are written in their shortest round-trip form
 * (float32 as float32, like numpy), booleans as `True`/`False` and NaN as an empty field, as pandas' `to_csv`.
 */
import { MlflowError, invalidParam } from '../core/errors';
import type { Flavor, LoadedModel } from './flavor';
import { csvLine, makeCsvParser, type CsvRecord } from './csv';
import type { Frame, PyfuncInput } from './scoring';
import { prepareFeeds } from './scoring-feeds';
import type { ModelSignature, Schema } from './signature';
import { sizeOf, type ModelIO, type Tensor, type TensorMap } from './tensor';

/** How a batch job runs. */
export interface BatchOptions {
  /** Rows scored per model call; default 2048. */
  rowsPerChunk?: number;
  /** Copy the input's fields in front of the predictions; default true. */
  includeInputs?: boolean;
  /** Checked between chunks; true stops the job with INVALID_STATE. */
  isCancelled?: () => boolean;
  /** Output rows kept for a preview; default 20. */
  previewRows?: number;
}

/** Where a job is: rows scored so far and the estimated share of the file done (0–1). */
export interface BatchProgress { rows: number; fraction: number }

/** A finished batch job. */
export interface BatchResult {
  /** The predictions CSV (`text/csv`). */
  csv: Blob;
  rows: number;
  /** The output header. */
  columns: string[];
  /** The first output rows, as written. */
  preview: string[][];
  /** Wall time of the job, ms. */
  ms: number;
}

type Convert = (cell: string, line: number) => unknown;

const NUM = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INF = /^([+-]?)inf(inity)?$/i;

function toNumber(t: string): number | undefined {
  if (NUM.test(t)) return Number(t);
  const inf = INF.exec(t);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  if (/^nan$/i.test(t)) return NaN;
  return undefined;
}

/** pandas-like guess for a cell without a declared type: number, bool, missing, else the text. */
const guess: Convert = (cell) => {
  const t = cell.trim();
  if (t === '') return null;
  const n = toNumber(t);
  if (n !== undefined) return n;
  if (/^true$/i.test(t)) return true;
  if (/^false$/i.test(t)) return false;
  return cell;
};

function typed(column: string, type: string): Convert {
  const fail = (cell: string, line: number, want: string): never => {
    throw invalidParam(`Line ${line}, column '${column}': '${cell}' is not ${want} (the signature says ${type}).`);
  };
  switch (type) {
    case 'double': case 'float': case 'integer': case 'long': {
      const int = type === 'integer' || type === 'long';
      return (cell, line) => {
        const t = cell.trim();
        if (t === '') return null;
        const n = toNumber(t);
        if (n === undefined) return fail(cell, line, 'a number');
        if (int && !Number.isInteger(n)) return fail(cell, line, 'a whole number');
        return n;
      };
    }
    case 'boolean':
      return (cell, line) => {
        const t = cell.trim();
        if (t === '') return null;
        if (/^(true|1)$/i.test(t)) return true;
        if (/^(false|0)$/i.test(t)) return false;
        return fail(cell, line, 'true or false');
      };
    case 'string': case 'binary': case 'datetime':
      return (cell) => (cell === '' ? null : cell);
    default: // compound column types arrive as JSON text
      return (cell, line) => {
        if (cell.trim() === '') return null;
        try {
          return JSON.parse(cell);
        } catch {
          return fail(cell, line, 'JSON');
        }
      };
  }
}

/** One converter per CSV column, from the signature's column specs when it has them. */
function converters(header: string[], schema: Schema | null): Convert[] {
  if (schema?.kind !== 'column') return header.map(() => guess);
  const named = schema.inputs[0].name !== undefined;
  return header.map((h, i) => {
    const spec = named ? schema.inputs.find((s) => s.name === h) : schema.inputs[i];
    if (!spec) return (cell: string) => cell; // not an input: the schema step drops it
    return typed(h, typeof spec.type === 'string' ? spec.type : spec.type.type);
  });
}

/**
 * A model with one 2-D tensor input, fed from a CSV whose header does not name that input: the CSV's columns are the
 * tensor's last axis in order (what the serving page's hint promises), so the rows go in as one array — MLflow's
 * single-input numpy form — instead of a DataFrame, whose column names a named tensor schema would require.
 */
function matrixInput(frame: Frame, inputs: readonly ModelIO[], schema: Schema | null): PyfuncInput | null {
  const shape = schema?.kind === 'tensor' ? (schema.inputs.length === 1 ? schema.inputs[0].shape : null) : inputs.length === 1 ? inputs[0].shape : null;
  const name = schema?.kind === 'tensor' ? schema.inputs[0]?.name : inputs[0]?.name;
  if (schema?.kind === 'column' || !shape || shape.length !== 2 || (name !== undefined && frame.columns.includes(name))) return null;
  return { kind: 'array', value: Array.from({ length: frame.rows }, (_, r) => frame.values.map((col) => col[r])) };
}

function frameOf(header: string[], records: CsvRecord[], conv: Convert[]): Frame {
  const values = header.map(() => new Array<unknown>(records.length));
  records.forEach((r, i) => {
    if (r.fields.length !== header.length) {
      throw invalidParam(`Line ${r.line} has ${r.fields.length} field${r.fields.length === 1 ? '' : 's'}, but the header has ${header.length}. Every row needs one value per column.`);
    }
    for (let c = 0; c < header.length; c++) values[c][i] = conv[c](r.fields[c], r.line);
  });
  return { columns: header, values, rows: records.length };
}

/** Shortest text that reads back as the same float32 (numpy's repr of a float32). */
export function formatFloat32(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? '' : x > 0 ? 'inf' : '-inf';
  for (let p = 1; p < 9; p++) {
    const s = x.toPrecision(p);
    if (Math.fround(Number(s)) === x) return String(Number(s));
  }
  return String(Number(x.toPrecision(9)));
}

function formatter(t: Tensor): (i: number) => string {
  const d = t.data as ArrayLike<unknown>;
  switch (t.dtype) {
    case 'float32': return (i) => formatFloat32(d[i] as number);
    case 'float64': case 'float16': return (i) => (Number.isNaN(d[i]) ? '' : String(d[i]));
    case 'bool': return (i) => (d[i] ? 'True' : 'False');
    default: return (i) => String(d[i]);
  }
}

/** Output columns: name → values per row, checked to hold one block of values per input row. */
function outputColumns(outputs: TensorMap, rows: number): { name: string; width: number; keys?: string[] }[] {
  return Object.entries(outputs).map(([name, t]) => {
    const size = sizeOf(t.shape);
    if (rows === 0 || size % rows !== 0 || (t.shape.length > 0 && t.shape[0] !== rows)) {
      throw invalidParam(`Output '${name}' has shape [${t.shape.join(', ')}], which is not one row of values per input row (${rows} rows); batch scoring needs outputs whose first dimension is the batch.`);
    }
    return { name, width: size / rows, keys: t.mapKeys };
  });
}

/** `name`, or `name[j]` for each of an output's values per row (`name[key]` for a ZipMap's maps). */
const headerFor = (cols: { name: string; width: number; keys?: string[] }[]): string[] =>
  cols.flatMap((c) => (c.keys ? c.keys.map((k) => `${c.name}[${k}]`) : c.width === 1 ? [c.name] : Array.from({ length: c.width }, (_, j) => `${c.name}[${j}]`)));

/**
 * Scores every row of a CSV file with a loaded model. Errors name the line and column (conversion), or the
 * lines of the chunk that failed (schema and model errors). `onProgress` is called after each chunk.
 */
export async function scoreCsv(
  flavor: Pick<Flavor, 'predict'>, model: LoadedModel, signature: ModelSignature | null, file: Blob,
  opts: BatchOptions = {}, onProgress?: (p: BatchProgress) => void,
): Promise<BatchResult> {
  const t0 = performance.now();
  const chunkRows = Math.max(1, opts.rowsPerChunk ?? 2048);
  const keepPreview = opts.previewRows ?? 20;
  const includeInputs = opts.includeInputs ?? true;
  const parser = makeCsvParser('The CSV file');
  const parts: string[] = [];
  const preview: string[][] = [];
  let header: string[] | null = null;
  let columns: string[] = [];
  let conv: Convert[] = [];
  let pending: CsvRecord[] = [];
  let rows = 0;
  let bytes = 0;

  const scoreChunk = async (records: CsvRecord[]): Promise<void> => {
    if (opts.isCancelled?.()) throw new MlflowError('INVALID_STATE', 'Batch scoring was cancelled.');
    const frame = frameOf(header!, records, conv);
    let outputs: TensorMap;
    try {
      const { feeds } = prepareFeeds(matrixInput(frame, model.inputs, signature?.inputs ?? null) ?? { kind: 'frame', frame }, model.inputs, signature?.inputs ?? null);
      outputs = await flavor.predict(model, feeds);
    } catch (e) {
      const err = e as { code?: string; message?: string };
      const where = `Rows on lines ${records[0].line}–${records[records.length - 1].line}: `;
      throw err.code === 'INVALID_PARAMETER_VALUE' || err.code === 'BAD_REQUEST' ? new MlflowError(err.code, where + err.message) : e;
    }
    const outCols = outputColumns(outputs, records.length);
    if (rows === 0) {
      columns = [...(includeInputs ? header! : []), ...headerFor(outCols)];
      parts.push(csvLine(columns, parser.delimiter));
    }
    const fmts = outCols.map((c) => ({ ...c, fmt: formatter(outputs[c.name]) }));
    records.forEach((r, i) => {
      const line = includeInputs ? [...r.fields] : [];
      for (const c of fmts) for (let j = 0; j < c.width; j++) line.push(c.fmt(i * c.width + j));
      parts.push(csvLine(line, parser.delimiter));
      if (preview.length < keepPreview) preview.push(line);
    });
    rows += records.length;
    // Bytes read are ahead of rows scored by the rows still pending; assume rows of even length.
    const fraction = file.size ? (bytes / file.size) * (rows / (rows + pending.length)) : 1;
    onProgress?.({ rows, fraction: Math.min(1, fraction) });
  };

  const take = async (records: CsvRecord[]): Promise<void> => {
    for (const r of records) {
      if (!header) {
        header = r.fields.map((h) => h.trim());
        conv = converters(header, signature?.inputs ?? null);
      } else pending.push(r);
    }
    while (pending.length >= chunkRows) {
      const chunk = pending.slice(0, chunkRows);
      pending = pending.slice(chunkRows);
      await scoreChunk(chunk);
    }
  };

  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    await take(parser.push(decoder.decode(value, { stream: true })));
  }
  await take([...parser.push(decoder.decode()), ...parser.end()]);
  if (!header) throw invalidParam('The CSV file is empty.');
  if (pending.length) {
    const last = pending;
    pending = [];
    await scoreChunk(last);
  }
  if (rows === 0) throw invalidParam('The CSV file has a header line but no data rows.');
  return { csv: new Blob(parts, { type: 'text/csv' }), rows, columns, preview, ms: performance.now() - t0 };
}
