import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeClient } from '../../test/helpers';
import { tfjsTrainer, type Trainer } from '../models/flavors/tfjs/trainer';
import { parseMlModel } from '../models/mlmodel';
import type { TrackingClient } from '../tracking';
import { getDemoTask } from './demos';
import { sweepJob, trainJob, type JobHooks } from './jobs';
import type { HyperParams, TrainingRequest } from './spec';

const loadDemo = async (file: string) => readFileSync(new URL(`../../public/datasets/${file}`, import.meta.url), 'utf8');
const hooks = (o: Partial<JobHooks> = {}): JobHooks => ({ loadDemo, stopped: () => false, ...o });
const iris = (o: Partial<HyperParams> = {}): TrainingRequest => ({
  experimentId: '0', data: { kind: 'demo', id: 'iris' }, backend: 'cpu',
  params: { ...getDemoTask('iris').defaults, epochs: 25, learning_rate: 0.05, ...o },
});
const tagsOf = (run: { data: { tags: { key: string; value: string }[] } }) => Object.fromEntries(run.data.tags.map((t) => [t.key, t.value]));
const text = async (c: TrackingClient, runId: string, path: string) => (await c.downloadArtifact(runId, path)).text();

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('trainJob', () => {
  it('trains iris to ≥ 0.9 validation accuracy, logging params, tags, dataset, live metrics and the model', async () => {
    const c = makeClient();
    const baseline = tf.memory().numTensors;
    const progress: number[] = [];
    const out = await trainJob(c, tfjsTrainer, iris(), hooks({ onProgress: (p) => progress.push(p.fraction) }));
    expect(tf.memory().numTensors).toBe(baseline);
    expect(out.status).toBe('FINISHED');
    expect(out.metrics.val_accuracy).toBeGreaterThanOrEqual(0.9);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);

    const run = await c.getRun(out.runId);
    expect(run.info.status).toBe('FINISHED');
    const params = Object.fromEntries(run.data.params.map((p) => [p.key, p.value]));
    expect(params).toMatchObject({ hidden_units: '16', hidden_layers: '1', optimizer: 'adam', learning_rate: '0.05', epochs: '25',
      batch_size: '16', validation_split: '0.2', seed: '42', dataset: 'iris', target: 'species', task_type: 'classification' });
    expect(params.conv_filters).toBeUndefined();
    expect(tagsOf(run)).toMatchObject({ 'flowpad.tfjs.backend': 'cpu', 'mlflow.source.type': 'LOCAL' });
    expect(run.inputs.datasetInputs[0].dataset).toMatchObject({ name: 'iris', sourceType: 'local', digest: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect((await c.getMetricHistory(out.runId, 'val_accuracy')).map((m) => m.step)).toEqual([...Array(25).keys()]);
    expect((await c.getMetricHistory(out.runId, 'batch_loss')).length).toBe(25 * 8);

    const files = (await c.listArtifacts(out.runId, 'model')).map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['model/MLmodel', 'model/input_example.json', 'model/model.onnx', 'model/tfjs']));
    const mlmodel = parseMlModel(await text(c, out.runId, 'model/MLmodel'));
    expect(mlmodel).toMatchObject({ run_id: out.runId, artifact_path: 'model', saved_input_example_info: { artifact_path: 'input_example.json', type: 'dataframe' } });
    expect(Object.keys(mlmodel.flavors).sort()).toEqual(['onnx', 'python_function', 'tfjs']);
    expect(mlmodel.model_uuid).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.parse(mlmodel.signature!.inputs!)).toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width']
      .map((name) => ({ type: 'double', name, required: true })));
    expect(JSON.parse(mlmodel.signature!.outputs!)).toEqual([{ type: 'tensor', 'tensor-spec': { dtype: 'float32', shape: [-1, 3] } }]);
    expect(JSON.parse(await text(c, out.runId, 'model/input_example.json'))).toMatchObject({
      columns: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'], data: expect.arrayContaining([[6.4, 2.8, 5.6, 2.2]]) });
    expect(mlmodel.metadata).toMatchObject({ flowpad_classes: ['setosa', 'versicolor', 'virginica'] });
    expect(JSON.parse(tagsOf(run)['mlflow.log-model.history'])[0]).toMatchObject({
      artifact_path: 'model', run_id: out.runId, model_uuid: mlmodel.model_uuid });
  });

  it('is reproducible: the same seed on the same backend gives the same metrics', async () => {
    const c = makeClient();
    const req = iris({ epochs: 4, dropout: 0.3, hidden_units: [8, 8] });
    const a = await trainJob(c, tfjsTrainer, req, hooks());
    const b = await trainJob(c, tfjsTrainer, req, hooks());
    const d = await trainJob(c, tfjsTrainer, iris({ epochs: 4, dropout: 0.3, hidden_units: [8, 8], seed: 7 }), hooks());
    const values = async (id: string, key: string) => (await c.getMetricHistory(id, key)).map((m) => m.value);
    for (const key of ['batch_loss', 'val_loss', 'val_accuracy']) expect(await values(b.runId, key)).toEqual(await values(a.runId, key));
    expect(await values(d.runId, 'batch_loss')).not.toEqual(await values(a.runId, 'batch_loss'));
  });

  it('Stop ends the run KILLED without a model', async () => {
    const c = makeClient();
    let batches = 0;
    const out = await trainJob(c, tfjsTrainer, iris(), hooks({ stopped: () => ++batches > 20 }));
    expect(out.status).toBe('KILLED');
    expect((await c.getRun(out.runId)).info.status).toBe('KILLED');
    expect(await c.listArtifacts(out.runId)).toEqual([]);
    expect((await c.getMetricHistory(out.runId, 'batch_loss')).length).toBeGreaterThan(0);
  });

  it('a training error ends the run FAILED with the message in mlflow.note.content', async () => {
    const c = makeClient();
    const broken: Trainer = { ...tfjsTrainer, train: async () => { throw Object.assign(new Error('out of memory on the GPU'), { code: 'RESOURCE_EXHAUSTED' }); } };
    const out = await trainJob(c, broken, iris(), hooks());
    expect(out).toMatchObject({ status: 'FAILED', error: { code: 'RESOURCE_EXHAUSTED', message: 'out of memory on the GPU' } });
    const run = await c.getRun(out.runId);
    expect(run.info.status).toBe('FAILED');
    expect(tagsOf(run)['mlflow.note.content']).toBe('Training failed: out of memory on the GPU');
  });

  it('bad input throws before a run exists', async () => {
    const c = makeClient();
    const csv: TrainingRequest = { ...iris(), data: { kind: 'csv', name: 'bad.csv', text: 'a,b\n1,2\n3', target: 'b', task: 'regression' } };
    await expect(trainJob(c, tfjsTrainer, csv, hooks())).rejects.toMatchObject({ code: 'INVALID_PARAMETER_VALUE', message: expect.stringContaining('ragged rows') });
    await expect(trainJob(c, tfjsTrainer, iris({ epochs: 0 }), hooks())).rejects.toMatchObject({ message: 'epochs must be a whole number from 1 to 1000, got 0.' });
    await expect(trainJob(c, tfjsTrainer, { ...iris(), backend: 'webgpu' }, hooks())).rejects.toMatchObject({ code: 'INVALID_PARAMETER_VALUE' });
    expect((await c.searchRuns(['0'])).items).toEqual([]);
  });
});

