import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { condaYaml, onnxEnvironmentFiles, onnxPipRequirements, pythonEnvYaml } from './environment';
import { saveInputExample, servingRequestFromExample } from './input-example';
import { onnxModelFolder } from './model-folder';
import { parseMlModel } from './mlmodel';
import { pyFloatRepr, pyJsonDumps } from './py-json';

describe('Python-style JSON', () => {
  it('writes floats like repr(float)', () => {
    expect([0.1, 1, 1e-5, 1.5e-7, 1e16, 123.456, -0.0001, 1e22, NaN].map(pyFloatRepr))
      .toEqual(['0.1', '1.0', '1e-05', '1.5e-07', '1e+16', '123.456', '-0.0001', '1e+22', 'NaN']);
  });
  it('uses json.dumps separators, ensure_ascii and indent', () => {
    expect(pyJsonDumps({ a: [1, 2.5, 'é'], b: null })).toBe('{"a": [1, 2.5, "\\u00e9"], "b": null}');
    expect(pyJsonDumps({ inputs: [[1, 2]] }, 2)).toBe('{\n  "inputs": [\n    [\n      1,\n      2\n    ]\n  ]\n}');
  });
});

describe('input examples (mlflow/models/utils.py _Example)', () => {
  it('a tensor: nested list, ndarray, floats stay floats, NaN → null', () => {
    const saved = saveInputExample({ kind: 'tensor', tensor: { dtype: 'float32', shape: [1, 3], data: Float32Array.from([1, 0.5, NaN]) } });
    expect(saved.info).toEqual({ artifact_path: 'input_example.json', type: 'ndarray', serving_input_path: 'serving_input_example.json' });
    expect(saved.files['input_example.json']).toBe('[[1.0, 0.5, null]]');
    expect(JSON.parse(saved.files['serving_input_example.json'])).toEqual({ inputs: [[1, 0.5, null]] });
  });
  it('a dataframe: split orient without index; values orient without columns', () => {
    const saved = saveInputExample({ kind: 'dataframe', columns: ['a', 'b'], data: [[1, 'x']] });
    expect(saved.info).toMatchObject({ type: 'dataframe', pandas_orient: 'split' });
    expect(saved.files['input_example.json']).toBe('{"columns": ["a", "b"], "data": [[1, "x"]]}');
    expect(saveInputExample({ kind: 'dataframe', columns: null, data: [[1]] }).info.pandas_orient).toBe('values');
    expect(JSON.parse(saved.files['serving_input_example.json'])).toEqual({ dataframe_split: { columns: ['a', 'b'], data: [[1, 'x']] } });
  });
  it('with params: {"inputs", "params"} and info.params = "true"; back to a request', () => {
    const saved = saveInputExample({ kind: 'json', value: { q: 'hi' } }, { temperature: 0.5 });
    expect(saved.info.params).toBe('true');
    expect(saved.files['input_example.json']).toBe('{"inputs": {"q": "hi"}, "params": {"temperature": 0.5}}');
    expect(servingRequestFromExample(saved.info, saved.files['input_example.json'])).toEqual({ inputs: { q: 'hi' }, params: { temperature: 0.5 } });
  });
  it('reads the langchain fixture example as a request', () => {
    expect(servingRequestFromExample({ artifact_path: 'input_example.json', type: 'json_object' }, '{ "messages": [] }'))
      .toEqual({ inputs: { messages: [] } });
  });
});

describe('environment files and the ONNX model folder', () => {
  it('conda.yaml, python_env.yaml and requirements.txt as MLflow writes them', () => {
    const pip = onnxPipRequirements();
    expect(condaYaml(pip)).toBe(`channels:
- conda-forge
dependencies:
- python=3.10.12
- pip<=24.0
- pip:
  - mlflow==2.22.0
  - onnx==1.17.0
  - onnxruntime==1.20.1
name: mlflow-env
`);
    expect(pythonEnvYaml()).toBe('python: 3.10.12\nbuild_dependencies:\n- pip==24.0\n- setuptools==69.5.1\n- wheel==0.43.0\ndependencies:\n- -r requirements.txt\n');
    expect(onnxEnvironmentFiles()['requirements.txt']).toBe('mlflow==2.22.0\nonnx==1.17.0\nonnxruntime==1.20.1');
  });

  it('a folder like mlflow.onnx.save_model: onnx + python_function flavors, size before MLmodel', () => {
    const bytes = new Uint8Array(100);
    const { files, mlmodel } = onnxModelFolder(bytes, {
      inputExample: { kind: 'tensor', tensor: { dtype: 'float32', shape: [1, 2], data: Float32Array.from([1, 2]) } },
      createdAt: 0, modelUuid: 'u',
    });
    expect(Object.keys(files).sort()).toEqual(['MLmodel', 'conda.yaml', 'input_example.json', 'model.onnx', 'python_env.yaml', 'requirements.txt', 'serving_input_example.json']);
    expect(mlmodel.model_size_bytes).toBe(100 + files['input_example.json'].length + files['serving_input_example.json'].length);
    const text = new TextDecoder().decode(files.MLmodel);
    expect(parseMlModel(text)).toEqual(mlmodel);
    expect(text).toContain(`flavors:
  onnx:
    code: null
    data: model.onnx
    onnx_session_options: null
    onnx_version: 1.17.0
    providers:
    - CUDAExecutionProvider
    - CPUExecutionProvider
  python_function:
    data: model.onnx
    env:
      conda: conda.yaml
      virtualenv: python_env.yaml
    loader_module: mlflow.onnx
    python_version: 3.10.12
`);
  });

  it('byte for byte what mlflow.onnx.save_model 2.22.0 wrote for the same model and environment', () => {
    const dir = new URL('../../test/fixtures/mlflow/model-format/generated/onnx-mlflow-2.22.0/', import.meta.url);
    const onnxBytes = new Uint8Array(readFileSync(new URL('../../onnx/sklearn_model.onnx', dir)));
    const { files } = onnxModelFolder(onnxBytes, {
      versions: { python: '3.11.7', pip: '23.2.1', setuptools: '65.5.0', wheel: '', mlflow: '2.22.0', onnx: '1.17.0', onnxruntime: '1.20.1' },
      modelUuid: 'f2c9326d870e453b8bd39c0a6b6e6fdd', utcTimeCreated: '2026-11-28 02:43:16.502955',
    });
    for (const f of ['MLmodel', 'conda.yaml', 'python_env.yaml', 'requirements.txt']) {
      expect(new TextDecoder().decode(files[f]), f).toBe(readFileSync(new URL(f, dir), 'utf8'));
    }
  });
});
