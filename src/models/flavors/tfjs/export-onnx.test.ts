import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from '../../../../test/error-of';
import * as onnx from '../onnx/index';
import { exportLayersModelToOnnx, ioNames } from './export-onnx';

beforeAll(async () => {
  await tf.setBackend('cpu');
  onnx.configureOnnxRuntime({ numThreads: 1 });
});

/** Deterministic pseudo-random floats in [-1, 1). */
function rand(n: number, seed: number): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  });
}

/** Gives every BatchNormalization layer non-trivial gamma/beta/mean/variance. */
function randomizeBatchNorm(model: tf.LayersModel): void {
  model.layers.filter((l) => l.getClassName() === 'BatchNormalization').forEach((l, k) => {
    const ws = l.getWeights();
    const fresh = ws.map((w, i) => {
      const v = rand(w.size, 100 + 10 * k + i);
      const isVar = i === ws.length - 1;
      return tf.tensor(isVar ? v.map((x) => 0.5 + Math.abs(x)) : v, w.shape);
    });
    l.setWeights(fresh);
    tf.dispose(fresh); // getWeights() returns the variables' own tensors: those must stay
  });
}

/** Exports, runs both, and returns the max |tfjs − onnx| over a batch of `batch` random inputs. */
async function maxDiff(model: tf.LayersModel, batch: number): Promise<number> {
  const names = ioNames(model);
  const bytes = exportLayersModelToOnnx(model);
  const shape = [batch, ...(model.inputs[0].shape.slice(1) as number[])];
  const size = shape.reduce((a, b) => a * b, 1);
  const x = rand(size, 7);
  const expected = tf.tidy(() => (model.predict(tf.tensor(x, shape)) as tf.Tensor).dataSync() as Float32Array);
  const loaded = await onnx.loadOnnxBytes(bytes);
  try {
    expect(loaded.inputs).toEqual([{ name: names.inputs[0], dtype: 'float32', shape: [-1, ...shape.slice(1)] }]);
    expect(loaded.outputs.map((o) => o.name)).toEqual([names.outputs[0]]);
    const out = await onnx.predict(loaded, { [names.inputs[0]]: { dtype: 'float32', shape, data: x } });
    const got = out[names.outputs[0]].data as Float32Array;
    expect(got.length).toBe(expected.length);
    return expected.reduce((m, v, i) => Math.max(m, Math.abs(v - got[i])), 0);
  } finally {
    await onnx.dispose(loaded);
  }
}

