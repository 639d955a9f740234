/** Small pure helpers of the line chart's view state: grid sizing before any read, plan equality, keyboard zoom. */
import type { SeriesPlan, XAxisMode } from './chart-data';

/** What the grid needs of a run before reading it: when it started, and its latest point of the metric. */
export interface RunExtentInfo {
  startTime: number;
  latest?: { step: number; timestamp: number };
}

/**
 * The x extent of the runs' histories guessed from their summaries (no history read): steps from 0 to the
 * highest latest step; wall time from the earliest start to the newest latest point; relative time from 0.
 * MLflow's "latest" point is the one with the highest step, so the guess is exact for step's upper end.
 */
export function extentEstimate(runs: readonly RunExtentInfo[], mode: XAxisMode): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of runs) {
    if (!r.latest) continue;
    if (mode === 'step') {
      lo = Math.min(lo, 0, r.latest.step);
      hi = Math.max(hi, r.latest.step);
    } else if (mode === 'wall') {
      lo = Math.min(lo, r.startTime / 1000, r.latest.timestamp / 1000);
      hi = Math.max(hi, r.latest.timestamp / 1000);
    } else {
      lo = 0;
      hi = Math.max(hi, (r.latest.timestamp - r.startTime) / 1000);
    }
  }
  return lo <= hi ? [lo, Math.max(hi, lo + 1)] : [0, 1];
}

/** Plan equality by value: a new plan object with equal fields must not re-read every series. */
export function samePlan(a: SeriesPlan | null, b: SeriesPlan | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.xAxis === b.xAxis && a.smoothing === b.smoothing && a.logY === b.logY && a.dx === b.dx &&
    a.rawLimit === b.rawLimit && a.range?.[0] === b.range?.[0] && a.range?.[1] === b.range?.[1]
  );
}

/** Array equality by value, for memoised id lists. */
export function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * The x range after a key press on a focused chart: + / = zoom in on the middle half, - zooms out twice as wide,
 * arrows pan a quarter, 0 or Escape reset (null). Other keys: undefined (not handled).
 */
export function keyboardZoom(key: string, [lo, hi]: [number, number]): [number, number] | null | undefined {
  const w = hi - lo;
  switch (key) {
    case '+':
    case '=':
      return [lo + w / 4, hi - w / 4];
    case '-':
      return [lo - w / 2, hi + w / 2];
    case 'ArrowLeft':
      return [lo - w / 4, hi - w / 4];
    case 'ArrowRight':
      return [lo + w / 4, hi + w / 4];
    case '0':
    case 'Escape':
      return null;
    default:
      return undefined;
  }
}
