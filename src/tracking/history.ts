/** Metric history reads: whole series for the API, ranged and decimated columns for charts. */
import { invalidParam } from '../core/errors';
import { seriesChunks, unpackColumn, type MetricChunkRow } from '../storage';
import type { HistoryRange, MetricSeries } from './api';
import type { TrackingContext } from './context';
import type { Metric } from './entities';
import { whenSettled } from './metric-writer';
import { getRunRow } from './runs';

interface Columns {
  steps: Float64Array;
  timestamps: Float64Array;
  values: Float64Array;
}

type ColumnChunk = Pick<MetricChunkRow, 'n' | 'steps' | 'timestamps' | 'values'>;

/** Stored chunks (optionally only those overlapping the step range) plus this client's buffered points, in order. */
async function readChunks(ctx: TrackingContext, runId: string, key: string, minStep = -Infinity, maxStep = Infinity): Promise<ColumnChunk[]> {
  const busy = whenSettled(ctx.writer);
  if (busy) await busy;
  await getRunRow(ctx, runId); // MLflow answers RESOURCE_DOES_NOT_EXIST for an unknown run
  const all = await seriesChunks(ctx.db, runId, key).toArray();
  const chunks: ColumnChunk[] =
    minStep === -Infinity && maxStep === Infinity ? all : all.filter((c) => c.maxStep >= minStep && c.minStep <= maxStep);
  const pending = ctx.writer.pendingSummaries(runId)?.get(key);
  if (pending) {
    chunks.push({
      n: pending.steps.length,
      steps: Float64Array.from(pending.steps),
      timestamps: Float64Array.from(pending.timestamps),
      values: Float64Array.from(pending.values),
    });
  }
  return chunks;
}

/** The chunks' points decoded into one set of columns. */
function concatColumns(chunks: readonly ColumnChunk[]): Columns {
  const n = chunks.reduce((s, c) => s + c.n, 0);
  const out: Columns = { steps: new Float64Array(n), timestamps: new Float64Array(n), values: new Float64Array(n) };
  let at = 0;
  for (const c of chunks) {
    unpackColumn(c.steps, c.n, out.steps, at);
    unpackColumn(c.timestamps, c.n, out.timestamps, at);
    unpackColumn(c.values, c.n, out.values, at);
    at += c.n;
  }
  return out;
}

async function readColumns(ctx: TrackingContext, runId: string, key: string, minStep = -Infinity, maxStep = Infinity): Promise<Columns> {
  return concatColumns(await readChunks(ctx, runId, key, minStep, maxStep));
}

/** Every point of one metric in logging order (MLflow's get_metric_history). Unknown key: []. */
export async function getMetricHistory(ctx: TrackingContext, runId: string, key: string): Promise<Metric[]> {
  const chunks = await readChunks(ctx, runId, key);
  const out: Metric[] = new Array(chunks.reduce((s, c) => s + c.n, 0));
  // Each chunk is decoded into the same scratch columns, so a long history allocates only its Metric objects.
  const width = chunks.reduce((w, c) => Math.max(w, c.n), 0);
  const steps = new Float64Array(width);
  const timestamps = new Float64Array(width);
  let at = 0;
  for (const c of chunks) {
    unpackColumn(c.steps, c.n, steps);
    unpackColumn(c.timestamps, c.n, timestamps);
    const values = c.values;
    for (let i = 0; i < c.n; i++) out[at++] = { key, value: values[i], timestamp: timestamps[i], step: steps[i] };
  }
  return out;
}

/**
 * Columnar history for charts. Points outside [minStep, maxStep] are dropped; if more than `maxPoints` remain,
 * they are cut into maxPoints/2 equal runs and each run keeps its min and max value (in order), so peaks survive.
 */
export async function getMetricSeries(ctx: TrackingContext, runId: string, key: string, range: HistoryRange = {}): Promise<MetricSeries> {
  const { minStep = -Infinity, maxStep = Infinity, maxPoints } = range;
  if (maxPoints !== undefined && !(Number.isInteger(maxPoints) && maxPoints >= 2)) {
    throw invalidParam(`maxPoints must be an integer of at least 2, got ${maxPoints}`);
  }
  let cols = await readColumns(ctx, runId, key, minStep, maxStep);
  if (minStep !== -Infinity || maxStep !== Infinity) cols = filterSteps(cols, minStep, maxStep);
  const totalPoints = cols.steps.length;
  if (maxPoints !== undefined && totalPoints > maxPoints) cols = minMaxDecimate(cols, Math.floor(maxPoints / 2));
  return { key, ...cols, totalPoints };
}

function filterSteps(c: Columns, lo: number, hi: number): Columns {
  const keep: number[] = [];
  for (let i = 0; i < c.steps.length; i++) if (c.steps[i] >= lo && c.steps[i] <= hi) keep.push(i);
  if (keep.length === c.steps.length) return c;
  const pick = (a: Float64Array) => Float64Array.from(keep, (i) => a[i]);
  return { steps: pick(c.steps), timestamps: pick(c.timestamps), values: pick(c.values) };
}

/** Keeps the min and max value of each of `buckets` equal index runs, in index order. NaN values are kept only when a run is all NaN. */
export function minMaxDecimate(c: Columns, buckets: number): Columns {
  const n = c.steps.length;
  const idx: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * n) / buckets);
    const to = Math.floor(((b + 1) * n) / buckets);
    if (from >= to) continue;
    let lo = -1;
    let hi = -1;
    for (let i = from; i < to; i++) {
      const v = c.values[i];
      if (Number.isNaN(v)) continue;
      if (lo < 0 || v < c.values[lo]) lo = i;
      if (hi < 0 || v > c.values[hi]) hi = i;
    }
    if (lo < 0) idx.push(from);
    else if (lo === hi) idx.push(lo);
    else idx.push(Math.min(lo, hi), Math.max(lo, hi));
  }
  const pick = (a: Float64Array) => Float64Array.from(idx, (i) => a[i]);
  return { steps: pick(c.steps), timestamps: pick(c.timestamps), values: pick(c.values) };
}
