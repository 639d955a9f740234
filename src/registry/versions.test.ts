import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/error-of';
import { makeRegistry, runWithModel } from '../../test/registry-helpers';

async function setup(versions = 1) {
  const f = makeRegistry();
  const runId = await runWithModel(f.tracking);
  await f.registry.createRegisteredModel('m');
  for (let i = 0; i < versions; i++) await f.registry.createModelVersion('m', `runs:/${runId}/model`);
  return { ...f, runId };
}

describe('model versions', () => {
  it('creates a version from runs:/<id>/model: source, run id, files copied into the registry', async () => {
    const { registry, tracking, runId, db } = await setup(0);
    const run = await tracking.getRun(runId);
    const v = await registry.createModelVersion('m', `runs:/${runId}/model`, { tags: { t: '1' }, description: 'first' });
    expect(v).toMatchObject({
      name: 'm', version: '1', currentStage: 'None', status: 'READY', source: `${run.info.artifactUri}/model`,
      runId, description: 'first', tags: [{ key: 't', value: '1' }], aliases: [], fileCount: 3, sizeBytes: expect.any(Number),
    });
    expect(v.storageLocation).toMatch(/^flowpad-registry:\/[0-9a-f-]{36}$/);
    expect(await registry.getModelVersionDownloadUri('m', 1)).toBe(v.storageLocation);
    expect((await registry.listModelVersionFiles('m', '1')).map((f) => f.path)).toEqual(['MLmodel', 'model.onnx', 'requirements.txt']);
    // The version outlives its run's artifacts.
    await db.artifacts.clear();
    await tracking.deleteRun(runId);
    const weights = await registry.downloadModelVersionFile('m', 1, 'model.onnx');
    expect([...new Uint8Array(await weights.arrayBuffer())]).toEqual([1, 2, 3, 4]);
    expect((await registry.getModelFiles('models:/m/1')).size).toBe(3);
  });

  it('numbers versions max + 1 and never reuses a deleted number', async () => {
    const { registry, runId } = await setup(2);
    await registry.deleteModelVersion('m', 2);
    expect((await registry.createModelVersion('m', `runs:/${runId}/model`)).version).toBe('3');
    await registry.deleteModelVersion('m', 3);
    await registry.deleteModelVersion('m', 1);
    expect((await registry.createModelVersion('m', `runs:/${runId}/model`)).version).toBe('4');
  });

  it('records a foreign source without files, as MLflow does', async () => {
    const { registry } = await setup(0);
    const v = await registry.createModelVersion('m', 's3://bucket/model', { runId: 'abc' });
    expect(v).toMatchObject({ source: 's3://bucket/model', runId: 'abc', fileCount: 0, storageLocation: '' });
    expect(await registry.getModelVersionDownloadUri('m', 1)).toBe('s3://bucket/model');
  });

  it('copies another version’s files from a models:/ source', async () => {
    const { registry } = await setup(1);
    await registry.createRegisteredModel('copy');
    const v = await registry.createModelVersion('copy', 'models:/m/1');
    expect(v).toMatchObject({ source: 'models:/m/1', fileCount: 3 });
    expect(await errorOf(registry.createModelVersion('copy', 'models:/m/9'))).toEqual({
      code: 'INTERNAL_ERROR',
      message: "Unable to fetch model from model URI source artifact location 'models:/m/9'.Error: Model Version (name=m, version=9) not found",
    });
  });

  it('refuses sources it cannot copy, and unknown models', async () => {
    const { registry, tracking, runId } = await setup(0);
    expect(await errorOf(registry.createModelVersion('nope', `runs:/${runId}/model`))).toEqual({
      code: 'RESOURCE_DOES_NOT_EXIST', message: 'Registered Model with name=nope not found',
    });
    expect(await errorOf(registry.createModelVersion('m', 'runs:/0123abcd/model'))).toEqual({
      code: 'RESOURCE_DOES_NOT_EXIST', message: 'Run with id=0123abcd not found',
    });
    expect((await errorOf(registry.createModelVersion('m', `runs:/${runId}/nothing`))).code).toBe('RESOURCE_DOES_NOT_EXIST');
    await tracking.logText(runId, 'x', 'plots/a.txt');
    expect(await errorOf(registry.createModelVersion('m', `runs:/${runId}/plots`))).toEqual({
      code: 'INVALID_PARAMETER_VALUE', message: `runs:/${runId}/plots is not an MLflow model folder: it has no MLmodel file.`,
    });
    expect(await errorOf(registry.createModelVersion('m', 'runs:'))).toMatchObject({ code: 'INTERNAL_ERROR' });
    expect(await errorOf(registry.createModelVersion('m', ''))).toEqual({
      code: 'INVALID_PARAMETER_VALUE', message: "Missing value for required parameter 'source'.",
    });
    expect(await errorOf(registry.createModelVersion('m', 'x', { tags: { k: null as unknown as string } }))).toEqual({
      code: 'INVALID_PARAMETER_VALUE', message: 'Tag value cannot be None',
    });
  });

  it('resolves this browser’s flowpad-artifacts: URIs to the run folder', async () => {
    const { registry, tracking, runId } = await setup(0);
    const uri = `${(await tracking.getRun(runId)).info.artifactUri}/model`;
    const v = await registry.createModelVersion('m', uri);
    expect(v).toMatchObject({ source: uri, runId, fileCount: 3 });
  });

  it('gets, updates and deletes versions with MLflow’s messages', async () => {
    const { registry } = await setup(2);
    expect(await errorOf(registry.getModelVersion('m', 'abc'))).toEqual({
      code: 'INVALID_PARAMETER_VALUE', message: "Parameter 'version' must be an integer, got 'abc'.",
    });
    expect(await errorOf(registry.getModelVersion('m', 9))).toEqual({
      code: 'RESOURCE_DOES_NOT_EXIST', message: 'Model Version (name=m, version=9) not found',
    });
    expect((await errorOf(registry.getModelVersion('zz', 1))).message).toBe('Model Version (name=zz, version=1) not found');
    const before = await registry.getModelVersion('m', ' 2 ');
    await new Promise((r) => setTimeout(r, 2));
    const updated = await registry.updateModelVersion('m', 2, 'better');
    expect(updated.description).toBe('better');
    expect(updated.lastUpdatedTimestamp).toBeGreaterThan(before.lastUpdatedTimestamp);
    await registry.deleteModelVersion('m', 2);
    expect((await errorOf(registry.getModelVersion('m', 2))).code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect((await errorOf(registry.deleteModelVersion('m', 2))).code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect((await errorOf(registry.updateModelVersion('m', 2, 'x'))).code).toBe('RESOURCE_DOES_NOT_EXIST');
  });

  it('deleting a version removes its aliases, files and search hits, and keeps the rest', async () => {
    const { registry, db } = await setup(2);
    await registry.setRegisteredModelAlias('m', 'champion', 2);
    await registry.setRegisteredModelAlias('m', 'old', 1);
    await registry.deleteModelVersion('m', 2);
    expect((await registry.getRegisteredModel('m')).aliases).toEqual([{ alias: 'old', version: '1' }]);
    expect((await registry.searchModelVersions()).items.map((v) => v.version)).toEqual(['1']);
    expect(await db.modelVersionFiles.count()).toBe(3);
    const deleted = (await db.modelVersions.toArray()).find((r) => r.version === 2)!;
    expect(deleted).toMatchObject({ currentStage: 'Deleted_Internal', source: 'REDACTED-SOURCE-PATH', runId: 'REDACTED-RUN-ID' });
  });

  it('sets and deletes version tags', async () => {
    const { registry } = await setup(1);
    await registry.setModelVersionTag('m', 1, 'validated', 'yes');
    expect((await registry.getModelVersion('m', 1)).tags).toEqual([{ key: 'validated', value: 'yes' }]);
    await registry.deleteModelVersionTag('m', 1, 'validated');
    await registry.deleteModelVersionTag('m', 1, 'absent');
    expect((await registry.getModelVersion('m', 1)).tags).toEqual([]);
    expect((await errorOf(registry.setModelVersionTag('m', 7, 'k', 'v'))).code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect((await errorOf(registry.setModelVersionTag('m', 1, 'k', undefined as unknown as string))).message).toBe('Tag value cannot be None');
    expect((await errorOf(registry.setModelVersionTag('m', 'x', 'k', 'v'))).message).toBe("Parameter 'version' must be an integer, got 'x'.");
  });

  it('registerModel creates the model once and adds versions after', async () => {
    const { registry, tracking } = makeRegistry();
    const runId = await runWithModel(tracking);
    expect((await registry.registerModel(`runs:/${runId}/model`, 'auto')).version).toBe('1');
    expect((await registry.registerModel(`runs:/${runId}/model`, 'auto')).version).toBe('2');
    expect((await errorOf(registry.registerModel(`runs:/${runId}/model`, 'a/b'))).code).toBe('INVALID_PARAMETER_VALUE');
  });
});

describe('stages', () => {
  it('transitions case-insensitively and refuses unknown stages', async () => {
    const { registry } = await setup(1);
    expect((await registry.transitionModelVersionStage('m', 1, 'production')).currentStage).toBe('Production');
    expect(await errorOf(registry.transitionModelVersionStage('m', 1, 'Live'))).toEqual({
      code: 'INVALID_PARAMETER_VALUE', message: 'Invalid Model Version stage: Live. Value must be one of None, Staging, Production, Archived.',
    });
  });

  it('archives the other versions in the target stage only when asked, and only for Staging/Production', async () => {
    const { registry } = await setup(4);
    await registry.transitionModelVersionStage('m', 1, 'Production');
    await registry.transitionModelVersionStage('m', 2, 'Production');
    await registry.transitionModelVersionStage('m', 3, 'Staging');
    await registry.transitionModelVersionStage('m', 4, 'Production', true);
    const stages = await Promise.all([1, 2, 3, 4].map(async (v) => (await registry.getModelVersion('m', v)).currentStage));
    expect(stages).toEqual(['Archived', 'Archived', 'Staging', 'Production']);
    for (const stage of ['None', 'archived']) {
      expect(await errorOf(registry.transitionModelVersionStage('m', 3, stage, true))).toEqual({
        code: 'INTERNAL_ERROR',
        message: `Model version transition cannot archive existing model versions because '${stage}' is not an Active stage. ` +
          "Valid stages are ['Staging', 'Production']",
      });
    }
    expect((await registry.getModelVersion('m', 3)).currentStage).toBe('Staging');
  });

  it('getLatestVersions answers per stage, with stage names checked', async () => {
    const { registry } = await setup(3);
    await registry.transitionModelVersionStage('m', 1, 'Staging');
    await registry.transitionModelVersionStage('m', 2, 'Staging');
    expect((await registry.getLatestVersions('m', ['staging'])).map((v) => v.version)).toEqual(['2']);
    expect((await registry.getLatestVersions('m', ['Production']))).toEqual([]);
    expect((await registry.getLatestVersions('m')).map((v) => v.version)).toEqual(['2', '3']);
    expect((await errorOf(registry.getLatestVersions('m', ['Bogus']))).code).toBe('INVALID_PARAMETER_VALUE');
    expect((await errorOf(registry.getLatestVersions('nope'))).code).toBe('RESOURCE_DOES_NOT_EXIST');
  });
});
