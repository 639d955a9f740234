/**
 * skl2onnx's ZipMap (ai.onnx.ml): a classifier's probabilities as a sequence of {class: probability} maps.
 * onnxruntime-web returns tensors only, so a ZipMap output cannot be fetched as is. Its input is the plain
 * [N, classes] float tensor, though: the model is loaded with that tensor added as a graph output, and each row
 * is zipped with the node's class labels here, giving what MLflow's onnx pyfunc returns for the output.
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/** A ZipMap node behind a graph output: the output's name, the probabilities tensor it reads, the class labels. */
export interface ZipMapOutput {
  output: string;
  input: string;
  /** Class labels as JSON object keys (int64 labels as decimal strings, like Python's `json.dumps`). */
  keys: string[];
}

/** The ZipMap nodes that produce any of `outputs` (graph outputs onnxruntime-web cannot return). */
export function findZipMaps(bytes: Uint8Array, outputs: readonly string[]): ZipMapOutput[] {
  let model: InstanceType<typeof onnx.ModelProto>;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch {
    return []; // onnxruntime read it; if protobufjs can't, the outputs stay left out (with their note)
  }
  const found: ZipMapOutput[] = [];
  for (const node of model.graph?.node ?? []) {
    if (node.opType !== 'ZipMap' || node.domain !== 'ai.onnx.ml' || node.input?.length !== 1) continue;
    const output = node.output?.[0];
    if (!output || !outputs.includes(output)) continue;
    const attr = (name: string) => node.attribute?.find((a) => a.name === name);
    const ints = attr('classlabels_int64s')?.ints ?? [];
    const strings = attr('classlabels_strings')?.strings ?? [];
    const keys = ints.length ? ints.map((v) => String(v)) : strings.map((s) => new TextDecoder().decode(s));
    if (keys.length) found.push({ output, input: node.input[0]!, keys });
  }
  return found;
}

/**
 * `bytes` with the tensors `names` (ZipMap inputs) declared as float graph outputs. The new outputs are appended
 * as a second `graph` field: protobuf merges repeated occurrences of a message field, so the graph gains the
 * outputs and nothing is decoded, re-encoded or copied but the bytes themselves.
 */
export function exposeZipMapInputs(bytes: Uint8Array, names: readonly string[]): Uint8Array {
  const FLOAT = onnx.TensorProto.DataType.FLOAT;
  const output = names.map((name) => onnx.ValueInfoProto.create({
    name,
    type: onnx.TypeProto.create({ tensorType: onnx.TypeProto.Tensor.create({ elemType: FLOAT }) }),
  }));
  const patch = onnx.ModelProto.encode(onnx.ModelProto.create({ graph: onnx.GraphProto.create({ output }) })).finish();
  const out = new Uint8Array(bytes.byteLength + patch.byteLength);
  out.set(bytes, 0);
  out.set(patch, bytes.byteLength);
  return out;
}
