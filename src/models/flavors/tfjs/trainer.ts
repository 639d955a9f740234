/**
 * One training job end to end inside TF.js: build the model, fit it, and (unless stopped) fold the input
 * normalisation in and save it as an MLflow model folder (`tfjs` + `onnx` + `python_function` flavors, by
 * {@link tfjsModelFolder}). Everything the caller gets back is plain data; every tensor is freed.
 */
import { selectBackend, type BackendNeeds } from './backends';
import type { ModelFiles } from '../../model-folder';
import { buildModel, disposeModel, foldInputNormalization, type ModelConfig } from './layers-model';
import { tfjsModelFolder, type TfjsFolderOptions } from './model-folder';
import type { BackendChoice, BackendName } from './options';
import { fitModel, type FitCallbacks, type FitData, type FitOptions, type FitResult } from './train-loop';

export type { ModelConfig, FitData, FitOptions, FitResult, FitCallbacks, TfjsFolderOptions, ModelFiles };

export interface TrainJob {
  model: ModelConfig;
  data: FitData;
  fit: FitOptions;
  /** The normalisation the data went through, folded into the saved model. */
  shift: Float32Array;
  scale: Float32Array;
  /** Save the model as a folder with these MLmodel options when training completes (not when stopped). */
  folder: TfjsFolderOptions | null;
}

export interface TrainOutput {
  result: FitResult;
  /** The model folder (path → bytes, `MLmodel` at the root), or null when stopped or not asked for. */
  files: ModelFiles | null;
  paramCount: number;
}

/** What the training domain needs from a runtime: the tfjs one here, a fake one in tests. */
export interface Trainer {
  selectBackend(choice: BackendChoice, needs?: BackendNeeds): Promise<{ backend: BackendName; reason: string }>;
  train(job: TrainJob, cb: FitCallbacks): Promise<TrainOutput>;
}

/** The TF.js trainer. Backends other than cpu/webgl must be registered by the caller's imports first. */
export const tfjsTrainer: Trainer = {
  selectBackend,
  async train(job, cb) {
    const model = buildModel(job.model);
    try {
      const result = await fitModel(model, job.data, job.fit, cb);
      let files: ModelFiles | null = null;
      if (job.folder && !result.stopped) {
        foldInputNormalization(model, job.shift, job.scale);
        files = (await tfjsModelFolder(model, job.folder)).files;
      }
      return { result, files, paramCount: model.countParams() };
    } finally {
      disposeModel(model);
    }
  },
};
