import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/helpers';
import { getDemoTask } from './demos';
import { expandSweep, parseSweepValues } from './sweep';

const base = getDemoTask('iris').defaults;

describe('sweeps', () => {
  it('parses lists, ranges and hidden-unit lists', () => {
    expect(parseSweepValues('learning_rate', '0.001, 0.01')).toEqual({ key: 'learning_rate', values: [0.001, 0.01] });
    expect(parseSweepValues('learning_rate', '0.0001..0.1')).toEqual({ key: 'learning_rate', min: 0.0001, max: 0.1 });
    expect(parseSweepValues('hidden_units', '16 | 32,16')).toEqual({ key: 'hidden_units', values: [[16], [32, 16]] });
    expect(parseSweepValues('optimizer', 'adam, sgd')).toEqual({ key: 'optimizer', values: ['adam', 'sgd'] });
  });

  it('expands a grid to every combination, in order', () => {
    const trials = expandSweep(base, { mode: 'grid', dims: [parseSweepValues('learning_rate', '0.01, 0.1'), parseSweepValues('batch_size', '8, 32')] });
    expect(trials.map((t) => t.varied)).toEqual([
      { learning_rate: '0.01', batch_size: '8' }, { learning_rate: '0.01', batch_size: '32' },
      { learning_rate: '0.1', batch_size: '8' }, { learning_rate: '0.1', batch_size: '32' },
    ]);
    expect(trials.every((t) => t.params.seed === base.seed && t.params.epochs === base.epochs)).toBe(true);
  });

  it('draws random trials from ranges (log-uniform learning rate), reproducibly', () => {
    const spec = { mode: 'random' as const, trials: 5, dims: [parseSweepValues('learning_rate', '0.0001..0.1'), parseSweepValues('dropout', '0..0.5')] };
    const a = expandSweep(base, spec);
    expect(a).toHaveLength(5);
    expect(expandSweep(base, spec)).toEqual(a);
    for (const t of a) {
      expect(t.params.learning_rate).toBeGreaterThanOrEqual(0.0001);
      expect(t.params.learning_rate).toBeLessThanOrEqual(0.1);
    }
    expect(expandSweep({ ...base, seed: 1 }, spec)).not.toEqual(a);
  });

  it('refuses empty, oversized, duplicated, ranged-grid and invalid sweeps', async () => {
    const msg = async (f: () => unknown) => (await errorOf(f)).message;
    expect(await msg(() => expandSweep(base, { mode: 'grid', dims: [] }))).toBe('Choose at least one parameter to sweep.');
    expect(await msg(() => expandSweep(base, { mode: 'grid', dims: [{ key: 'learning_rate', min: 0.1, max: 1 }] }))).toContain('needs a list of values');
    const many = Array.from({ length: 9 }, (_, i) => i + 1);
    expect(await msg(() => expandSweep(base, { mode: 'grid', dims: [{ key: 'epochs', values: many }, { key: 'batch_size', values: many }] })))
      .toBe('This grid has 81 combinations; the limit is 64. Remove some values.');
    expect(await msg(() => parseSweepValues('optimizer', 'adam, lbfgs'))).toContain("'lbfgs' is not a valid optimizer");
    expect(await msg(() => expandSweep(base, { mode: 'grid', dims: [{ key: 'dropout', values: [0.95] }] }))).toContain('dropout must be');
  });
});
