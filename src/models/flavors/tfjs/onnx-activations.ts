/** TF.js activation functions as ONNX nodes (elementwise, so layout-agnostic except softmax, which needs NHWC). */
import { MlflowError } from '../../../core/errors';
import { addInitializer, addNode, type GraphBuilder } from './onnx-graph';

/** The tensor flowing through the exporter: its name, rank, and whether a rank-4 tensor is currently NCHW. */
export interface Flow { g: GraphBuilder; x: string; rank: number; nchw: boolean }

/** Puts a rank-4 tensor into ONNX's NCHW layout (Conv, pooling) if it isn't already. */
export function toNCHW(f: Flow, base: string): void {
  if (f.rank !== 4 || f.nchw) return;
  f.x = addNode(f.g, 'Transpose', [f.x], `${base}/to_nchw`, { perm: [0, 3, 1, 2] });
  f.nchw = true;
}

/** Puts a rank-4 tensor back into TF.js's NHWC layout (Flatten, Dense, softmax, the model output). */
export function toNHWC(f: Flow, base: string): void {
  if (f.rank !== 4 || !f.nchw) return;
  f.x = addNode(f.g, 'Transpose', [f.x], `${base}/to_nhwc`, { perm: [0, 2, 3, 1] });
  f.nchw = false;
}

const scalar = (f: Flow, base: string, v: number): string => addInitializer(f.g, base, [], Float32Array.of(v));

// tfjs-layers' SELU constants (activations.ts), also ONNX's Selu defaults to float precision.
const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;

/** Activation names TF.js serialises (`getConfig().activation`) that the exporter can write. */
export const SUPPORTED_ACTIVATIONS = [
  'linear', 'relu', 'relu6', 'sigmoid', 'hardSigmoid', 'tanh', 'softmax', 'logSoftmax',
  'elu', 'selu', 'softplus', 'softsign', 'swish', 'mish',
] as const;

/** Appends `activation` after the current tensor. Unknown names → INVALID_PARAMETER_VALUE naming the layer. */
export function applyActivation(f: Flow, activation: string | undefined | null, layer: string): void {
  const a = activation ?? 'linear';
  const x = f.x;
  const unary = (op: string, attrs = {}): string => addNode(f.g, op, [x], `${layer}/${a}`, attrs);
  switch (a) {
    case 'linear': return;
    case 'relu': f.x = unary('Relu'); return;
    case 'relu6': f.x = addNode(f.g, 'Clip', [x, scalar(f, `${layer}/zero`, 0), scalar(f, `${layer}/six`, 6)], `${layer}/relu6`); return;
    case 'sigmoid': f.x = unary('Sigmoid'); return;
    case 'hardSigmoid': f.x = unary('HardSigmoid', { alpha: { float: 0.2 }, beta: { float: 0.5 } }); return;
    case 'tanh': f.x = unary('Tanh'); return;
    case 'elu': f.x = unary('Elu', { alpha: { float: 1 } }); return;
    case 'selu': f.x = unary('Selu', { alpha: { float: SELU_ALPHA }, gamma: { float: SELU_SCALE } }); return;
    case 'softplus': f.x = unary('Softplus'); return;
    case 'softsign': f.x = unary('Softsign'); return;
    case 'softmax': case 'logSoftmax':
      toNHWC(f, layer);
      f.x = addNode(f.g, a === 'softmax' ? 'Softmax' : 'LogSoftmax', [f.x], `${layer}/${a}`, { axis: -1 });
      return;
    case 'swish': f.x = addNode(f.g, 'Mul', [x, unary('Sigmoid')], `${layer}/swish`); return;
    case 'mish': {
      const sp = addNode(f.g, 'Softplus', [x], `${layer}/softplus`);
      f.x = addNode(f.g, 'Mul', [x, addNode(f.g, 'Tanh', [sp], `${layer}/tanh`)], `${layer}/mish`);
      return;
    }
    default:
      throw new MlflowError('INVALID_PARAMETER_VALUE',
        `Cannot export layer '${layer}' to ONNX: activation '${a}' is not supported (supported: ${SUPPORTED_ACTIVATIONS.join(', ')}).`);
  }
}
