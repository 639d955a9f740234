/**
 * One training job end to end inside TF.js: build the model, fit it, and (unless stopped) fold the input
 * normalisation in and serialise it. Everything the caller gets back is plain data; every tensor is freed.
 */
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from './backends';
import { layersModelFiles, type LayersModelFiles } from './layers-files';
import { buildModel, disposeModel, foldInputNormalization, type ModelConfig } from './layers-model';
import type { BackendChoice, BackendName } from './options';
import { fitModel, type FitCallbacks, type FitData, type FitOptions, type FitResult } from './train-loop';

export type { ModelConfig, FitData, FitOptions, FitResult, FitCallbacks, LayersModelFiles };

export interface TrainJob {
  model: ModelConfig;
  data: FitData;
  fit: FitOptions;
  /** The normalisation the data went through, folded into the saved model. */
  shift: Float32Array;
  scale: Float32Array;
  /** Serialise the model when training completes (not when stopped). */
  save: boolean;
}

export interface TrainOutput {
  result: FitResult;
  /** model.json + weights, or null when stopped or not asked for. */
  files: LayersModelFiles | null;
  paramCount: number;
}

/** What the training domain needs from a runtime: the tfjs one here, a fake one in tests. */
export interface Trainer {
  selectBackend(choice: BackendChoice): Promise<{ backend: BackendName; reason: string }>;
  train(job: TrainJob, cb: FitCallbacks): Promise<TrainOutput>;
}

/** The TF.js trainer. Backends other than cpu/webgl must be registered by the caller's imports first. */
export const tfjsTrainer: Trainer = {
  selectBackend,
  async train(job, cb) {
    const model = buildModel(job.model);
    try {
      const result = await fitModel(model, job.data, job.fit, cb);
      let files: LayersModelFiles | null = null;
      if (job.save && !result.stopped) {
        foldInputNormalization(model, job.shift, job.scale);
        files = await layersModelFiles(model);
      }
      return { result, files, paramCount: model.countParams() };
    } finally {
      disposeModel(model);
    }
  },
};

/** TF.js version, for the flavor's MLmodel entry. */
export const TFJS_VERSION: string = tf.version.tfjs;
