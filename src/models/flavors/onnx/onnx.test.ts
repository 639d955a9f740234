import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { errorOf } from '../../../../test/error-of';
import type { LoadedModel } from '../../flavor';
import { scoreRequest } from '../../predict';
import { signatureFromModelIO } from '../../signature';
import * as onnx from './index';

const root = new URL('../../../../test/fixtures/mlflow/model-format/onnx/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('../manifest.json', root), 'utf8')).onnx as Record<string, {
  inputs: unknown[]; outputs: unknown[]; nonTensorOutputs: string[];
}>;
const bytes = (f: string): Uint8Array => new Uint8Array(readFileSync(new URL(f, root)));

onnx.configureOnnxRuntime({ numThreads: 1 });
const loaded: LoadedModel[] = [];
const load = async (f: string): Promise<LoadedModel> => {
  const m = await onnx.load({ 'model.onnx': bytes(f) }, { data: 'model.onnx' });
  loaded.push(m);
  return m;
};
afterAll(async () => {
  for (const m of loaded) await onnx.dispose(m as never);
});

describe('onnx flavor on the MLflow test models', () => {
  for (const [file, want] of Object.entries(manifest)) {
    it(`${file}: describes inputs and outputs`, async () => {
      const m = await load(file);
      expect(m.inputs).toEqual(want.inputs);
      expect(m.outputs).toEqual(want.outputs);
      // The fixtures' only non-tensor output is sklearn's ZipMap, which comes back (see below): nothing to note.
      expect(m.notes).toEqual([]);
    });
  }

  it('sklearn ZipMap: labels and the probability maps, as MLflow\'s onnx pyfunc returns them', async () => {
    const m = await load('sklearn_model.onnx');
    expect(m.outputs.map((o) => o.name)).toEqual(['output_label']); // the tensor outputs; the ZipMap is rebuilt
    const sig = signatureFromModelIO(m.inputs, m.outputs);
    const res = await scoreRequest(onnx, m, { inputs: [[5.1, 3.5, 1.4, 0.2], [6.7, 3.0, 5.2, 2.3]] }, sig);
    const p = res.predictions as { output_label: number[]; output_probability: Record<string, number>[] };
    expect(Object.keys(p)).toEqual(['output_label', 'output_probability']);
    expect(p.output_label).toEqual([0, 2]);
    expect(p.output_probability.map((r) => Object.keys(r))).toEqual([['0', '1', '2'], ['0', '1', '2']]);
    for (const [i, r] of p.output_probability.entries()) {
      expect(Object.values(r).reduce((a, b) => a + b)).toBeCloseTo(1, 5);
      expect(Object.values(r).indexOf(Math.max(...Object.values(r)))).toBe(p.output_label[i]);
    }
    expect(res.warnings).toEqual([]);
    // A DataFrame without a signature: records, one map per row, as the pyfunc answers.
    const df = await scoreRequest(onnx, m, { dataframe_split: { columns: ['a', 'b', 'c', 'd'], data: [[5.1, 3.5, 1.4, 0.2]] } }, null);
    expect(df.predictions).toEqual([{ output_label: 0, output_probability: p.output_probability[0] }]);
  });

  it('multiple inputs, float32 and float64: the product of both inputs', async () => {
    for (const f of ['tf_model_multiple_inputs_float32.onnx', 'tf_model_multiple_inputs_float64.onnx']) {
      const m = await load(f);
      const a = Array.from({ length: 10 }, (_, i) => i + 1);
      const b = Array.from({ length: 10 }, (_, i) => 0.5 * i);
      const res = await scoreRequest(onnx, m, { inputs: { 'first_input:0': a, 'second_input:0': b } }, signatureFromModelIO(m.inputs, m.outputs));
      expect(res.predictions).toEqual({ 'output:0': a.map((x, i) => x * b[i]) });
      const e = await errorOf(scoreRequest(onnx, m, { inputs: { 'first_input:0': a.slice(0, 3), 'second_input:0': b } }, signatureFromModelIO(m.inputs, m.outputs)));
      expect(e.message).toBe("Input 'first_input:0': Shape of input (3,) does not match expected shape (10,).");
    }
  });

  it('refuses bytes that are not an ONNX model, and a missing model file', async () => {
    expect((await errorOf(onnx.loadOnnxBytes(new Uint8Array([1, 2, 3])))).code).toBe('INVALID_PARAMETER_VALUE');
    expect((await errorOf(onnx.load({}, { data: 'model.onnx' }))).message).toMatch(/'model.onnx' is missing/);
  });
});

describe('a model MLflow saved with external data (save_as_external_data=True)', () => {
  it('loads the uuid-named tensor file beside model.onnx and predicts', async () => {
    const dir = new URL('../generated/onnx-external-data-mlflow-2.22.0/', root);
    const names = ['MLmodel', 'conda.yaml', 'python_env.yaml', 'requirements.txt', 'model.onnx', '815458f4-ead6-11f1-8a39-02fc00000001'];
    const files = Object.fromEntries(names.map((n) => [n, new Uint8Array(readFileSync(new URL(n, dir)))]));
    const { x, y } = JSON.parse(readFileSync(new URL('../generated/onnx-external-data-expected.json', root), 'utf8')) as { x: number[]; y: number[] };
    const m = await onnx.load(files, { data: 'model.onnx' });
    loaded.push(m);
    const out = await onnx.predict(m as never, { x: { dtype: 'float32', shape: [2, 32], data: Float32Array.from(x) } });
    Array.from(out.out.data as Float32Array).forEach((v, i) => expect(Math.abs(v - y[i])).toBeLessThanOrEqual(1e-5));
    const noData = { ...files };
    delete noData['815458f4-ead6-11f1-8a39-02fc00000001'];
    expect((await errorOf(onnx.load(noData, { data: 'model.onnx' }))).code).toBe('INVALID_PARAMETER_VALUE');
  });
});
