/**
 * Buffers metric points and appends them to chunked histories (CHUNK_POINTS points per row).
 *
 * Durability: every point is written within `intervalMs` (default 500 ms) of the moment the buffer last went from
 * empty to non-empty, at run end, and on `flush()`. When `maxPending` points are waiting, a "whole chunks" flush
 * takes only the series holding at least a chunk's worth of points and writes what fills chunks completely,
 * keeping each remainder for the timed flush, so bulk logging writes every point once instead of rewriting partly
 * filled tail chunks. Past 8 × `maxPending` buffered points everything is written and callers wait.
 *
 * One flush runs at a time, in one read-write transaction over `runs` and `metricChunks`; each series' last chunk
 * is re-read inside it, so writers in other tabs or workers append safely instead of overwriting each other.
 */
import { keepObserving } from '../storage/observe';
import { CHUNK_POINTS, packChunk, seriesChunks, unpackColumn, type FlowpadDB, type MetricChunkRow, type RunRow } from '../storage';
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
  /** Called when a timed flush fails; the points stay buffered and the next flush retries them. */
  onError?: (err: unknown) => void;
}

export class MetricWriter {
  private buffer: Buffer = new Map();
  private pendingCount = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inflight: Promise<void> | null = null;
  private wantAll = false;
  /** Series (run → keys) holding at least CHUNK_POINTS buffered points. */
  private full = new Map<string, Set<string>>();
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
      if (s.steps.length === CHUNK_POINTS) this.markFull(runId, key);
    } else {
      byKey.set(key, { steps: [step], timestamps: [timestamp], values: [value], summary: summaryOf(value, timestamp, step) });
    }
    this.pendingCount++;
    if (this.timer === null) this.armTimer();
    if (this.pendingCount < this.maxPending) return undefined;
    if (this.pendingCount >= 8 * this.maxPending) {
      // Writes can't keep up (or series are many and short): write everything and make the caller wait.
      if (this.inflight) this.wantAll = true;
      else this.start(true).catch(() => {});
      return this.inflight?.catch(() => {});
    }
    if (!this.inflight && this.full.size > 0) this.start(false).catch(() => {}); // errors resurface on the next flush
    return undefined;
  }

  private markFull(runId: string, key: string): void {
    let keys = this.full.get(runId);
    if (!keys) this.full.set(runId, (keys = new Set()));
    keys.add(key);
  }

  /** Buffered points of one run, by key (not merged with stored ones). */
  pendingSummaries(runId: string): ReadonlyMap<string, PendingSeries> | undefined {
    return this.buffer.get(runId);
  }

  /**
   * Resolves once no flush is in flight, so that every point this writer accepted is either committed or back in
   * the buffer: reads then see each point exactly once (stored rows + `pendingSummaries`). Never starts a write.
   * Undefined when no flush is in flight, so that readers skip the await: an await of a foreign promise inside
   * a live query loses the query's observation context (use storage's `keepObserving` when there is one).
   */
  settled(): Promise<void> | undefined {
    if (!this.inflight) return undefined;
    return (async () => {
      while (this.inflight) await this.inflight.catch(() => {});
    })();
  }

  hasPending(): boolean {
    return this.pendingCount > 0;
  }

  /** Writes everything buffered so far; resolves when it is committed, rejects if the write fails. */
  async flush(): Promise<void> {
    while (this.inflight || this.pendingCount > 0) {
      if (this.inflight) {
        this.wantAll = true;
        await this.inflight;
      } else {
        await this.start(true);
      }
    }
  }

  private armTimer(): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.inflight) this.wantAll = true;
      else this.start(true).catch(this.opts.onError ?? (() => {}));
    }, this.intervalMs);
    (this.timer as { unref?: () => void }).unref?.();
  }

  /** Takes the series with a whole chunk's worth of points out of the buffer. */
  private takeFull(): [Buffer, number] {
    const batch: Buffer = new Map();
    let count = 0;
    for (const [runId, keys] of this.full) {
      const byKey = this.buffer.get(runId)!;
      const out = new Map<string, PendingSeries>();
      for (const key of keys) {
        const s = byKey.get(key)!;
        out.set(key, s);
        count += s.steps.length;
        byKey.delete(key);
      }
      if (byKey.size === 0) this.buffer.delete(runId);
      batch.set(runId, out);
    }
    this.full = new Map();
    this.pendingCount -= count;
    return [batch, count];
  }

  /** Starts writing the buffer: all of it, or only the whole chunks of its long series. */
  private start(all: boolean): Promise<void> {
    let batch: Buffer;
    let count: number;
    if (all) {
      if (this.timer !== null) {
        clearTimeout(this.timer);
        this.timer = null;
      }
      [batch, count] = [this.buffer, this.pendingCount];
      this.buffer = new Map();
      this.pendingCount = 0;
      this.full = new Map();
      this.wantAll = false;
    } else {
      [batch, count] = this.takeFull();
    }
    const run = writeBatch(this.db, batch, all).then(
      (leftover) => this.putBack(leftover.buffer, leftover.count),
      (err) => {
        this.putBack(batch, count);
        throw err;
      },
    );
    this.inflight = run.finally(() => {
      this.inflight = null;
      if (this.pendingCount === 0) return;
      if (this.wantAll) this.start(true).catch(this.opts.onError ?? (() => {}));
      else if (this.timer === null) this.armTimer();
    });
    return this.inflight;
  }

  /** Puts unwritten points back in front of anything logged since, keeping logging order. */
  private putBack(batch: Buffer, count: number): void {
    if (count === 0) return;
    for (const [runId, byKey] of batch) {
      const now = this.buffer.get(runId);
      if (!now) {
        this.buffer.set(runId, byKey);
        continue;
      }
      for (const [key, old] of byKey) {
        const cur = now.get(key);
        if (cur) {
          old.steps = old.steps.concat(cur.steps);
          old.timestamps = old.timestamps.concat(cur.timestamps);
          old.values = old.values.concat(cur.values);
          old.summary = mergeSummaries(old.summary, cur.summary)!;
        }
        now.set(key, old);
      }
    }
    for (const [runId, byKey] of batch) {
      for (const [key, s] of this.buffer.get(runId) ?? []) if (byKey.has(key) && s.steps.length >= CHUNK_POINTS) this.markFull(runId, key);
    }
    this.pendingCount += count;
    if (this.timer === null) this.armTimer();
  }
}

