/**
 * The "worker trains while a chart is open" phase of suite `training`: mounts the app's LiveMetricChart on the
 * run the worker is training, and measures the main thread's longest task (PerformanceObserver `longtask`, plus
 * an event-loop lag probe that also sees tasks under 50 ms) and each metric point's way from `logBatch` in the
 * worker to a drawn chart.
 */
import { createComponent, createSignal } from 'solid-js';
import { render } from 'solid-js/web';
import type { TrackingClient } from '../../src/tracking';
import { LiveMetricChart } from '../../src/ui/charts/LiveMetricChart';
import { trainingWorker, type RunOutcome } from '../../src/workers/training-client';
import type { TrainingRequest } from '../../src/training/spec';

export interface LiveResult {
  outcome: RunOutcome;
  longtaskMaxMs: number;
  longtasks: number;
  lagMaxMs: number;
  /** ms from a point's log timestamp (worker clock = page clock) to the first draw that showed it. */
  latencies: number[];
  pointsDrawn: number;
}

/** Max delay of a self-reposting MessageChannel ping: an upper bound on the longest task in between. */
function lagProbe(): { stop(): number } {
  const ch = new MessageChannel();
  let max = 0;
  let sent = performance.now();
  let on = true;
  ch.port1.onmessage = () => {
    const now = performance.now();
    max = Math.max(max, now - sent);
    // Re-post from a timer so the probe does not hog the loop; the timer's own delay is not counted.
    if (on) setTimeout(() => ((sent = performance.now()), ch.port2.postMessage(null)), 4);
  };
  ch.port2.postMessage(null);
  return { stop: () => ((on = false), ch.port1.close(), max) };
}

export async function liveChartPhase(request: TrainingRequest, client: TrackingClient, host: HTMLElement): Promise<LiveResult> {
  const [runId, setRunId] = createSignal<string | null>(null);
  const latencies: number[] = [];
  let pointsDrawn = 0;
  const dispose = render(() => createComponent(LiveMetricChart, {
    get runId() {
      return runId();
    },
    client,
    title: 'Loss per batch',
    xLabel: 'step',
    maxPoints: 1_000_000,
    series: [{ key: 'batch_loss', label: 'batch loss', color: '#8250df' }],
    onDrawn(series, at) {
      const ts = series[0]?.timestamps;
      if (!ts) return;
      // Undecimated and in logging order, so the points after the last draw's count are the new ones.
      for (let i = pointsDrawn; i < ts.length; i++) latencies.push(at - ts[i]);
      pointsDrawn = ts.length;
    },
  }), host);

  let longtaskMaxMs = 0;
  let longtasks = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      longtasks++;
      longtaskMaxMs = Math.max(longtaskMaxMs, e.duration);
    }
  });
  // Observed from the run's first progress report on: sending the request (the CSV text) is not "while training".
  let lag: { stop(): number } = { stop: () => 0 };
  try {
    const outcome = await trainingWorker.train(request, (p) => {
      if (runId() !== null) return;
      setRunId(p.runId);
      // From the next task on: the one that opens the chart on the run is setup, not "while training".
      setTimeout(() => {
        observer.observe({ type: 'longtask' });
        lag = lagProbe();
      }, 0);
    });
    await new Promise((r) => setTimeout(r, 600)); // the last flush and its redraw
    return { outcome, longtaskMaxMs, longtasks, lagMaxMs: lag.stop(), latencies, pointsDrawn };
  } finally {
    observer.disconnect();
    dispose();
  }
}
