/**
 * One converter per TF.js layer class. Each reads the layer's config and weights and appends ONNX nodes to the
 * {@link Flow}. Convolutions and pooling run in NCHW (ONNX's layout) behind Transposes; everything shape-sensitive
 * (Flatten, Dense, softmax, the output) runs in TF.js's NHWC order, so the ONNX model takes and returns exactly
 * what the TF.js model does.
 */
import type * as tf from '@tensorflow/tfjs';
import { MlflowError } from '../../../core/errors';
import { applyActivation, toNCHW, toNHWC, type Flow } from './onnx-activations';
import { addInitializer, addNode } from './onnx-graph';

type Layer = tf.layers.Layer;
type Config = Record<string, unknown>;
interface Weight { shape: number[]; values: Float32Array }

const unsupported = (layer: Layer, why: string): MlflowError =>
  new MlflowError('INVALID_PARAMETER_VALUE', `Cannot export layer '${layer.name}' (${layer.getClassName()}) to ONNX: ${why}.`);

/** The layer's weights by short name (`kernel`, `bias`, `gamma`, `moving_mean` …), copied to float32. */
function weightsOf(layer: Layer): Record<string, Weight> {
  const out: Record<string, Weight> = {};
  for (const w of layer.weights) {
    const short = w.originalName.slice(w.originalName.lastIndexOf('/') + 1);
    out[short] = { shape: [...w.shape] as number[], values: Float32Array.from(w.read().dataSync() as Float32Array) };
  }
  return out;
}

const pair = (v: unknown): [number, number] => (Array.isArray(v) ? [v[0], v[1] ?? v[0]] : [v as number, v as number]);

/** ONNX `pads` [top, left, bottom, right] for TF's 'same'/'valid' on a static H×W input. */
function pads(layer: Layer, padding: unknown, kernel: [number, number], strides: [number, number], dilation: [number, number]): number[] {
  if (padding === 'valid') return [0, 0, 0, 0];
  if (padding !== 'same') throw unsupported(layer, `padding '${String(padding)}' is not supported`);
  const shapes = layer.inboundNodes[0].inputShapes;
  const shape = (Array.isArray(shapes[0]) ? shapes[0] : shapes) as (number | null)[];
  const before: number[] = [];
  const after: number[] = [];
  for (let i = 0; i < 2; i++) {
    const size = shape[1 + i];
    if (size === null) throw unsupported(layer, "'same' padding needs static height and width");
    const k = (kernel[i] - 1) * dilation[i] + 1;
    const total = Math.max((Math.ceil(size / strides[i]) - 1) * strides[i] + k - size, 0);
    before.push(Math.floor(total / 2));
    after.push(total - Math.floor(total / 2));
  }
  return [...before, ...after];
}

function checkChannelsLast(layer: Layer, c: Config): void {
  if (c.dataFormat !== undefined && c.dataFormat !== 'channelsLast') throw unsupported(layer, `dataFormat '${String(c.dataFormat)}' is not supported (only channelsLast)`);
}

function dense(f: Flow, layer: Layer, c: Config): void {
  const w = weightsOf(layer);
  toNHWC(f, layer.name);
  f.x = addNode(f.g, 'MatMul', [f.x, addInitializer(f.g, `${layer.name}/kernel`, w.kernel.shape, w.kernel.values)], `${layer.name}/matmul`);
  if (w.bias) f.x = addNode(f.g, 'Add', [f.x, addInitializer(f.g, `${layer.name}/bias`, w.bias.shape, w.bias.values)], `${layer.name}/bias_add`);
  applyActivation(f, c.activation as string, layer.name);
}

/** [kh, kw, in, out] (TF) → [out, in, kh, kw] (ONNX). */
function kernelToOIHW(k: Weight): Weight {
  const [kh, kw, cin, cout] = k.shape;
  const out = new Float32Array(k.values.length);
  for (let y = 0; y < kh; y++) for (let x = 0; x < kw; x++) for (let i = 0; i < cin; i++) for (let o = 0; o < cout; o++) {
    out[((o * cin + i) * kh + y) * kw + x] = k.values[((y * kw + x) * cin + i) * cout + o];
  }
  return { shape: [cout, cin, kh, kw], values: out };
}

function conv2d(f: Flow, layer: Layer, c: Config): void {
  checkChannelsLast(layer, c);
  const w = weightsOf(layer);
  const kernel = pair(c.kernelSize);
  const strides = pair(c.strides ?? 1);
  const dilations = pair(c.dilationRate ?? 1);
  const p = pads(layer, c.padding, kernel, strides, dilations);
  toNCHW(f, layer.name);
  const k = kernelToOIHW(w.kernel);
  const inputs = [f.x, addInitializer(f.g, `${layer.name}/kernel`, k.shape, k.values)];
  if (w.bias) inputs.push(addInitializer(f.g, `${layer.name}/bias`, w.bias.shape, w.bias.values));
  f.x = addNode(f.g, 'Conv', inputs, `${layer.name}/conv`, { kernel_shape: kernel, strides, dilations, pads: p, group: 1 });
  applyActivation(f, c.activation as string, layer.name);
}

