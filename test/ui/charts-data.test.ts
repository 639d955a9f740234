// Chart data shaping (src/ui/charts): pure functions on typed arrays, tested in Node. They live under test/
// because vitest.config.ts keeps src/ui/** (DOM code) out of the Node run.
import { describe, expect, it } from 'vitest';
import { alignSeries, planSeries, prepareSeries, sortByX, xValues } from '../../src/ui/charts/chart-data';
import { gridDecimate, niceBucketWidth } from '../../src/ui/charts/decimate';
import { emaSmooth } from '../../src/ui/charts/smoothing';
import type { MetricSeries } from '../../src/tracking/api';

/** MLflow's EMA (MetricsPlotView.tsx), transcribed as the reference: Math.pow per point. */
function mlflowEma(values: number[], smoothingWeight: number): number[] {
  if (smoothingWeight <= 1 || values.length <= 1 || values.every((v) => v === values[0])) return values;
  const w = smoothingWeight / 101;
  const out: number[] = [];
  let biased = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) out.push(values[i]);
    else {
      biased = biased * w + (1 - w) * values[i];
      out.push(biased / (1 - Math.pow(w, i + 1)));
    }
  }
  return out;
}

const series = (steps: number[], values: number[], timestamps = steps.map((s) => 1_000_000 + s * 1000)): MetricSeries => ({
  key: 'loss', steps: Float64Array.from(steps), values: Float64Array.from(values),
  timestamps: Float64Array.from(timestamps), totalPoints: steps.length,
});

describe('emaSmooth', () => {
  it('matches MLflow on noisy data, NaN included, for several weights', () => {
    const values = Array.from({ length: 500 }, (_, i) => Math.sin(i / 10) + ((i * 7919) % 13) / 13);
    values[17] = NaN;
    values[300] = NaN;
    for (const s of [2, 30, 50, 99, 100]) {
      const got = emaSmooth(Float64Array.from(values), s);
      const want = mlflowEma(values, s);
      for (let i = 0; i < values.length; i++) {
        if (Number.isNaN(want[i])) expect(got[i]).toBeNaN();
        else expect(got[i]).toBeCloseTo(want[i], 10);
      }
    }
  });

  it('returns the input for smoothing ≤ 1, one point or a constant series', () => {
    const v = Float64Array.from([1, 2, 3]);
    expect(emaSmooth(v, 0)).toBe(v);
    expect(emaSmooth(v, 1)).toBe(v);
    expect(emaSmooth(Float64Array.from([4]), 80)).toEqual(Float64Array.from([4]));
    const c = Float64Array.from([2, 2, 2]);
    expect(emaSmooth(c, 80)).toBe(c);
  });

  it('is bias-corrected: the first point equals the first value', () => {
    expect(emaSmooth(Float64Array.from([10, 0, 0]), 90)[0]).toBeCloseTo(10, 12);
  });
});

describe('gridDecimate', () => {
  it('keeps the min and max of every bucket, in x order, so a single spike survives', () => {
    const n = 100_000;
    const x = Float64Array.from({ length: n }, (_, i) => i);
    const y = Float64Array.from({ length: n }, (_, i) => (i === 54_321 ? 1000 : i === 77_777 ? -500 : Math.sin(i)));
    const out = gridDecimate({ x, y }, 100);
    expect(out.x.length).toBeLessThanOrEqual(2000);
    expect(Math.max(...out.y)).toBe(1000);
    expect(Math.min(...out.y)).toBe(-500);
    for (let i = 1; i < out.x.length; i++) expect(out.x[i]).toBeGreaterThan(out.x[i - 1]);
    // Bucket 543 holds the spike: its points sit at a quarter and three quarters of the bucket.
    const at = out.y.indexOf(1000);
    expect([54_325, 54_375]).toContain(out.x[at]);
  });

  it('emits a NaN gap for an all-NaN bucket and one point for a flat bucket', () => {
    const out = gridDecimate({ x: Float64Array.from([0, 1, 10, 11, 20]), y: Float64Array.from([NaN, NaN, 5, 5, 7]) }, 10);
    expect(Array.from(out.x)).toEqual([2.5, 12.5, 22.5]);
    expect(out.y[0]).toBeNaN();
    expect(Array.from(out.y.slice(1))).toEqual([5, 7]);
  });

  it('uses shared absolute buckets, so two runs align on the same x values', () => {
    const mk = (offset: number) => {
      const x = Float64Array.from({ length: 10_000 }, (_, i) => i + offset);
      return gridDecimate({ x, y: x.map((v) => Math.cos(v)) }, 10);
    };
    const a = mk(0);
    const b = mk(3);
    const shared = new Set(a.x);
    const common = Array.from(b.x).filter((v) => shared.has(v)).length;
    expect(common / b.x.length).toBeGreaterThan(0.99);
  });

  it('chooses 1-2-5 bucket widths that stay put while the range grows a little', () => {
    expect(niceBucketWidth(10_000, 800)).toBe(20);
    expect(niceBucketWidth(10_500, 800)).toBe(20);
    expect(niceBucketWidth(30, 800, 1)).toBe(1);
    expect(niceBucketWidth(1, 800)).toBeCloseTo(0.002, 12);
  });
});

