/** Conformance fixture for the tfjs flavor: a small MLP with random weights (test-only). */
import * as tf from '@tensorflow/tfjs';
import type { SavedFlavor } from '../../flavor';
import { save } from './index';

export async function makeSaved(): Promise<SavedFlavor> {
  await tf.setBackend('cpu');
  const m = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 4, activation: 'relu' }), tf.layers.dense({ units: 2 })] });
  try {
    return await save(m);
  } finally {
    m.dispose();
  }
}
