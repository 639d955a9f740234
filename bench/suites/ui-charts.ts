/**
 * Chart figures of suite `ui`: the real app (src/ui/App) mounted in the bench page, driven by URL changes, timed
 * to the first paint of a chart holding every run. Each phase checks what the chart says it drew
 * (`data-points` = points read in range), so a fast figure cannot come from data that was not read.
 *
 * The app's client opens the default database 'flowpad': every suite runs in a fresh browser profile, so it
 * holds only this suite's data; it is deleted at the end.
 */
import Dexie from 'dexie';
import type { RunId } from '../../src/core/ids';
import type { TrackingClient } from '../../src/tracking/api';
import type { Metric } from '../../src/tracking/entities';
import { median, now, pause, type BenchResult, type SuiteContext, type TargetCheck } from '../measure';

const RUNS = 100;
const STEPS = 10_000;
const BIG = 1_000_000;
const LIVE = { initialSteps: 1_000, stepsPerS: 100, seconds: 10, keys: ['loss', 'accuracy', 'lr', 'grad_norm'] };
const DRAW_EVENT = 'flowpad:chart-draw';

const value = (r: number, s: number) => Math.exp(-s / 3000) + 0.1 * Math.sin(s / 50 + r) + 0.01 * ((s * 7919 + r * 104729) % 97) / 97;

async function logSeries(client: TrackingClient, runId: RunId, key: string, steps: number, r: number, t0: number): Promise<void> {
  let batch: Metric[] = [];
  for (let s = 0; s < steps; s++) {
    batch.push({ key, value: value(r, s), step: s, timestamp: t0 + s * 100 });
    if (batch.length === 1000) {
      await client.logBatch(runId, { metrics: batch });
      batch = [];
    }
  }
  if (batch.length) await client.logBatch(runId, { metrics: batch });
}

const frame = () => new Promise<number>((r) => requestAnimationFrame(() => r(now())));

/**
 * Changes the hash route and resolves at the animation frame after the first draw of a chart with all `runs`
 * loaded. Returns ms from the route change, and the chart's point count.
 */
