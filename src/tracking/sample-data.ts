/**
 * "Load sample data": realistic demo experiments written through the public client only, so what a newcomer sees
 * is exactly what their own logging would produce. An image-classification experiment with nested hyperparameter
 * sweeps, 5,000-step histories, system metrics, a running and a failed run, and the artifacts MLflow users know
 * (a log, a JSON table, a CSV, a PNG plot, an MLmodel); and a tabular experiment of 36 runs to filter and group.
 * Deterministic: the same seed gives the same values (run ids and start times differ).
 */
import type { ExperimentId, RunId } from '../core/ids';
import type { TrackingClient } from './api';
import type { Metric } from './entities';
import { sampleArtifacts } from './sample-artifacts';

export interface SampleDataOptions {
  /** Draws a line plot as PNG bytes (the UI uses a canvas); without it the sample has no image artifact. */
  png?: (plot: { title: string; values: number[] }) => Promise<Blob | Uint8Array>;
  /** Called after each run, with runs done and total. */
  onProgress?: (done: number, total: number) => void;
  /** Length of the long histories; default 5,000 steps. */
  steps?: number;
  /** "now" in ms (runs are dated in the days before it); default Date.now(). */
  now?: number;
}

export const SAMPLE_IMAGE_EXPERIMENT = 'Image classification (sample)';
export const SAMPLE_TABULAR_EXPERIMENT = 'Churn prediction (sample)';
const RUNS_TOTAL = 2 + 6 + 4 + 2 + 36;
const BATCH = 1000;
const HOUR = 3_600_000;

/** mulberry32: small, seeded, good enough for demo noise. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (x: number, d = 5) => Math.round(x * 10 ** d) / 10 ** d;

interface Curve {
  /** Final loss the run converges to. */
  floor: number;
  /** Steps to get most of the way there. */
  speed: number;
  noise: number;
}

/** One training history: loss/accuracy every step, validation and system metrics every 50 steps. */
function history(rnd: () => number, c: Curve, steps: number, t0: number, durationMs: number, lr: number): Metric[] {
  const out: Metric[] = [];
  const ts = (s: number) => Math.round(t0 + (durationMs * s) / steps);
  for (let s = 0; s < steps; s++) {
    const base = c.floor + (2.3 - c.floor) * Math.exp(-s / c.speed);
    const loss = Math.max(0.01, base + (rnd() - 0.5) * c.noise * base);
    out.push({ key: 'loss', value: round(loss), timestamp: ts(s), step: s });
    out.push({ key: 'accuracy', value: round(Math.min(0.999, 1 - loss / 2.6 + (rnd() - 0.5) * 0.02)), timestamp: ts(s), step: s });
    out.push({ key: 'learning_rate', value: lr * 0.5 * (1 + Math.cos((Math.PI * s) / steps)), timestamp: ts(s), step: s });
    if (s % 50 === 49 || s === steps - 1) {
      const val = base * (1.08 + 0.1 * (s / steps)) + (rnd() - 0.5) * 0.03;
      out.push({ key: 'val_loss', value: round(val), timestamp: ts(s), step: s });
      out.push({ key: 'val_accuracy', value: round(Math.min(0.995, 1 - val / 2.5)), timestamp: ts(s), step: s });
      out.push({ key: 'system/gpu_0_utilization_percentage', value: round(82 + rnd() * 15, 1), timestamp: ts(s), step: s });
      out.push({ key: 'system/cpu_utilization_percentage', value: round(35 + rnd() * 20, 1), timestamp: ts(s), step: s });
    }
  }
  return out;
}

async function logMetrics(client: TrackingClient, runId: RunId, metrics: Metric[]): Promise<void> {
  for (let i = 0; i < metrics.length; i += BATCH) await client.logBatch(runId, { metrics: metrics.slice(i, i + BATCH) });
}

const gitCommit = (rnd: () => number) => Array.from({ length: 40 }, () => Math.floor(rnd() * 16).toString(16)).join('');

