import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from '../../../../test/error-of';
import { getSignature, parseMlModel } from '../../mlmodel';
import { scoreRequest } from '../../predict';
import * as onnx from '../onnx/index';
import * as tfjs from './index';

beforeAll(async () => {
  await tf.setBackend('cpu');
  onnx.configureOnnxRuntime({ numThreads: 1 });
});

describe('tfjs flavor and the Flowpad model folder', () => {
  it('saves tfjs + onnx + python_function; both runtimes answer the same request alike; no tensor leaks', async () => {
    const m = tf.sequential({ layers: [
      tf.layers.conv2d({ inputShape: [6, 6, 1], filters: 2, kernelSize: 3, activation: 'relu' }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 3, activation: 'softmax' }),
    ] });
    const baseline = tf.memory().numTensors;
    const { files, mlmodel } = await tfjs.tfjsModelFolder(m, { runId: 'a'.repeat(32), artifactPath: 'model' });
    expect(Object.keys(files).sort()).toEqual(['MLmodel', 'conda.yaml', 'model.onnx', 'python_env.yaml', 'requirements.txt', 'tfjs/model.json', 'tfjs/weights.bin']);
    const parsed = parseMlModel(new TextDecoder().decode(files.MLmodel));
    expect(parsed).toEqual(mlmodel);
    expect(Object.keys(parsed.flavors).sort()).toEqual(['onnx', 'python_function', 'tfjs']);
    expect(parsed.flavors.tfjs).toEqual({ data: 'tfjs/model.json', format: 'layers-model', tfjs_version: tf.version.tfjs });
    const sig = getSignature(parsed)!;
    expect(sig.inputs).toEqual({ kind: 'tensor', inputs: [{ kind: 'tensor', name: 'conv2d_Conv2D1_input', dtype: 'float32', shape: [-1, 6, 6, 1] }] });

    const image = Array.from({ length: 6 }, (_, y) => Array.from({ length: 6 }, (_, x) => [((x * 7 + y * 3) % 10) / 10]));
    const body = JSON.stringify({ inputs: [image, image.map((r) => r.map(([v]) => [1 - v]))] });
    const a = await tfjs.load(files, parsed.flavors.tfjs);
    const b = await onnx.load(files, parsed.flavors.onnx);
    try {
      const ra = await scoreRequest(tfjs, a, body, sig);
      const rb = await scoreRequest(onnx, b, body, sig);
      const pa = (ra.predictions as Record<string, number[][]>).dense_Dense1;
      const pb = (rb.predictions as Record<string, number[][]>).dense_Dense1;
      expect(pa.length).toBe(2);
      pa.flat().forEach((v, i) => expect(Math.abs(v - pb.flat()[i])).toBeLessThanOrEqual(1e-5));
      const e = await errorOf(scoreRequest(tfjs, a, { inputs: [[1, 2]] }, sig));
      expect(e.message).toMatch(/Input 'conv2d_Conv2D1_input': Shape of input \(1, 2\) does not match expected shape \(-1, 6, 6, 1\)/);
    } finally {
      await tfjs.dispose(a);
      await onnx.dispose(b);
    }
    m.dispose();
    expect(tf.memory().numTensors).toBe(baseline - 4);
  });

  it('refuses a folder without its weights, and malformed model.json', async () => {
    const m = tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 1 })] });
    const saved = await tfjs.save(m);
    m.dispose();
    const { 'tfjs/weights.bin': _w, ...noWeights } = saved.files;
    expect((await errorOf(tfjs.load(noWeights, saved.flavors.tfjs))).message).toMatch(/weights file 'tfjs\/weights.bin' is missing/);
    expect((await errorOf(tfjs.load({ 'tfjs/model.json': new Uint8Array([123]) }, saved.flavors.tfjs))).message).toMatch(/Malformed TF.js model/);
  });
});