function pool(op: 'MaxPool' | 'AveragePool') {
  return (f: Flow, layer: Layer, c: Config): void => {
    checkChannelsLast(layer, c);
    const kernel = pair(c.poolSize ?? 2);
    const strides = pair(c.strides ?? kernel);
    const p = pads(layer, c.padding ?? 'valid', kernel, strides, [1, 1]);
    toNCHW(f, layer.name);
    // TF averages over the valid cells only: count_include_pad = 0 (ONNX's default), written out for clarity.
    const extra: Record<string, number> = op === 'AveragePool' ? { count_include_pad: 0 } : {};
    f.x = addNode(f.g, op, [f.x], `${layer.name}/pool`, { kernel_shape: kernel, strides, pads: p, ...extra });
  };
}

function globalPool(op: 'GlobalMaxPool' | 'GlobalAveragePool') {
  return (f: Flow, layer: Layer, c: Config): void => {
    checkChannelsLast(layer, c);
    if (c.keepDims) throw unsupported(layer, 'keepDims is not supported');
    toNCHW(f, layer.name);
    f.x = addNode(f.g, 'Flatten', [addNode(f.g, op, [f.x], `${layer.name}/pool`)], `${layer.name}/flatten`, { axis: 1 });
    f.rank = 2;
    f.nchw = false;
  };
}

function flatten(f: Flow, layer: Layer): void {
  toNHWC(f, layer.name); // TF.js flattens in NHWC order
  f.x = addNode(f.g, 'Flatten', [f.x], `${layer.name}/flatten`, { axis: 1 });
  f.rank = 2;
}

function batchNorm(f: Flow, layer: Layer, c: Config): void {
  const axis = c.axis as number;
  if (axis !== -1 && axis !== f.rank - 1) throw unsupported(layer, `axis ${axis} is not supported (only the last axis)`);
  const w = weightsOf(layer);
  const n = w.moving_mean.values.length;
  const gamma = w.gamma?.values ?? new Float32Array(n).fill(1);
  const beta = w.beta?.values ?? new Float32Array(n);
  const eps = (c.epsilon as number) ?? 1e-3;
  const name = layer.name;
  if (f.rank === 2 || (f.rank === 4 && f.nchw)) {
    // Channels sit on axis 1 here, where ONNX BatchNormalization expects them.
    const ins = [f.x, ...[['scale', gamma], ['bias', beta], ['mean', w.moving_mean.values], ['var', w.moving_variance.values]]
      .map(([k, v]) => addInitializer(f.g, `${name}/${k}`, [n], v as Float32Array))];
    f.x = addNode(f.g, 'BatchNormalization', ins, `${name}/bn`, { epsilon: { float: eps } });
    return;
  }
  // Channels last (NHWC, or rank 3): fold into x·s + t with s = γ/√(σ²+ε), t = β − μ·s (computed in float64).
  const s = new Float32Array(n);
  const t = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const si = gamma[i] / Math.sqrt(w.moving_variance.values[i] + eps);
    s[i] = si;
    t[i] = beta[i] - w.moving_mean.values[i] * si;
  }
  const scaled = addNode(f.g, 'Mul', [f.x, addInitializer(f.g, `${name}/scale`, [n], s)], `${name}/mul`);
  f.x = addNode(f.g, 'Add', [scaled, addInitializer(f.g, `${name}/shift`, [n], t)], `${name}/add`);
}

const identity = (): void => {};

/** Converters by `getClassName()`. Dropout and noise layers are identities at inference, as in TF.js predict. */
export const LAYER_CONVERTERS: Record<string, (f: Flow, layer: Layer, c: Config) => void> = {
  Dense: dense,
  Conv2D: conv2d,
  MaxPooling2D: pool('MaxPool'),
  AveragePooling2D: pool('AveragePool'),
  GlobalMaxPooling2D: globalPool('GlobalMaxPool'),
  GlobalAveragePooling2D: globalPool('GlobalAveragePool'),
  Flatten: flatten,
  BatchNormalization: batchNorm,
  Dropout: identity, SpatialDropout1D: identity, GaussianNoise: identity, GaussianDropout: identity, AlphaDropout: identity,
  Activation: (f, layer, c) => applyActivation(f, c.activation as string, layer.name),
  ReLU: (f, layer, c) => {
    if (c.maxValue !== null && c.maxValue !== undefined) {
      const lo = addInitializer(f.g, `${layer.name}/min`, [], Float32Array.of(0));
      const hi = addInitializer(f.g, `${layer.name}/max`, [], Float32Array.of(c.maxValue as number));
      f.x = addNode(f.g, 'Clip', [f.x, lo, hi], `${layer.name}/relu`);
    } else f.x = addNode(f.g, 'Relu', [f.x], `${layer.name}/relu`);
  },
  LeakyReLU: (f, layer, c) => { f.x = addNode(f.g, 'LeakyRelu', [f.x], `${layer.name}/leaky_relu`, { alpha: { float: (c.alpha as number) ?? 0.3 } }); },
  ELU: (f, layer, c) => { f.x = addNode(f.g, 'Elu', [f.x], `${layer.name}/elu`, { alpha: { float: (c.alpha as number) ?? 1 } }); },
  Softmax: (f, layer, c) => {
    const axis = c.axis as number | number[] | undefined;
    if (axis !== undefined && axis !== -1 && axis !== f.rank - 1) throw unsupported(layer, 'softmax over an axis other than the last');
    applyActivation(f, 'softmax', layer.name);
  },
};
