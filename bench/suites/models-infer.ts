/**
 * Inference figures of suite `models`: requests timed on the page through the inference worker's client, as the
 * serving page sends them (`client.predict(versionKey, {inputs: …})`: structured clone to the worker, MLflow
 * request parsing and schema enforcement, ONNX Runtime Web, `{"predictions": …}` back), after a warm-up.
 *
 * Models are built here with TF.js (seeded weights) and saved with `tfjsModelFolder`, the folder Flowpad's
 * training writes: a `tfjs` flavor plus the ONNX export made by src/models' exporter. The worker serves the
 * `onnx` flavor (its preferred one), so every figure is ONNX Runtime Web (wasm), with 2 threads when the page is
 * cross-origin isolated. Each model's worker answer is checked against TF.js's own prediction.
 */
import * as tf from '@tensorflow/tfjs';
import { tfjsModelFolder } from '../../src/models/flavors/tfjs';
import { createInferenceClient, type InferenceClient } from '../../src/workers/inference-client';
import { now, seeded, type BenchResult, type SuiteContext, type TargetCheck } from '../measure';

const WARMUP = 100;
const B1_REQUESTS = 2000;
const B64_REQUESTS = 300;

/** The digits MLP: 64 pixels → 128 → 64 → 10 classes (17.3 k weights). */
function mlp(): tf.LayersModel {
  return tf.sequential({ layers: [
    tf.layers.dense({ inputShape: [64], units: 128, activation: 'relu' }),
    tf.layers.dense({ units: 64, activation: 'relu' }),
    tf.layers.dense({ units: 10, activation: 'softmax' }),
  ] });
}

/** The digits CNN: 8×8×1 → Conv2D(16, 3×3, relu, same) → MaxPool 2×2 → Flatten → Dense(10, softmax). */
function cnn(): tf.LayersModel {
  return tf.sequential({ layers: [
    tf.layers.conv2d({ inputShape: [8, 8, 1], filters: 16, kernelSize: 3, padding: 'same', activation: 'relu' }),
    tf.layers.maxPooling2d({ poolSize: 2 }),
    tf.layers.flatten(),
    tf.layers.dense({ units: 10, activation: 'softmax' }),
  ] });
}

/** Overwrites every weight with seeded values, so each run benchmarks the same model. */
function seedWeights(model: tf.LayersModel, seed: number): void {
  const rand = seeded(seed);
  model.setWeights(model.getWeights().map((w) => tf.tensor(Float32Array.from({ length: w.size }, () => rand() * 0.4 - 0.2), w.shape)));
}

/** `n` seeded samples shaped like the model input (minus the batch axis), as nested lists. */
function samples(shape: number[], n: number, seed: number): unknown[] {
  const rand = seeded(seed);
  const build = (axis: number): unknown => (axis === shape.length ? Math.round(rand() * 1600) / 100 : Array.from({ length: shape[axis] }, () => build(axis + 1)));
  return Array.from({ length: n }, () => build(0));
}

const sortAsc = (xs: number[]): number[] => xs.sort((a, b) => a - b);
const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

interface Served { key: string; inputName: string; outputName: string; loadMs: number; threads: number }

/** Saves `model` as a Flowpad model folder and loads it in the worker; checks the worker against TF.js. */
async function serve(client: InferenceClient, key: string, model: tf.LayersModel, inputShape: number[]): Promise<Served> {
  const { files } = await tfjsModelFolder(model);
  const info = await client.loadModel(key, { kind: 'folder', files });
  if (info.flavor !== 'onnx') throw new Error(`${key}: served with ${info.flavor}, expected onnx`);
  const inputName = info.inputs[0].name;
  const outputName = info.outputs[0].name;
  const x = samples(inputShape, 3, 7);
  const want = tf.tidy(() => (model.predict(tf.tensor(x as number[][])) as tf.Tensor).arraySync()) as number[][];
  const got = ((await client.predict(key, { inputs: { [inputName]: x } })).predictions as Record<string, number[][]>)[outputName];
  const diff = Math.max(...want.flatMap((row, i) => row.map((v, j) => Math.abs(v - got[i][j]))));
  if (!(diff <= 1e-4)) throw new Error(`${key}: worker predictions differ from TF.js by ${diff}`);
  return { key, inputName, outputName, loadMs: info.loadMs, threads: Number(info.runtime.threads ?? 1) };
}

/** Round-trip times (ms) of `n` calls of `send(i)`, after {@link WARMUP} untimed ones. */
async function timeCalls(n: number, send: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await send(i);
  const times: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const t0 = now();
    await send(i);
    times[i] = now() - t0;
  }
  return times;
}

/** MLflow scoring requests `{"inputs": {name: nested list}}`, as the serving page sends them. Built beforehand. */
function timeRequests(client: InferenceClient, s: Served, batch: unknown[][], n: number): Promise<number[]> {
  const requests = batch.map((b) => ({ inputs: { [s.inputName]: b } }));
  return timeCalls(n, (i) => client.predict(s.key, requests[i % requests.length]));
}

/**
 * Typed requests: each call copies its batch into a fresh Float32Array (timed: a caller holding plain data
 * pays it) and transfers it to the worker; outputs come back transferred.
 */
function timeTensors(client: InferenceClient, s: Served, batch: unknown[][], shape: number[], n: number): Promise<number[]> {
  const flat = batch.map((b) => Float32Array.from((b as number[]).flat(shape.length) as number[]));
  return timeCalls(n, (i) => {
    const data = flat[i % flat.length].slice();
    return client.predictTensors(s.key, { [s.inputName]: { dtype: 'float32', shape: [data.length / sizeOfRow(shape), ...shape], data } }, { transfer: true });
  });
}

