import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { errorOf } from '../../test/error-of';
import { makeInferenceApi } from '../workers/inference-api';
import { onnxModelFolder } from './model-folder';
import { parseSchema } from './signature';

const fixture = (f: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../test/fixtures/mlflow/model-format/onnx/${f}`, import.meta.url)));
const api = makeInferenceApi({ onnx: { numThreads: 1 } });
afterAll(async () => {
  for (const k of await api.loadedModels()) await api.unloadModel(k);
});
const f32 = (shape: number[], values: number[]) => ({ dtype: 'float32' as const, shape, data: Float32Array.from(values) });

describe('typed tensor requests', () => {
  it('scores typed feeds against a tensor signature and answers typed outputs (same as the JSON path)', async () => {
    await api.loadModel('iris', { kind: 'onnx', bytes: fixture('sklearn_model.onnx') });
    const x = [5.1, 3.5, 1.4, 0.2, 6.7, 3.0, 5.2, 2.3];
    const out = await api.predictTensors('iris', { float_input: f32([2, 4], x) });
    expect(out.output_label.dtype).toBe('int64');
    expect([...(out.output_label.data as BigInt64Array)]).toEqual([0n, 2n]);
    // The ZipMap output comes typed too: [2, 3] probabilities whose columns are the maps' keys.
    expect(out.output_probability).toMatchObject({ dtype: 'float32', shape: [2, 3], mapKeys: ['0', '1', '2'] });
    const probs = [...(out.output_probability.data as Float32Array)];
    const json = await api.predict('iris', { inputs: { float_input: [x.slice(0, 4), x.slice(4)] } });
    expect(json.predictions).toEqual({
      output_label: [0, 2],
      output_probability: [0, 1].map((r) => ({ 0: probs[r * 3], 1: probs[r * 3 + 1], 2: probs[r * 3 + 2] })),
    });
    // float64 is cast to float32, as MLflow does.
    const f64 = await api.predictTensors('iris', { float_input: { dtype: 'float64', shape: [1, 4], data: Float64Array.from(x.slice(0, 4)) } });
    expect([...(f64.output_label.data as BigInt64Array)]).toEqual([0n]);
    expect((await api.latency('iris')).count).toBe(3);
  });

  it('names the tensor that does not fit', async () => {
    await api.loadModel('iris', { kind: 'onnx', bytes: fixture('sklearn_model.onnx') });
    expect(await errorOf(api.predictTensors('iris', { float_input: f32([1, 3], [1, 2, 3]) }))).toEqual({
      code: 'INVALID_PARAMETER_VALUE', message: "Input 'float_input': Shape of input (1, 3) does not match expected shape (-1, 4).",
    });
    expect((await errorOf(api.predictTensors('iris', { x: f32([1, 4], [1, 2, 3, 4]) }))).message).toMatch(/Model is missing inputs \['float_input'\]/);
    expect((await errorOf(api.predictTensors('iris', { float_input: { dtype: 'int32', shape: [1, 4], data: Int32Array.from([1, 2, 3, 4]) } }))).message)
      .toBe("Input 'float_input': dtype of input int32 does not match expected dtype float32.");
    expect((await errorOf(api.predictTensors('iris', { float_input: f32([2, 4], [1, 2, 3]) }))).message).toMatch(/has 3 values but its shape \[2, 4\] needs 8/);
  });

  it('refuses tensors for a column-based signature', async () => {
    const cols = parseSchema(JSON.stringify(['a', 'b', 'c', 'd'].map((name) => ({ type: 'double', name }))));
    const { files } = onnxModelFolder(fixture('sklearn_model.onnx'), { signature: { inputs: cols, outputs: null, params: null } });
    await api.loadModel('iris-cols', { kind: 'folder', files });
    expect((await errorOf(api.predictTensors('iris-cols', { float_input: f32([1, 4], [1, 2, 3, 4]) }))).message).toMatch(/column-based signature; send a dataframe_split/);
  });
});
