/**
 * Per-(run, key) metric summaries. "Latest" follows MLflow: the max by (step, timestamp, value)
 * (FileStore `_get_metric_from_file`, SqlAlchemyStore `_update_latest_metric_if_necessary`), with ties keeping
 * the earlier point and a NaN value never winning a tie, as Python's tuple comparison does.
 */
import type { MetricSummary } from './entities';

/** True when point a is strictly later than point b by MLflow's (step, timestamp, value) order. */
export function isLater(aStep: number, aTs: number, aValue: number, bStep: number, bTs: number, bValue: number): boolean {
  if (aStep !== bStep) return aStep > bStep;
  if (aTs !== bTs) return aTs > bTs;
  return aValue > bValue;
}

export function summaryOf(value: number, timestamp: number, step: number): MetricSummary {
  const finite = !Number.isNaN(value);
  return { value, timestamp, step, min: finite ? value : NaN, max: finite ? value : NaN, count: 1 };
}

/** Folds one point into a summary, in place. */
export function addPoint(s: MetricSummary, value: number, timestamp: number, step: number): void {
  if (isLater(step, timestamp, value, s.step, s.timestamp, s.value)) {
    s.value = value;
    s.timestamp = timestamp;
    s.step = step;
  }
  if (!Number.isNaN(value)) {
    if (!(value >= s.min)) s.min = value; // also replaces a NaN min
    if (!(value <= s.max)) s.max = value;
  }
  s.count++;
}

/** Combines the summary of stored points with that of points logged after them. */
export function mergeSummaries(older: MetricSummary | undefined, newer: MetricSummary | undefined): MetricSummary | undefined {
  if (!older) return newer && { ...newer };
  if (!newer) return { ...older };
  const later = isLater(newer.step, newer.timestamp, newer.value, older.step, older.timestamp, older.value);
  const pick = later ? newer : older;
  return {
    value: pick.value,
    timestamp: pick.timestamp,
    step: pick.step,
    min: minIgnoringNaN(older.min, newer.min),
    max: maxIgnoringNaN(older.max, newer.max),
    count: older.count + newer.count,
  };
}

const minIgnoringNaN = (a: number, b: number) => (Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.min(a, b));
const maxIgnoringNaN = (a: number, b: number) => (Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.max(a, b));
