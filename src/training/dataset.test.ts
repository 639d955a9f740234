import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/helpers';
import { checkCsvSize, inspectCsv, inferTask, MAX_CSV_BYTES } from './dataset';

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
