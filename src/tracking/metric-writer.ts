/**
 * Buffers metric points and appends them to chunked histories (CHUNK_POINTS points per row).
 *
 * Points become durable within `intervalMs` (default 500 ms), as soon as `maxPending` points are waiting,
 * at run end, or on `flush()`. One flush runs at a time, in one read-write transaction over `runs` and
 * `metricChunks`: each series' last, partly filled chunk is re-read inside that transaction, so concurrent
 * writers in other tabs or workers append safely instead of overwriting each other.
 */
import { CHUNK_POINTS, seriesChunks, type FlowpadDB, type MetricChunkRow, type RunRow } from '../storage';
import type { MetricSummary } from './entities';
import { addPoint, mergeSummaries, summaryOf } from './metric-summary';

/** Points logged but not yet written, for one (run, key). */
export interface PendingSeries {
  steps: number[];
  timestamps: number[];
  values: number[];
  summary: MetricSummary;
}

type Buffer = Map<string, Map<string, PendingSeries>>; // runId → key → series

export interface MetricWriterOptions {
  intervalMs?: number;
  maxPending?: number;
  /** Called when a background flush fails; the points stay buffered and the next flush retries them. */
  onError?: (err: unknown) => void;
}

export class MetricWriter {
  private buffer: Buffer = new Map();
  private pendingCount = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inflight: Promise<void> | null = null;
  private readonly intervalMs: number;
  private readonly maxPending: number;

  constructor(private readonly db: FlowpadDB, private readonly opts: MetricWriterOptions = {}) {
    this.intervalMs = opts.intervalMs ?? 500;
    this.maxPending = opts.maxPending ?? 100_000;
  }

  /** Buffers one validated point. Returns a promise only when the caller should wait (back-pressure). */
  push(runId: string, key: string, value: number, timestamp: number, step: number): Promise<void> | undefined {
    let byKey = this.buffer.get(runId);
    if (!byKey) this.buffer.set(runId, (byKey = new Map()));
    const s = byKey.get(key);
    if (s) {
      s.steps.push(step);
      s.timestamps.push(timestamp);
      s.values.push(value);
      addPoint(s.summary, value, timestamp, step);
    } else {
      byKey.set(key, { steps: [step], timestamps: [timestamp], values: [value], summary: summaryOf(value, timestamp, step) });
    }
    this.pendingCount++;
    if (this.pendingCount >= this.maxPending) {
      const f = this.startFlush();
      // Hard back-pressure only when a flush is already running and the buffer keeps growing.
      return this.pendingCount >= 4 * this.maxPending ? f : undefined;
    }
    this.schedule();
    return undefined;
  }

  /** Arms the flush timer unless it is armed. The callback disarms it first, so a flush it finds in flight re-arms it. */
  private schedule(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.startFlush().catch(this.opts.onError ?? (() => {}));
    }, this.intervalMs);
    (this.timer as { unref?: () => void }).unref?.();
  }

  /** Summaries of buffered points of one run, by key (not merged with stored ones). */
  pendingSummaries(runId: string): ReadonlyMap<string, PendingSeries> | undefined {
    return this.buffer.get(runId);
  }

  hasPending(): boolean {
    return this.pendingCount > 0;
  }

  /** Drops buffered points of a run (it was deleted here). */
  discard(runId: string): void {
    const byKey = this.buffer.get(runId);
    if (!byKey) return;
    for (const s of byKey.values()) this.pendingCount -= s.steps.length;
    this.buffer.delete(runId);
  }

  /** Writes everything buffered so far; resolves when it is committed. */
  async flush(): Promise<void> {
    while (this.inflight || this.pendingCount > 0) {
      await (this.inflight ?? this.startFlush());
    }
  }

  private startFlush(): Promise<void> {
    if (this.inflight) return this.inflight;
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.pendingCount === 0) return Promise.resolve();
    const batch = this.buffer;
    const count = this.pendingCount;
    this.buffer = new Map();
    this.pendingCount = 0;
    this.inflight = writeBatch(this.db, batch)
      .catch((err) => {
        this.restore(batch, count);
        throw err;
      })
      .finally(() => {
        this.inflight = null;
        if (this.pendingCount > 0) this.schedule();
      });
    return this.inflight;
  }

  /** Puts a failed batch back in front of anything logged since, keeping logging order. */
  private restore(batch: Buffer, count: number): void {
    for (const [runId, byKey] of batch) {
      const now = this.buffer.get(runId);
      if (!now) {
        this.buffer.set(runId, byKey);
        continue;
      }
      for (const [key, old] of byKey) {
        const cur = now.get(key);
        if (cur) {
          old.steps.push(...cur.steps);
          old.timestamps.push(...cur.timestamps);
          old.values.push(...cur.values);
          old.summary = mergeSummaries(old.summary, cur.summary)!;
        }
        now.set(key, old);
      }
    }
    this.pendingCount += count;
  }
}

