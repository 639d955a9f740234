import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/error-of';
import { csvLine, makeCsvParser, parseCsv } from './csv';

/** Feeds `text` in pieces of `size` characters and collects every record. */
function parseInPieces(text: string, size: number) {
  const p = makeCsvParser();
  const out = [];
  for (let i = 0; i < text.length; i += size) out.push(...p.push(text.slice(i, i + size)));
  out.push(...p.end());
  return { records: out.map((r) => [r.line, ...r.fields]), delimiter: p.delimiter };
}

describe('incremental CSV reader', () => {
  const text = '\ufeffa,b,c\r\n1,"x, ""y""",3\n\n4,"multi\nline",6\r\n7,,9';
  const want = [[1, 'a', 'b', 'c'], [2, '1', 'x, "y"', '3'], [4, '4', 'multi\nline', '6'], [6, '7', '', '9']];
  for (const size of [1, 2, 3, 5, 1000]) {
    it(`gives the same records whatever the piece size (${size})`, () => {
      expect(parseInPieces(text, size)).toEqual({ records: want, delimiter: ',' });
    });
  }

  it('detects ; and tab from the header line', () => {
    expect(parseInPieces('a;b\n1,5;2\n', 2)).toEqual({ records: [[1, 'a', 'b'], [2, '1,5', '2']], delimiter: ';' });
    expect(parseInPieces('a\tb\n1\t2', 100).delimiter).toBe('\t');
  });

  it('refuses a quote left open, naming its line', async () => {
    const p = makeCsvParser('data.csv');
    p.push('a,b\n1,"open\n');
    expect(await errorOf(() => p.end())).toEqual({ code: 'INVALID_PARAMETER_VALUE', message: 'data.csv has a quoted field that is never closed (it starts on line 2).' });
  });

  it('writes fields quoted only where needed', () => {
    expect(csvLine(['1', 'a,b', 'say "hi"', ' pad', 'x\ny'])).toBe('1,"a,b","say ""hi"""," pad","x\ny"\n');
  });
});

describe('parseCsv', () => {
  it('reads quotes, escaped quotes, embedded newlines, CRLF, a BOM and blank lines', () => {
    const t = parseCsv('\ufeffa,"b ""x""",c\r\n1,"two,\nlines",3\r\n\r\n4,5,6\r\n');
    expect(t.header).toEqual(['a', 'b "x"', 'c']);
    expect(t.rows).toEqual([['1', 'two,\nlines', '3'], ['4', '5', '6']]);
  });

  it("detects ';' (MLflow's wine file) and tab delimiters", () => {
    expect(parseCsv('"fixed acidity";"quality"\n7.4;5\n').rows).toEqual([['7.4', '5']]);
    expect(parseCsv('a\tb\n1\t2').delimiter).toBe('\t');
  });

  it('refuses empty, header-only, ragged and unclosed files with a plain message', async () => {
    expect(await errorOf(() => parseCsv('', 'data.csv'))).toEqual({ code: 'INVALID_PARAMETER_VALUE', message: 'data.csv is empty.' });
    expect((await errorOf(() => parseCsv(' \n\n'))).message).toBe('The file is empty.');
    expect((await errorOf(() => parseCsv('a,b\n'))).message).toBe('The file has a header line but no data rows.');
    expect((await errorOf(() => parseCsv('a,b\n1,2\n3\n4,5'))).message).toBe(
      'The file has ragged rows: line 3 has 1 field, but the header has 2. Every row needs one value per column.');
    expect((await errorOf(() => parseCsv('a,b\n1,"2\n'))).message).toContain('never closed');
  });
});
