import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeRegistry, runWithModel } from '../../../test/registry-helpers';
import { getSignature, parseMlModel } from '../../models/mlmodel';
import { readOnnxGraphIo, restoreBundle, writeBundle } from '.';
import { bytesSource, readZipDirectory } from '../zip-directory';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/mlflow/model-format/', import.meta.url));
const expected = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as {
  onnx: Record<string, { inputs: unknown[]; outputs: unknown[]; nonTensorOutputs: string[] }>;
};

/** A fixture folder as zip entries under `prefix`. */
function folderEntries(dir: string, prefix: string, out: Record<string, Uint8Array> = {}): Record<string, Uint8Array> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) folderEntries(p, `${prefix}${name}/`, out);
    else out[`${prefix}${name}`] = new Uint8Array(readFileSync(p));
  }
  return out;
}

const bytesOf = async (b: Blob) => new Uint8Array(await b.arrayBuffer());

describe('bundle export and import', () => {
  it('round-trips models, versions, stages, aliases, tags, descriptions and files', async () => {
    const src = makeRegistry();
    const weights = Uint8Array.from({ length: 50_000 }, (_, i) => (i * 31) & 0xff);
    const runId = await runWithModel(src.tracking, 'model', weights);
    await src.registry.createRegisteredModel('churn', { tags: { team: 'ml' }, description: 'Churn model' });
    await src.registry.createRegisteredModel('café/eu'.replace('/', '-'));
    for (let i = 0; i < 3; i++) await src.registry.createModelVersion('churn', `runs:/${runId}/model`, { tags: { i: String(i) } });
    await src.registry.createModelVersion('café-eu', `runs:/${runId}/model`);
    await src.registry.deleteModelVersion('churn', 2);
    await src.registry.transitionModelVersionStage('churn', 3, 'Production');
    await src.registry.setRegisteredModelAlias('churn', 'champion', 3);
    await src.registry.updateModelVersion('churn', 1, 'baseline');

    const zip = await bytesOf(await writeBundle(await src.registry.collectExport({ kind: 'registry' }), { now: 1 }));
    const dir = await readZipDirectory(bytesSource(zip), 100);
    const method = (name: string) => dir.find((e) => e.name === name)?.method;
    expect(method('manifest.json')).toBe(8);
    expect(method('models/churn/version-3/MLmodel')).toBe(8);
    expect(method('models/churn/version-3/model.onnx')).toBe(0);
    expect(method('models/churn/version-2/MLmodel')).toBeUndefined(); // deleted versions are not exported
    expect(dir.some((e) => e.name === 'models/café-eu/version-1/MLmodel')).toBe(true);

    const restored = await restoreBundle(new Blob([zip]), { fileName: 'registry.zip', readInMemoryUpTo: 0 });
    expect(restored.models[1].versions[1].files.find((f) => f.path === 'model.onnx')!.data).toBeInstanceOf(Blob); // a slice, not a copy
    expect(restored.kind).toBe('bundle');
    const dst = makeRegistry();
    const summary = await dst.registry.importRegisteredModels(restored.models);
    expect(summary.models.map((m) => [m.name, m.created, m.versions.map((v) => v.to)])).toEqual([
      ['café-eu', true, [1]], ['churn', true, [1, 3]],
    ]);
    const a = await src.registry.getRegisteredModel('churn');
    const b = await dst.registry.getRegisteredModel('churn');
    expect(b).toMatchObject({ name: 'churn', description: 'Churn model', tags: a.tags, aliases: [{ alias: 'champion', version: '3' }] });
    expect(b.creationTimestamp).toBe(a.creationTimestamp);
    const v3 = await dst.registry.getModelVersion('churn', 3);
    const s3 = await src.registry.getModelVersion('churn', 3);
    expect(v3).toMatchObject({ currentStage: 'Production', source: s3.source, runId, tags: s3.tags, aliases: ['champion'], fileCount: 3 });
    expect((await dst.registry.getModelVersion('churn', 1)).description).toBe('baseline');
    expect(await bytesOf(await dst.registry.downloadModelVersionFile('churn', 3, 'model.onnx'))).toEqual(weights);
    // Version numbers continue after the imported ones.
    expect((await dst.registry.createModelVersion('churn', 's3://x')).version).toBe('4');
  });

  it('appends to an existing model of the same name and never steals its aliases', async () => {
    const src = makeRegistry();
    const runId = await runWithModel(src.tracking);
    await src.registry.createRegisteredModel('m');
    await src.registry.createModelVersion('m', `runs:/${runId}/model`);
    await src.registry.setRegisteredModelAlias('m', 'champion', 1);
    await src.registry.setRegisteredModelAlias('m', 'fresh', 1);
    const zip = await bytesOf(await writeBundle(await src.registry.collectExport({ kind: 'version', name: 'm', version: 1 })));
    const dst = makeRegistry();
    const run2 = await runWithModel(dst.tracking);
    await dst.registry.createRegisteredModel('m', { description: 'mine' });
    await dst.registry.createModelVersion('m', `runs:/${run2}/model`);
    await dst.registry.createModelVersion('m', `runs:/${run2}/model`);
    await dst.registry.setRegisteredModelAlias('m', 'champion', 2);
    const summary = await dst.registry.importRegisteredModels((await restoreBundle(zip, { fileName: 'm.zip' })).models);
    expect(summary.models).toEqual([{ name: 'm', created: false, unchanged: false, versions: [{ from: 1, to: 3 }], skippedAliases: ['champion'] }]);
    const m = await dst.registry.getRegisteredModel('m');
    expect(m.description).toBe('mine');
    expect(m.aliases).toEqual([{ alias: 'champion', version: '2' }, { alias: 'fresh', version: '3' }]);
  });

  it('imports a zipped MLflow model folder (MLmodel in one top folder or at the root)', async () => {
    const dir = join(FIXTURES, 'mlmodel/langchain-mlflow-2.12.2');
    const nested = zipSync(folderEntries(dir, 'langchain-mlflow-2.12.2/'));
    const r = await restoreBundle(nested, { fileName: 'download.zip' });
    expect(r.kind).toBe('mlflow-folder');
    expect(r.models[0].name).toBe('langchain-mlflow-2.12.2');
    expect(r.models[0].versions[0].files.map((f) => f.path).sort()).toContain('metadata/MLmodel');
    const flat = await restoreBundle(zipSync(folderEntries(join(FIXTURES, 'mlmodel/sklearn-mlflow-1.30.1'), '')), { fileName: 'sk.zip', name: 'sk' });
    expect(flat.models[0].name).toBe('sk');
    expect(flat.models[0].versions[0].files).toHaveLength(4);
    const { registry } = makeRegistry();
    await registry.importRegisteredModels(flat.models);
    expect((await registry.getModelVersion('sk', 1))).toMatchObject({ source: 'upload:sk.zip', fileCount: 4 });
  });

  it('reads every ONNX fixture’s graph inputs and outputs, and imports a bare .onnx with that signature', async () => {
    for (const [file, want] of Object.entries(expected.onnx)) {
      const io = readOnnxGraphIo(new Uint8Array(readFileSync(join(FIXTURES, 'onnx', file))));
      expect(io.inputs.map(({ name, dtype, shape }) => ({ name, dtype, shape }))).toEqual(want.inputs);
      expect(io.outputs.map(({ name, dtype, shape }) => ({ name, dtype, shape }))).toEqual(want.outputs);
      expect(io.skipped).toEqual(want.nonTensorOutputs.map((n) => `output '${n}'`));
    }
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'onnx/sklearn_model.onnx')));
    const r = await restoreBundle(bytes, { fileName: 'iris classifier.onnx' });
    expect(r.kind).toBe('onnx');
    expect(r.warnings[0]).toMatch(/output 'output_probability' is not a tensor .* zipmap=False/);
    const files = Object.fromEntries(r.models[0].versions[0].files.map((f) => [f.path, f.data as Uint8Array]));
    expect(Object.keys(files).sort()).toEqual(['MLmodel', 'conda.yaml', 'model.onnx', 'python_env.yaml', 'requirements.txt']);
    const mlmodel = parseMlModel(new TextDecoder().decode(files.MLmodel));
    expect(mlmodel.flavors.python_function.loader_module).toBe('mlflow.onnx');
    expect(getSignature(mlmodel)?.inputs).toEqual({ kind: 'tensor', inputs: [{ kind: 'tensor', name: 'float_input', dtype: 'float32', shape: [-1, 4] }] });
    expect(files['model.onnx']).toEqual(bytes);
    const { registry } = makeRegistry();
    await registry.importRegisteredModels(r.models);
    expect((await registry.getRegisteredModel('iris classifier')).latestVersions[0].fileCount).toBe(5);
  });
});
