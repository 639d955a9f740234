/**
 * Builds the trainer's Keras-style models (an MLP, or a small CNN for images) with seeded weight init, and
 * folds the input normalisation into the first layer so the saved model takes raw feature values.
 */
import * as tf from '@tensorflow/tfjs';
import { invalidParam } from '../../../core/errors';
import { deriveSeed } from '../../../core/rng';
import { OPTIMIZERS, type Activation, type OptimizerName } from './options';


/** Everything that decides a model's shape and its training, as plain data. */
export interface ModelConfig {
  task: 'classification' | 'regression';
  /** Shape of one sample: [features], or [height, width, channels] for images. */
  sampleShape: number[];
  /** Number of classes (classification) or 1 (regression). */
  outputs: number;
  /** Units of each hidden dense layer, input to output. */
  hiddenUnits: number[];
  activation: Activation;
  /** Dropout rate after each hidden dense layer, in [0, 1). */
  dropout: number;
  /** Filters of the one 3×3 conv + 2×2 max-pool block images get first; 0 for none. */
  convFilters: number;
  optimizer: OptimizerName;
  learningRate: number;
  seed: number;
}

function makeOptimizer(name: OptimizerName, lr: number): tf.Optimizer {
  switch (name) {
    case 'adam': return tf.train.adam(lr);
    case 'sgd': return tf.train.sgd(lr);
    case 'rmsprop': return tf.train.rmsprop(lr);
    case 'adagrad': return tf.train.adagrad(lr);
    default: throw invalidParam(`Unknown optimizer '${String(name)}'; choose one of ${OPTIMIZERS.join(', ')}.`);
  }
}

const init = (seed: number, what: string) => tf.initializers.glorotUniform({ seed: deriveSeed(seed, what) });

/** A compiled model: softmax + sparse categorical cross-entropy + accuracy, or linear + MSE + MAE. */
export function buildModel(c: ModelConfig): tf.LayersModel {
  const model = tf.sequential();
  const image = c.sampleShape.length === 3;
  if (image && c.convFilters > 0) {
    model.add(tf.layers.conv2d({
      inputShape: c.sampleShape, filters: c.convFilters, kernelSize: 3, padding: 'same', activation: c.activation,
      kernelInitializer: init(c.seed, 'conv-0'), name: 'conv_0',
    }));
    model.add(tf.layers.maxPooling2d({ poolSize: 2, name: 'pool_0' }));
    model.add(tf.layers.flatten({ name: 'flatten' }));
  } else if (c.sampleShape.length > 1) {
    model.add(tf.layers.flatten({ inputShape: c.sampleShape, name: 'flatten' }));
  }
  c.hiddenUnits.forEach((units, i) => {
    const first = model.layers.length === 0;
    model.add(tf.layers.dense({
      units, activation: c.activation, kernelInitializer: init(c.seed, `dense-${i}`), name: `dense_${i}`,
      ...(first ? { inputShape: c.sampleShape } : {}),
    }));
    if (c.dropout > 0) model.add(tf.layers.dropout({ rate: c.dropout, name: `dropout_${i}` }));
  });
  const classify = c.task === 'classification';
  model.add(tf.layers.dense({
    units: c.outputs, activation: classify ? 'softmax' : 'linear', kernelInitializer: init(c.seed, 'output'), name: 'output',
    ...(model.layers.length === 0 ? { inputShape: c.sampleShape } : {}),
  }));
  model.compile({
    optimizer: makeOptimizer(c.optimizer, c.learningRate),
    loss: classify ? 'sparseCategoricalCrossentropy' : 'meanSquaredError',
    metrics: [classify ? 'accuracy' : 'mae'],
  });
  return model;
}

/**
 * Rewrites the first weighted layer so the model computes on raw inputs what it learned on `(x - shift) * scale`.
 * Dense: W' = diag(scale)·W, b' = b − (shift·scale)·W. Conv (images: one scale for every pixel, no shift):
 * K' = K·scale (no shift). Exact up to float rounding.
 */
export function foldInputNormalization(model: tf.LayersModel, shift: Float32Array, scale: Float32Array): void {
  const layer = model.layers.find((l) => l.getWeights().length === 2);
  if (!layer) return;
  const className = layer.getClassName();
  tf.tidy(() => {
    const [k, b] = layer.getWeights();
    if (className === 'Dense') {
      const s = tf.tensor1d(scale).reshape([-1, 1]);
      const kScaled = k.mul(s);
      const bNew = b.sub(tf.tensor2d(shift, [1, shift.length]).matMul(kScaled).reshape([-1]));
      layer.setWeights([kScaled, bNew]);
    } else if (className === 'Conv2D') {
      // 'same' padding adds zeros, which only stay zeros after folding when nothing is subtracted.
      const s0 = scale[0];
      if (!scale.every((v) => v === s0) || shift.some((v) => v !== 0)) {
        throw invalidParam('Image inputs need one scale for every pixel and no shift.');
      }
      layer.setWeights([k.mul(s0), b]);
    }
  });
}

/** The dropout layers of a model: the trainer reseeds them before every batch. */
export function dropoutLayers(model: tf.LayersModel): { seed?: number }[] {
  return model.layers.filter((l) => l.getClassName() === 'Dropout') as unknown as { seed?: number }[];
}

/** Frees a model's weights and its optimizer's slots (a model does not own an optimizer passed to compile). */
export function disposeModel(model: tf.LayersModel): void {
  model.optimizer?.dispose();
  model.dispose();
}
