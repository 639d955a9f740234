/**
 * Suite `training`: TF.js training throughput in the training worker vs. on the main thread (same code path —
 * `trainJob` with its tracking client — same model, data, seed and backend), and the main thread's health while
 * the worker trains with a live chart open. Figures and targets: docs/benchmarks.md.
 */
import Dexie from 'dexie';
import '../../src/models/flavors/tfjs/wasm-backend';
import '../../src/models/flavors/tfjs/wasm-conv-grad';
import { tfjsTrainer } from '../../src/models/flavors/tfjs/trainer';
import { openTracking } from '../../src/tracking';
import { trainJob } from '../../src/training/jobs';
import type { TrainingRequest } from '../../src/training/spec';
import { trainingWorker, type RunOutcome } from '../../src/workers/training-client';
import { median, seeded, type BenchResult, type Suite, type TargetCheck } from '../measure';
import { liveChartPhase } from './training-live';

/** PLATFORM.md §4's setup: 8,192 samples × 32 features, an MLP 32→64→64→1, batch 128, Adam, WASM. */
const ROWS = 8192;
const FEATURES = 32;
const EPOCHS = 2;
/**
 * Rounds of one worker run and one main-thread run, back to back (the order alternates between rounds). On the
 * shared 2-core VMs other jobs take the CPU at random and single runs vary by 2× or more, so the ratio is the
 * median of the rounds' ratios (each pair ran under about the same load), and throughputs are medians.
 */
const REPEATS = 11;
const LIVE_EPOCHS = 16;

/** A regression CSV: y = a fixed linear function of the features plus noise, generated from a seed. */
function syntheticCsv(): string {
  const rnd = seeded(2024);
  const w = Array.from({ length: FEATURES }, () => rnd() * 2 - 1);
  const lines = [[...Array(FEATURES).keys()].map((i) => `x${i}`).concat('y').join(',')];
  for (let r = 0; r < ROWS; r++) {
    const x = Array.from({ length: FEATURES }, () => rnd() * 2 - 1);
    const y = x.reduce((s, v, i) => s + v * w[i], 0) + (rnd() - 0.5) * 0.1;
    lines.push([...x, y].map((v) => v.toFixed(5)).join(','));
  }
  return lines.join('\n');
}

const request = (csv: string, epochs: number): TrainingRequest => ({
  experimentId: '0',
  data: { kind: 'csv', name: 'synthetic.csv', text: csv, target: 'y', task: 'regression' },
  backend: 'wasm',
  params: { hidden_units: [64, 64], activation: 'relu', dropout: 0, conv_filters: 0, optimizer: 'adam', learning_rate: 0.001,
    epochs, batch_size: 128, validation_split: 0.1, seed: 1 },
});

function check(o: RunOutcome, what: string): RunOutcome {
  if (o.status !== 'FINISHED') throw new Error(`${what}: run ended ${o.status}${o.error ? `: ${o.error.message}` : ''}`);
  return o;
}

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

const noDemo = async (): Promise<string> => {
  throw new Error('the benchmark uses its own CSV');
};

const suite: Suite = {
  async run(ctx) {
    const results: BenchResult[] = [];
    const add = (name: string, value: number, unit: string) => void results.push({ name, value, unit });
    const dbs = { worker: `${ctx.dbPrefix}worker`, main: `${ctx.dbPrefix}main` };
    const csv = syntheticCsv();
    const main = openTracking({ dbName: dbs.main, flushIntervalMs: 50 }); // as the worker's client
    const reader = openTracking({ dbName: dbs.worker });
    const host = document.createElement('div');
    host.style.width = '900px';
    document.body.append(host);
    try {
      await trainingWorker.useDatabase(dbs.worker);
      ctx.log('warm-up: 1 epoch in the worker, 1 on the main thread');
      check(await trainingWorker.train(request(csv, 1), () => {}), 'worker warm-up');
      check(await trainJob(main, tfjsTrainer, request(csv, 1), { loadDemo: noDemo, stopped: () => false }), 'main warm-up');

      const worker: number[] = [];
      const mainThread: number[] = [];
      const ratios: number[] = [];
      const inWorker = async () => check(await trainingWorker.train(request(csv, EPOCHS), () => {}), 'worker');
      const onMain = async () => check(await trainJob(main, tfjsTrainer, request(csv, EPOCHS), { loadDemo: noDemo, stopped: () => false }), 'main thread');
      for (let i = 0; i < REPEATS; i++) {
        ctx.log(`round ${i + 1}/${REPEATS}: ${EPOCHS} epochs of ${ROWS} samples in the worker and on the main thread`);
        const [w, m] = i % 2 === 0 ? [await inWorker(), await onMain()] : (([a, b]) => [b, a])([await onMain(), await inWorker()]);
        // Same seed, same backend, same code: the two threads must compute the same model.
        if (w.metrics.val_loss !== m.metrics.val_loss) {
          throw new Error(`worker and main thread disagree: val_loss ${w.metrics.val_loss} vs ${m.metrics.val_loss}`);
        }
        worker.push(w.samplesPerSecond);
        mainThread.push(m.samplesPerSecond);
        ratios.push(w.samplesPerSecond / m.samplesPerSecond);
      }
      const w = { samplesPerSecond: median(worker) };
      const m = { samplesPerSecond: median(mainThread) };
      const ratio = median(ratios);
      ctx.log(`worker ${worker.map(Math.round).join(', ')}; main thread ${mainThread.map(Math.round).join(', ')} samples/s`);
      add('train.worker_samples_per_s', w.samplesPerSecond, 'samples/s');
      add('train.main_thread_samples_per_s', m.samplesPerSecond, 'samples/s');
      add('train.worker_vs_main_thread', ratio, '×');
      add('train.worker_samples_per_s_best', Math.max(...worker), 'samples/s');
      add('train.main_thread_samples_per_s_best', Math.max(...mainThread), 'samples/s');

      ctx.log(`worker with a live chart open: ${LIVE_EPOCHS} epochs`);
      const live = await liveChartPhase(request(csv, LIVE_EPOCHS), reader, host);
      check(live.outcome, 'worker with chart');
      const logged = (await reader.getMetricHistory(live.outcome.runId, 'batch_loss')).length;
      if (live.pointsDrawn !== logged || live.latencies.length !== logged) {
        throw new Error(`the chart drew ${live.pointsDrawn} points (${live.latencies.length} timed) of ${logged} logged`);
      }
      const p95 = percentile(live.latencies, 95);
      add('train.longtask_max_ms', live.longtaskMaxMs, 'ms');
      add('train.longtask_count', live.longtasks, 'tasks');
      add('train.event_loop_lag_max_ms', live.lagMaxMs, 'ms');
      add('train.metric_to_chart_p50_ms', percentile(live.latencies, 50), 'ms');
      add('train.metric_to_chart_p95_ms', p95, 'ms');
      add('train.worker_with_chart_samples_per_s', live.outcome.samplesPerSecond, 'samples/s');

      const targets: TargetCheck[] = [
        { name: 'train.worker_vs_main_thread', target: '≥ 0.9 (median of paired rounds)', pass: ratio >= 0.9 },
        { name: 'train.longtask_max_ms', target: '≤ 50 ms (0 = no task over 50 ms)', pass: live.longtaskMaxMs <= 50 },
        { name: 'train.metric_to_chart_p95_ms', target: '≤ 250 ms', pass: p95 <= 250 },
      ];
      return { results, targets };
    } finally {
      host.remove();
      await main.close();
      await reader.close();
      trainingWorker.terminate();
      for (const name of Object.values(dbs)) await Dexie.delete(name);
    }
  },
};

export default suite;
