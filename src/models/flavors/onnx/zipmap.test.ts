/**
 * ZipMap outputs on hand-built graphs: string class labels (sklearn's int64 labels are covered by the MLflow
 * fixture in onnx.test.ts), a ZipMap that is the only output, and a non-tensor output that is not a ZipMap
 * (still left out, with the note).
 */
import onnxProto from 'onnx-proto';
import { afterAll, describe, expect, it } from 'vitest';
import { errorOf } from '../../../../test/error-of';
import type { LoadedModel } from '../../flavor';
import { scoreCsv } from '../../batch-scoring';
import { scoreRequest } from '../../predict';
import * as onnx from './index';
import { exposeZipMapInputs, findZipMaps } from './zipmap';

const { onnx: P } = onnxProto;
const FLOAT = P.TensorProto.DataType.FLOAT;
const floatInfo = (name: string, dims: (number | string)[]) => P.ValueInfoProto.create({
  name,
  type: { tensorType: { elemType: FLOAT, shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } } },
});
const seqMapInfo = (name: string) => P.ValueInfoProto.create({
  name, type: { sequenceType: { elemType: { mapType: { keyType: P.TensorProto.DataType.STRING, valueType: { tensorType: { elemType: FLOAT } } } } } },
});
const seqTensorInfo = (name: string) => P.ValueInfoProto.create({ name, type: { sequenceType: { elemType: { tensorType: { elemType: FLOAT } } } } });

/** X [N, 3] → Softmax → P; P → ZipMap(labels) → Z; optionally P → SequenceConstruct → S (a non-ZipMap sequence). */
function model(opts: { keepProbs: boolean; sequence?: boolean }): Uint8Array {
  const node = [
    P.NodeProto.create({ opType: 'Softmax', input: ['X'], output: ['P'], name: 'softmax', attribute: [{ name: 'axis', type: P.AttributeProto.AttributeType.INT, i: 1 }] }),
    P.NodeProto.create({
      opType: 'ZipMap', domain: 'ai.onnx.ml', input: ['P'], output: ['Z'], name: 'zipmap',
      attribute: [{ name: 'classlabels_strings', type: P.AttributeProto.AttributeType.STRINGS, strings: ['setosa', 'versicolor', 'virginica'].map((s) => new TextEncoder().encode(s)) }],
    }),
  ];
  if (opts.sequence) node.push(P.NodeProto.create({ opType: 'SequenceConstruct', input: ['P'], output: ['S'], name: 'seq' }));
  const output = [...(opts.keepProbs ? [floatInfo('P', ['N', 3])] : []), seqMapInfo('Z'), ...(opts.sequence ? [seqTensorInfo('S')] : [])];
  return P.ModelProto.encode(P.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 13 }, { domain: 'ai.onnx.ml', version: 1 }],
    graph: { name: 'g', node, input: [floatInfo('X', ['N', 3])], output },
  })).finish();
}

onnx.configureOnnxRuntime({ numThreads: 1 });
const loaded: LoadedModel[] = [];
const load = async (bytes: Uint8Array): Promise<LoadedModel> => {
  const m = await onnx.loadOnnxBytes(bytes);
  loaded.push(m);
  return m;
};
afterAll(async () => {
  for (const m of loaded) await onnx.dispose(m as never);
});

const softmax = (row: number[]): number[] => {
  const e = row.map((x) => Math.exp(x - Math.max(...row)));
  return e.map((x) => x / e.reduce((a, b) => a + b));
};

describe('ZipMap outputs', () => {
  it('finds the node, its input and string labels; appending the outputs leaves the original bytes first', () => {
    const bytes = model({ keepProbs: false });
    const z = findZipMaps(bytes, ['Z']);
    expect(z).toEqual([{ output: 'Z', input: 'P', keys: ['setosa', 'versicolor', 'virginica'] }]);
    expect(findZipMaps(bytes, ['other'])).toEqual([]);
    expect(findZipMaps(new Uint8Array([1, 2, 3]), ['Z'])).toEqual([]);
    const patched = exposeZipMapInputs(bytes, ['P']);
    expect([...patched.subarray(0, bytes.length)]).toEqual([...bytes]);
    // The suffix is a second `graph` field holding only the new output; onnxruntime's protobuf merges it into the
    // first (protobufjs would replace it instead, so the check is on the suffix; loading is checked below).
    const suffix = P.ModelProto.decode(patched.subarray(bytes.length));
    expect(suffix.graph?.output?.map((o) => [o.name, o.type?.tensorType?.elemType])).toEqual([['P', FLOAT]]);
    expect(suffix.graph?.node).toEqual([]);
  });

  it('a ZipMap as the only output: one {label: probability} map per row, in graph order with the tensors', async () => {
    const m = await load(model({ keepProbs: false }));
    expect(m.outputs).toEqual([]);
    expect(m.notes).toEqual([]);
    const x = [[1, 2, 3], [0, 0, 5]];
    const res = await scoreRequest(onnx, m, { inputs: x }, null);
    const maps = (res.predictions as { Z: Record<string, number>[] }).Z;
    expect(Object.keys(res.predictions as object)).toEqual(['Z']);
    expect(maps.map((r) => Object.keys(r))).toEqual([['setosa', 'versicolor', 'virginica'], ['setosa', 'versicolor', 'virginica']]);
    x.forEach((row, i) => softmax(row).forEach((p, j) => expect(Object.values(maps[i])[j]).toBeCloseTo(p, 6)));

    const both = await load(model({ keepProbs: true }));
    const r2 = await scoreRequest(onnx, both, { inputs: x }, null);
    expect(Object.keys(r2.predictions as object)).toEqual(['P', 'Z']);
    // A DataFrame request: MLflow's pyfunc flattens P (3 values a row) but keeps one map a row, so the lengths
    // differ and pandas cannot build the frame; the same error MLflow raises.
    const e = await errorOf(scoreRequest(onnx, both, { dataframe_split: { columns: ['a', 'b', 'c'], data: x } }, null));
    expect(e.message).toMatch(/All arrays must be of the same length/);
    // Batch scoring a CSV: one column per value of P, and one per class of the maps, named by the class.
    const csv = await scoreCsv(onnx, m, null, new Blob(['a,b,c\n1,2,3\n0,0,5\n']));
    expect(csv.columns).toEqual(['a', 'b', 'c', 'Z[setosa]', 'Z[versicolor]', 'Z[virginica]']);
    expect(csv.rows).toBe(2);
  });

  it('a non-tensor output that is not a ZipMap is still left out, with the note', async () => {
    const m = await load(model({ keepProbs: true, sequence: true }));
    expect(m.outputs.map((o) => o.name)).toEqual(['P']);
    expect(m.notes).toHaveLength(1);
    expect(m.notes[0]).toMatch(/^Output 'S' is not a tensor/);
    const res = await scoreRequest(onnx, m, { inputs: [[1, 2, 3]] }, null);
    expect(Object.keys(res.predictions as object)).toEqual(['P', 'Z']);
  });
});