const sizeOfRow = (shape: number[]): number => shape.reduce((a, b) => a * b, 1);
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const perS = (samples: number, times: number[]): number => (samples * times.length * 1000) / times.reduce((a, b) => a + b, 0);

/** The `infer.*` figures and their targets. */
export async function inferBench(ctx: SuiteContext): Promise<{ results: BenchResult[]; targets: TargetCheck[] }> {
  await tf.setBackend('cpu');
  const client = createInferenceClient();
  const results: BenchResult[] = [];
  const add = (name: string, value: number, unit: string) => void results.push({ name, value, unit });
  const m = mlp();
  const c = cnn();
  try {
    seedWeights(m, 1);
    seedWeights(c, 2);
    const sm = await serve(client, 'bench:mlp', m, [64]);
    const sm64 = await serve(client, 'bench:mlp64', m, [64]);
    const smT = await serve(client, 'bench:mlp64-typed', m, [64]);
    const sc = await serve(client, 'bench:cnn', c, [8, 8, 1]);
    ctx.log(`models loaded: mlp ${sm.loadMs.toFixed(0)} ms, cnn ${sc.loadMs.toFixed(0)} ms; ORT threads ${sm.threads}, crossOriginIsolated=${self.crossOriginIsolated}`);

    const b1Samples = Array.from({ length: 64 }, (_, i) => samples([64], 1, 100 + i));
    const b64Batches = Array.from({ length: 8 }, (_, i) => samples([64], 64, 200 + i));
    const mlpB1 = sortAsc(await timeRequests(client, sm, b1Samples, B1_REQUESTS));
    const mlpB1T = sortAsc(await timeTensors(client, sm, b1Samples, [64], B1_REQUESTS));
    const mlpB64 = await timeTensors(client, smT, b64Batches, [64], B64_REQUESTS);
    const mlpB64J = await timeRequests(client, sm64, b64Batches, B64_REQUESTS);
    const [wT, wJ] = [await client.latency(smT.key), await client.latency(sm64.key)];
    ctx.log(`mlp b1: p50 ${(pct(mlpB1, 50) * 1000).toFixed(0)} µs (typed ${(pct(mlpB1T, 50) * 1000).toFixed(0)} µs), p95 ${(pct(mlpB1, 95) * 1000).toFixed(0)} µs`);
    ctx.log(`mlp b64 typed: page p50 ${(pct(sortAsc([...mlpB64]), 50) * 1000).toFixed(0)} µs, mean ${(mean(mlpB64) * 1000).toFixed(0)} µs; worker p50 ${(wT.p50Ms * 1000).toFixed(0)} µs, mean ${(wT.meanMs * 1000).toFixed(0)} µs`);
    ctx.log(`mlp b64 json:  page p50 ${(pct(sortAsc([...mlpB64J]), 50) * 1000).toFixed(0)} µs, mean ${(mean(mlpB64J) * 1000).toFixed(0)} µs; worker p50 ${(wJ.p50Ms * 1000).toFixed(0)} µs, mean ${(wJ.meanMs * 1000).toFixed(0)} µs`);
    const cnnB1 = sortAsc(await timeRequests(client, sc, Array.from({ length: 64 }, (_, i) => samples([8, 8, 1], 1, 300 + i)), B1_REQUESTS));
    const cnnB64 = await timeTensors(client, sc, Array.from({ length: 8 }, (_, i) => samples([8, 8, 1], 64, 400 + i)), [8, 8, 1], B64_REQUESTS);

    add('infer.mlp_b1_p50_us', pct(mlpB1, 50) * 1000, 'µs');
    add('infer.mlp_b64_samples_per_s', perS(64, mlpB64), 'samples/s');
    add('infer.cnn_b1_p50_us', pct(cnnB1, 50) * 1000, 'µs');
    add('infer.mlp_b1_p95_us', pct(mlpB1, 95) * 1000, 'µs');
    add('infer.mlp_b1_tensors_p50_us', pct(mlpB1T, 50) * 1000, 'µs');
    add('infer.mlp_b64_p50_us', pct(sortAsc([...mlpB64]), 50) * 1000, 'µs');
    add('infer.mlp_b64_json_samples_per_s', perS(64, mlpB64J), 'samples/s');
    add('infer.mlp_b64_worker_p50_us', wT.p50Ms * 1000, 'µs');
    add('infer.cnn_b1_p95_us', pct(cnnB1, 95) * 1000, 'µs');
    add('infer.cnn_b64_samples_per_s', perS(64, cnnB64), 'samples/s');
    add('infer.mlp_load_ms', sm.loadMs, 'ms');
    add('infer.cnn_load_ms', sc.loadMs, 'ms');
    add('infer.ort_threads', sm.threads, 'threads');
  } finally {
    client.terminate();
    m.dispose();
    c.dispose();
  }
  const get = (n: string) => results.find((r) => r.name === n)!.value;
  return {
    results,
    targets: [
      { name: 'infer.mlp_b1_p50_us', target: '≤ 1,000 µs', pass: get('infer.mlp_b1_p50_us') <= 1000 },
      { name: 'infer.mlp_b64_samples_per_s', target: '≥ 50,000 samples/s', pass: get('infer.mlp_b64_samples_per_s') >= 50_000 },
      { name: 'infer.cnn_b1_p50_us', target: '≤ 20,000 µs', pass: get('infer.cnn_b1_p50_us') <= 20_000 },
    ],
  };
}