describe('prepareSeries and alignSeries', () => {
  it('draws small series exactly and decimates big ones to about two points per pixel column', () => {
    const small = prepareSeries(series([0, 1, 2], [3, 2, 1]), planSeries({ xAxis: 'step', smoothing: 0, logY: false, range: null }, [0, 2], 800, 1));
    expect(small.decimated).toBe(false);
    expect(Array.from(small.y)).toEqual([3, 2, 1]);

    const steps = Array.from({ length: 1_000_000 }, (_, i) => i);
    const big = prepareSeries(series(steps, steps.map((i) => i % 1000)), planSeries({ xAxis: 'step', smoothing: 0, logY: false, range: null }, [0, 999_999], 800, 1));
    expect(big.decimated).toBe(true);
    expect(big.pointsInRange).toBe(1_000_000);
    expect(big.x.length).toBeLessThanOrEqual(1_600);
    expect(Math.max(...big.y)).toBe(999);
  });

  it('cuts to the zoom range with one point of margin either side', () => {
    const steps = Array.from({ length: 100 }, (_, i) => i * 10);
    const plan = planSeries({ xAxis: 'step', smoothing: 0, logY: false, range: [200, 300] }, [0, 990], 800, 1);
    const out = prepareSeries(series(steps, steps), plan);
    expect(out.x[0]).toBe(190);
    expect(out.x[out.x.length - 1]).toBe(310);
  });

  it('smooths before cutting, so a zoomed smoothed line equals the same part of the full one', () => {
    const steps = Array.from({ length: 1000 }, (_, i) => i);
    const values = steps.map((i) => Math.sin(i) * 3 + i / 100);
    const opts = { xAxis: 'step' as const, smoothing: 90, logY: false };
    const full = prepareSeries(series(steps, values), planSeries({ ...opts, range: null }, [0, 999], 2000, 1));
    const zoom = prepareSeries(series(steps, values), planSeries({ ...opts, range: [500, 600] }, [0, 999], 2000, 1));
    expect(zoom.y[1]).toBeCloseTo(full.y[500], 12);
  });

  it('turns non-finite values, and values ≤ 0 on a log axis, into gaps', () => {
    const plan = planSeries({ xAxis: 'step', smoothing: 0, logY: true, range: null }, [0, 3], 800, 1);
    const out = prepareSeries(series([0, 1, 2, 3], [1, 0, Infinity, 4]), plan);
    expect(out.y[0]).toBe(1);
    expect(out.y[1]).toBeNaN();
    expect(out.y[2]).toBeNaN();
    expect(out.y[3]).toBe(4);
  });

  it('sorts by step, keeping logging order for equal steps, and computes time axes in seconds', () => {
    const s = sortByX(Float64Array.from([2, 1, 1]), Float64Array.from([20, 10, 11]));
    expect(Array.from(s.x)).toEqual([1, 1, 2]);
    expect(Array.from(s.y)).toEqual([10, 11, 20]);
    const ser = series([0, 1], [1, 2], [5000, 7000]);
    expect(Array.from(xValues(ser, 'wall'))).toEqual([5, 7]);
    expect(Array.from(xValues(ser, 'relative'))).toEqual([0, 2]);
  });

  it('aligns runs logged at different steps; NaN becomes a gap, a missing step undefined', () => {
    const data = alignSeries([
      { x: Float64Array.from([0, 2]), y: Float64Array.from([1, NaN]) },
      { x: Float64Array.from([1, 2]), y: Float64Array.from([5, 6]) },
    ]);
    expect(Array.from(data[0])).toEqual([0, 1, 2]);
    expect(data[1]).toEqual([1, undefined, null]);
    expect(data[2]).toEqual([undefined, 5, 6]);
  });
});
