import { describe, expect, it } from 'vitest';
import { errorOf, makeClient, makeTwoClients } from '../../test/helpers';

describe('experiments', () => {
  it('has the Default experiment "0" like MLflow', async () => {
    const c = makeClient();
    const e = await c.getExperiment('0');
    expect(e).toMatchObject({ experimentId: '0', name: 'Default', lifecycleStage: 'active', tags: [] });
    expect((await c.getExperimentByName('Default'))?.experimentId).toBe('0');
  });

  it('creates experiments with sequential ids, tags and an artifact location', async () => {
    const c = makeClient();
    const a = await c.createExperiment('a', { tags: { team: 'nlp' } });
    const b = await c.createExperiment('b', { artifactLocation: 's3://bucket/b', tags: [{ key: 'k', value: 'v' }] });
    expect([a, b]).toEqual(['1', '2']);
    const ea = await c.getExperiment(a);
    expect(ea.name).toBe('a');
    expect(ea.tags).toEqual([{ key: 'team', value: 'nlp' }]);
    expect(ea.artifactLocation).toBe('flowpad-artifacts:/1');
    expect(ea.creationTime).toBe(ea.lastUpdateTime);
    expect((await c.getExperiment(b)).artifactLocation).toBe('s3://bucket/b');
  });

  it('rejects duplicate names, even of deleted experiments (RESOURCE_ALREADY_EXISTS)', async () => {
    const c = makeClient();
    const id = await c.createExperiment('dup');
    expect(await errorOf(c.createExperiment('dup'))).toEqual({ code: 'RESOURCE_ALREADY_EXISTS', message: 'Experiment(name=dup) already exists.' });
    await c.deleteExperiment(id);
    expect((await errorOf(c.createExperiment('dup'))).code).toBe('RESOURCE_ALREADY_EXISTS');
  });

  it('rejects invalid names (INVALID_PARAMETER_VALUE)', async () => {
    const c = makeClient();
    expect((await errorOf(c.createExperiment(''))).code).toBe('INVALID_PARAMETER_VALUE');
    expect((await errorOf(c.createExperiment('x'.repeat(501)))).code).toBe('INVALID_PARAMETER_VALUE');
    expect((await errorOf(c.createExperiment(42 as unknown as string))).code).toBe('INVALID_PARAMETER_VALUE');
  });

  it('getExperiment of an unknown id is RESOURCE_DOES_NOT_EXIST; by name returns null', async () => {
    const c = makeClient();
    expect(await errorOf(c.getExperiment('999'))).toEqual({ code: 'RESOURCE_DOES_NOT_EXIST', message: 'No Experiment with id=999 exists' });
    expect(await c.getExperimentByName('nope')).toBeNull();
  });

  it('renames, refusing duplicates and deleted experiments', async () => {
    const c = makeClient();
    const a = await c.createExperiment('a');
    await c.createExperiment('b');
    await c.renameExperiment(a, 'a2');
    expect((await c.getExperiment(a)).name).toBe('a2');
    expect(await c.getExperimentByName('a')).toBeNull();
    expect((await errorOf(c.renameExperiment(a, 'b'))).code).toBe('RESOURCE_ALREADY_EXISTS');
    await c.deleteExperiment(a);
    expect(await errorOf(c.renameExperiment(a, 'z'))).toEqual({ code: 'INVALID_STATE', message: 'Cannot rename a non-active experiment.' });
  });

  it('delete and restore cascade to runs, like the SQL store', async () => {
    const c = makeClient();
    const e = await c.createExperiment('e');
    const r = await c.createRun(e);
    await c.deleteExperiment(e);
    expect((await c.getExperiment(e)).lifecycleStage).toBe('deleted');
    expect((await c.getRun(r.info.runId)).info.lifecycleStage).toBe('deleted');
    expect((await errorOf(c.deleteExperiment(e))).code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect((await errorOf(c.createRun(e))).code).toBe('INVALID_PARAMETER_VALUE');
    await c.restoreExperiment(e);
    expect((await c.getRun(r.info.runId)).info.lifecycleStage).toBe('active');
    expect((await errorOf(c.restoreExperiment(e))).code).toBe('RESOURCE_DOES_NOT_EXIST');
  });

  it('sets and deletes experiment tags with MLflow limits', async () => {
    const c = makeClient();
    const e = await c.createExperiment('e');
    await c.setExperimentTag(e, 'mlflow.note.content', '# Notes');
    await c.setExperimentTag(e, 'mlflow.note.content', '# Notes v2');
    expect((await c.getExperiment(e)).tags).toEqual([{ key: 'mlflow.note.content', value: '# Notes v2' }]);
    await c.setExperimentTag(e, 'big', 'x'.repeat(5000));
    expect((await errorOf(c.setExperimentTag(e, 'big', 'x'.repeat(5001)))).code).toBe('INVALID_PARAMETER_VALUE');
    expect((await errorOf(c.setExperimentTag(e, 'k'.repeat(251), 'v'))).code).toBe('INVALID_PARAMETER_VALUE');
    await c.deleteExperimentTag(e, 'big');
    expect((await errorOf(c.deleteExperimentTag(e, 'big'))).code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect((await c.getExperiment(e)).tags.map((t) => t.key)).toEqual(['mlflow.note.content']);
  });

  it('searches with filter, order and view type', async () => {
    const c = makeClient();
    const a = await c.createExperiment('prod-a', { tags: { owner: 'ml-team' } });
    await c.createExperiment('prod-b');
    const d = await c.createExperiment('dev-c', { tags: { owner: 'ml-team' } });
    await c.deleteExperiment(d);
    const names = async (o: Parameters<typeof c.searchExperiments>[0]) => (await c.searchExperiments(o)).items.map((e) => e.name);
    expect(await names({ filter: "name LIKE 'prod-%' AND tags.owner = 'ml-team'" })).toEqual(['prod-a']);
    expect(await names({ orderBy: ['name ASC'] })).toEqual(['Default', 'prod-a', 'prod-b']);
    expect(await names({ viewType: 'DELETED_ONLY' })).toEqual(['dev-c']);
    expect((await names({ viewType: 'ALL' })).length).toBe(4);
    const p1 = await c.searchExperiments({ maxResults: 2, orderBy: ['name ASC'] });
    expect(p1.items.map((e) => e.name)).toEqual(['Default', 'prod-a']);
    const p2 = await c.searchExperiments({ maxResults: 2, orderBy: ['name ASC'], pageToken: p1.nextPageToken });
    expect(p2.items.map((e) => e.name)).toEqual(['prod-b']);
    expect(p2.nextPageToken).toBeUndefined();
    expect(a).toBe('1');
    expect((await errorOf(c.searchExperiments({ filter: 'metrics.x > 1' }))).code).toBe('INVALID_PARAMETER_VALUE');
  });

  it('a second client on the same database (another tab) sees new experiments', async () => {
    const [c1, c2] = makeTwoClients();
    await c1.createExperiment('from-tab-1');
    expect((await c2.getExperimentByName('from-tab-1'))?.experimentId).toBe('1');
    expect(await c2.createExperiment('from-tab-2')).toBe('2');
  });
});
