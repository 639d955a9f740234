/**
 * A trained TF.js model as a complete MLflow model folder: `tfjs` flavor for Flowpad, plus the ONNX export with
 * `onnx` and `python_function` flavors so `mlflow.pyfunc.load_model` and `mlflow models serve` run it too.
 */
import type * as tf from '@tensorflow/tfjs';
import { onnxModelFolder, type ModelFiles, type ModelFolderOptions } from '../../model-folder';
import type { MlModel } from '../../mlmodel';
import { signatureFromModelIO } from '../../signature';
import { exportLayersModelToOnnx, ioNames, type OnnxExportOptions } from './export-onnx';
import { save } from './index';

export interface TfjsFolderOptions extends ModelFolderOptions {
  onnx?: OnnxExportOptions;
}

/**
 * Saves `model` as an MLflow model folder. Without an explicit signature, a tensor-based one is derived from
 * the model's input and output (names, float32, shapes with -1 for the batch), matching the ONNX graph.
 */
export async function tfjsModelFolder(model: tf.LayersModel, o: TfjsFolderOptions = {}): Promise<{ files: ModelFiles; mlmodel: MlModel }> {
  const saved = await save(model);
  const onnxBytes = exportLayersModelToOnnx(model, o.onnx);
  const dims = (s: (number | null)[]): number[] => s.map((d) => d ?? -1);
  const signature = o.signature !== undefined ? o.signature : signatureFromModelIO(
    [{ name: o.onnx?.inputName ?? ioNames(model).inputs[0], dtype: 'float32', shape: dims(model.inputs[0].shape as (number | null)[]) }],
    [{ name: o.onnx?.outputName ?? ioNames(model).outputs[0], dtype: 'float32', shape: dims(model.outputs[0].shape as (number | null)[]) }],
  );
  return onnxModelFolder(onnxBytes, { ...o, signature, extraFlavors: saved.flavors, extraPayload: saved.files });
}
