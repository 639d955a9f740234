// Scales and contour math of the comparison charts (src/ui/charts/axis-scale.ts, contour.ts).
import { describe, expect, it } from 'vitest';
import { formatStep } from '../../src/ui/charts/chart-options';
import { asNumber, canLog, makeAxisScale, niceTicks } from '../../src/ui/charts/axis-scale';
import { idwGrid, isoLines } from '../../src/ui/charts/contour';

describe('axis scales', () => {
  it('reads param strings that are numbers as numbers', () => {
    expect(asNumber('1e-3')).toBe(0.001);
    expect(asNumber(' 32 ')).toBe(32);
    expect(asNumber('adam')).toBeUndefined();
    expect(asNumber('')).toBeUndefined();
    expect(asNumber(NaN)).toBeUndefined();
  });

  it('makes 1-2-5 ticks and maps numbers linearly', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6000000000000001, 0.8, 1]);
    const s = makeAxisScale(['0', '10', 5], [0, 100]);
    expect(s.kind).toBe('numeric');
    expect(s.pos('5')).toBe(50);
    expect(s.pos(undefined)).toBeUndefined();
  });

  it('goes categorical when any value is not a number, in natural order', () => {
    const s = makeAxisScale(['sgd', 'adam', 'adam', undefined], [0, 100]);
    expect(s.kind).toBe('categorical');
    expect(s.ticks.map((t) => t.label)).toEqual(['adam', 'sgd']);
    expect(s.pos('adam')).toBe(25);
    expect(s.pos('rmsprop')).toBeUndefined();
  });

  it('has a log mode for positive values with decade ticks', () => {
    expect(canLog([0.001, '0.1'])).toBe(true);
    expect(canLog([0, 1])).toBe(false);
    const s = makeAxisScale([0.001, 0.01, 0.1], [0, 200], 5, 0, true);
    expect(s.pos(0.01)).toBeCloseTo(100, 9);
    expect(s.ticks.map((t) => t.label)).toEqual(['0.001', '0.002', '0.005', '0.01', '0.02', '0.05', '0.1']);
  });
});

describe('contour grid', () => {
  it('interpolates exactly at data points and between them', () => {
    const g = idwGrid([{ x: 0, y: 0, z: 0 }, { x: 1, y: 0, z: 10 }, { x: 0, y: 1, z: 10 }, { x: 1, y: 1, z: 20 }], 3, 3);
    expect(g.z[0]).toBe(0);
    expect(g.z[8]).toBe(20);
    expect(g.z[4]).toBeCloseTo(10, 9);
    expect(g.zDomain).toEqual([0, 20]);
  });

  it('draws an iso-line between cells that cross the level', () => {
    const g = idwGrid([{ x: 0, y: 0, z: 0 }, { x: 1, y: 0, z: 10 }, { x: 0, y: 1, z: 0 }, { x: 1, y: 1, z: 10 }], 2, 2);
    const segs = isoLines(g, 5);
    expect(segs).toEqual([[0.5, 0, 0.5, 1]]);
  });
});

describe('formatStep (step-axis labels)', () => {
  it('abbreviates thousands, millions and billions, and uses an exponent beyond', () => {
    expect([0, 950, 9999, 12_000, 250_000, 3_500_000, 2e9, 2 ** 40].map(formatStep)).toEqual(
      ['0', '950', '9,999', '12k', '250k', '3.5M', '2B', '1.1e+12']);
  });
});
