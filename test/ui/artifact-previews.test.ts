// The artifact previewer on MLflow's own preview fixtures (test/fixtures/mlflow/ui-artifact-previews/manifest.json),
// plus the parsing and classification rules it relies on.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guessDelimiter, parseDelimited } from '../../src/ui/artifacts/delimited';
import { asJsonTable } from '../../src/ui/artifacts/json-table';
import { formatBytes, looksLikeText, previewKind } from '../../src/ui/artifacts/preview-kind';
import { loadPreview } from '../../src/ui/artifacts/preview-load';

const dir = new URL('../fixtures/mlflow/ui-artifact-previews/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as Record<
  string, { type: string; columns?: string[]; rows?: number; warning?: string; contains?: string }
>;

describe('MLflow preview fixtures', () => {
  for (const [file, want] of Object.entries(manifest)) {
    it(`${file} → ${want.type}${want.warning ? ' with a warning' : ''}`, async () => {
      const blob = new Blob([readFileSync(new URL(file, dir))]);
      const p = await loadPreview(blob, file, previewKind(file));
      expect(p.type).toBe(want.type);
      if (p.type === 'table') {
        expect(p.columns).toEqual(want.columns);
        expect(p.totalRows).toBe(want.rows);
      }
      if (p.type === 'text' && want.contains) expect(p.text).toContain(want.contains);
      const warning = p.type === 'text' || p.type === 'table' ? p.warning : undefined;
      if (want.warning) expect(warning).toContain(want.warning);
      else expect(warning).toBeUndefined();
    });
  }
});

describe('delimited text', () => {
  it('guesses the delimiter from the header, ignoring quoted ones', () => {
    expect(guessDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(guessDelimiter('"x;y",b,c\n')).toBe(',');
    expect(guessDelimiter('a\tb\n')).toBe('\t');
    expect(guessDelimiter('single')).toBe(',');
  });

  it('handles quotes, escaped quotes, embedded newlines, CRLF and a BOM', () => {
    const t = parseDelimited('\ufeffname,note\r\n"Smith, J","said ""hi""\nthen left"\r\nx,\r\n');
    expect(t.columns).toEqual(['name', 'note']);
    expect(t.rows).toEqual([['Smith, J', 'said "hi"\nthen left'], ['x', '']]);
    expect(t.raggedRows).toEqual([]);
  });
});

describe('classification', () => {
  it('picks previewers by extension or MLflow file name', () => {
    expect(previewKind('plots/loss.PNG')).toBe('image');
    expect(previewKind('model/MLmodel')).toBe('text');
    expect(previewKind('report.html')).toBe('html');
    expect(previewKind('eval.json')).toBe('json');
    expect(previewKind('data.tsv')).toBe('table');
    expect(previewKind('weights.bin')).toBe('none');
  });

  it('recognises logged tables only in split orient', () => {
    expect(asJsonTable({ columns: ['a'], data: [[1]] })).toEqual({ columns: ['a'], rows: [[1]] });
    expect(asJsonTable({ columns: ['a'], data: [1] })).toBeUndefined();
    expect(asJsonTable([1, 2])).toBeUndefined();
  });

  it('sniffs binary by NUL bytes and formats sizes', () => {
    expect(looksLikeText(new TextEncoder().encode('hello'))).toBe(true);
    expect(looksLikeText(new Uint8Array([1, 0, 2]))).toBe(false);
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(6_300_000)).toBe('6.3 MB');
  });

  it('shows an unknown binary file as binary and small unknown text as text', async () => {
    expect((await loadPreview(new Blob([new Uint8Array([0, 1, 2])]), 'x.bin', 'none')).type).toBe('binary');
    expect((await loadPreview(new Blob(['plain']), 'NOTES', 'none')).type).toBe('text');
  });
});
