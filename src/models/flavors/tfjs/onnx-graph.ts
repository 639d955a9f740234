/**
 * A small builder for ONNX graphs, encoded with the `onnx-proto` messages (protobufjs static code for onnx.proto).
 * Only what the TF.js exporter needs: float32 initializers, nodes with int/float/ints attributes, one input and
 * one output with a symbolic batch dimension.
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/** IR version 8 (ONNX 1.10+): loadable by onnxruntime ≥ 1.10 in Python and by onnxruntime-web. */
export const IR_VERSION = 8;
/** Default opset: 13 (Softmax over one axis, Clip with min/max inputs). */
export const DEFAULT_OPSET = 13;

type AttrValue = number | number[] | { float: number } | { floats: number[] };

/** The graph under construction. Names are unique within it. */
export interface GraphBuilder {
  nodes: InstanceType<typeof onnx.NodeProto>[];
  initializers: InstanceType<typeof onnx.TensorProto>[];
  used: Set<string>;
}

export function newGraph(): GraphBuilder {
  return { nodes: [], initializers: [], used: new Set() };
}

/** A fresh name based on `base` (sanitised; suffixed when taken). */
export function uniqueName(g: GraphBuilder, base: string): string {
  const clean = base.replace(/[^\w./:-]/g, '_');
  let name = clean;
  for (let i = 1; g.used.has(name); i++) name = `${clean}_${i}`;
  g.used.add(name);
  return name;
}

/** Adds a float32 constant (little-endian raw data) and returns its name. */
export function addInitializer(g: GraphBuilder, base: string, dims: number[], values: Float32Array): string {
  const name = uniqueName(g, base);
  const raw = new Uint8Array(values.buffer, values.byteOffset, values.byteLength).slice();
  g.initializers.push(onnx.TensorProto.create({ name, dims, dataType: onnx.TensorProto.DataType.FLOAT, rawData: raw }));
  return name;
}

function attribute(name: string, v: AttrValue): InstanceType<typeof onnx.AttributeProto> {
  const T = onnx.AttributeProto.AttributeType;
  if (typeof v === 'number') return onnx.AttributeProto.create({ name, type: T.INT, i: v });
  if (Array.isArray(v)) return onnx.AttributeProto.create({ name, type: T.INTS, ints: v });
  if ('float' in v) return onnx.AttributeProto.create({ name, type: T.FLOAT, f: v.float });
  return onnx.AttributeProto.create({ name, type: T.FLOATS, floats: v.floats });
}

/** Integers go in as INT/INTS attributes; wrap floats as `{float: x}`. Returns the node's output name. */
export function addNode(g: GraphBuilder, opType: string, inputs: string[], base: string, attrs: Record<string, AttrValue> = {}): string {
  const output = uniqueName(g, base);
  g.nodes.push(onnx.NodeProto.create({
    opType, input: inputs, output: [output], name: uniqueName(g, `${base}/${opType}`),
    attribute: Object.entries(attrs).map(([k, v]) => attribute(k, v)),
  }));
  return output;
}

/** Adds `Identity(input) → output` with that exact output name. */
export function addIdentity(g: GraphBuilder, input: string, output: string): void {
  g.used.add(output);
  g.nodes.push(onnx.NodeProto.create({ opType: 'Identity', input: [input], output: [output], name: uniqueName(g, `${output}/Identity`) }));
}

/** Renames tensor `from` to `to` everywhere (so the graph output carries the model's output name). */
export function renameLastOutput(g: GraphBuilder, from: string, to: string): void {
  for (const n of g.nodes) {
    n.output = n.output.map((o) => (o === from ? to : o));
    n.input = n.input.map((i) => (i === from ? to : i));
  }
  g.used.add(to);
}

/** A float tensor value info; string dims are symbolic (`N`). */
function valueInfo(name: string, dims: (number | string)[]): InstanceType<typeof onnx.ValueInfoProto> {
  return onnx.ValueInfoProto.create({
    name,
    type: {
      tensorType: {
        elemType: onnx.TensorProto.DataType.FLOAT,
        shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) },
      },
    },
  });
}

export interface ModelMeta { graphName: string; producerName: string; producerVersion: string; opset: number; docString?: string }

/** Encodes the graph as an ONNX ModelProto. */
export function encodeModel(
  g: GraphBuilder, input: { name: string; dims: (number | string)[] }, output: { name: string; dims: (number | string)[] }, meta: ModelMeta,
): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    producerName: meta.producerName,
    producerVersion: meta.producerVersion,
    docString: meta.docString ?? '',
    opsetImport: [{ domain: '', version: meta.opset }],
    graph: {
      name: meta.graphName,
      node: g.nodes,
      initializer: g.initializers,
      input: [valueInfo(input.name, input.dims)],
      output: [valueInfo(output.name, output.dims)],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}
