/** Per-session latency: a bounded window of request durations and its percentiles. */

/** Summary of the durations recorded since the model was loaded (the last {@link WINDOW} of them). */
export interface LatencyStats {
  /** Requests timed (all of them, not only those still in the window). */
  count: number;
  /** Milliseconds, fractional (µs resolution where the platform's timer allows it). */
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
  maxMs: number;
}

export const WINDOW = 10_000;

export interface LatencyRecorder {
  record(ms: number): void;
  stats(): LatencyStats;
}

/** Nearest-rank percentile of sorted values (p in [0, 100]); 0 for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** A ring buffer of the last {@link WINDOW} durations. */
export function makeLatencyRecorder(): LatencyRecorder {
  const buf = new Float64Array(WINDOW);
  let count = 0;
  return {
    record(ms) {
      buf[count % WINDOW] = ms;
      count++;
    },
    stats() {
      const n = Math.min(count, WINDOW);
      const sorted = Array.from(buf.subarray(0, n)).sort((a, b) => a - b);
      const sum = sorted.reduce((s, x) => s + x, 0);
      return {
        count, p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95),
        meanMs: n ? sum / n : 0, maxMs: n ? sorted[n - 1] : 0,
      };
    },
  };
}
