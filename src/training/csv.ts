/**
 * A small RFC 4180 CSV reader for training data: quoted fields (with `""` escapes and embedded newlines),
 * CRLF or LF, a UTF-8 BOM, and `,` `;` or tab delimiters detected from the header line (MLflow's wine-quality
 * example file uses `;`). Fifty lines of ours instead of a dependency (STYLE principle 10).
 *
 * Non-features: no type conversion here (see dataset.ts), no comment lines, no multi-character delimiters.
 */
import { invalidParam } from '../core/errors';

/** A parsed file: a header and rows of exactly `header.length` fields each. */
export interface CsvTable {
  header: string[];
  rows: string[][];
  delimiter: string;
}

const DELIMITERS = [',', ';', '\t'];

/** The delimiter that occurs most often outside quotes on the first line; ',' when there is none. */
export function detectDelimiter(text: string): string {
  const counts = new Map(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/**
 * Parses CSV text whose first line is a header. Blank lines are skipped. Throws INVALID_PARAMETER_VALUE for
 * an empty file, a file with a header but no rows, an unclosed quote, or a row whose field count differs from
 * the header's (naming the line).
 */
export function parseCsv(text: string, name = 'The file'): CsvTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw invalidParam(`${name} is empty.`);
  const delimiter = detectDelimiter(text);
  const records: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0].trim() === '')) records.push({ fields, line: recordLine });
    fields = [];
    field = '';
    recordLine = line;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      endRecord();
    } else field += c;
  }
  if (quoted) throw invalidParam(`${name} has a quoted field that is never closed (it starts on line ${recordLine}).`);
  endRecord();
  if (records.length === 0) throw invalidParam(`${name} is empty.`);
  const header = records[0].fields.map((h) => h.trim());
  if (records.length === 1) throw invalidParam(`${name} has a header line but no data rows.`);
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
  return { header, rows, delimiter };
}
