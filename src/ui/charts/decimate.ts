/**
 * Display decimation on an absolute x grid: every series of a chart keeps, per grid bucket (about one pixel
 * column wide), its lowest and highest value, so peaks survive at any zoom while a line never has more than
 * two points per bucket. Buckets are multiples of `dx` from x = 0, shared by every series, so aligning many
 * runs (uPlot.join) yields at most two rows per bucket however many runs there are.
 */

/** Columnar points sorted by x. `y` may hold NaN (a gap). */
export interface XY {
  x: Float64Array;
  y: Float64Array;
}

/**
 * The smallest 1, 2 or 5 × 10^k that is ≥ `span / buckets`. Rounding up to such a "nice" width keeps the grid
 * unchanged while a live run's range grows a little, so earlier buckets stay valid.
 */
export function niceBucketWidth(span: number, buckets: number, min = 0): number {
  const raw = Math.max(span / Math.max(1, buckets), min, Number.MIN_VALUE);
  const mag = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * mag >= raw * (1 - 1e-12)) return Math.max(m * mag, min);
  return 10 * mag;
}

/**
 * Min/max per bucket of width `dx`. Within a bucket the two points keep their x order and sit at a quarter and
 * three quarters of the bucket (a bucket with one distinct value emits one point at the quarter), so x values
 * come from a small shared set. A bucket holding only NaN emits one NaN: the line shows the gap.
 * `x` must be sorted ascending. O(n), one pass.
 */
export function gridDecimate(pts: XY, dx: number): XY {
  const { x, y } = pts;
  const n = x.length;
  const ox: number[] = []; // a few thousand at most: one or two per bucket
  const oy: number[] = [];
  let i = 0;
  while (i < n) {
    const b = Math.floor(x[i] / dx);
    const end = (b + 1) * dx;
    let lo = -1;
    let hi = -1;
    let loV = Infinity;
    let hiV = -Infinity;
    // The first point always belongs here, even if float rounding put it just past `end`.
    for (const start = i; i < n && (i === start || x[i] < end); i++) {
      const v = y[i];
      if (v < loV) { loV = v; lo = i; } // NaN compares false: skipped
      if (v > hiV) { hiV = v; hi = i; }
    }
    const left = (b + 0.25) * dx;
    if (lo < 0) {
      ox.push(left);
      oy.push(NaN);
    } else if (loV === hiV) {
      ox.push(left);
      oy.push(loV);
    } else {
      const firstIsLow = lo < hi;
      ox.push(left, (b + 0.75) * dx);
      oy.push(firstIsLow ? loV : hiV, firstIsLow ? hiV : loV);
    }
  }
  return { x: Float64Array.from(ox), y: Float64Array.from(oy) };
}
