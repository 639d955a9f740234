import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/error-of';
import { csvLine, makeCsvParser } from './csv-stream';

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
