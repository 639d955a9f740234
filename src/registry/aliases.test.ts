import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/error-of';
import { makeRegistry, runWithModel } from '../../test/registry-helpers';
import { parseModelUri } from './uri';

async function setup(versions = 3) {
  const f = makeRegistry();
  const runId = await runWithModel(f.tracking);
  await f.registry.createRegisteredModel('m');
  for (let i = 0; i < versions; i++) await f.registry.createModelVersion('m', `runs:/${runId}/model`);
  return { ...f, runId };
}

describe('aliases', () => {
  it('are unique per model: setting an alias on another version moves it', async () => {
    const { registry } = await setup();
    await registry.setRegisteredModelAlias('m', 'champion', 1);
    await registry.setRegisteredModelAlias('m', 'challenger', '2');
    await registry.setRegisteredModelAlias('m', 'champion', 3);
    expect((await registry.getRegisteredModel('m')).aliases).toEqual([
      { alias: 'challenger', version: '2' }, { alias: 'champion', version: '3' },
    ]);
    expect((await registry.getModelVersion('m', 1)).aliases).toEqual([]);
    expect((await registry.getModelVersion('m', 3)).aliases).toEqual(['champion']);
    expect((await registry.getModelVersionByAlias('m', 'champion')).version).toBe('3');
  });

  it.each([
    ['latest', "'latest' alias name (case insensitive) is reserved."],
    ['LaTeSt', "'latest' alias name (case insensitive) is reserved."],
    ['v1', "Version alias name 'v1' is reserved."],
    ['V42', "Version alias name 'V42' is reserved."],
    ['', 'Registered model alias name cannot be empty.'],
    ['a b', "Invalid alias name: 'a b'. Names may only contain alphanumerics, underscores (_), and dashes (-)."],
    ['a.b', "Invalid alias name: 'a.b'. Names may only contain alphanumerics, underscores (_), and dashes (-)."],
    ['x'.repeat(256), "'Registered model alias name' exceeds the maximum length of 255 characters"],
  ])('refuses the alias %j', async (alias, message) => {
    const { registry } = await setup(1);
    expect(await errorOf(registry.setRegisteredModelAlias('m', alias, 1))).toEqual({ code: 'INVALID_PARAMETER_VALUE', message });
  });

  it('accepts v-prefixed aliases that are not version aliases, and unicode word characters', async () => {
    const { registry } = await setup(1);
    for (const alias of ['v1a', 'version2', 'vé', 'prod-eu_1']) await registry.setRegisteredModelAlias('m', alias, 1);
    expect((await registry.getModelVersion('m', 1)).aliases).toHaveLength(4);
  });

  it('needs a live version to point at', async () => {
    const { registry } = await setup(2);
    expect(await errorOf(registry.setRegisteredModelAlias('m', 'a', 9))).toEqual({
      code: 'RESOURCE_DOES_NOT_EXIST', message: 'Model Version (name=m, version=9) not found',
    });
    await registry.deleteModelVersion('m', 2);
    expect((await errorOf(registry.setRegisteredModelAlias('m', 'a', 2))).code).toBe('RESOURCE_DOES_NOT_EXIST');
  });

  it('deletes aliases; a missing alias is fine, a missing model is not', async () => {
    const { registry } = await setup(1);
    await registry.setRegisteredModelAlias('m', 'champion', 1);
    await registry.deleteRegisteredModelAlias('m', 'champion');
    await registry.deleteRegisteredModelAlias('m', 'champion');
    expect((await registry.getRegisteredModel('m')).aliases).toEqual([]);
    expect((await errorOf(registry.deleteRegisteredModelAlias('zz', 'champion'))).code).toBe('RESOURCE_DOES_NOT_EXIST');
  });

  it('getModelVersionByAlias: latest resolves to the newest version, unknown aliases are INVALID_PARAMETER_VALUE', async () => {
    const { registry } = await setup(3);
    await registry.transitionModelVersionStage('m', 3, 'Archived');
    expect((await registry.getModelVersionByAlias('m', 'latest')).version).toBe('3');
    expect((await registry.getModelVersionByAlias('m', 'LATEST')).version).toBe('3');
    expect(await errorOf(registry.getModelVersionByAlias('m', 'nobody'))).toEqual({
      code: 'INVALID_PARAMETER_VALUE', message: 'Registered model alias nobody not found.',
    });
    await registry.createRegisteredModel('empty');
    expect(await errorOf(registry.getModelVersionByAlias('empty', 'latest'))).toEqual({
      code: 'RESOURCE_DOES_NOT_EXIST', message: 'Latest version not found for model empty.',
    });
    expect((await errorOf(registry.getModelVersionByAlias('zz', 'champion'))).code).toBe('RESOURCE_DOES_NOT_EXIST');
  });
});