/** Creates the sample experiments and returns their ids. Fails with RESOURCE_ALREADY_EXISTS if they exist. */
export async function loadSampleData(client: TrackingClient, opts: SampleDataOptions = {}): Promise<ExperimentId[]> {
  const rnd = seeded(20261128);
  const steps = opts.steps ?? 5000;
  const now = opts.now ?? Date.now();
  let done = 0;
  const tick = () => opts.onProgress?.(++done, RUNS_TOTAL);
  const image = await client.createExperiment(SAMPLE_IMAGE_EXPERIMENT, {
    tags: {
      'mlflow.note.content':
        '## CIFAR-10 classifiers\n\nHyperparameter sweeps over **ResNet-18** and a small **ViT**. Each sweep is a parent run ' +
        'with one child run per configuration.\n\n- Metrics are logged every step; validation every 50 steps.\n' +
        '- The best ResNet run holds the artifacts: training log, confusion matrix, predictions, loss plot and the model.\n\n' +
        '_Sample data: created in this browser by “Load sample data”._',
      team: 'vision',
      dataset: 'cifar-10',
    },
  });
  const commit = gitCommit(rnd);
  const sourceTags = (user: string) => ({
    'mlflow.source.name': 'train.py', 'mlflow.source.type': 'LOCAL', 'mlflow.source.git.commit': commit, 'mlflow.user': user,
  });

  // ResNet sweep: lr × batch size, 5,000 steps each.
  let start = now - 3 * 24 * HOUR;
  const resnet = await client.createRun(image, { runName: 'resnet18-lr-sweep', startTime: start, tags: { ...sourceTags('ada'), model: 'resnet18' } });
  await client.logBatch(resnet.info.runId, { params: [{ key: 'model', value: 'resnet18' }, { key: 'sweep', value: 'lr x batch_size' }] });
  tick();
  let best: { runId: RunId; loss: number; curve: number[] } | undefined;
  for (const lr of [0.1, 0.03, 0.01]) {
    for (const batch of [64, 128]) {
      const duration = (1.2 + rnd()) * HOUR;
      const run = await client.createRun(image, {
        runName: `resnet18-lr${lr}-bs${batch}`, startTime: start, parentRunId: resnet.info.runId,
        tags: { ...sourceTags('ada'), model: 'resnet18' },
      });
      const id = run.info.runId;
      await client.logBatch(id, {
        params: [
          { key: 'model', value: 'resnet18' }, { key: 'learning_rate', value: String(lr) }, { key: 'batch_size', value: String(batch) },
          { key: 'optimizer', value: 'sgd' }, { key: 'epochs', value: '50' }, { key: 'weight_decay', value: '0.0005' },
        ],
      });
      const floor = 0.18 + Math.abs(Math.log10(lr) + 1.6) * 0.2 + (batch === 128 ? 0.03 : 0) + rnd() * 0.04;
      const metrics = history(rnd, { floor, speed: steps / 6, noise: 0.12 }, steps, start, duration, lr);
      await logMetrics(client, id, metrics);
      await client.setTerminated(id, 'FINISHED', start + duration);
      const losses = metrics.filter((m) => m.key === 'loss').map((m) => m.value);
      if (!best || floor < best.loss) best = { runId: id, loss: floor, curve: losses };
      start += duration + 5 * 60_000;
      tick();
    }
  }
  await client.setTerminated(resnet.info.runId, 'FINISHED', start);

  // ViT sweep: depth × heads, shorter.
  const vit = await client.createRun(image, { runName: 'vit-small-sweep', startTime: start, tags: { ...sourceTags('grace'), model: 'vit-small' } });
  tick();
  for (const depth of [6, 8]) {
    for (const heads of [4, 8]) {
      const duration = (0.8 + rnd()) * HOUR;
      const run = await client.createRun(image, {
        runName: `vit-d${depth}-h${heads}`, startTime: start, parentRunId: vit.info.runId, tags: { ...sourceTags('grace'), model: 'vit-small' },
      });
      await client.logBatch(run.info.runId, {
        params: [
          { key: 'model', value: 'vit-small' }, { key: 'depth', value: String(depth) }, { key: 'heads', value: String(heads) },
          { key: 'learning_rate', value: '0.001' }, { key: 'batch_size', value: '128' }, { key: 'optimizer', value: 'adamw' },
        ],
      });
      const floor = 0.3 + (8 - depth) * 0.02 + (8 - heads) * 0.015 + rnd() * 0.05;
      await logMetrics(client, run.info.runId, history(rnd, { floor, speed: steps / 10, noise: 0.08 }, Math.round(steps * 0.4), start, duration, 0.001));
      await client.setTerminated(run.info.runId, 'FINISHED', start + duration);
      start += duration + 3 * 60_000;
      tick();
    }
  }
  await client.setTerminated(vit.info.runId, 'FINISHED', start);

  // A run that ran out of memory, and one still running (its duration keeps counting).
  const oom = await client.createRun(image, { runName: 'vit-large-oom', startTime: start, tags: { ...sourceTags('grace'), model: 'vit-large' } });
  await client.logBatch(oom.info.runId, { params: [{ key: 'model', value: 'vit-large' }, { key: 'batch_size', value: '512' }] });
  await logMetrics(client, oom.info.runId, history(rnd, { floor: 0.5, speed: 400, noise: 0.1 }, 120, start, 4 * 60_000, 0.001));
  await client.logText(oom.info.runId, 'RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB\n', 'logs/error.log');
  await client.setTerminated(oom.info.runId, 'FAILED', start + 4 * 60_000);
  tick();
  const live = await client.createRun(image, { runName: 'resnet18-finetune', startTime: now - 40 * 60_000, tags: { ...sourceTags('ada'), model: 'resnet18' } });
  await client.logBatch(live.info.runId, { params: [{ key: 'model', value: 'resnet18' }, { key: 'learning_rate', value: '0.003' }] });
  await logMetrics(client, live.info.runId, history(rnd, { floor: 0.2, speed: 600, noise: 0.1 }, 1500, now - 40 * 60_000, 40 * 60_000, 0.003));
  tick();

  if (best) await sampleArtifacts(client, best.runId, best.curve, opts.png);
  const tabular = await tabularExperiment(client, rnd, now, tick);
  await client.flush();
  return [image, tabular];
}

