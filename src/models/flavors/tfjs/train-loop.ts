/**
 * The training loop: seeded shuffles, one `trainOnBatch` per mini-batch, per-batch and per-epoch callbacks, and
 * a cooperative stop. Written out instead of `model.fit` because fit shuffles with Math.random (not
 * reproducible) and only stops at batch boundaries it chooses.
 *
 * Every tensor the loop makes is disposed before it returns, also when it throws or is stopped.
 */
import * as tf from '@tensorflow/tfjs';
import { deriveSeed, makeRng, permutation } from '../../../core/rng';
import { dropoutLayers } from './layers-model';

/** Training and validation samples, row-major, already normalised. */
export interface FitData {
  sampleShape: number[];
  xTrain: Float32Array;
  yTrain: Float32Array;
  nTrain: number;
  xVal: Float32Array;
  yVal: Float32Array;
  nVal: number;
}

export interface FitOptions {
  epochs: number;
  batchSize: number;
  seed: number;
  task: 'classification' | 'regression';
}

/** After each mini-batch. `step` counts batches from 0 across epochs; `metric` is accuracy or MAE. */
export interface BatchEnd {
  epoch: number;
  step: number;
  size: number;
  loss: number;
  metric: number;
  /** Samples trained on so far in this fit. */
  samplesDone: number;
}

/** After each epoch (0-based): the batch-weighted means of the epoch's batches, and validation if any. */
export interface EpochEnd {
  epoch: number;
  loss: number;
  metric: number;
  valLoss: number | null;
  valMetric: number | null;
}

export interface FitCallbacks {
  onBatchEnd?(b: BatchEnd): void;
  onEpochEnd?(e: EpochEnd): void | Promise<void>;
  /** Polled after every batch; true ends training before the next one. */
  shouldStop?(): boolean;
}

export interface FitResult {
  stopped: boolean;
  epochsDone: number;
  last: EpochEnd | null;
  samplesDone: number;
  /** Wall time inside the loop, ms. */
  trainMs: number;
}

/**
 * Lets queued work run: a Stop message, and the tracking client's IndexedDB flushes. `scheduler.postTask` queues
 * behind pending tasks of the same priority, IndexedDB events included (Chromium serves a MessageChannel ping
 * ahead of them, which starved the metric writer); where it is missing, a timer does the same job.
 */
function macrotask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { postTask(cb: () => void, o: { priority: string }): Promise<void> } }).scheduler;
  if (scheduler?.postTask) return scheduler.postTask(() => {}, { priority: 'user-visible' });
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function evaluate(model: tf.LayersModel, x: tf.Tensor, y: tf.Tensor): Promise<[number, number]> {
  const out = model.evaluate(x, y, { batchSize: 512 }) as tf.Scalar[];
  try {
    const [loss, metric] = await Promise.all(out.map((t) => t.data()));
    return [loss[0], metric[0]];
  } finally {
    tf.dispose(out);
  }
}

/** Trains `model` in place. Labels: class indices (shape [n]) or targets (shape [n, 1]). */
export async function fitModel(model: tf.LayersModel, d: FitData, o: FitOptions, cb: FitCallbacks = {}): Promise<FitResult> {
  const yShape = (n: number) => (o.task === 'classification' ? [n] : [n, 1]);
  const xs = tf.tensor(d.xTrain, [d.nTrain, ...d.sampleShape]);
  const ys = tf.tensor(d.yTrain, yShape(d.nTrain));
  const xv = d.nVal > 0 ? tf.tensor(d.xVal, [d.nVal, ...d.sampleShape]) : null;
  const yv = d.nVal > 0 ? tf.tensor(d.yVal, yShape(d.nVal)) : null;
  const dropouts = dropoutLayers(model);
  const dropoutRng = makeRng(deriveSeed(o.seed, 'dropout'));
  const batchSize = Math.max(1, Math.min(o.batchSize, d.nTrain));
  const t0 = performance.now();
  let step = 0;
  let samplesDone = 0;
  let last: EpochEnd | null = null;
  let stopped = false;
  try {
    for (let epoch = 0; epoch < o.epochs && !stopped; epoch++) {
      const order = tf.tensor1d(permutation(d.nTrain, makeRng(deriveSeed(o.seed, `shuffle-${epoch}`))), 'int32');
      let lossSum = 0;
      let metricSum = 0;
      let seen = 0;
      try {
        for (let from = 0; from < d.nTrain; from += batchSize) {
          const size = Math.min(batchSize, d.nTrain - from);
          const [xb, yb] = tf.tidy(() => {
            const idx = order.slice(from, size);
            return [tf.gather(xs, idx), tf.gather(ys, idx)];
          });
          // Dropout draws its mask from its seed; a new seed per batch keeps masks different yet reproducible.
          for (const l of dropouts) l.seed = Math.floor(dropoutRng() * 2 ** 31);
          let out: number | number[];
          try {
            out = await model.trainOnBatch(xb, yb);
          } finally {
            tf.dispose([xb, yb]);
          }
          const [loss, metric] = out as number[];
          lossSum += loss * size;
          metricSum += metric * size;
          seen += size;
          samplesDone += size;
          cb.onBatchEnd?.({ epoch, step: step++, size, loss, metric, samplesDone });
          // Yield after every batch: each of a metric flush's IndexedDB round trips waits for the next yield, so
          // yielding less often (every 8 ms, say) tripled metric-to-chart latency; a yield costs microseconds.
          await macrotask();
          if (cb.shouldStop?.()) {
            stopped = true;
            break;
          }
        }
      } finally {
        order.dispose();
      }
      if (stopped) break;
      const [valLoss, valMetric] = xv && yv ? await evaluate(model, xv, yv) : [null, null];
      last = { epoch, loss: lossSum / seen, metric: metricSum / seen, valLoss, valMetric };
      await cb.onEpochEnd?.(last);
    }
  } finally {
    for (const l of dropouts) delete l.seed; // not part of the saved model
    tf.dispose([xs, ys, ...(xv && yv ? [xv, yv] : [])]);
  }
  return { stopped, epochsDone: last ? last.epoch + 1 : 0, last, samplesDone, trainMs: performance.now() - t0 };
}
