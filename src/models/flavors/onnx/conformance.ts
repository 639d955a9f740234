/** Conformance fixture for the onnx flavor: the MLflow test model with two float32 inputs (test-only). */
import { readFileSync } from 'node:fs';
import type { SavedFlavor } from '../../flavor';
import { configureOnnxRuntime, save } from './index';

export async function makeSaved(): Promise<SavedFlavor> {
  configureOnnxRuntime({ numThreads: 1 });
  const url = new URL('../../../../test/fixtures/mlflow/model-format/onnx/tf_model_multiple_inputs_float32.onnx', import.meta.url);
  return save(new Uint8Array(readFileSync(url)));
}
