import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/error-of';
import { getSignature, newMlModel, parseMlModel, setSignature, utcTimeCreated, writeMlModel } from './mlmodel';
import { dumpYaml } from './pyyaml';

const root = new URL('../../test/fixtures/mlflow/model-format/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', root), 'utf8')) as {
  mlmodel: Record<string, { flavors: string[]; signature: null | Record<string, string | null>; pyyamlExact: boolean }>;
};
const read = (dir: string): string => readFileSync(new URL(`mlmodel/${dir}/MLmodel`, root), 'utf8');

describe('MLmodel fixtures', () => {
  for (const [dir, want] of Object.entries(manifest.mlmodel)) {
    it(`${dir}: parses, round-trips, keeps unknown keys`, () => {
      const text = read(dir);
      const m = parseMlModel(text);
      expect(Object.keys(m.flavors).sort()).toEqual(want.flavors);
      const sig = getSignature(m);
      if (want.signature === null) expect(sig).toBeNull();
      else {
        expect(sig?.inputs?.kind ?? null).toBe(want.signature.inputs);
        expect(sig?.outputs?.kind ?? null).toBe(want.signature.outputs);
        expect(sig?.params ?? null).toBe(null);
      }
      // Unchanged → the original bytes.
      expect(writeMlModel(m, text)).toBe(text);
      // Written afresh from the plain data → the same values, and PyYAML's exact bytes for MLflow-written files.
      const fresh = writeMlModel(m);
      expect(parseMlModel(fresh)).toEqual(m);
      if (want.pyyamlExact) expect(fresh).toBe(text);
    });
  }

  it('an edit changes only what was set; unknown flavors and keys survive', () => {
    const text = read('langchain-mlflow-2.12.2');
    const m = parseMlModel(text);
    const edited = { ...m, metadata: { source: 'flowpad' }, flavors: { ...m.flavors, onnx: { data: 'model.onnx' } } };
    const out = writeMlModel(edited, text);
    const back = parseMlModel(out);
    expect(back.flavors.langchain).toEqual(m.flavors.langchain);
    expect(back.resources).toEqual(m.resources);
    expect(back.databricks_runtime).toBe('14.3');
    expect(back.metadata).toEqual({ source: 'flowpad' });
    expect(Object.keys(back)).toEqual([...Object.keys(back)].sort());
    // The untouched signature keeps its folded lines.
    expect(out).toContain(text.slice(text.indexOf('signature:'), text.indexOf('utc_time_created')));
  });

  it('signature strings are the ones MLflow writes', () => {
    const m = parseMlModel(read('langchain-mlflow-2.12.2'));
    const sig = getSignature(m)!;
    const again = setSignature(m, sig);
    expect(again.signature).toEqual(m.signature);
    const ui = parseMlModel(read('ui-fixture-pyfunc-signature-2.7.1'));
    const uiSig = getSignature(ui)!;
    expect(uiSig.outputs).toEqual({ kind: 'tensor', inputs: [{ kind: 'tensor', name: 'test_model_output', dtype: 'float64', shape: [-1] }] });
    // MLflow ≥ 2.x adds `required` and puts a tensor's name first.
    expect(setSignature(ui, uiSig).signature).toEqual({
      inputs: '[{"type": "double", "name": "test_model_input", "required": true}]',
      outputs: '[{"name": "test_model_output", "type": "tensor", "tensor-spec": {"dtype": "float64", "shape": [-1]}}]',
      params: null,
    });
  });
});

describe('malformed MLmodel', () => {
  const cases: [string, string, RegExp][] = [
    ['not yaml', 'flavors: [unclosed', /Malformed MLmodel/],
    ['a list', '- a\n- b\n', /must be a YAML mapping/],
    ['no flavors', 'model_uuid: abc\n', /missing 'flavors'/],
    ['flavors a list', 'flavors:\n- onnx\n', /'flavors' must be a mapping/],
    ['flavor not a map', 'flavors:\n  onnx: yes\n', /flavor 'onnx' must be a mapping/],
    ['unknown column type', `flavors: {}\nsignature:\n  inputs: '[{"type": "decimal", "name": "x"}]'\n  outputs: null\n`, /unsupported type "decimal"/],
    ['bad tensor dtype', `flavors: {}\nsignature:\n  inputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float33", "shape": [-1]}}]'\n`, /unsupported tensor dtype "float33"/],
    ['mixed specs', `flavors: {}\nsignature:\n  inputs: '[{"type": "double", "name": "a"}, {"type": "tensor", "name": "b", "tensor-spec": {"dtype": "float32", "shape": [-1]}}]'\n`, /cannot combine ColSpec and TensorSpec/],
    ['signature not json', `flavors: {}\nsignature:\n  inputs: '[{'\n`, /signature.inputs is not valid JSON/],
    ['bad param type', `flavors: {}\nsignature:\n  inputs: null\n  params: '[{"name": "k", "type": "binary", "default": null}]'\n`, /unsupported param type 'binary'/],
    ['duplicate key', 'flavors: {}\nflavors: {}\n', /Malformed MLmodel/],
  ];
  for (const [what, text, msg] of cases) {
    it(what, async () => {
      const e = await errorOf(() => parseMlModel(text));
      expect(e.code).toBe('INVALID_PARAMETER_VALUE');
      expect(e.message).toMatch(msg);
    });
  }
});

describe('new MLmodel', () => {
  it('is written like Model.to_yaml: sorted keys, quoted timestamp, folded signature', () => {
    const m = newMlModel({
      flavors: { python_function: { loader_module: 'mlflow.onnx', data: 'model.onnx', env: { conda: 'conda.yaml', virtualenv: 'python_env.yaml' }, python_version: '3.10.12' } },
      signature: {
        inputs: { kind: 'tensor', inputs: [{ kind: 'tensor', name: 'dense_Dense1_input', dtype: 'float32', shape: [-1, 784] }] },
        outputs: { kind: 'tensor', inputs: [{ kind: 'tensor', name: 'dense_Dense2', dtype: 'float32', shape: [-1, 10] }] },
        params: null,
      },
      createdAt: Date.UTC(2025, 0, 2, 3, 4, 5, 678),
      modelUuid: '0123456789abcdef0123456789abcdef',
      runId: 'r'.repeat(32),
      artifactPath: 'model',
    });
    expect(writeMlModel(m)).toBe(`artifact_path: model
flavors:
  python_function:
    data: model.onnx
    env:
      conda: conda.yaml
      virtualenv: python_env.yaml
    loader_module: mlflow.onnx
    python_version: 3.10.12
mlflow_version: 2.22.0
model_uuid: 0123456789abcdef0123456789abcdef
prompts: null
run_id: ${'r'.repeat(32)}
signature:
  inputs: '[{"name": "dense_Dense1_input", "type": "tensor", "tensor-spec": {"dtype":
    "float32", "shape": [-1, 784]}}]'
  outputs: '[{"name": "dense_Dense2", "type": "tensor", "tensor-spec": {"dtype": "float32",
    "shape": [-1, 10]}}]'
  params: null
utc_time_created: '2025-01-02 03:04:05.678000'
`);
  });

  it('utc_time_created has microseconds', () => {
    expect(utcTimeCreated(0)).toBe('1970-01-01 00:00:00.000000');
  });

  it('dumpYaml keeps insertion order when asked (python_env.yaml)', () => {
    expect(dumpYaml({ python: '3.10.12', build_dependencies: ['pip==24.0'], dependencies: ['-r requirements.txt'] }, false))
      .toBe('python: 3.10.12\nbuild_dependencies:\n- pip==24.0\ndependencies:\n- -r requirements.txt\n');
  });
});
