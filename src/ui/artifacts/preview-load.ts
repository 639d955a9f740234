/**
 * From an artifact's bytes to what its previewer shows. Pure (Blob and TextDecoder only), so a broken file
 * becomes a message here and never an exception in a component.
 */
import { parseDelimited } from './delimited';
import { asJsonTable, cellText } from './json-table';
import { extensionOf, looksLikeText, type PreviewKind } from './preview-kind';

/** Rows a table preview renders; the rest are counted, not drawn. */
export const TABLE_ROWS_SHOWN = 1000;

/** What a previewer renders. A `warning` says what was wrong with the file and how it is shown instead. */
export type Preview =
  | { type: 'image'; blob: Blob }
  | { type: 'html'; text: string }
  | { type: 'text'; text: string; warning?: string }
  | { type: 'table'; columns: string[]; rows: string[][]; totalRows: number; raw: string; warning?: string }
  | { type: 'binary' };

/** Reads `blob` for the previewer of `kind`. Never throws for malformed content: it becomes text with a warning. */
export async function loadPreview(blob: Blob, path: string, kind: PreviewKind): Promise<Preview> {
  if (kind === 'image') return { type: 'image', blob };
  if (kind === 'none') {
    const head = new Uint8Array(await blob.slice(0, 8192).arrayBuffer());
    return looksLikeText(head) && blob.size <= 1024 * 1024 ? { type: 'text', text: await blob.text() } : { type: 'binary' };
  }
  const text = await blob.text();
  if (kind === 'html') return { type: 'html', text };
  if (kind === 'text') return { type: 'text', text };
  if (kind === 'table') return delimitedPreview(text, extensionOf(path) === 'tsv' ? '\t' : undefined);
  return jsonPreview(text);
}

function delimitedPreview(text: string, delimiter?: string): Preview {
  const t = parseDelimited(text, delimiter);
  if (t.columns.length === 0 || (t.columns.length === 1 && t.columns[0] === '')) {
    return { type: 'text', text, warning: 'This file has no header row, so it is shown as text.' };
  }
  const r = t.raggedRows;
  const warning = r.length
    ? `${r.length} row${r.length === 1 ? '' : 's'} (${r.slice(0, 5).join(', ')}${r.length > 5 ? ', …' : ''}) ha${r.length === 1 ? 's' : 've'} a different number of fields than the header's ${t.columns.length}; missing cells are left empty.`
    : undefined;
  return { type: 'table', columns: t.columns, rows: t.rows.slice(0, TABLE_ROWS_SHOWN), totalRows: t.rows.length, raw: text, warning };
}

function jsonPreview(text: string): Preview {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { type: 'text', text, warning: `This file is not valid JSON (${(e as Error).message}), so it is shown as text.` };
  }
  const table = asJsonTable(value);
  if (table) {
    const bad = table.rows.filter((r) => r.length !== table.columns.length).length;
    return {
      type: 'table',
      columns: table.columns,
      rows: table.rows.slice(0, TABLE_ROWS_SHOWN).map((r) => r.map(cellText)),
      totalRows: table.rows.length,
      raw: JSON.stringify(value, null, 2),
      warning: bad ? `${bad} row${bad === 1 ? '' : 's'} do not have one value per column.` : undefined,
    };
  }
  return { type: 'text', text: JSON.stringify(value, null, 2) };
}
