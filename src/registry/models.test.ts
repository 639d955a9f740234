import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/error-of';
import { makeRegistry, runWithModel } from '../../test/registry-helpers';

describe('registered models', () => {
  it('creates a model with tags and a description, and refuses a second one of the same name', async () => {
    const { registry } = makeRegistry();
    const m = await registry.createRegisteredModel('churn', { tags: { team: 'ml' }, description: 'Predicts churn' });
    expect(m).toMatchObject({ name: 'churn', description: 'Predicts churn', tags: [{ key: 'team', value: 'ml' }], latestVersions: [], aliases: [] });
    expect(m.creationTimestamp).toBe(m.lastUpdatedTimestamp);
    expect(await errorOf(registry.createRegisteredModel('churn'))).toEqual({
      code: 'RESOURCE_ALREADY_EXISTS', message: 'Registered Model (name=churn) already exists.',
    });
  });

  it('names a prompt/model clash as MLflow does', async () => {
    const { registry } = makeRegistry();
    await registry.createRegisteredModel('p', { tags: { 'mlflow.prompt.is_prompt': 'true' } });
    expect(await errorOf(registry.createRegisteredModel('p'))).toEqual({
      code: 'RESOURCE_ALREADY_EXISTS',
      message: "Tried to create a registered model with name 'p', but the name is already taken by a prompt. " +
        'MLflow does not allow creating a model and a prompt with the same name.',
    });
  });

  it.each([
    ['', "Missing value for required parameter 'name'."],
    ['   ', "Missing value for required parameter 'name'."],
    ['a/b', "Invalid model name 'a/b'. Names cannot contain '/' or ':'."],
    ['a:b', "Invalid model name 'a:b'. Names cannot contain '/' or ':'."],
    ['.', `Invalid value "." for parameter 'name' supplied: Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to '.'`],
    ['..', `Invalid value ".." for parameter 'name' supplied: Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to '..'`],
  ])('refuses the model name %j', async (name, message) => {
    const { registry } = makeRegistry();
    expect(await errorOf(registry.createRegisteredModel(name))).toEqual({ code: 'INVALID_PARAMETER_VALUE', message });
  });

  it('validates model tags like MLflow (key rules, 250 / 100,000 limits)', async () => {
    const { registry } = makeRegistry();
    expect((await errorOf(registry.createRegisteredModel('m', { tags: { 'a/../b': 'x' } }))).message).toMatch(/^Invalid value "a\/..\/b" for parameter 'key' supplied: Names may be treated as files/);
    expect(await errorOf(registry.createRegisteredModel('m', { tags: { ['k'.repeat(251)]: 'x' } }))).toEqual({
      code: 'INVALID_PARAMETER_VALUE', message: "'key' exceeds the maximum length of 250 characters",
    });
    expect(await errorOf(registry.createRegisteredModel('m', { tags: { k: 'v'.repeat(100_001) } }))).toEqual({
      code: 'INVALID_PARAMETER_VALUE', message: "'value' exceeds the maximum length of 100000 characters",
    });
    await registry.createRegisteredModel('m', { tags: { k: 'v'.repeat(100_000) } });
  });

  it('gets, updates and deletes, with RESOURCE_DOES_NOT_EXIST for an unknown name', async () => {
    const { registry } = makeRegistry();
    const missing = { code: 'RESOURCE_DOES_NOT_EXIST', message: 'Registered Model with name=nope not found' };
    expect(await errorOf(registry.getRegisteredModel('nope'))).toEqual(missing);
    expect(await errorOf(registry.updateRegisteredModel('nope', 'x'))).toEqual(missing);
    expect(await errorOf(registry.deleteRegisteredModel('nope'))).toEqual(missing);
    const created = await registry.createRegisteredModel('m');
    await new Promise((r) => setTimeout(r, 2));
    const updated = await registry.updateRegisteredModel('m', 'new text');
    expect(updated.description).toBe('new text');
    expect(updated.lastUpdatedTimestamp).toBeGreaterThan(created.lastUpdatedTimestamp);
    await registry.deleteRegisteredModel('m');
    expect((await errorOf(registry.getRegisteredModel('m'))).code).toBe('RESOURCE_DOES_NOT_EXIST');
  });

  it('renames a model with its versions and aliases; the new name must be free and valid', async () => {
    const { registry, tracking } = makeRegistry();
    const runId = await runWithModel(tracking);
    await registry.createRegisteredModel('old');
    await registry.createRegisteredModel('taken');
    const v1 = await registry.createModelVersion('old', `runs:/${runId}/model`);
    await registry.setRegisteredModelAlias('old', 'champion', 1);
    await new Promise((r) => setTimeout(r, 2));
    const renamed = await registry.renameRegisteredModel('old', 'new');
    expect(renamed.name).toBe('new');
    expect(renamed.aliases).toEqual([{ alias: 'champion', version: '1' }]);
    const v = await registry.getModelVersion('new', 1);
    expect(v.name).toBe('new');
    expect(v.lastUpdatedTimestamp).toBe(renamed.lastUpdatedTimestamp);
    expect(v.lastUpdatedTimestamp).toBeGreaterThan(v1.lastUpdatedTimestamp);
    expect((await registry.listModelVersionFiles('new', 1)).map((f) => f.path)).toContain('MLmodel');
    expect((await errorOf(registry.getRegisteredModel('old'))).code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect(await errorOf(registry.renameRegisteredModel('new', 'taken'))).toEqual({
      code: 'RESOURCE_ALREADY_EXISTS', message: 'Registered Model (name=taken) already exists.',
    });
    expect(await errorOf(registry.renameRegisteredModel('new', ' '))).toEqual({
      code: 'INVALID_PARAMETER_VALUE', message: "Missing value for required parameter 'new_name'.",
    });
    expect((await errorOf(registry.renameRegisteredModel('new', 'a/b'))).code).toBe('INVALID_PARAMETER_VALUE');
  });

  it('sets and deletes tags; deleting a missing tag is fine, on a missing model it is not', async () => {
    const { registry } = makeRegistry();
    await registry.createRegisteredModel('m');
    await registry.setRegisteredModelTag('m', 'stage', 'dev');
    await registry.setRegisteredModelTag('m', 'stage', 'prod');
    expect((await registry.getRegisteredModel('m')).tags).toEqual([{ key: 'stage', value: 'prod' }]);
    await registry.deleteRegisteredModelTag('m', 'stage');
    await registry.deleteRegisteredModelTag('m', 'never-set');
    expect((await registry.getRegisteredModel('m')).tags).toEqual([]);
    expect((await errorOf(registry.setRegisteredModelTag('x', 'k', 'v'))).code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect((await errorOf(registry.deleteRegisteredModelTag('x', 'k'))).code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect((await errorOf(registry.setRegisteredModelTag('m', '', 'v'))).code).toBe('INVALID_PARAMETER_VALUE');
  });

  it('deleting a model deletes its versions and files; a new model of that name starts at version 1', async () => {
    const { registry, tracking, db } = makeRegistry();
    const runId = await runWithModel(tracking);
    await registry.createRegisteredModel('m');
    await registry.createModelVersion('m', `runs:/${runId}/model`);
    await registry.createModelVersion('m', `runs:/${runId}/model`);
    expect(await db.modelVersionFiles.count()).toBe(6);
    await registry.deleteRegisteredModel('m');
    expect(await db.modelVersions.count()).toBe(0);
    expect(await db.modelVersionFiles.count()).toBe(0);
    await registry.createRegisteredModel('m');
    expect((await registry.createModelVersion('m', `runs:/${runId}/model`)).version).toBe('1');
  });

  it('lists latest versions per stage in the registered model', async () => {
    const { registry, tracking } = makeRegistry();
    const runId = await runWithModel(tracking);
    await registry.createRegisteredModel('m');
    for (let i = 0; i < 4; i++) await registry.createModelVersion('m', `runs:/${runId}/model`);
    await registry.transitionModelVersionStage('m', 1, 'Production');
    await registry.transitionModelVersionStage('m', 2, 'Staging');
    const latest = (await registry.getRegisteredModel('m')).latestVersions.map((v) => [v.version, v.currentStage]);
    expect(latest).toEqual([['1', 'Production'], ['2', 'Staging'], ['4', 'None']]);
  });
});

describe('search through the client', () => {
  it('searches registered models and versions with MLflow filters', async () => {
    const { registry, tracking } = makeRegistry();
    const runId = await runWithModel(tracking);
    for (const name of ['churn', 'churn-eu', 'forecast']) {
      await registry.createRegisteredModel(name, { tags: { task: name === 'forecast' ? 'regression' : 'classification' } });
      await registry.createModelVersion(name, `runs:/${runId}/model`);
    }
    const page = await registry.searchRegisteredModels({ filter: "tags.task = 'classification'", orderBy: ['name DESC'], maxResults: 1 });
    expect(page.items.map((m) => m.name)).toEqual(['churn-eu']);
    expect(page.items[0].latestVersions.map((v) => v.version)).toEqual(['1']);
    const next = await registry.searchRegisteredModels({ filter: "tags.task = 'classification'", orderBy: ['name DESC'], pageToken: page.nextPageToken });
    expect(next.items.map((m) => m.name)).toEqual(['churn']);
    const versions = await registry.searchModelVersions({ filter: `run_id = '${runId}' AND name LIKE 'churn%'`, orderBy: ['name'] });
    expect(versions.items.map((v) => `${v.name}/${v.version}`)).toEqual(['churn/1', 'churn-eu/1']);
    expect((await errorOf(registry.searchModelVersions({ filter: 'version_number LIKE 1' }))).code).toBe('INVALID_PARAMETER_VALUE');
  });
});