describe('TF.js → ONNX export', () => {
  it('an MLP (Dense with relu/tanh/elu/selu/softplus/softmax) matches within 1e-5', async () => {
    const m = tf.sequential({ layers: [
      tf.layers.dense({ inputShape: [8], units: 16, activation: 'relu' }),
      tf.layers.dense({ units: 16, activation: 'tanh' }),
      tf.layers.dense({ units: 12, activation: 'elu' }),
      tf.layers.dense({ units: 10, activation: 'selu' }),
      tf.layers.activation({ activation: 'softplus' }),
      tf.layers.dense({ units: 3, activation: 'softmax' }),
    ] });
    const before = tf.memory().numTensors;
    expect(await maxDiff(m, 5)).toBeLessThanOrEqual(1e-5);
    expect(tf.memory().numTensors).toBe(before);
    m.dispose();
  });

  it('a small CNN (Conv2D, MaxPool, AvgPool same, Flatten, Dense, Dropout, BatchNorm, softmax) matches within 1e-5', async () => {
    const m = tf.sequential({ layers: [
      tf.layers.conv2d({ inputShape: [12, 11, 3], filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 6, kernelSize: [3, 2], strides: [1, 2], activation: 'sigmoid' }),
      tf.layers.averagePooling2d({ poolSize: 2, padding: 'same' }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 16, activation: 'relu' }),
      tf.layers.dropout({ rate: 0.3 }),
      tf.layers.batchNormalization(),
      tf.layers.dense({ units: 5, activation: 'softmax' }),
    ] });
    randomizeBatchNorm(m);
    const before = tf.memory().numTensors;
    expect(await maxDiff(m, 3)).toBeLessThanOrEqual(1e-5);
    expect(tf.memory().numTensors).toBe(before);
    m.dispose();
  });

  it('a functional chain with NHWC and NCHW BatchNorm, strided same conv, global pooling and more activations', async () => {
    const input = tf.input({ shape: [9, 9, 2] });
    let x = tf.layers.batchNormalization().apply(input) as tf.SymbolicTensor;
    x = tf.layers.conv2d({ filters: 5, kernelSize: 3, strides: 2, padding: 'same', dilationRate: 1, activation: 'swish' }).apply(x) as tf.SymbolicTensor;
    x = tf.layers.batchNormalization().apply(x) as tf.SymbolicTensor;
    x = tf.layers.leakyReLU({ alpha: 0.2 }).apply(x) as tf.SymbolicTensor;
    x = tf.layers.conv2d({ filters: 4, kernelSize: 2, padding: 'valid', activation: 'hardSigmoid', useBias: false }).apply(x) as tf.SymbolicTensor;
    x = tf.layers.globalAveragePooling2d({}).apply(x) as tf.SymbolicTensor;
    x = tf.layers.dense({ units: 6, activation: 'mish' }).apply(x) as tf.SymbolicTensor;
    x = tf.layers.reLU({ maxValue: 0.8 }).apply(x) as tf.SymbolicTensor;
    x = tf.layers.dense({ units: 4, activation: 'relu6' }).apply(x) as tf.SymbolicTensor;
    x = tf.layers.dense({ units: 3, activation: 'softsign' }).apply(x) as tf.SymbolicTensor;
    const out = tf.layers.dense({ units: 3, activation: 'logSoftmax' as never }).apply(x) as tf.SymbolicTensor;
    const m = tf.model({ inputs: input, outputs: out });
    randomizeBatchNorm(m);
    expect(await maxDiff(m, 4)).toBeLessThanOrEqual(1e-5);
    m.dispose();
  });

  it('a softmax over an NHWC image output and a max-pool-only model keep the NHWC layout', async () => {
    const m = tf.sequential({ layers: [
      tf.layers.conv2d({ inputShape: [6, 6, 2], filters: 3, kernelSize: 1, activation: 'softmax' }),
      tf.layers.maxPooling2d({ poolSize: 3, strides: 2, padding: 'same' }),
    ] });
    expect(await maxDiff(m, 2)).toBeLessThanOrEqual(1e-5);
    m.dispose();
    const idOnly = tf.sequential({ layers: [tf.layers.dropout({ inputShape: [3], rate: 0.5 })] });
    expect(await maxDiff(idOnly, 2)).toBe(0);
    idOnly.dispose();
  });

  it('names an unsupported layer by class and name', async () => {
    const m = tf.sequential({ layers: [
      tf.layers.dense({ inputShape: [4], units: 4 }),
      tf.layers.reshape({ targetShape: [2, 2], name: 'my_reshape' }),
    ] });
    const e = await errorOf(() => exportLayersModelToOnnx(m));
    expect(e.code).toBe('INVALID_PARAMETER_VALUE');
    expect(e.message).toMatch(/^Cannot export layer 'my_reshape' \(Reshape\) to ONNX: the layer class is not supported/);
    m.dispose();
    const g = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 4, activation: 'gelu' as never, name: 'd' })] });
    expect((await errorOf(() => exportLayersModelToOnnx(g))).message).toMatch(/layer 'd' to ONNX: activation 'gelu' is not supported/);
    g.dispose();
  });

  it('refuses branches and channelsFirst', async () => {
    const a = tf.input({ shape: [3] });
    const b1 = tf.layers.dense({ units: 2 }).apply(a) as tf.SymbolicTensor;
    const b2 = tf.layers.dense({ units: 2 }).apply(a) as tf.SymbolicTensor;
    const sum = tf.layers.add({ name: 'sum' }).apply([b1, b2]) as tf.SymbolicTensor;
    const m = tf.model({ inputs: a, outputs: sum });
    expect((await errorOf(() => exportLayersModelToOnnx(m))).message).toMatch(/not fed by the previous layer alone/);
    m.dispose();
    const cf = tf.sequential({ layers: [tf.layers.conv2d({ inputShape: [2, 4, 4], filters: 1, kernelSize: 1, dataFormat: 'channelsFirst', name: 'cf' })] });
    expect((await errorOf(() => exportLayersModelToOnnx(cf))).message).toMatch(/layer 'cf' \(Conv2D\).*channelsFirst/);
    cf.dispose();
  });
});
