import { describe, expect, it } from 'vitest';
import { errorOf, makeClient } from '../../test/helpers';

const RUN_NAME = /^[a-z]+-[a-z]+-\d{1,4}$/;

describe('runs', () => {
  it('creates a RUNNING run with MLflow-style generated name, user and tags', async () => {
    const c = makeClient({ userId: 'alice' });
    const run = await c.createRun('0', { tags: { team: 'nlp' }, startTime: 1000 });
    expect(run.info.runId).toMatch(/^[0-9a-f]{32}$/);
    expect(run.info.runUuid).toBe(run.info.runId);
    expect(run.info.runName).toMatch(RUN_NAME);
    expect(run.info.runName.length).toBeLessThanOrEqual(20);
    expect(run.info).toMatchObject({ experimentId: '0', userId: 'alice', status: 'RUNNING', startTime: 1000, endTime: null, lifecycleStage: 'active' });
    expect(run.info.artifactUri).toBe(`flowpad-artifacts:/0/${run.info.runId}/artifacts`);
    const tags = Object.fromEntries(run.data.tags.map((t) => [t.key, t.value]));
    expect(tags).toEqual({ team: 'nlp', 'mlflow.runName': run.info.runName, 'mlflow.user': 'alice' });
    expect(run.inputs.datasetInputs).toEqual([]);
  });

  it('keeps run_name and the mlflow.runName tag in step, and refuses a conflict', async () => {
    const c = makeClient();
    const a = await c.createRun('0', { runName: 'first' });
    expect(a.data.tags.find((t) => t.key === 'mlflow.runName')?.value).toBe('first');
    const b = await c.createRun('0', { tags: { 'mlflow.runName': 'from-tag' } });
    expect(b.info.runName).toBe('from-tag');
    const err = await errorOf(c.createRun('0', { runName: 'x', tags: { 'mlflow.runName': 'y' } }));
    expect(err.code).toBe('INVALID_PARAMETER_VALUE');
    expect(err.message).toContain("Both 'run_name' argument and 'mlflow.runName' tag are specified");
    await c.updateRun(a.info.runId, { runName: 'renamed' });
    let r = await c.getRun(a.info.runId);
    expect(r.info.runName).toBe('renamed');
    expect(r.data.tags.find((t) => t.key === 'mlflow.runName')?.value).toBe('renamed');
    await c.setTag(a.info.runId, 'mlflow.runName', 'via-tag');
    r = await c.getRun(a.info.runId);
    expect(r.info.runName).toBe('via-tag');
  });

  it('nests runs through mlflow.parentRunId', async () => {
    const c = makeClient();
    const parent = await c.createRun('0');
    const child = await c.createRun('0', { parentRunId: parent.info.runId });
    expect(child.data.tags).toContainEqual({ key: 'mlflow.parentRunId', value: parent.info.runId });
    const kids = await c.searchRuns(['0'], { filter: `tags.\`mlflow.parentRunId\` = '${parent.info.runId}'` });
    expect(kids.items.map((r) => r.info.runId)).toEqual([child.info.runId]);
  });

  it('createRun in an unknown experiment is RESOURCE_DOES_NOT_EXIST', async () => {
    expect((await errorOf(makeClient().createRun('42'))).code).toBe('RESOURCE_DOES_NOT_EXIST');
  });

  it('getRun of an unknown id is RESOURCE_DOES_NOT_EXIST with MLflow message', async () => {
    expect(await errorOf(makeClient().getRun('abc'))).toEqual({ code: 'RESOURCE_DOES_NOT_EXIST', message: 'Run with id=abc not found' });
  });

  it('updateRun / setTerminated set status and end time; bad status rejected', async () => {
    const c = makeClient();
    const { info } = await c.createRun('0');
    const updated = await c.updateRun(info.runId, { status: 'FAILED', endTime: 5 });
    expect(updated).toMatchObject({ status: 'FAILED', endTime: 5 });
    await c.setTerminated(info.runId);
    const r = await c.getRun(info.runId);
    expect(r.info.status).toBe('FINISHED');
    expect(r.info.endTime).toBeGreaterThan(5);
    expect((await errorOf(c.updateRun(info.runId, { status: 'DONE' as never }))).code).toBe('INVALID_PARAMETER_VALUE');
  });

  it('a FINISHED run still accepts writes; a deleted one does not', async () => {
    const c = makeClient();
    const { info } = await c.createRun('0');
    await c.setTerminated(info.runId);
    await c.logParam(info.runId, 'after', 'end');
    await c.deleteRun(info.runId);
    expect((await c.getRun(info.runId)).info.lifecycleStage).toBe('deleted');
    const err = await errorOf(c.logParam(info.runId, 'x', '1'));
    expect(err).toEqual({ code: 'INVALID_PARAMETER_VALUE', message: `The run ${info.runId} must be in the 'active' state. Current state is deleted.` });
    expect((await errorOf(c.logMetric(info.runId, 'm', 1))).code).toBe('INVALID_PARAMETER_VALUE');
    expect((await errorOf(c.setTag(info.runId, 't', 'v'))).code).toBe('INVALID_PARAMETER_VALUE');
    await c.restoreRun(info.runId);
    await c.logMetric(info.runId, 'm', 1);
    expect((await c.getRun(info.runId)).data.metrics).toHaveLength(1);
  });

  it('params are immutable: same value again is fine, a new value is INVALID_PARAMETER_VALUE', async () => {
    const c = makeClient();
    const { info } = await c.createRun('0');
    await c.logParam(info.runId, 'lr', 0.01);
    await c.logParam(info.runId, 'lr', '0.01');
    const err = await errorOf(c.logParam(info.runId, 'lr', '0.02'));
    expect(err.code).toBe('INVALID_PARAMETER_VALUE');
    expect(err.message).toContain('Changing param values is not allowed');
    expect((await c.getRun(info.runId)).data.params).toEqual([{ key: 'lr', value: '0.01' }]);
  });

  it('param values are stored as strings as Python MLflow would (True/False, numbers)', async () => {
    const c = makeClient();
    const { info } = await c.createRun('0');
    await c.logBatch(info.runId, { params: [{ key: 'b', value: true as unknown as string }, { key: 'n', value: 3 as unknown as string }] });
    const params = Object.fromEntries((await c.getRun(info.runId)).data.params.map((p) => [p.key, p.value]));
    expect(params).toEqual({ b: 'True', n: '3' });
  });

  it('tags are mutable; deleteTag of a missing key is RESOURCE_DOES_NOT_EXIST', async () => {
    const c = makeClient();
    const { info } = await c.createRun('0');
    await c.setTag(info.runId, 'stage', 'a');
    await c.setTag(info.runId, 'stage', 'b');
    expect((await c.getRun(info.runId)).data.tags).toContainEqual({ key: 'stage', value: 'b' });
    await c.deleteTag(info.runId, 'stage');
    expect((await c.getRun(info.runId)).data.tags.some((t) => t.key === 'stage')).toBe(false);
    expect((await errorOf(c.deleteTag(info.runId, 'stage'))).code).toBe('RESOURCE_DOES_NOT_EXIST');
  });

  it('over-long values are truncated like MLflow by default, or refused when truncation is off', async () => {
    const c = makeClient();
    const { info } = await c.createRun('0');
    await c.setTag(info.runId, 'long', 'x'.repeat(8001));
    await c.logParam(info.runId, 'p', 'y'.repeat(6001));
    const r = await c.getRun(info.runId);
    expect(r.data.tags.find((t) => t.key === 'long')?.value.length).toBe(8000);
    expect(r.data.params[0].value.length).toBe(6000);
    const strict = makeClient({ truncateLongValues: false });
    const s = await strict.createRun('0');
    await strict.setTag(s.info.runId, 'ok', 'x'.repeat(8000));
    expect((await errorOf(strict.setTag(s.info.runId, 'long', 'x'.repeat(8001)))).code).toBe('INVALID_PARAMETER_VALUE');
    expect((await errorOf(strict.logParam(s.info.runId, 'p', 'y'.repeat(6001)))).code).toBe('INVALID_PARAMETER_VALUE');
  });

  it('the key `__proto__` is an ordinary MLflow key', async () => {
    const c = makeClient();
    const { info } = await c.createRun('0');
    await c.logParam(info.runId, '__proto__', 'p');
    await c.setTag(info.runId, '__proto__', 't');
    await c.logMetric(info.runId, '__proto__', 1);
    const r = await c.getRun(info.runId);
    expect(r.data.params).toEqual([{ key: '__proto__', value: 'p' }]);
    expect(r.data.metrics.map((m) => m.key)).toEqual(['__proto__']);
  });

  it('logBatch validates everything first: a bad entity writes nothing', async () => {
    const c = makeClient();
    const { info } = await c.createRun('0');
    const m = (key: string, value: number) => ({ key, value, timestamp: 1, step: 0 });
    const err = await errorOf(c.logBatch(info.runId, { metrics: [m('ok', 1)], params: [{ key: 'a', value: '1' }], tags: [{ key: 'bad//key', value: 'x' }] }));
    expect(err.code).toBe('INVALID_PARAMETER_VALUE');
    await c.flush();
    const r = await c.getRun(info.runId);
    expect(r.data.metrics).toEqual([]);
    expect(r.data.params).toEqual([]);
  });

  it('logBatch: a changed param aborts params, tags and metrics of that batch', async () => {
    const c = makeClient();
    const { info } = await c.createRun('0');
    await c.logParam(info.runId, 'a', '1');
    const err = await errorOf(c.logBatch(info.runId, {
      metrics: [{ key: 'm', value: 1, timestamp: 1, step: 0 }], params: [{ key: 'b', value: '2' }, { key: 'a', value: '9' }], tags: [{ key: 't', value: 'v' }],
    }));
    expect(err.code).toBe('INVALID_PARAMETER_VALUE');
    await c.flush();
    const r = await c.getRun(info.runId);
    expect(r.data.params).toEqual([{ key: 'a', value: '1' }]);
    expect(r.data.metrics).toEqual([]);
    expect(r.data.tags.some((t) => t.key === 't')).toBe(false);
  });

  it('logBatch limits and duplicate params carry MLflow codes', async () => {
    const c = makeClient();
    const { info } = await c.createRun('0');
    const metrics = Array.from({ length: 1001 }, (_, i) => ({ key: 'm', value: i, timestamp: 1, step: i }));
    expect((await errorOf(c.logBatch(info.runId, { metrics }))).code).toBe('INVALID_PARAMETER_VALUE');
    const params = Array.from({ length: 101 }, (_, i) => ({ key: `p${i}`, value: '1' }));
    expect((await errorOf(c.logBatch(info.runId, { params }))).code).toBe('INVALID_PARAMETER_VALUE');
    const tags = Array.from({ length: 101 }, (_, i) => ({ key: `t${i}`, value: '1' }));
    expect((await errorOf(c.logBatch(info.runId, { tags }))).code).toBe('INVALID_PARAMETER_VALUE');
    const dup = await errorOf(c.logBatch(info.runId, { params: [{ key: 'a', value: '1' }, { key: 'a', value: '1' }] }));
    expect(dup.code).toBe('INVALID_PARAMETER_VALUE');
    await c.logBatch(info.runId, { metrics: metrics.slice(0, 900), params: params.slice(0, 100) });
    expect((await errorOf(c.logBatch(info.runId, { metrics: metrics.slice(0, 901), params: params.slice(0, 100) }))).code).toBe('INVALID_PARAMETER_VALUE');
  });

  it('logInputs records dataset inputs, searchable by datasets.*', async () => {
    const c = makeClient();
    const { info } = await c.createRun('0');
    await c.logInputs(info.runId, [{
      tags: [{ key: 'mlflow.data.context', value: 'training' }],
      dataset: { name: 'wine', digest: 'abc123', sourceType: 'local', source: 'wine.csv' },
    }]);
    const r = await c.getRun(info.runId);
    expect(r.inputs.datasetInputs[0].dataset.name).toBe('wine');
    const hit = await c.searchRuns(['0'], { filter: "datasets.name = 'wine' AND datasets.context = 'training'" });
    expect(hit.items).toHaveLength(1);
  });

  it('searchRuns honours view type, order, paging and rejects an empty experiment list', async () => {
    const c = makeClient();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await c.createRun('0', { runName: `r${i}`, startTime: 1000 + i });
      await c.logMetric(r.info.runId, 'acc', i / 10, { step: 0 });
      ids.push(r.info.runId);
    }
    await c.deleteRun(ids[0]);
    const names = (p: { items: { info: { runName: string } }[] }) => p.items.map((r) => r.info.runName);
    expect(names(await c.searchRuns(['0']))).toEqual(['r4', 'r3', 'r2', 'r1']); // start_time DESC by default
    expect(names(await c.searchRuns(['0'], { runViewType: 'DELETED_ONLY' }))).toEqual(['r0']);
    expect(names(await c.searchRuns(['0'], { runViewType: 'ALL', orderBy: ['metrics.acc ASC'] }))).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
    expect(names(await c.searchRuns(['0'], { filter: 'metrics.acc > 0.25' }))).toEqual(['r4', 'r3']);
    const p1 = await c.searchRuns(['0'], { maxResults: 3 });
    const p2 = await c.searchRuns(['0'], { maxResults: 3, pageToken: p1.nextPageToken });
    expect([...names(p1), ...names(p2)]).toEqual(['r4', 'r3', 'r2', 'r1']);
    expect((await errorOf(c.searchRuns([]))).code).toBe('INVALID_PARAMETER_VALUE');
    expect((await errorOf(c.searchRuns(['0'], { filter: 'metrics.acc > 0.9 OR' }))).code).toBe('INVALID_PARAMETER_VALUE');
  });

  it('counts runs per experiment and view without reading them, and searches several experiments at once', async () => {
    const c = makeClient();
    const exp = await c.createExperiment('counted');
    const a = await c.createRun(exp);
    await c.createRun(exp);
    await c.createRun('0');
    await c.deleteRun(a.info.runId);
    expect(await c.countRuns(exp)).toBe(1);
    expect(await c.countRuns(exp, 'DELETED_ONLY')).toBe(1);
    expect(await c.countRuns(exp, 'ALL')).toBe(2);
    expect(await c.countRuns('0')).toBe(1);
    expect(await c.countRuns('424242')).toBe(0);
    const both = await c.searchRuns(['0', exp], { runViewType: 'ALL' });
    expect(both.items).toHaveLength(3);
  });
});
