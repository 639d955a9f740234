/**
 * The one gradient kernel TF.js's WASM backend lacks for training a CNN: `Conv2DBackpropFilter` (the weight
 * gradient of Conv2D). Without it, `model.trainOnBatch` on a conv layer fails with "Kernel
 * 'Conv2DBackpropFilter' not registered for backend 'wasm'" and CNNs could only train on the slow CPU backend.
 *
 * It runs in JavaScript over the WASM heap (channels-last only, as every Flowpad model is), which for the small
 * CNNs trained here costs about as much as the convolution itself. Import this module after the WASM backend.
 */
import * as tf from '@tensorflow/tfjs';

/** What the loop needs from `backend_util.computeConv2DInfo`. */
export interface ConvGeometry {
  batchSize: number;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  outHeight: number;
  outWidth: number;
  outChannels: number;
  filterHeight: number;
  filterWidth: number;
  strideHeight: number;
  strideWidth: number;
  dilationHeight: number;
  dilationWidth: number;
  padTop: number;
  padLeft: number;
}

/**
 * dW[kh, kw, ci, co] = Σ_{b, oh, ow} x[b, oh·sh + kh·dh − padTop, ow·sw + kw·dw − padLeft, ci] · dy[b, oh, ow, co],
 * NHWC input and output gradient, HWIO filter. Written into `out` (zeroed here).
 */
export function conv2dBackpropFilterNHWC(x: ArrayLike<number>, dy: ArrayLike<number>, g: ConvGeometry, out: Float32Array): Float32Array {
  const { inHeight: H, inWidth: W, inChannels: CI, outHeight: OH, outWidth: OW, outChannels: CO, filterWidth: KW } = g;
  out.fill(0);
  for (let b = 0; b < g.batchSize; b++) {
    for (let oh = 0; oh < OH; oh++) {
      for (let ow = 0; ow < OW; ow++) {
        const dyBase = ((b * OH + oh) * OW + ow) * CO;
        for (let kh = 0; kh < g.filterHeight; kh++) {
          const ih = oh * g.strideHeight + kh * g.dilationHeight - g.padTop;
          if (ih < 0 || ih >= H) continue;
          for (let kw = 0; kw < KW; kw++) {
            const iw = ow * g.strideWidth + kw * g.dilationWidth - g.padLeft;
            if (iw < 0 || iw >= W) continue;
            const xBase = ((b * H + ih) * W + iw) * CI;
            for (let ci = 0; ci < CI; ci++) {
              const xv = x[xBase + ci];
              if (xv === 0) continue; // ReLU outputs and zero padding make many inputs zero
              const wBase = ((kh * KW + kw) * CI + ci) * CO;
              for (let co = 0; co < CO; co++) out[wBase + co] += xv * dy[dyBase + co];
            }
          }
        }
      }
    }
  }
  return out;
}

interface WasmBackendLike {
  typedArrayFromHeap(t: tf.TensorInfo): ArrayLike<number>;
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
}

interface Attrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

const kernelFunc = ({ inputs, backend, attrs }: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap }): tf.TensorInfo => {
  const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const a = attrs as unknown as Attrs;
  if (a.dataFormat !== 'NHWC') throw new Error('Conv2DBackpropFilter on wasm: only channels-last (NHWC) data is supported');
  const info = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], a.filterShape, a.strides, 1, a.pad, a.dimRoundingMode);
  const wasm = backend as WasmBackendLike;
  const out = wasm.makeOutput(a.filterShape, 'float32');
  conv2dBackpropFilterNHWC(wasm.typedArrayFromHeap(x), wasm.typedArrayFromHeap(dy),
    { ...info, padTop: info.padInfo.top, padLeft: info.padInfo.left }, wasm.typedArrayFromHeap(out) as Float32Array);
  return out;
};

if (!tf.getKernel('Conv2DBackpropFilter', 'wasm')) {
  tf.registerKernel({ kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc: kernelFunc as tf.KernelFunc });
}
