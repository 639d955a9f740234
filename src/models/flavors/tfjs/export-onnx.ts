/**
 * TF.js LayersModel → ONNX ModelProto, so every model trained in Flowpad also carries an `onnx` flavor that
 * Python's onnxruntime (and `mlflow.pyfunc`) can run.
 *
 * Supported: Sequential models and functional models that are a single chain (one input, one output, each layer
 * fed by the previous one) of the layers in {@link LAYER_CONVERTERS} with channels-last data. The ONNX model's
 * input has the TF.js input's shape and layout (NHWC for images) with a symbolic batch dimension `N`, and its
 * output equals `model.predict` within float32 rounding. IR version 8, opset 13.
 * Non-features: branches (Add/Concatenate), RNNs, Conv1D/3D, depthwise/separable convs, Reshape, Embedding.
 */
import * as tf from '@tensorflow/tfjs';
import { MlflowError } from '../../../core/errors';
import { toNHWC, type Flow } from './onnx-activations';
import { addIdentity, DEFAULT_OPSET, encodeModel, newGraph, renameLastOutput, uniqueName } from './onnx-graph';
import { LAYER_CONVERTERS } from './onnx-layers';

export interface OnnxExportOptions {
  /** ONNX opset (≥ 13). */
  opset?: number;
  /** Graph input name; default the TF.js input name (e.g. `dense_Dense1_input`). */
  inputName?: string;
  /** Graph output name; default the TF.js output layer name (e.g. `dense_Dense3`). */
  outputName?: string;
}

const invalid = (m: string): MlflowError => new MlflowError('INVALID_PARAMETER_VALUE', m);

/** The model's layers in order, checked to form one chain from the single input to the single output. */
export function chainLayers(model: tf.LayersModel): tf.layers.Layer[] {
  if (model.inputs.length !== 1 || model.outputs.length !== 1) {
    throw invalid(`Cannot export model '${model.name}' to ONNX: it has ${model.inputs.length} inputs and ${model.outputs.length} outputs; only single-input, single-output chains are supported.`);
  }
  const layers = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
  layers.forEach((l, i) => {
    const nodes = l.inboundNodes;
    const from = nodes.length === 1 ? nodes[0].inboundLayers : [];
    const ok = from.length === 1 && (i === 0 ? from[0].getClassName() === 'InputLayer' : from[0] === layers[i - 1]);
    if (!ok) {
      throw invalid(`Cannot export layer '${l.name}' (${l.getClassName()}) to ONNX: it is not fed by the previous layer alone (branches and shared layers are not supported).`);
    }
  });
  if (layers.length && model.outputs[0].sourceLayer !== layers[layers.length - 1]) {
    throw invalid(`Cannot export model '${model.name}' to ONNX: its output is not the last layer of the chain.`);
  }
  return layers;
}

/** Input and output names as the ONNX graph and signatures use them: the input layer's and output layer's names. */
export function ioNames(model: tf.LayersModel): { inputs: string[]; outputs: string[] } {
  return { inputs: model.inputs.map((t) => t.sourceLayer.name), outputs: model.outputs.map((t) => t.sourceLayer.name) };
}

const dims = (shape: (number | null)[]): (number | string)[] => shape.map((d, i) => (d === null ? (i === 0 ? 'N' : `d${i}`) : d));

/**
 * Converts `model` to ONNX bytes. An unsupported layer or option → INVALID_PARAMETER_VALUE naming the layer's
 * name and class. Reads weights synchronously (`dataSync`), so call it in a worker for big models.
 */
export function exportLayersModelToOnnx(model: tf.LayersModel, opts: OnnxExportOptions = {}): Uint8Array {
  const opset = opts.opset ?? DEFAULT_OPSET;
  if (opset < 13) throw invalid(`ONNX export needs opset 13 or newer, got ${opset}.`);
  const layers = chainLayers(model);
  const input = model.inputs[0];
  if (input.dtype !== 'float32') throw invalid(`Cannot export model '${model.name}' to ONNX: input dtype ${input.dtype} is not supported (float32 only).`);
  const g = newGraph();
  const inputName = uniqueName(g, opts.inputName ?? ioNames(model).inputs[0]);
  const inShape = input.shape as (number | null)[];
  const f: Flow = { g, x: inputName, rank: inShape.length, nchw: false };
  for (const layer of layers) {
    const convert = LAYER_CONVERTERS[layer.getClassName()];
    if (!convert) {
      throw invalid(`Cannot export layer '${layer.name}' (${layer.getClassName()}) to ONNX: the layer class is not supported (supported: ${Object.keys(LAYER_CONVERTERS).join(', ')}).`);
    }
    convert(f, layer, layer.getConfig() as Record<string, unknown>);
  }
  toNHWC(f, 'output');
  const outputName = opts.outputName ?? ioNames(model).outputs[0];
  if (f.x === inputName) addIdentity(g, inputName, outputName); // only identity layers: ONNX still needs a node
  else renameLastOutput(g, f.x, outputName);
  return encodeModel(g, { name: inputName, dims: dims(inShape) }, { name: outputName, dims: dims(model.outputs[0].shape as (number | null)[]) }, {
    graphName: model.name, producerName: 'flowpad', producerVersion: `tfjs-layers ${tf.version.tfjs}`, opset,
    docString: `Exported from a TF.js ${model.getClassName()} by Flowpad.`,
  });
}
