/**
 * The two reference layouts the tracking client's ingest is judged against, written with Dexie directly
 * (no client) into their own databases:
 * - one row per point, the layout a naive port of MLflow's `metrics` table would use (the floor);
 * - raw 4096-point typed-array chunk rows, the client's own layout without any of its logic (the ceiling).
 */
import Dexie, { type Table } from 'dexie';
import { newRunId } from '../../src/core/ids';
import type { MetricChunkRow } from '../../src/storage/rows';
import { CHUNK_POINTS } from '../../src/storage/rows';
import { median, rate, storageUsage, timed, type SuiteContext } from '../measure';

/** Shape of the benchmark series: `runs × keys × steps` points, value = f(run, key, step). */
export interface SeriesShape {
  runs: number;
  keys: number;
  steps: number;
}

export const T0 = Date.UTC(2026, 0, 1);
export const keyName = (k: number): string => `metric_${k}`;
/** Deterministic and cheap, so generating a value costs next to nothing inside a timed loop. */
export const pointValue = (r: number, k: number, s: number): number => Math.sin(s * 0.001 + k) * (1 + r) + s * 1e-6;

interface PointRow {
  runId: string;
  key: string;
  step: number;
  ts: number;
  value: number;
}

class RowPerPointDB extends Dexie {
  points!: Table<PointRow, [string, string, number]>;
  constructor(name: string) {
    super(name, { chromeTransactionDurability: 'default' });
    this.version(1).stores({ points: '[runId+key+step]' });
  }
}

class RawChunksDB extends Dexie {
  metricChunks!: Table<MetricChunkRow, [string, string, number]>;
  constructor(name: string) {
    super(name, { chromeTransactionDurability: 'default' });
    this.version(1).stores({ metricChunks: '[runId+key+chunk]' });
  }
}

export interface BaselineFigures {
  pointsPerS: number;
  bytesPerPoint: number;
}

/** One row per point, `bulkPut` in batches of `batch` rows. Rows are built before the clock starts. */
export async function rowPerPoint(ctx: SuiteContext, shape: SeriesShape, batch = 10_000): Promise<BaselineFigures> {
  const total = shape.runs * shape.keys * shape.steps;
  const batches: PointRow[][] = [];
  let cur: PointRow[] = [];
  for (let r = 0; r < shape.runs; r++) {
    const runId = newRunId(); // 32 hex characters, like the client's, so keys weigh what they will in use
    for (let s = 0; s < shape.steps; s++)
      for (let k = 0; k < shape.keys; k++) {
        cur.push({ runId, key: keyName(k), step: s, ts: T0 + s, value: pointValue(r, k, s) });
        if (cur.length === batch) (batches.push(cur), (cur = []));
      }
  }
  if (cur.length) batches.push(cur);

  const db = new RowPerPointDB(`${ctx.dbPrefix}row-per-point`);
  try {
    await db.open();
    const before = await storageUsage();
    const t = await timed(async () => {
      for (const b of batches) await db.points.bulkPut(b);
    });
    const stored = await db.points.count();
    if (stored !== total) throw new Error(`row_per_point: stored ${stored} rows, expected ${total}`);
    const bytes = (await storageUsage()) - before;
    ctx.log(`row_per_point: ${total} points in ${t.ms.toFixed(0)} ms`);
    return { pointsPerS: rate(total, t.ms), bytesPerPoint: bytes / total };
  } finally {
    db.close();
    await Dexie.delete(db.name);
  }
}

/** Fills chunk rows of CHUNK_POINTS points, as the client stores them. Built before the clock starts. */
function chunkRows(shape: SeriesShape): MetricChunkRow[] {
  const rows: MetricChunkRow[] = [];
  for (let r = 0; r < shape.runs; r++) {
    const runId = newRunId();
    for (let k = 0; k < shape.keys; k++)
      for (let chunk = 0, s0 = 0; s0 < shape.steps; chunk++, s0 += CHUNK_POINTS) {
        const n = Math.min(CHUNK_POINTS, shape.steps - s0);
        const steps = new Float64Array(n);
        const timestamps = new Float64Array(n);
        const values = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          steps[i] = s0 + i;
          timestamps[i] = T0 + s0 + i;
          values[i] = pointValue(r, k, s0 + i);
        }
        rows.push({ runId, key: keyName(k), chunk, n, minStep: s0, maxStep: s0 + n - 1, steps, timestamps, values });
      }
  }
  return rows;
}

/**
 * Raw `bulkPut` of chunk rows, one transaction per run (all its keys' chunks), into a fresh database each
 * of `repeats` times; the median rate is the ceiling. Storage is measured on the first repeat.
 */
export async function rawChunks(ctx: SuiteContext, shape: SeriesShape, repeats = 3): Promise<BaselineFigures> {
  const total = shape.runs * shape.keys * shape.steps;
  const rows = chunkRows(shape);
  const perRun = rows.length / shape.runs;
  const rates: number[] = [];
  let bytesPerPoint = NaN;
  for (let rep = 0; rep < repeats; rep++) {
    const db = new RawChunksDB(`${ctx.dbPrefix}raw-chunks-${rep}`);
    try {
      await db.open();
      const before = await storageUsage();
      const t = await timed(async () => {
        for (let i = 0; i < rows.length; i += perRun) await db.metricChunks.bulkPut(rows.slice(i, i + perRun));
      });
      let stored = 0;
      await db.metricChunks.each((row) => void (stored += row.n));
      if (stored !== total) throw new Error(`raw_chunks: stored ${stored} points, expected ${total}`);
      if (rep === 0) {
        bytesPerPoint = ((await storageUsage()) - before) / total;
      }
      rates.push(rate(total, t.ms));
      ctx.log(`raw_chunks: ${total} points in ${rows.length} rows, ${t.ms.toFixed(0)} ms`);
    } finally {
      db.close();
      await Dexie.delete(db.name);
    }
  }
  return { pointsPerS: median(rates), bytesPerPoint };
}
