/**
 * The environment files MLflow writes beside MLmodel (mlflow/utils/environment.py) and the `python_function` and
 * `onnx` flavor entries (mlflow/pyfunc `add_to_model`, mlflow/onnx `save_model`), so Python MLflow can load and
 * serve what Flowpad exports (`mlflow.pyfunc.load_model`, `mlflow models serve`).
 *
 * Python has no say in a browser, so the interpreter and package versions are fixed defaults (overridable): a
 * combination that exists on PyPI and runs ONNX IR 8 / opset 13 models.
 */
import { dumpYaml } from './pyyaml';
import type { FlavorConf } from './mlmodel';

export const CONDA_ENV_FILE = 'conda.yaml';
export const PYTHON_ENV_FILE = 'python_env.yaml';
export const REQUIREMENTS_FILE = 'requirements.txt';
export const ONNX_MODEL_FILE = 'model.onnx';

/** Versions written into the environment files and flavor entries. An empty build-tool version is unpinned. */
export interface PythonEnvVersions {
  python: string;
  pip: string;
  setuptools: string;
  wheel: string;
  mlflow: string;
  onnx: string;
  onnxruntime: string;
}

export const DEFAULT_ENV_VERSIONS: Readonly<PythonEnvVersions> = {
  python: '3.10.12', pip: '24.0', setuptools: '69.5.1', wheel: '0.43.0',
  mlflow: '2.22.0', onnx: '1.17.0', onnxruntime: '1.20.1',
};

/** MLflow's default pip requirements for an ONNX model: mlflow, onnx, onnxruntime, pinned, sorted. */
export function onnxPipRequirements(v: PythonEnvVersions = DEFAULT_ENV_VERSIONS): string[] {
  return [`mlflow==${v.mlflow}`, `onnx==${v.onnx}`, `onnxruntime==${v.onnxruntime}`];
}

/** `conda.yaml` as `_mlflow_conda_env` builds it and `yaml.safe_dump` writes it (sorted keys). */
export function condaYaml(pip: string[], v: PythonEnvVersions = DEFAULT_ENV_VERSIONS): string {
  return dumpYaml({
    name: 'mlflow-env',
    channels: ['conda-forge'],
    dependencies: [`python=${v.python}`, `pip<=${v.pip}`, { pip }],
  });
}

/** `python_env.yaml` as `_PythonEnv.to_yaml` writes it (insertion order: python, build_dependencies, dependencies). */
export function pythonEnvYaml(v: PythonEnvVersions = DEFAULT_ENV_VERSIONS): string {
  return dumpYaml({
    python: v.python,
    build_dependencies: (['pip', 'setuptools', 'wheel'] as const).map((k) => (v[k] ? `${k}==${v[k]}` : k)),
    dependencies: [`-r ${REQUIREMENTS_FILE}`],
  }, false);
}

/** `requirements.txt`: one requirement a line, joined with `\n`, no trailing newline (MLflow's `write_to`). */
export function requirementsTxt(pip: string[]): string {
  return pip.join('\n');
}

/** The `python_function` entry `pyfunc.add_to_model(loader_module="mlflow.onnx", data=…, conda_env=…, python_env=…)` adds. */
export function pyfuncOnnxConf(v: PythonEnvVersions = DEFAULT_ENV_VERSIONS, data = ONNX_MODEL_FILE): FlavorConf {
  return {
    loader_module: 'mlflow.onnx',
    python_version: v.python,
    data,
    env: { conda: CONDA_ENV_FILE, virtualenv: PYTHON_ENV_FILE },
  };
}

/** Execution providers `mlflow.onnx.save_model` records by default (GPU first, then CPU). */
export const ONNX_EXECUTION_PROVIDERS = ['CUDAExecutionProvider', 'CPUExecutionProvider'];

/** The `onnx` flavor entry as `mlflow.onnx.save_model` writes it: onnx_version, data, providers, session options, code. */
export function onnxFlavorConf(v: PythonEnvVersions = DEFAULT_ENV_VERSIONS, data = ONNX_MODEL_FILE): FlavorConf {
  return {
    onnx_version: v.onnx,
    data,
    providers: [...ONNX_EXECUTION_PROVIDERS],
    onnx_session_options: null,
    code: null,
  };
}

/** The three environment files of an ONNX model folder, as text by file name. */
export function onnxEnvironmentFiles(v: PythonEnvVersions = DEFAULT_ENV_VERSIONS): Record<string, string> {
  const pip = onnxPipRequirements(v);
  return { [CONDA_ENV_FILE]: condaYaml(pip, v), [PYTHON_ENV_FILE]: pythonEnvYaml(v), [REQUIREMENTS_FILE]: requirementsTxt(pip) };
}
