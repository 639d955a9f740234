import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeRng } from '../../../core/rng';
import { conv2dBackpropFilterNHWC } from './wasm-conv-grad';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('conv2dBackpropFilterNHWC', () => {
  const cases: { name: string; x: number[]; f: number[]; strides: [number, number]; pad: 'same' | 'valid' }[] = [
    { name: "3×3 'same', stride 1 (the digits CNN)", x: [4, 8, 8, 1], f: [3, 3, 1, 16], strides: [1, 1], pad: 'same' },
    { name: "3×3 'valid', stride 2, several input channels", x: [2, 7, 9, 3], f: [3, 3, 3, 5], strides: [2, 2], pad: 'valid' },
    { name: "2×4 'same', stride (1, 2)", x: [3, 6, 6, 2], f: [2, 4, 2, 3], strides: [1, 2], pad: 'same' },
  ];
  for (const c of cases) {
    it(`matches TF.js's CPU gradient: ${c.name}`, () => {
      const rng = makeRng(5);
      const x = tf.tensor4d(Float32Array.from({ length: c.x.reduce((a, b) => a * b) }, () => (rng() < 0.3 ? 0 : rng() - 0.5)), c.x as [number, number, number, number]);
      const f = tf.tensor4d(Float32Array.from({ length: c.f.reduce((a, b) => a * b) }, () => rng() - 0.5), c.f as [number, number, number, number]);
      const y = tf.conv2d(x, f, c.strides, c.pad);
      const dy = tf.randomUniform(y.shape, -1, 1, 'float32', 3);
      const want = tf.grad((w) => tf.conv2d(x, w as tf.Tensor4D, c.strides, c.pad).mul(dy).sum())(f);
      const info = tf.backend_util.computeConv2DInfo(c.x as [number, number, number, number], c.f as [number, number, number, number], c.strides, 1, c.pad);
      const got = conv2dBackpropFilterNHWC(x.dataSync(), dy.dataSync(), { ...info, padTop: info.padInfo.top, padLeft: info.padInfo.left },
        new Float32Array(f.size));
      const w = want.dataSync();
      got.forEach((v, i) => expect(v).toBeCloseTo(w[i], 4));
      tf.dispose([x, f, y, dy, want]);
    });
  }
});
