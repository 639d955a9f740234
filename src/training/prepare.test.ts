import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/helpers';
import { parseCsv } from '../models/csv';
import { prepareTable } from './prepare';

const dataset = (name: string) => readFileSync(new URL(`../../public/datasets/${name}`, import.meta.url), 'utf8');

describe('prepareTable', () => {
  it('encodes iris: sorted classes, seeded split, standardised on the training part', () => {
    const p = prepareTable(parseCsv(dataset('iris.csv')), { target: 'species', validationSplit: 0.2, seed: 42 });
    expect(p).toMatchObject({ task: 'classification', nTrain: 120, nVal: 30, sampleShape: [4], classes: ['setosa', 'versicolor', 'virginica'] });
    expect(p.features.map((f) => f.kind)).toEqual(['numeric', 'numeric', 'numeric', 'numeric']);
    const mean0 = Array.from({ length: p.nTrain }, (_, i) => p.xTrain[i * 4]).reduce((a, b) => a + b) / p.nTrain;
    expect(Math.abs(mean0)).toBeLessThan(1e-5);
    expect(new Set(p.yTrain)).toEqual(new Set([0, 1, 2]));
    expect(p.example).toEqual({ columns: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'], data: expect.any(Array) });
    expect(p.example.data[0]).toEqual([6.4, 2.8, 5.6, 2.2]);
    const again = prepareTable(parseCsv(dataset('iris.csv')), { target: 'species', validationSplit: 0.2, seed: 42 });
    expect(again.yVal).toEqual(p.yVal);
    const other = prepareTable(parseCsv(dataset('iris.csv')), { target: 'species', validationSplit: 0.2, seed: 43 });
    expect(other.yVal).not.toEqual(p.yVal);
  });

  it('reads the wine file as regression and digits as 8×8 images scaled by 1/16', () => {
    const w = prepareTable(parseCsv(dataset('winequality-red.csv')), { target: 'quality', validationSplit: 0.2, seed: 1 });
    expect(w).toMatchObject({ task: 'regression', classes: null, sampleShape: [11], nTrain: 1279, nVal: 320 });
    const d = prepareTable(parseCsv(dataset('digits.csv')), { target: 'digit', task: 'classification', validationSplit: 0.2, seed: 1, image: { shape: [8, 8, 1], scale: 1 / 16 } });
    expect(d).toMatchObject({ inputKind: 'image', sampleShape: [8, 8, 1], nTrain: 1438, nVal: 359 });
    expect(d.classes).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(Math.max(...d.xTrain)).toBe(1);
  });

  it('one-hot encodes categoricals, fills gaps, drops rows without a target and skips ID-like text', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `name${i},${i % 3 ? 'red' : 'blue'},${i === 5 ? '' : i},${i === 7 ? '' : i % 2 ? 'yes' : 'no'}`);
    const p = prepareTable(parseCsv(['name,colour,size,label', ...rows].join('\n')), { target: 'label', validationSplit: 0.25, seed: 3 });
    expect(p.features).toEqual([
      { name: 'colour', kind: 'categorical', categories: ['blue', 'red'] },
      { name: 'size', kind: 'numeric', mlflowType: 'double', fill: expect.any(Number) },
    ]);
    expect(p.sampleShape).toEqual([3]);
    expect(p.nTrain + p.nVal).toBe(59);
    expect(p.warnings).toEqual([
      'Dropped 1 rows with no \'label\' value.',
      "Skipped text column with too many distinct values to one-hot encode: 'name'.",
    ]);
  });

  it('explains unusable targets and features', async () => {
    const msg = async (csv: string, target: string, task?: 'classification' | 'regression') =>
      (await errorOf(() => prepareTable(parseCsv(csv), { target, task, validationSplit: 0.2, seed: 1 }))).message;
    expect(await msg('x,y\n1,a\n2,a\n3,a', 'y')).toBe("The target column 'y' has only one class ('a'); classification needs at least two.");
    expect(await msg('x,y\n1,a\n2,b\n3,a', 'y', 'regression')).toContain("holds text (e.g. 'a'); regression needs numbers");
    expect(await msg('x,y\n1,5\n2,5\n3,5', 'y', 'regression')).toContain('has the same value (5) in every row');
    const names = Array.from({ length: 80 }, (_, i) => `n${i},${i % 2}`).join('\n');
    expect(await msg(`name,y\n${names}`, 'y')).toMatch(/^The file has no numeric features/);
    expect(await msg('x,y\n1,2', 'z')).toBe("There is no column 'z' in the file; its columns are 'x', 'y'.");
  });
});
