import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/helpers';
import { parseCsv } from './csv';
import { checkCsvSize, inspectCsv, inferTask, MAX_CSV_BYTES } from './dataset';

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

describe('inspectCsv', () => {
  it('types columns as pandas would and suggests the last column as target', () => {
    const { inspection } = inspectCsv('id,x,colour,y\n1,0.5,red,3\n2,,blue,4\n3,1e3,red,5\n');
    expect(inspection.rows).toBe(3);
    expect(inspection.suggestedTarget).toBe('y');
    expect(inspection.columns.map((c) => [c.name, c.kind, c.mlflowType, c.distinct, c.missing])).toEqual([
      ['id', 'numeric', 'long', 3, 0],
      ['x', 'numeric', 'double', 2, 1],
      ['colour', 'categorical', 'string', 2, 0],
      ['y', 'numeric', 'long', 3, 0],
    ]);
    expect(inferTask(inspection.columns[2])).toBe('classification');
    expect(inferTask(inspection.columns[3])).toBe('regression');
  });

  it('refuses oversized files, duplicate or blank column names, and single-column files', async () => {
    expect((await errorOf(() => checkCsvSize(MAX_CSV_BYTES + 1, 'big.csv'))).message).toBe(
      'big.csv is 20.0 MB; the trainer accepts CSV files up to 20.0 MB.');
    expect((await errorOf(() => inspectCsv('a,a\n1,2'))).message).toContain("two columns named 'a'");
    expect((await errorOf(() => inspectCsv('a,\n1,2'))).message).toContain('column 2 has no name');
    expect((await errorOf(() => inspectCsv('a\n1'))).message).toContain('single column');
  });
});