interface Leftover {
  buffer: Buffer;
  count: number;
}

async function writeBatch(db: FlowpadDB, batch: Buffer, all: boolean): Promise<Leftover> {
  const leftover: Leftover = { buffer: new Map(), count: 0 };
  await db.transaction('rw', db.runs, db.metricChunks, async () => {
    const runIds = [...batch.keys()];
    const rows = await db.runs.bulkGet(runIds);
    const lost: string[] = [];
    const jobs: Promise<void>[] = [];
    const chunkRows: MetricChunkRow[] = [];
    const changed: RunRow[] = [];
    rows.forEach((row, i) => {
      const runId = runIds[i];
      const byKey = batch.get(runId)!;
      if (!row || row.lifecycleStage !== 'active') {
        lost.push(runId);
        return;
      }
      changed.push(row);
      for (const [key, s] of byKey) {
        jobs.push(appendToSeries(db, runId, key, s, all).then(({ chunks, written, rest }) => {
          chunkRows.push(...chunks);
          if (written) row.metrics.set(key, mergeSummaries(row.metrics.get(key), written)!);
          if (rest) {
            let m = leftover.buffer.get(runId);
            if (!m) leftover.buffer.set(runId, (m = new Map()));
            m.set(key, rest);
            leftover.count += rest.steps.length;
          }
        }));
      }
    });
    await Promise.all(jobs);
    if (chunkRows.length > 0) {
      await db.metricChunks.bulkPut(chunkRows);
      await db.runs.bulkPut(changed);
    }
    if (lost.length > 0) {
      // Their runs were deleted by another tab or worker after the points were accepted here.
      console.warn(`Flowpad: dropped buffered metrics of runs no longer active: ${lost.join(', ')}`);
    }
  });
  return leftover;
}

