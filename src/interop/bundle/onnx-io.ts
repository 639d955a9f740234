/**
 * The inputs and outputs of an ONNX graph (onnx.proto: ModelProto.graph = 7; GraphProto.initializer = 5,
 * input = 11, output = 12; ValueInfoProto.name = 1, type = 2; TypeProto.tensor_type = 1; Tensor.elem_type = 1,
 * shape = 2; TensorShapeProto.dim = 1; Dimension.dim_value = 1, dim_param = 2), read by walking the protobuf
 * wire format and skipping everything else, so weights are never copied or decoded. A full protobuf decode of
 * a 100 MB model would copy every initializer; this reads a few hundred bytes.
 */
import { invalidParam } from '../../core/errors';
import type { ModelSignature, TensorSpec } from '../../models/signature';

/** numpy dtype names by ONNX TensorProto.DataType. */
const DTYPES: Record<number, string> = {
  1: 'float32', 2: 'uint8', 3: 'int8', 4: 'uint16', 5: 'int16', 6: 'int32', 7: 'int64', 8: 'str', 9: 'bool',
  10: 'float16', 11: 'float64', 12: 'uint32', 13: 'uint64', 14: 'complex64', 15: 'complex128',
};

export interface OnnxGraphIo {
  inputs: TensorSpec[];
  outputs: TensorSpec[];
  /** Outputs or inputs a tensor signature cannot describe (sequences, maps: e.g. sklearn's ZipMap). */
  skipped: string[];
  /** True when a weight lives in an external data file next to the .onnx (not importable as one file). */
  externalData: boolean;
}

type Field = { no: number; wire: number; value: number; start: number; end: number };

const notOnnx = () => invalidParam('This file is not a valid ONNX model (its protobuf structure could not be read).');

/** The fields of one message in `buf[start, end)`; length-delimited values are given as byte ranges. */
function* fields(buf: Uint8Array, start: number, end: number): Generator<Field> {
  let p = start;
  const varint = (): number => {
    let v = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      if (p >= end) throw notOnnx();
      const b = buf[p++];
      v += (b & 0x7f) * mul;
      if (b < 0x80) return v;
      mul *= 128;
    }
    throw notOnnx();
  };
  while (p < end) {
    const key = varint();
    const no = Math.floor(key / 8);
    const wire = key & 7;
    if (wire === 0) yield { no, wire, value: varint(), start: p, end: p };
    else if (wire === 1 || wire === 5) {
      p += wire === 1 ? 8 : 4;
      if (p > end) throw notOnnx();
    } else if (wire === 2) {
      const len = varint();
      if (p + len > end) throw notOnnx();
      yield { no, wire, value: len, start: p, end: p + len };
      p += len;
    } else throw notOnnx();
  }
}

const sub = (buf: Uint8Array, f: Field, no: number): Field[] => [...fields(buf, f.start, f.end)].filter((x) => x.no === no);
const text = (buf: Uint8Array, f: Field): string => new TextDecoder().decode(buf.subarray(f.start, f.end));

/** A graph input or output as a TensorSpec, or null when it is not a tensor. */
function valueInfo(buf: Uint8Array, f: Field): { name: string; spec: TensorSpec | null } {
  const name = sub(buf, f, 1).map((x) => text(buf, x))[0] ?? '';
  const tensor = sub(buf, f, 2).flatMap((t) => sub(buf, t, 1))[0];
  if (!tensor) return { name, spec: null };
  const elem = sub(buf, tensor, 1)[0]?.value;
  const dtype = elem === undefined ? undefined : DTYPES[elem];
  if (!dtype) throw invalidParam(`ONNX ${name ? `tensor '${name}'` : 'tensor'} has element type ${elem ?? 'unset'}, which has no numpy dtype.`);
  const shapeField = sub(buf, tensor, 2)[0];
  // A missing shape means unknown rank; [-1] (one variable dimension) is the closest a TensorSpec can say.
  const shape = shapeField
    ? sub(buf, shapeField, 1).map((d) => sub(buf, d, 1)[0]?.value ?? -1).map((v) => (v > 0 ? v : -1))
    : [-1];
  return { name, spec: { kind: 'tensor', name, dtype, shape } };
}

/** Whether a TensorProto (an initializer) keeps its data in an external file (data_location = 14 = EXTERNAL). */
const isExternal = (buf: Uint8Array, f: Field): boolean => sub(buf, f, 14).some((x) => x.value === 1);

/** Reads the graph's inputs (initializers excluded, as older exporters list them as inputs) and outputs. */
export function readOnnxGraphIo(model: Uint8Array): OnnxGraphIo {
  if (model.length === 0) throw invalidParam('The ONNX model is empty.');
  const graph = [...fields(model, 0, model.length)].filter((f) => f.no === 7 && f.wire === 2).pop();
  if (!graph) throw invalidParam('This file is not a valid ONNX model: it has no graph.');
  const inits = new Set<string>();
  let externalData = false;
  const inputs: TensorSpec[] = [];
  const outputs: TensorSpec[] = [];
  const skipped: string[] = [];
  for (const f of fields(model, graph.start, graph.end)) {
    if (f.wire !== 2) continue;
    if (f.no === 5) {
      inits.add(sub(model, f, 8).map((x) => text(model, x))[0] ?? '');
      externalData ||= isExternal(model, f);
    }
    if (f.no !== 11 && f.no !== 12) continue;
    const { name, spec } = valueInfo(model, f);
    if (!spec) skipped.push(`${f.no === 11 ? 'input' : 'output'} '${name}'`);
    else (f.no === 11 ? inputs : outputs).push(spec);
  }
  return { inputs: inputs.filter((s) => !inits.has(s.name!)), outputs, skipped, externalData };
}

/** A tensor-based signature from the graph; outputs MLflow cannot describe are left out. */
export function signatureFromGraph(io: OnnxGraphIo): ModelSignature {
  if (io.inputs.length === 0) throw invalidParam('The ONNX graph has no tensor inputs, so no signature can be derived.');
  return {
    inputs: { kind: 'tensor', inputs: io.inputs },
    outputs: io.outputs.length ? { kind: 'tensor', inputs: io.outputs } : null,
    params: null,
  };
}
