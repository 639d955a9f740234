/**
 * CSV/TSV for the table previewer: RFC 4180 quoting, CRLF or LF, and the delimiter guessed from the header line
 * (comma, semicolon, tab or pipe; MLflow's previewer lets papaparse guess the same way). Ragged rows are kept
 * and reported, not rejected: a preview should show what is there.
 */

/** A parsed delimited file: trimmed header names, rows as read (ragged ones included). */
export interface ParsedTable {
  columns: string[];
  rows: string[][];
  delimiter: string;
  /** 1-based data row numbers whose field count differs from the header's. */
  raggedRows: number[];
}

const CANDIDATES = [',', ';', '\t', '|'];

/** The candidate that occurs most often outside quotes in the first line; `,` when none does. */
export function guessDelimiter(text: string): string {
  const end = text.search(/\r?\n/);
  const line = end < 0 ? text : text.slice(0, end);
  let best = ',';
  let bestCount = 0;
  for (const d of CANDIDATES) {
    let count = 0;
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** Splits text into records of fields. A trailing newline does not make an empty record. */
export function parseRecords(text: string, delimiter: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      row.push(field);
      out.push(row);
      row = [];
      field = '';
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    out.push(row);
  }
  return out;
}

/** Parses a delimited file; the first record is the header. `delimiter` defaults to the guessed one (`\t` for .tsv callers). */
export function parseDelimited(text: string, delimiter = guessDelimiter(text)): ParsedTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // BOM
  const [columns = [], ...rows] = parseRecords(body, delimiter);
  const raggedRows: number[] = [];
  rows.forEach((r, i) => r.length !== columns.length && raggedRows.push(i + 1));
  return { columns: columns.map((c) => c.trim()), rows, delimiter, raggedRows };
}
