import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeRng } from '../../../core/rng';
import { buildModel, disposeModel, foldInputNormalization, type ModelConfig } from './layers-model';
import { load, MODEL_JSON, save } from './index';
import { fitModel, type BatchEnd, type EpochEnd, type FitData } from './train-loop';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Two Gaussian blobs in 3-D, labels 0/1, and the same for validation. */
function blobs(n: number, seed: number): FitData {
  const rng = makeRng(seed);
  const make = (m: number) => {
    const x = new Float32Array(m * 3);
    const y = new Float32Array(m);
    for (let i = 0; i < m; i++) {
      y[i] = i % 2;
      for (let j = 0; j < 3; j++) x[i * 3 + j] = (y[i] ? 1 : -1) + (rng() - 0.5) * 1.5;
    }
    return { x, y };
  };
  const t = make(n);
  const v = make(Math.round(n / 4));
  return { sampleShape: [3], xTrain: t.x, yTrain: t.y, nTrain: n, xVal: v.x, yVal: v.y, nVal: v.y.length };
}

const config = (o: Partial<ModelConfig> = {}): ModelConfig => ({
  task: 'classification', sampleShape: [3], outputs: 2, hiddenUnits: [8], activation: 'relu', dropout: 0.2,
  convFilters: 0, optimizer: 'adam', learningRate: 0.05, seed: 7, ...o,
});

async function train(seed: number) {
  const model = buildModel(config({ seed }));
  const batches: BatchEnd[] = [];
  const epochs: EpochEnd[] = [];
  const result = await fitModel(model, blobs(64, 1), { epochs: 4, batchSize: 16, seed, task: 'classification' }, {
    onBatchEnd: (b) => batches.push(b),
    onEpochEnd: (e) => void epochs.push(e),
  });
  disposeModel(model);
  return { batches, epochs, result };
}

describe('fitModel', () => {
  it('logs every batch and epoch, learns, and leaves no tensor behind', async () => {
    const baseline = tf.memory().numTensors;
    const { batches, epochs, result } = await train(3);
    expect(tf.memory().numTensors).toBe(baseline);
    expect(batches.map((b) => b.step)).toEqual([...Array(16).keys()]);
    expect(epochs.map((e) => e.epoch)).toEqual([0, 1, 2, 3]);
    expect(result).toMatchObject({ stopped: false, epochsDone: 4, samplesDone: 256 });
    expect(epochs[3].valMetric).toBeGreaterThan(0.9);
    expect(epochs[3].loss).toBeLessThan(epochs[0].loss);
  });

  it('gives identical metrics for the same seed, different ones for another seed', async () => {
    const a = await train(11);
    const b = await train(11);
    const c = await train(12);
    expect(b.batches.map((x) => x.loss)).toEqual(a.batches.map((x) => x.loss));
    expect(b.epochs).toEqual(a.epochs);
    expect(c.batches.map((x) => x.loss)).not.toEqual(a.batches.map((x) => x.loss));
  });

  it('stops after the batch where shouldStop turns true', async () => {
    const baseline = tf.memory().numTensors;
    const model = buildModel(config());
    let n = 0;
    const r = await fitModel(model, blobs(64, 2), { epochs: 10, batchSize: 8, seed: 1, task: 'classification' }, {
      onBatchEnd: () => void n++,
      shouldStop: () => n >= 5,
    });
    disposeModel(model);
    expect(r).toMatchObject({ stopped: true, samplesDone: 40, epochsDone: 0 });
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('trains a regression model with MAE and a CNN on images', async () => {
    const baseline = tf.memory().numTensors;
    const d = blobs(32, 4);
    const reg = buildModel(config({ task: 'regression', outputs: 1 }));
    const r = await fitModel(reg, d, { epochs: 2, batchSize: 8, seed: 1, task: 'regression' });
    expect(r.last?.metric).toBeGreaterThan(0);
    disposeModel(reg);
    const img: FitData = { sampleShape: [4, 4, 1], xTrain: new Float32Array(16 * 8).map((_, i) => (i % 7) / 7),
      yTrain: new Float32Array(8).map((_, i) => i % 3), nTrain: 8, xVal: new Float32Array(0), yVal: new Float32Array(0), nVal: 0 };
    const cnn = buildModel(config({ sampleShape: [4, 4, 1], outputs: 3, convFilters: 4 }));
    const c = await fitModel(cnn, img, { epochs: 1, batchSize: 4, seed: 1, task: 'classification' });
    expect(c.last?.valLoss).toBeNull();
    disposeModel(cnn);
    expect(tf.memory().numTensors).toBe(baseline);
  });
});

describe('saving', () => {
  it('folds the normalisation into the first layer: the saved model takes raw inputs', async () => {
    const model = buildModel(config({ dropout: 0 }));
    const shift = Float32Array.of(10, -2, 0.5);
    const scale = Float32Array.of(0.5, 2, 1);
    const raw = tf.tensor2d([[12, -1, 0], [8, -3, 2]]);
    const normalised = raw.sub(tf.tensor1d(shift)).mul(tf.tensor1d(scale));
    const before = await (model.predict(normalised) as tf.Tensor).data();
    foldInputNormalization(model, shift, scale);
    const { files } = await save(model);
    const json = JSON.parse(new TextDecoder().decode(files[MODEL_JSON]));
    expect(json).toMatchObject({ format: 'layers-model' });
    const loaded = (await load(files)).handle;
    const after = await (loaded.predict(raw) as tf.Tensor).data();
    [...after].forEach((v, i) => expect(v).toBeCloseTo(before[i], 5));
    tf.dispose([raw, normalised]);
    disposeModel(model);
    loaded.dispose();
  });
});
