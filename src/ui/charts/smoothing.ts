/**
 * Line smoothing with MLflow's bias-corrected exponential moving average
 * (mlflow/server/js/src/experiment-tracking/components/MetricsPlotView.tsx `EMA`, MAX_LINE_SMOOTHNESS = 100).
 */

/** The smoothing slider's range, as in MLflow: 0 (off) to 100. */
export const MAX_SMOOTHING = 100;

/**
 * Smooths `values` (in x order) with weight `smoothing / (MAX_SMOOTHING + 1)`.
 *
 * MLflow parity, quirks included: a smoothing of at most 1, fewer than two points or a constant series return
 * the input unchanged; a NaN passes through and does not update the average; the bias correction
 * `1 - w^(i+1)` counts every index, NaN ones too. Runs on full-resolution data, before decimation, so the
 * smoothed line does not depend on zoom or chart width.
 */
export function emaSmooth(values: Float64Array, smoothing: number): Float64Array {
  const n = values.length;
  if (!(smoothing > 1) || n <= 1 || isConstant(values)) return values;
  const w = Math.min(smoothing, MAX_SMOOTHING) / (MAX_SMOOTHING + 1);
  const out = new Float64Array(n);
  let biased = 0;
  let wPow = 1; // w^(i+1), kept incrementally: Math.pow per point is the slow part on 1M points
  for (let i = 0; i < n; i++) {
    wPow *= w;
    const v = values[i];
    if (Number.isNaN(v)) {
      out[i] = v;
      continue;
    }
    biased = biased * w + (1 - w) * v;
    out[i] = biased / (1 - wPow);
  }
  return out;
}

function isConstant(values: Float64Array): boolean {
  const first = values[0];
  for (let i = 1; i < values.length; i++) if (values[i] !== first) return false;
  return true;
}