async function openRoute(hash: string, runs: number, timeoutMs = 30_000): Promise<{ ms: number; points: number }> {
  location.hash = '#/';
  await pause(400);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no complete chart draw within ${timeoutMs} ms for ${hash}`)), timeoutMs);
    const onDraw = (e: Event) => {
      const { loaded, total } = (e as CustomEvent<{ loaded: number; total: number }>).detail;
      if (total !== runs || loaded !== runs) return;
      document.removeEventListener(DRAW_EVENT, onDraw, true);
      clearTimeout(timer);
      const el = e.target as HTMLElement;
      void frame().then((t) => resolve({ ms: t - t0, points: Number(el.dataset.points) }));
    };
    document.addEventListener(DRAW_EVENT, onDraw, true);
    const t0 = now();
    location.hash = hash;
  });
}

/** Opens `hash` `times` times; checks every draw held `points`; returns the first and the median of the rest. */
async function timeOpen(ctx: SuiteContext, label: string, hash: string, runs: number, points: number, times = 4) {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const r = await openRoute(hash, runs);
    if (r.points !== points) throw new Error(`${label}: chart drew ${r.points} points, expected ${points}`);
    ms.push(r.ms);
    ctx.log(`${label}: ${r.ms.toFixed(1)} ms`);
  }
  return { first: ms[0], median: median(ms.slice(1)) };
}

/**
 * While `work` runs: the longest task the browser's Long Tasks API reports (it reports tasks of 50 ms or more,
 * so 0 means none reached 50 ms), their count, and the largest lateness of a 4 ms timer, an upper bound on any
 * stall that also counts time the OS did not schedule the page at all.
 */
async function longestTask(work: () => Promise<void>): Promise<{ maxMs: number; longTasks: number; timerLateMs: number }> {
  let maxEntry = 0;
  let count = 0;
  const po = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      count++;
      maxEntry = Math.max(maxEntry, e.duration);
    }
  });
  po.observe({ type: 'longtask', buffered: false });
  let maxLate = 0;
  let expected = now() + 4;
  const probe = setInterval(() => {
    const t = now();
    maxLate = Math.max(maxLate, t - expected);
    expected = t + 4;
  }, 4);
  try {
    await work();
  } finally {
    clearInterval(probe);
    po.disconnect();
  }
  return { maxMs: maxEntry, longTasks: count, timerLateMs: maxLate };
}

/** The chart figures of suite `ui` (see docs/benchmarks.md), with their targets from issue 3. */
export async function chartBenches(ctx: SuiteContext): Promise<{ results: BenchResult[]; targets: TargetCheck[] }> {
  const results: BenchResult[] = [];
  const add = (name: string, v: number, unit: string) => void results.push({ name, value: v, unit });
  const host = document.createElement('div');
  host.id = 'root';
  host.style.cssText = 'position:fixed;inset:0;overflow:auto;background:#f6f8fa;z-index:1';
  document.body.prepend(host);
  const { mountApp } = await import('../../src/ui/App');
  const { client } = await import('../../src/ui/client');
  const unmount = mountApp();
  try {
    const t0 = Date.now() - 86_400_000;
    const exp = await client.createExperiment('bench-charts');
    const ids: RunId[] = [];
    for (let r = 0; r < RUNS; r++) {
      const run = await client.createRun(exp, { runName: `run-${r}`, startTime: t0 });
      await logSeries(client, run.info.runId, 'loss', STEPS, r, t0);
      ids.push(run.info.runId);
    }
    const big = await client.createRun(exp, { runName: 'one-million', startTime: t0 });
    await logSeries(client, big.info.runId, 'loss', BIG, 0, t0);
    await client.flush();
    ctx.log(`data: ${RUNS} runs × ${STEPS} steps, and 1 run × ${BIG} steps`);

    const many = await timeOpen(ctx, `compare ${RUNS}×${STEPS}`, `#/compare?runs=${ids.join(',')}`, RUNS, RUNS * STEPS);
    add('chart.100x10k_first_paint_ms', many.median, 'ms');
    add('chart.100x10k_first_paint_first_ms', many.first, 'ms');
    const one = await timeOpen(ctx, `1×${BIG}`, `#/compare?runs=${big.info.runId}`, 1, BIG);
    add('chart.1x1m_first_paint_ms', one.median, 'ms');
    add('chart.1x1m_first_paint_first_ms', one.first, 'ms');

    // A running run with four metrics, its Metrics tab open, logging 100 steps/s from this page for 10 s.
    const live = await client.createRun(exp, { runName: 'live', startTime: Date.now() });
    const liveId = live.info.runId;
    for (const key of LIVE.keys) await logSeries(client, liveId, key, LIVE.initialSteps, 1, Date.now() - 100_000);
    await client.flush();
    await openRoute(`#/experiments/${exp}/runs/${liveId}/metrics`, 1);
    await pause(500);
    const total = LIVE.stepsPerS * LIVE.seconds;
    const stall = await longestTask(async () => {
      const start = now();
      for (let i = 0; i < total; i++) {
        const step = LIVE.initialSteps + i;
        for (const key of LIVE.keys) await client.logMetric(liveId, key, value(2, step), { step });
        const wait = start + ((i + 1) * 1000) / LIVE.stepsPerS - now();
        if (wait > 0) await pause(wait);
      }
      await pause(1200); // the last buffered points flush within 500 ms; then the chart redraws
    });
    const chart = document.querySelector<HTMLElement>('figure[aria-label="Chart of loss"] [data-points]');
    const drawn = Number(chart?.dataset.points);
    if (drawn !== LIVE.initialSteps + total) throw new Error(`live chart shows ${drawn} points, expected ${LIVE.initialSteps + total}`);
    ctx.log(`live logging: ${stall.longTasks} long tasks, longest ${stall.maxMs.toFixed(1)} ms; timer lateness ${stall.timerLateMs.toFixed(1)} ms`);
    add('longtask.live_logging_max_ms', stall.maxMs, 'ms');
    add('longtask.live_logging_count', stall.longTasks, 'tasks');
    add('longtask.live_logging_timer_late_ms', stall.timerLateMs, 'ms');
    await client.setTerminated(liveId, 'FINISHED');
  } finally {
    unmount();
    host.remove();
    await client.close();
    await Dexie.delete('flowpad');
  }
  const get = (n: string) => results.find((r) => r.name === n)!.value;
  return {
    results,
    targets: [
      { name: 'chart.100x10k_first_paint_ms', target: '≤ 300 ms', pass: get('chart.100x10k_first_paint_ms') <= 300 },
      { name: 'chart.1x1m_first_paint_ms', target: '≤ 300 ms', pass: get('chart.1x1m_first_paint_ms') <= 300 },
      { name: 'longtask.live_logging_max_ms', target: '≤ 50 ms', pass: get('longtask.live_logging_max_ms') <= 50 },
    ],
  };
}
