/**
 * Tracking-client measurements: ingest through logBatch and logMetric, reading one 1M-point history,
 * and searchRuns over 10,000 runs. Each phase checks what the client stored or returned, so a fast
 * figure cannot come from work that was skipped.
 */
import type { ExperimentId, RunId } from '../../src/core/ids';
import { openDb, payloadBytes, runChunks } from '../../src/storage';
import { openTracking } from '../../src/tracking';
import type { TrackingClient } from '../../src/tracking/api';
import type { Metric } from '../../src/tracking/entities';
import { median, pause, rate, storageUsage, timed, type SuiteContext } from '../measure';
import { T0, keyName, pointValue, type SeriesShape } from './tracking-baselines';

/** MLflow's MAX_METRICS_PER_BATCH. */
export const MAX_METRICS_PER_BATCH = 1000;

export const open = (dbName: string): TrackingClient => openTracking({ dbName });

/** Points the database holds for these runs, read past the client through a second connection. */
async function storedPoints(dbName: string, runIds: readonly RunId[]): Promise<number> {
  return (await storedChunks(dbName, runIds)).points;
}

/** Points and payload bytes (what IndexedDB is handed, before its own compression) of these runs' chunks. */
async function storedChunks(dbName: string, runIds: readonly RunId[]): Promise<{ points: number; bytes: number }> {
  const db = openDb({ name: dbName });
  try {
    let points = 0;
    let bytes = 0;
    for (const runId of runIds) {
      await runChunks(db, runId).each((row) => {
        points += row.n;
        bytes += payloadBytes(row);
      });
    }
    return { points, bytes };
  } finally {
    db.close();
  }
}

/** logBatch calls of MAX_METRICS_PER_BATCH metrics, all keys of a step together, as a training loop logs. */
function metricBatches(runIds: readonly RunId[], keys: number, steps: number, run0 = 0): { runId: RunId; metrics: Metric[] }[] {
  const out: { runId: RunId; metrics: Metric[] }[] = [];
  runIds.forEach((runId, r) => {
    let metrics: Metric[] = [];
    for (let s = 0; s < steps; s++)
      for (let k = 0; k < keys; k++) {
        metrics.push({ key: keyName(k), value: pointValue(run0 + r, k, s), timestamp: T0 + s, step: s });
        if (metrics.length === MAX_METRICS_PER_BATCH) (out.push({ runId, metrics }), (metrics = []));
      }
    if (metrics.length) out.push({ runId, metrics });
  });
  return out;
}

async function createRuns(client: TrackingClient, exp: ExperimentId, n: number, prefix: string): Promise<RunId[]> {
  const ids: RunId[] = [];
  for (let i = 0; i < n; i++) ids.push((await client.createRun(exp, { runName: `${prefix}-${i}`, startTime: T0 })).info.runId);
  return ids;
}

export interface ApiIngest {
  pointsPerS: number;
  bytesPerPoint: number;
  /** Chunk payload per point (typed arrays at their byte length, packed columns as stored). */
  payloadBytesPerPoint: number;
}

/** `shape` through logBatch, timed from the first call until `flush()` resolves. Batches are built first. */
export async function ingestApi(ctx: SuiteContext, client: TrackingClient, dbName: string, shape: SeriesShape): Promise<ApiIngest> {
  const total = shape.runs * shape.keys * shape.steps;
  const exp = await client.createExperiment('bench-ingest');
  const runIds = await createRuns(client, exp, shape.runs, 'ingest');
  const batches = metricBatches(runIds, shape.keys, shape.steps);
  const before = await storageUsage();
  const t = await timed(async () => {
    for (const b of batches) await client.logBatch(b.runId, { metrics: b.metrics });
    await client.flush();
  });
  const stored = await storedChunks(dbName, runIds);
  if (stored.points !== total) throw new Error(`api ingest: database holds ${stored.points} points, expected ${total}`);
  const bytes = (await storageUsage()) - before;
  ctx.log(`api: ${total} points in ${batches.length} logBatch calls, ${t.ms.toFixed(0)} ms`);
  return { pointsPerS: rate(total, t.ms), bytesPerPoint: bytes / total, payloadBytesPerPoint: stored.bytes / total };
}

/** One logMetric per point, each awaited, every key of a step before the next step; timed until flushed. */
export async function ingestLive(ctx: SuiteContext, client: TrackingClient, dbName: string, keys: number, steps: number): Promise<number> {
  const exp = await client.createExperiment('bench-live');
  const [runId] = await createRuns(client, exp, 1, 'live');
  const t = await timed(async () => {
    for (let s = 0; s < steps; s++)
      for (let k = 0; k < keys; k++) await client.logMetric(runId, keyName(k), pointValue(0, k, s), { timestamp: T0 + s, step: s });
    await client.flush();
  });
  const stored = await storedPoints(dbName, [runId]);
  if (stored !== keys * steps) throw new Error(`live ingest: database holds ${stored} points, expected ${keys * steps}`);
  ctx.log(`live: ${keys * steps} logMetric calls, ${t.ms.toFixed(0)} ms`);
  return rate(keys * steps, t.ms);
}

export interface HistoryFigures {
  ingestPointsPerS: number;
  firstReadMs: number;
  readMs: number;
  seriesMs: number;
}

function checkHistory(h: readonly Metric[], points: number): void {
  if (h.length !== points) throw new Error(`getMetricHistory returned ${h.length} points, expected ${points}`);
  for (const s of [0, points >> 1, points - 1]) {
    const m = h[s];
    if (m.step !== s || m.timestamp !== T0 + s || m.value !== pointValue(0, 0, s))
      throw new Error(`getMetricHistory point ${s} is ${JSON.stringify(m)}`);
  }
}

/**
 * Logs one `points`-long series, then reads it back with a freshly opened client (so nothing comes from
 * the writer's memory): getMetricHistory `reads` times, and getMetricSeries (columnar) as many.
 */
export async function history(ctx: SuiteContext, dbName: string, points: number, reads = 3): Promise<HistoryFigures> {
  const key = keyName(0);
  let runId: RunId;
  let ingestMs: number;
  {
    const writer = open(dbName);
    const exp = await writer.createExperiment('bench-history');
    [runId] = await createRuns(writer, exp, 1, 'history');
    const batches = metricBatches([runId], 1, points);
    ingestMs = (
      await timed(async () => {
        for (const b of batches) await writer.logBatch(runId, { metrics: b.metrics });
        await writer.flush();
      })
    ).ms;
    await writer.close();
  }
  const reader = open(dbName);
  try {
    const readTimes: number[] = [];
    for (let i = 0; i < reads; i++) {
      const t = await timed(() => reader.getMetricHistory(runId, key));
      checkHistory(t.value, points);
      readTimes.push(t.ms);
      await pause(200); // let the previous million objects be collected outside the next timing
    }
    const seriesTimes: number[] = [];
    for (let i = 0; i < reads; i++) {
      const t = await timed(() => reader.getMetricSeries(runId, key));
      if (t.value.values.length !== points || t.value.totalPoints !== points)
        throw new Error(`getMetricSeries returned ${t.value.values.length} of ${t.value.totalPoints} points, expected ${points}`);
      seriesTimes.push(t.ms);
    }
    ctx.log(`history: reads ${readTimes.map((x) => x.toFixed(0)).join(', ')} ms; series ${seriesTimes.map((x) => x.toFixed(0)).join(', ')} ms`);
    return { ingestPointsPerS: rate(points, ingestMs), firstReadMs: readTimes[0], readMs: median(readTimes), seriesMs: median(seriesTimes) };
  } finally {
    await reader.close();
  }
}