describe('model URIs', () => {
  it('parses like _parse_model_uri', () => {
    expect(parseModelUri('models:/m/3')).toEqual({ kind: 'version', name: 'm', version: '3' });
    expect(parseModelUri('models:/m/Production')).toEqual({ kind: 'stage', name: 'm', stage: 'Production' });
    expect(parseModelUri('models:/m/LATEST')).toEqual({ kind: 'latest', name: 'm' });
    expect(parseModelUri('models:/my model@champion')).toEqual({ kind: 'alias', name: 'my model', alias: 'champion' });
    expect(parseModelUri('models:/a@b@c')).toEqual({ kind: 'alias', name: 'a@b', alias: 'c' });
    expect(parseModelUri('models:/m-abc123')).toEqual({ kind: 'logged-model', modelId: 'm-abc123' });
    for (const bad of ['models:/', 'models:m/1', 'models:/m/', 'models:/m/1/2', 'models:/m@', 'runs:/x']) {
      expect(() => parseModelUri(bad)).toThrow(/^Not a proper models:\/ URI/);
    }
  });

  it('resolves versions, stages, latest, aliases and runs', async () => {
    const { registry, runId } = await setup(3);
    await registry.transitionModelVersionStage('m', 2, 'Production');
    await registry.setRegisteredModelAlias('m', 'champion', 1);
    const mv = (version: string) => ({ kind: 'model-version', name: 'm', version });
    expect(await registry.resolveModelUri('models:/m/3')).toEqual(mv('3'));
    expect(await registry.resolveModelUri('models:/m/production')).toEqual(mv('2'));
    expect(await registry.resolveModelUri('models:/m/latest')).toEqual(mv('3'));
    expect(await registry.resolveModelUri('models:/m@champion')).toEqual(mv('1'));
    expect(await registry.resolveModelUri(`runs:/${runId}/model`)).toEqual({ kind: 'run', runId, artifactPath: 'model' });
    expect((await registry.getModelFiles(`runs:/${runId}/model`)).has('MLmodel')).toBe(true);
    expect((await registry.getModelFiles('models:/m@champion')).has('model.onnx')).toBe(true);
  });

  it('fails like MLflow for missing versions, stages, models and logged models', async () => {
    const { registry } = await setup(1);
    expect(await errorOf(registry.resolveModelUri('models:/m/Staging'))).toEqual({
      code: 'INTERNAL_ERROR', message: "No versions of model with name 'm' and stage 'Staging' found",
    });
    expect((await errorOf(registry.resolveModelUri('models:/m/Live'))).code).toBe('INVALID_PARAMETER_VALUE');
    expect((await errorOf(registry.resolveModelUri('models:/m/5'))).code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect((await errorOf(registry.resolveModelUri('models:/nope/latest'))).code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect(await errorOf(registry.resolveModelUri('models:/m-0a1b'))).toEqual({
      code: 'RESOURCE_DOES_NOT_EXIST', message: "Logged model with ID 'm-0a1b' not found.",
    });
    expect((await errorOf(registry.resolveModelUri('s3://x'))).code).toBe('INVALID_PARAMETER_VALUE');
    expect((await errorOf(registry.getModelFiles('runs:/0000/model'))).code).toBe('RESOURCE_DOES_NOT_EXIST');
  });
});
