/**
 * Models: MLflow's model format and scoring protocol as plain data, and the flavor registry. Runtimes
 * (onnxruntime-web, TF.js) load lazily through {@link getFlavor}; nothing here imports them.
 */
export {
  parseMlModel, writeMlModel, validateMlModel, getSignature, setSignature, newMlModel, utcTimeCreated, newModelUuid,
  MLFLOW_COMPAT_VERSION, type MlModel, type FlavorConf, type InputExampleInfo, type NewMlModelOptions,
} from './mlmodel';
export {
  parseSchema, parseParams, parseSignature, schemaToJson, paramsToJson, signatureToDict, signatureFromModelIO, inputNames,
  NUMPY_DTYPES, DATA_TYPES, type Schema, type ColSpec, type TensorSpec, type ParamSpec, type ModelSignature, type ColType, type DataTypeName,
} from './signature';
export { saveInputExample, servingRequestFromExample, INPUT_EXAMPLE_FILE, SERVING_INPUT_FILE, type InputExample, type SavedInputExample } from './input-example';
export {
  onnxEnvironmentFiles, onnxFlavorConf, pyfuncOnnxConf, condaYaml, pythonEnvYaml, requirementsTxt, onnxPipRequirements,
  DEFAULT_ENV_VERSIONS, ONNX_MODEL_FILE, CONDA_ENV_FILE, PYTHON_ENV_FILE, REQUIREMENTS_FILE, type PythonEnvVersions,
} from './environment';
export { assembleModelFolder, onnxModelFolder, MLMODEL_FILE, type ModelFiles, type ModelFolderOptions } from './model-folder';
export { parseScoringRequest, resolveParams, formatPredictions, SCORING_FORMATS, type ScoringRequest, type ScoringFormat, type PyfuncInput, type PredictionStyle } from './scoring';
export { prepareFeeds } from './scoring-feeds';
export { scoreRequest, type ScoringResult } from './predict';
export { getFlavor, pickFlavor, RUNNABLE_FLAVORS, type Flavor, type LoadedModel, type SavedFlavor } from './flavor';
export { toNested, sizeOf, type Tensor, type TensorMap, type TensorDtype, type ModelIO } from './tensor';
export { pyJsonDumps, pyFloat } from './py-json';