/** 36 runs of three model families with final scores only: the experiment to filter, sort and group. */
async function tabularExperiment(client: TrackingClient, rnd: () => number, now: number, tick: () => void): Promise<ExperimentId> {
  const exp = await client.createExperiment(SAMPLE_TABULAR_EXPERIMENT, {
    tags: {
      'mlflow.note.content': 'Customer churn: which model family predicts cancellations best? Group the runs by `model_type` to compare.',
      team: 'growth',
    },
  });
  const families: Record<string, { auc: number; params: () => Record<string, string> }> = {
    xgboost: { auc: 0.89, params: () => ({ max_depth: String(3 + Math.floor(rnd() * 6)), n_estimators: String(100 * (1 + Math.floor(rnd() * 5))), eta: String([0.05, 0.1, 0.3][Math.floor(rnd() * 3)]) }) },
    random_forest: { auc: 0.86, params: () => ({ max_depth: String(6 + Math.floor(rnd() * 10)), n_estimators: String(100 * (1 + Math.floor(rnd() * 5))) }) },
    logistic_regression: { auc: 0.81, params: () => ({ C: String([0.01, 0.1, 1, 10][Math.floor(rnd() * 4)]), penalty: rnd() < 0.5 ? 'l1' : 'l2' }) },
  };
  let start = now - 30 * 24 * HOUR;
  for (let i = 0; i < 36; i++) {
    const type = Object.keys(families)[i % 3];
    const fam = families[type];
    const auc = round(Math.min(0.97, fam.auc + (rnd() - 0.5) * 0.06), 4);
    const f1 = round(auc - 0.12 + (rnd() - 0.5) * 0.04, 4);
    const run = await client.createRun(exp, {
      runName: `${type.replace('_', '-')}-${String(i + 1).padStart(2, '0')}`, startTime: start,
      tags: { model_type: type, data_version: `v${1 + (i % 4)}`, 'mlflow.source.name': 'notebooks/churn.ipynb', 'mlflow.source.type': 'NOTEBOOK', 'mlflow.user': i % 2 ? 'ada' : 'grace' },
    });
    const t = start + 60_000;
    await client.logBatch(run.info.runId, {
      params: Object.entries({ model_type: type, ...fam.params(), test_size: '0.2' }).map(([key, value]) => ({ key, value })),
      metrics: [
        { key: 'auc', value: auc, timestamp: t, step: 0 },
        { key: 'f1', value: f1, timestamp: t, step: 0 },
        { key: 'precision', value: round(f1 + 0.03 + rnd() * 0.03, 4), timestamp: t, step: 0 },
        { key: 'recall', value: round(f1 - 0.03 - rnd() * 0.03, 4), timestamp: t, step: 0 },
        { key: 'log_loss', value: round(0.75 - auc * 0.5 + rnd() * 0.03, 4), timestamp: t, step: 0 },
        { key: 'training_time_s', value: round(5 + rnd() * (type === 'xgboost' ? 120 : 40), 1), timestamp: t, step: 0 },
      ],
    });
    await client.setTerminated(run.info.runId, 'FINISHED', start + 60_000 + Math.round(rnd() * 10 * 60_000));
    start += Math.round((0.4 + rnd()) * 16 * HOUR);
    tick();
  }
  return exp;
}
