import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { errorOf } from '../../test/error-of';
import { makeInferenceApi } from '../workers/inference-api';
import { formatFloat32 } from './batch-scoring';
import { onnxModelFolder } from './model-folder';
import { parseSchema } from './signature';

const fixture = (f: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../test/fixtures/mlflow/model-format/onnx/${f}`, import.meta.url)));
const api = makeInferenceApi({ onnx: { numThreads: 1 } });
afterAll(async () => {
  for (const k of await api.loadedModels()) await api.unloadModel(k);
});

const irisColumns = parseSchema(JSON.stringify(['sl', 'sw', 'pl', 'pw'].map((name) => ({ type: 'double', name, required: true }))));
const csv = (text: string): Blob => new Blob([text], { type: 'text/csv' });

async function loadIris(): Promise<string> {
  const { files } = onnxModelFolder(fixture('sklearn_model.onnx'), { signature: { inputs: irisColumns, outputs: null, params: null } });
  await api.loadModel('iris-cols', { kind: 'folder', files });
  return 'iris-cols';
}

describe('batch scoring a CSV', () => {
  it('scores every row in chunks, keeps the input fields and reports progress', async () => {
    const key = await loadIris();
    const rows = Array.from({ length: 250 }, (_, i) => (i % 2 ? `row-${i},5.1,3.5,1.4,0.2` : `row-${i},6.7,3.0,5.2,2.3`));
    const progress: number[] = [];
    const res = await api.scoreCsv(key, csv(['id,sl,sw,pl,pw', ...rows].join('\r\n')), { rowsPerChunk: 100 }, (p) => progress.push(p.rows));
    expect(res.rows).toBe(250);
    // The ZipMap's probabilities come out too, one column per class.
    const probs = ['output_probability[0]', 'output_probability[1]', 'output_probability[2]'];
    expect(res.columns).toEqual(['id', 'sl', 'sw', 'pl', 'pw', 'output_label', ...probs]);
    expect(progress).toEqual([100, 200, 250]);
    const lines = (await res.csv.text()).trimEnd().split('\n');
    expect(lines.length).toBe(251);
    expect(lines[0]).toBe(`id,sl,sw,pl,pw,output_label,${probs.join(',')}`);
    expect(lines[1]).toMatch(/^row-0,6\.7,3\.0,5\.2,2\.3,2,[\d.e-]+,[\d.e-]+,0\.[5-9]\d*$/);
    expect(lines[2]).toMatch(/^row-1,5\.1,3\.5,1\.4,0\.2,0,0\.[5-9]\d*,[\d.e-]+,[\d.e-]+$/);
    expect(res.preview.length).toBe(20);
  });

  it('names the line and column of a value the signature cannot take', async () => {
    const key = await loadIris();
    const e = await errorOf(api.scoreCsv(key, csv('sl,sw,pl,pw\n5.1,3.5,1.4,0.2\n5.1,wide,1.4,0.2\n')));
    expect(e).toEqual({ code: 'INVALID_PARAMETER_VALUE', message: "Line 3, column 'sw': 'wide' is not a number (the signature says double)." });
    const missing = await errorOf(api.scoreCsv(key, csv('sl,sw,pl\n5.1,3.5,1.4\n')));
    expect(missing.message).toBe("Rows on lines 2–2: Model is missing inputs ['pw'].");
    expect((await errorOf(api.scoreCsv(key, csv('sl,sw,pl,pw\n')))).message).toMatch(/no data rows/);
    expect((await errorOf(api.scoreCsv(key, csv('sl,sw,pl,pw\n1,2,3\n')))).message).toMatch(/^Line 2 has 3 fields, but the header has 4/);
  });

  it("feeds a single 2-D tensor input from a CSV whose header does not name it, by column order", async () => {
    // The bare sklearn .onnx: one input 'float_input' [N, 4], tensor signature from the graph.
    const { files } = onnxModelFolder(fixture('sklearn_model.onnx'));
    await api.loadModel('iris-tensor', { kind: 'folder', files });
    const res = await api.scoreCsv('iris-tensor', csv('a,b,c,d\n6.7,3.0,5.2,2.3\n5.1,3.5,1.4,0.2\n'), { includeInputs: false });
    expect(res.rows).toBe(2);
    expect((await res.csv.text()).split('\n').slice(1, 3).map((l) => l.split(',')[0])).toEqual(['2', '0']);
    // A header naming the input still goes through the named-tensor rules (one column per tensor).
    const named = await errorOf(api.scoreCsv('iris-tensor', csv('float_input\n5.1\n')));
    expect(named.code).toBe('INVALID_PARAMETER_VALUE');
  });

  it('widens [N, k] outputs into k columns and writes floats as float32', async () => {
    const { files } = onnxModelFolder(fixture('tf_model_multiple_inputs_float32.onnx'));
    await api.loadModel('tf-mult', { kind: 'folder', files });
    const body = ['first_input:0,second_input:0', ...Array.from({ length: 10 }, (_, i) => `${i / 10},3`)].join('\n');
    const res = await api.scoreCsv('tf-mult', csv(body), { includeInputs: false, rowsPerChunk: 10 });
    expect(res.columns).toEqual(['output:0']);
    expect((await res.csv.text()).split('\n').slice(1, 4)).toEqual(['0', '0.3', '0.6']);
    expect([formatFloat32(Math.fround(0.1)), formatFloat32(Math.fround(1 / 3)), formatFloat32(NaN), formatFloat32(-Infinity)]).toEqual(['0.1', '0.33333334', '', '-inf']);
  });

  it('stops a cancelled job before its next chunk', async () => {
    const key = await loadIris();
    const rows = Array.from({ length: 50 }, () => '5.1,3.5,1.4,0.2');
    const job = api.scoreCsv(key, csv(['sl,sw,pl,pw', ...rows].join('\n')), { rowsPerChunk: 10, jobId: 'j1' }, () => void api.cancelBatch('j1'));
    expect(await errorOf(job)).toEqual({ code: 'INVALID_STATE', message: 'Batch scoring was cancelled.' });
  });
});