async function writeBatch(db: FlowpadDB, batch: Buffer): Promise<void> {
  await db.transaction('rw', db.runs, db.metricChunks, async () => {
    const runIds = [...batch.keys()];
    const rows = await db.runs.bulkGet(runIds);
    const lost: string[] = [];
    const jobs: Promise<MetricChunkRow[]>[] = [];
    const changed: RunRow[] = [];
    rows.forEach((row, i) => {
      const byKey = batch.get(runIds[i])!;
      if (!row || row.lifecycleStage !== 'active') {
        lost.push(runIds[i]);
        return;
      }
      for (const [key, s] of byKey) {
        row.metrics.set(key, mergeSummaries(row.metrics.get(key), s.summary)!);
        jobs.push(appendToSeries(db, row.runId, key, s));
      }
      changed.push(row);
    });
    const chunkRows = (await Promise.all(jobs)).flat();
    await db.metricChunks.bulkPut(chunkRows);
    await db.runs.bulkPut(changed);
    if (lost.length > 0) {
      // Their runs were deleted (or purged) by another tab after the points were accepted here.
      console.warn(`Flowpad: dropped buffered metrics of runs no longer active: ${lost.join(', ')}`);
    }
  });
}

/** New or rewritten chunk rows holding the series' existing tail followed by the pending points. */
async function appendToSeries(db: FlowpadDB, runId: string, key: string, s: PendingSeries): Promise<MetricChunkRow[]> {
  const last = await seriesChunks(db, runId, key).last();
  const out: MetricChunkRow[] = [];
  const total = s.steps.length;
  let from = 0;
  let chunk = 0;
  if (last) {
    chunk = last.chunk + 1;
    if (last.n < CHUNK_POINTS) {
      const take = Math.min(CHUNK_POINTS - last.n, total);
      out.push(makeChunk(runId, key, last.chunk, s, 0, take, last));
      from = take;
    }
  }
  while (from < total) {
    const take = Math.min(CHUNK_POINTS, total - from);
    out.push(makeChunk(runId, key, chunk++, s, from, from + take));
    from += take;
  }
  return out;
}

function makeChunk(
  runId: string, key: string, chunk: number, s: PendingSeries, from: number, to: number, prefix?: MetricChunkRow,
): MetricChunkRow {
  const head = prefix?.n ?? 0;
  const n = head + (to - from);
  const steps = new Float64Array(n);
  const timestamps = new Float64Array(n);
  const values = new Float64Array(n);
  let minStep = Infinity;
  let maxStep = -Infinity;
  if (prefix) {
    steps.set(prefix.steps);
    timestamps.set(prefix.timestamps);
    values.set(prefix.values);
    minStep = prefix.minStep;
    maxStep = prefix.maxStep;
  }
  for (let i = from, j = head; i < to; i++, j++) {
    const st = s.steps[i];
    steps[j] = st;
    timestamps[j] = s.timestamps[i];
    values[j] = s.values[i];
    if (st < minStep) minStep = st;
    if (st > maxStep) maxStep = st;
  }
  return { runId, key, chunk, n, steps, timestamps, values, minStep, maxStep };
}

