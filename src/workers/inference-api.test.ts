import { readFileSync } from 'node:fs';
import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from '../../test/error-of';
import { tfjsModelFolder } from '../models/flavors/tfjs';
import { installErrorHandler } from './error-handler';
import { makeInferenceApi, type InferenceApi } from './inference-api';
import { percentile } from './latency';

const fixture = (f: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../test/fixtures/mlflow/model-format/onnx/${f}`, import.meta.url)));

const api = makeInferenceApi({ onnx: { numThreads: 1 }, tfjs: { backend: 'cpu' } });
beforeAll(() => tf.setBackend('cpu'));
afterAll(async () => {
  for (const k of await api.loadedModels()) await api.unloadModel(k);
});

describe('inference API', () => {
  it('loads a bare .onnx once, derives its signature, predicts labels and ZipMap probabilities, times requests', async () => {
    const info = await api.loadModel('models:/iris/1', { kind: 'onnx', bytes: fixture('sklearn_model.onnx') });
    expect(info.flavor).toBe('onnx');
    expect(info.signature?.inputs).toEqual({ kind: 'tensor', inputs: [{ kind: 'tensor', name: 'float_input', dtype: 'float32', shape: [-1, 4] }] });
    expect(info.notes).toEqual([]); // the ZipMap output comes back (as maps), so nothing is left out
    expect(await api.loadModel('models:/iris/1', { kind: 'onnx', bytes: new Uint8Array() })).toEqual(info); // cached
    for (let i = 0; i < 20; i++) {
      const r = await api.predict('models:/iris/1', '{"inputs": [[5.1, 3.5, 1.4, 0.2]]}');
      expect(r.predictions).toEqual({ output_label: [0], output_probability: [{ 0: expect.closeTo(0.98, 2), 1: expect.any(Number), 2: expect.any(Number) }] });
    }
    const lat = await api.latency('models:/iris/1');
    expect(lat.count).toBe(20);
    expect(lat.p50Ms).toBeGreaterThan(0);
    expect(lat.p95Ms).toBeGreaterThanOrEqual(lat.p50Ms);
  });

  it('loads a Flowpad model folder with its preferred flavor, or the one asked for', async () => {
    const m = tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 2, activation: 'softmax' })] });
    const { files } = await tfjsModelFolder(m);
    m.dispose();
    const a = await api.loadModel('a', { kind: 'folder', files });
    const b = await api.loadModel('b', { kind: 'folder', files, flavor: 'tfjs' });
    expect([a.flavor, b.flavor]).toEqual(['onnx', 'tfjs']);
    const req = { instances: [[0.5, -1], [2, 3]] };
    const pa = (await api.predict('a', req)).predictions as Record<string, number[][]>;
    const pb = (await api.predict('b', req)).predictions as Record<string, number[][]>;
    pa.dense_Dense1.flat().forEach((v, i) => expect(Math.abs(v - pb.dense_Dense1.flat()[i])).toBeLessThanOrEqual(1e-6));
    await api.unloadModel('b');
    expect(await api.loadedModels()).not.toContain('b');
  });

  it('answers with MLflow error codes', async () => {
    expect((await errorOf(api.predict('nope', { inputs: [] }))).code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect((await errorOf(api.predict('models:/iris/1', [1]))).code).toBe('BAD_REQUEST');
    expect((await errorOf(api.loadModel('bad', { kind: 'folder', files: {} }))).message).toMatch(/no MLmodel file/);
    const sk = new TextEncoder().encode('flavors:\n  sklearn: {pickled_model: model.pkl}\n');
    expect((await errorOf(api.loadModel('sk', { kind: 'folder', files: { MLmodel: sk } }))).message).toMatch(/Flowpad can run onnx or tfjs models only/);
    expect(await api.loadedModels()).not.toContain('sk');
  });

  it('keeps the error code across a Comlink boundary', async () => {
    installErrorHandler();
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(api, port1 as never);
    const remote = Comlink.wrap<InferenceApi>(port2 as never);
    try {
      const e = await remote.predict('missing', {}).then(() => null, (x: unknown) => x as { name: string; code: string; message: string });
      expect(e).toMatchObject({ name: 'MlflowError', code: 'RESOURCE_DOES_NOT_EXIST' });
      expect(e?.message).toMatch(/'missing' is not loaded/);
    } finally {
      remote[Comlink.releaseProxy]();
      port1.close();
      port2.close();
    }
  });

  it('percentiles are nearest-rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(xs, 50), percentile(xs, 95), percentile([], 50)]).toEqual([50, 95, 0]);
  });
});