describe('model signatures', () => {
  it('digits: a tensor-based float32 [-1, 8, 8, 1] input with an ndarray example; wine: double columns, regression output', async () => {
    const c = makeClient();
    const digits = await trainJob(c, tfjsTrainer, { experimentId: '0', data: { kind: 'demo', id: 'digits' }, backend: 'cpu',
      params: { ...getDemoTask('digits').defaults, epochs: 1, conv_filters: 4, hidden_units: [16] } }, hooks());
    expect(digits.status).toBe('FINISHED');
    const mlmodel = parseMlModel(await text(c, digits.runId, 'model/MLmodel'));
    expect(JSON.parse(mlmodel.signature!.inputs!)).toEqual([{ type: 'tensor', 'tensor-spec': { dtype: 'float32', shape: [-1, 8, 8, 1] } }]);
    expect(JSON.parse(mlmodel.signature!.outputs!)).toEqual([{ type: 'tensor', 'tensor-spec': { dtype: 'float32', shape: [-1, 10] } }]);
    expect(mlmodel.saved_input_example_info).toMatchObject({ type: 'ndarray' });
    const example = JSON.parse(await text(c, digits.runId, 'model/input_example.json')) as number[][][][];
    expect([example.length, example[0].length, example[0][0].length, example[0][0][0].length]).toEqual([5, 8, 8, 1]);
    expect(Math.max(...example.flat(3))).toBe(16); // raw grey levels: the 1/16 scaling is folded into the conv kernel

    const wine = await trainJob(c, tfjsTrainer, { experimentId: '0', data: { kind: 'demo', id: 'wine' }, backend: 'cpu',
      params: { ...getDemoTask('wine').defaults, epochs: 2 } }, hooks());
    expect(wine.metrics.val_mae).toBeGreaterThan(0);
    const wm = parseMlModel(await text(c, wine.runId, 'model/MLmodel'));
    const cols = JSON.parse(wm.signature!.inputs!) as { name: string; type: string }[];
    expect(cols).toHaveLength(11);
    expect(cols[0]).toEqual({ type: 'double', name: 'fixed acidity', required: true });
    expect(JSON.parse(wm.signature!.outputs!)).toEqual([{ type: 'tensor', 'tensor-spec': { dtype: 'float32', shape: [-1, 1] } }]);
  });
});

