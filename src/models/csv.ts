/**
 * The one CSV reader and writer, for training data and batch scoring: an incremental RFC 4180 reader (quoted
 * fields with `""` escapes and embedded newlines, CRLF or LF, a UTF-8 BOM, `,` `;` or tab detected from the
 * header line — MLflow's wine-quality example file uses `;`), so a large file to score never has to be one
 * string; `parseCsv` on top of it for a whole file with a header; and the writer for prediction rows.
 * A page of ours instead of a dependency (STYLE principle 10).
 *
 * Non-features: comment lines, multi-character delimiters, type conversion (see training/dataset.ts and
 * batch-scoring.ts).
 */
import { invalidParam } from '../core/errors';

/** One parsed record and the (1-based) line it starts on. */
export interface CsvRecord { fields: string[]; line: number }

/** An incremental reader: text in, completed records out. */
export interface CsvStreamParser {
  /** Parses the next piece of text; returns the records completed by it. */
  push(text: string): CsvRecord[];
  /** Ends the input; returns the last record, if any. Throws for a quote left open. */
  end(): CsvRecord[];
  /** The delimiter in use (known after the first line). */
  readonly delimiter: string;
}

const DELIMITERS = [',', ';', '\t'];

/** The delimiter occurring most often outside quotes on the first line; ',' when none does. */
export function detectDelimiter(firstLine: string): string {
  const counts = new Map(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const c of firstLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** A reader fed with text pieces of any size. Blank lines are skipped. */
export function makeCsvParser(name = 'The CSV file'): CsvStreamParser {
  let delimiter = '';
  let pending = ''; // text held back until the first line is complete, to pick the delimiter
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let quoteEnd = false; // saw '"' inside quotes: either an escaped quote or the end of the field
  let skipLf = false;
  let line = 1;
  let recordLine = 1;

  const parse = (text: string, out: CsvRecord[]): void => {
    const endRecord = (): void => {
      fields.push(field);
      if (!(fields.length === 1 && fields[0].trim() === '')) out.push({ fields, line: recordLine });
      fields = [];
      field = '';
    };
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (skipLf) {
        skipLf = false;
        if (c === '\n') continue;
      }
      if (quoted) {
        if (quoteEnd) {
          quoteEnd = false;
          if (c === '"') {
            field += '"';
            continue;
          }
          quoted = false; // fall through: this character follows the closing quote
        } else {
          if (c === '"') quoteEnd = true;
          else {
            if (c === '\n') line++;
            field += c;
          }
          continue;
        }
      }
      if (c === '"' && field === '') quoted = true;
      else if (c === delimiter) {
        fields.push(field);
        field = '';
      } else if (c === '\n' || c === '\r') {
        skipLf = c === '\r';
        line++;
        endRecord();
        recordLine = line;
      } else field += c;
    }
  };

  return {
    get delimiter() {
      return delimiter || ',';
    },
    push(text) {
      const out: CsvRecord[] = [];
      if (!delimiter) {
        pending += text;
        if (pending.charCodeAt(0) === 0xfeff) pending = pending.slice(1);
        const nl = pending.search(/[\r\n]/);
        if (nl < 0) return out;
        delimiter = detectDelimiter(pending.slice(0, nl));
        text = pending;
        pending = '';
      }
      parse(text, out);
      return out;
    },
    end() {
      const out: CsvRecord[] = [];
      if (!delimiter) {
        delimiter = detectDelimiter(pending.replace(/^\ufeff/, ''));
        parse(pending.replace(/^\ufeff/, ''), out);
        pending = '';
      }
      if (quoted && !quoteEnd) throw invalidParam(`${name} has a quoted field that is never closed (it starts on line ${recordLine}).`);
      quoted = false;
      quoteEnd = false;
      if (field !== '' || fields.length) {
        fields.push(field);
        if (!(fields.length === 1 && fields[0].trim() === '')) out.push({ fields, line: recordLine });
        fields = [];
        field = '';
      }
      return out;
    },
  };
}

/** A parsed file: a header and rows of exactly `header.length` fields each. */
export interface CsvTable {
  header: string[];
  rows: string[][];
  delimiter: string;
}

/**
 * Parses CSV text whose first line is a header. Blank lines are skipped. Throws INVALID_PARAMETER_VALUE for
 * an empty file, a file with a header but no rows, an unclosed quote, or a row whose field count differs from
 * the header's (naming the line).
 */
export function parseCsv(text: string, name = 'The file'): CsvTable {
  const parser = makeCsvParser(name);
  const records = [...parser.push(text), ...parser.end()];
  if (records.length === 0) throw invalidParam(`${name} is empty.`);
  if (records.length === 1) throw invalidParam(`${name} has a header line but no data rows.`);
  const header = records[0].fields.map((h) => h.trim());
  const rows: string[][] = new Array(records.length - 1);
  for (let r = 1; r < records.length; r++) {
    const rec = records[r];
    if (rec.fields.length !== header.length) {
      throw invalidParam(
        `${name} has ragged rows: line ${rec.line} has ${rec.fields.length} field${rec.fields.length === 1 ? '' : 's'}, ` +
          `but the header has ${header.length}. Every row needs one value per column.`,
      );
    }
    rows[r - 1] = rec.fields;
  }
  return { header, rows, delimiter: parser.delimiter };
}

/** One CSV field: quoted when it holds the delimiter, a quote, a newline, or leading/trailing spaces. */
export function csvField(v: string, delimiter = ','): string {
  if (v.includes(delimiter) || /["\r\n]/.test(v) || v !== v.trim()) return `"${v.replace(/"/g, '""')}"`;
  return v;
}

/** One CSV line (with its '\n') of already formatted values. */
export function csvLine(values: readonly string[], delimiter = ','): string {
  return values.map((v) => csvField(v, delimiter)).join(delimiter) + '\n';
}