interface Appended {
  chunks: MetricChunkRow[];
  /** Summary of the points written, if any. */
  written?: MetricSummary;
  /** Points kept for a later flush (only when not writing all). */
  rest?: PendingSeries;
}

/** Chunk rows holding the series' existing tail followed by the pending points (or only whole chunks of them). */
async function appendToSeries(db: FlowpadDB, runId: string, key: string, s: PendingSeries, all: boolean): Promise<Appended> {
  const last = await seriesChunks(db, runId, key).last();
  const total = s.steps.length;
  const room = last && last.n < CHUNK_POINTS ? CHUNK_POINTS - last.n : 0;
  const take = all ? total : total < room ? 0 : room + Math.floor((total - room) / CHUNK_POINTS) * CHUNK_POINTS;
  const out: Appended = { chunks: [] };
  if (take > 0) {
    let from = 0;
    let chunk = last ? last.chunk + 1 : 0;
    const acc: { s?: MetricSummary } = {};
    if (room > 0) {
      const n = Math.min(room, take);
      out.chunks.push(makeChunk(runId, key, last!.chunk, s, 0, n, acc, last));
      from = n;
    }
    while (from < take) {
      const n = Math.min(CHUNK_POINTS, take - from);
      out.chunks.push(makeChunk(runId, key, chunk++, s, from, from + n, acc));
      from += n;
    }
    out.written = acc.s;
  }
  if (take < total) out.rest = slice(s, take, total);
  return out;
}

function slice(s: PendingSeries, from: number, to: number): PendingSeries {
  const steps = s.steps.slice(from, to);
  const timestamps = s.timestamps.slice(from, to);
  const values = s.values.slice(from, to);
  const summary = summaryOf(values[0], timestamps[0], steps[0]);
  for (let i = 1; i < steps.length; i++) addPoint(summary, values[i], timestamps[i], steps[i]);
  return { steps, timestamps, values, summary };
}

/** One chunk row: `prefix`'s points (if any) then points [from, to) of `s`, folding them into `acc.s`. */
function makeChunk(
  runId: string, key: string, chunk: number, s: PendingSeries, from: number, to: number,
  acc: { s?: MetricSummary }, prefix?: MetricChunkRow,
): MetricChunkRow {
  const head = prefix?.n ?? 0;
  const n = head + (to - from);
  const steps = new Float64Array(n);
  const timestamps = new Float64Array(n);
  const values = new Float64Array(n);
  if (prefix) {
    unpackColumn(prefix.steps, head, steps);
    unpackColumn(prefix.timestamps, head, timestamps);
    values.set(prefix.values.subarray(0, head));
  }
  let sum = acc.s;
  for (let i = from, j = head; i < to; i++, j++) {
    const st = s.steps[i];
    const ts = s.timestamps[i];
    const v = s.values[i];
    steps[j] = st;
    timestamps[j] = ts;
    values[j] = v;
    if (sum) addPoint(sum, v, ts, st);
    else sum = summaryOf(v, ts, st);
  }
  acc.s = sum;
  return packChunk(runId, key, chunk, { steps, timestamps, values });
}

/**
 * The writer's in-flight flush as a promise that keeps a live query's observation context, or undefined when
 * there is none. Readers do `const busy = whenSettled(w); if (busy) await busy;` — never `await undefined`.
 */
export function whenSettled(writer: MetricWriter): Promise<void> | undefined {
  const busy = writer.settled();
  return busy && keepObserving(busy);
}