describe('a user CSV', () => {
  it('one-hot encodes text features: the signature lists name=value columns and MLmodel metadata keeps the categories', async () => {
    const c = makeClient();
    const rows = Array.from({ length: 40 }, (_, i) => `${i % 2 ? 'red' : 'blue'},${(i * 7) % 13},${i % 2 ? 'yes' : 'no'}`);
    const out = await trainJob(c, tfjsTrainer, {
      experimentId: '0', backend: 'cpu',
      data: { kind: 'csv', name: 'shop.csv', text: ['colour,size,bought', ...rows].join('\n'), target: 'bought', task: 'classification' },
      params: { ...getDemoTask('iris').defaults, epochs: 3, batch_size: 8 },
    }, hooks());
    expect(out.status).toBe('FINISHED');
    const run = await c.getRun(out.runId);
    expect(Object.fromEntries(run.data.params.map((p) => [p.key, p.value]))).toMatchObject({ dataset: 'shop', target: 'bought', task_type: 'classification' });
    expect(JSON.parse(run.inputs.datasetInputs[0].dataset.schema!)).toEqual({ mlflow_colspec: [
      { type: 'string', name: 'colour', required: true }, { type: 'long', name: 'size', required: true }, { type: 'string', name: 'bought', required: true }] });
    const mlmodel = parseMlModel(await text(c, out.runId, 'model/MLmodel'));
    expect((JSON.parse(mlmodel.signature!.inputs!) as { name: string }[]).map((s) => s.name)).toEqual(['colour=blue', 'colour=red', 'size']);
    expect(mlmodel.metadata).toMatchObject({ flowpad_classes: ['no', 'yes'], flowpad_categorical: { colour: ['blue', 'red'] } });
    expect(JSON.parse(await text(c, out.runId, 'model/input_example.json')).data[0]).toEqual([1, 0, 0]);
  });
});

describe('sweepJob', () => {
  it('runs a 4-trial grid as child runs of one parent that logs the best trial', async () => {
    const c = makeClient();
    const out = await sweepJob(c, tfjsTrainer, iris({ epochs: 3 }), {
      mode: 'grid', dims: [{ key: 'learning_rate', values: [0.001, 0.05] }, { key: 'hidden_units', values: [[4], [16]] }],
    }, hooks());
    expect(out.status).toBe('FINISHED');
    expect(out.trials.map((t) => t.status)).toEqual(['FINISHED', 'FINISHED', 'FINISHED', 'FINISHED']);
    const runs = (await c.searchRuns(['0'])).items;
    expect(runs).toHaveLength(5);
    const children = runs.filter((r) => tagsOf(r)['mlflow.parentRunId'] === out.parentRunId);
    expect(children).toHaveLength(4);
    const parent = await c.getRun(out.parentRunId);
    const best = out.trials.find((t) => t.runId === out.bestRunId)!;
    expect(best.metrics.val_accuracy).toBe(Math.max(...out.trials.map((t) => t.metrics.val_accuracy)));
    const params = Object.fromEntries(parent.data.params.map((p) => [p.key, p.value]));
    expect(params).toMatchObject({ sweep_mode: 'grid', sweep_trials: '4', sweep_metric: 'val_accuracy', epochs: '3',
      learning_rate: String(best.params.learning_rate), hidden_units: String(best.params.hidden_units) });
    expect(tagsOf(parent).best_run).toBe(best.runId);
    expect(parent.data.metrics.find((m) => m.key === 'val_accuracy')?.value).toBe(best.metrics.val_accuracy);
    expect(await c.listArtifacts(out.parentRunId)).toEqual([]);
  });

  it('Stop kills the running trial, skips the rest and ends the parent KILLED', async () => {
    const c = makeClient();
    let n = 0;
    const out = await sweepJob(c, tfjsTrainer, iris({ epochs: 3 }), { mode: 'random', trials: 4, dims: [{ key: 'learning_rate', min: 0.001, max: 0.1 }] },
      hooks({ stopped: () => ++n > 30 }));
    expect(out.status).toBe('KILLED');
    expect(out.trials.map((t) => t.status)).toEqual(['FINISHED', 'KILLED']);
    expect((await c.getRun(out.parentRunId)).info.status).toBe('KILLED');
  });
});
