/**
 * From stored metric history to uPlot's aligned columns. Per series: choose x (step, wall time, relative time),
 * sort by x, smooth at full resolution, cut to the visible range, decimate on the chart's shared grid;
 * then align every series on one x column with `uPlot.join`. Plain functions on typed arrays: no DOM.
 */
import uPlot from 'uplot';
import type { MetricSeries, TrackingClient } from '../../tracking/api';
import type { RunId } from '../../core/ids';
import { gridDecimate, niceBucketWidth, type XY } from './decimate';
import { emaSmooth } from './smoothing';

/** What the x axis shows. Time axes are in seconds (uPlot's time unit); MLflow's "relative" starts at the series' first point. */
export type XAxisMode = 'step' | 'wall' | 'relative';

/** How every series of one chart is shaped; equal plans give equal output, so a plan is a cache key. */
export interface SeriesPlan {
  xAxis: XAxisMode;
  /** 0–100, MLflow's slider. */
  smoothing: number;
  logY: boolean;
  /** Visible x range (zoom), in x-axis units; null = everything. */
  range: [number, number] | null;
  /** Grid bucket width in x-axis units (see decimate.ts). */
  dx: number;
  /** A series with at most this many points in range is drawn exactly, without decimation. */
  rawLimit: number;
}

/** One run's line, ready to align: x sorted, NaN where the line breaks. */
export interface PreparedSeries extends XY {
  /** The first x inside the range before decimation (decimated x values sit on the grid); NaN when empty. */
  xFirst: number;
  /** Points inside the visible range, before decimation. */
  pointsInRange: number;
  decimated: boolean;
}

/** Above this many aligned rows (summed over raw series), every series snaps to the grid instead. */
const MAX_RAW_ROWS = 20_000;

/** Builds the plan of one chart from its settings, the data's x extent and the plot width in CSS pixels. */
export function planSeries(
  opts: { xAxis: XAxisMode; smoothing: number; logY: boolean; range: [number, number] | null },
  extent: [number, number],
  widthPx: number,
  seriesCount: number,
): SeriesPlan {
  const [lo, hi] = opts.range ?? extent;
  const buckets = Math.max(50, Math.round(widthPx));
  // Steps are integers: a bucket narrower than one step only costs rows.
  const dx = niceBucketWidth(Math.max(hi - lo, 1e-9), buckets, opts.xAxis === 'step' ? 1 : 0);
  const rawLimit = Math.max(64, Math.min(2 * buckets, Math.floor(MAX_RAW_ROWS / Math.max(1, seriesCount))));
  return { ...opts, dx, rawLimit };
}

/** x values of a series in the plan's unit (seconds for time axes). */
export function xValues(s: MetricSeries, mode: XAxisMode): Float64Array {
  if (mode === 'step') return s.steps;
  const n = s.timestamps.length;
  const out = new Float64Array(n);
  let t0 = 0;
  if (mode === 'relative' && n > 0) {
    t0 = Infinity;
    for (let i = 0; i < n; i++) if (s.timestamps[i] < t0) t0 = s.timestamps[i];
  }
  for (let i = 0; i < n; i++) out[i] = (s.timestamps[i] - t0) / 1000;
  return out;
}

/** Sorts points by x, keeping logging order among equal x (MLflow plots history in step order). */
export function sortByX(x: Float64Array, y: Float64Array): XY {
  let sorted = true;
  for (let i = 1; i < x.length; i++) if (x[i] < x[i - 1]) { sorted = false; break; }
  if (sorted) return { x, y };
  const idx = Uint32Array.from(x, (_, i) => i).sort((a, b) => x[a] - x[b] || a - b);
  return { x: Float64Array.from(idx, (i) => x[i]), y: Float64Array.from(idx, (i) => y[i]) };
}

/**
 * Shapes one run's history by `plan`. Non-finite values and, on a log axis, values ≤ 0 become NaN (gaps).
 * One point either side of the range is kept so the line runs to the plot's edge.
 */
export function prepareSeries(s: MetricSeries, plan: SeriesPlan): PreparedSeries {
  const sortedPts = sortByX(xValues(s, plan.xAxis), s.values);
  const y = emaSmooth(sortedPts.y, plan.smoothing);
  let from = 0;
  let to = sortedPts.x.length;
  if (plan.range) {
    const [lo, hi] = plan.range;
    from = Math.max(0, lowerBound(sortedPts.x, lo) - 1);
    to = Math.min(sortedPts.x.length, lowerBound(sortedPts.x, hi, true) + 1);
  }
  const x = sortedPts.x.subarray(from, to);
  const yy = y === sortedPts.y || y === s.values ? Float64Array.from(y.subarray(from, to)) : y.subarray(from, to);
  for (let i = 0; i < yy.length; i++) {
    const v = yy[i];
    if (!Number.isFinite(v) || (plan.logY && v <= 0)) yy[i] = NaN;
  }
  const pointsInRange = x.length;
  const xFirst = pointsInRange > 0 ? x[0] : NaN;
  if (pointsInRange <= plan.rawLimit) {
    return { x: Float64Array.from(x), y: Float64Array.from(yy), xFirst, pointsInRange, decimated: false };
  }
  return { ...gridDecimate({ x, y: yy }, plan.dx), xFirst, pointsInRange, decimated: true };
}

/**
 * Reads one run's history for `plan` and shapes it. A zoomed step axis reads only the zoomed steps (plus a margin)
 * at full resolution; smoothing and time axes read the whole history, since the EMA at the range's start
 * depends on every earlier point. Only the small shaped result is kept: the full-resolution arrays are
 * garbage as soon as this returns, so 100 runs × 100,000 steps stay cheap to hold.
 */
export async function loadSeries(
  client: Pick<TrackingClient, 'getMetricSeries'>, runId: RunId, key: string, plan: SeriesPlan,
): Promise<PreparedSeries> {
  let range: { minStep: number; maxStep: number } | undefined;
  if (plan.xAxis === 'step' && plan.range && !(plan.smoothing > 1)) {
    const [lo, hi] = plan.range;
    const margin = Math.max(2 * plan.dx, (hi - lo) * 0.02);
    range = { minStep: Math.floor(lo - margin), maxStep: Math.ceil(hi + margin) };
  }
  return prepareSeries(await client.getMetricSeries(runId, key, range), plan);
}

/** The x extent of aligned series (first and last x over all), or null when they hold no point. */
export function extentOf(series: readonly XY[]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    if (s.x.length === 0) continue;
    lo = Math.min(lo, s.x[0]);
    hi = Math.max(hi, s.x[s.x.length - 1]);
  }
  return lo <= hi ? [lo, hi] : null;
}

/** First index with x[i] ≥ v (or > v when `after`). */
function lowerBound(x: Float64Array, v: number, after = false): number {
  let lo = 0;
  let hi = x.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x[mid] < v || (after && x[mid] === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Aligns series on one x column (uPlot.join). NaN becomes null, which uPlot draws as a gap; x values a series
 * lacks become undefined, which uPlot bridges, so runs logged at different steps still draw as lines.
 */
export function alignSeries(series: readonly XY[]): uPlot.AlignedData {
  if (series.length === 0) return [[]];
  const tables = series.map((s) => [s.x, Array.from(s.y, (v) => (Number.isNaN(v) ? null : v))] as uPlot.AlignedData);
  return uPlot.join(tables);
}
