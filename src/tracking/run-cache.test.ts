import { describe, expect, it } from 'vitest';
import { makeTwoClients } from '../../test/helpers';

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('searchRuns stays current with changes from another client (tab/worker)', () => {
  it('sees runs created, changed, deleted and restored elsewhere after the first (cached) search', async () => {
    const [writer, reader] = makeTwoClients();
    const a = await writer.createRun('0', { runName: 'a' });
    expect((await reader.searchRuns(['0'])).items.map((r) => r.info.runName)).toEqual(['a']);

    const b = await writer.createRun('0', { runName: 'b', startTime: a.info.startTime + 1 });
    await writer.logParam(a.info.runId, 'lr', '0.1');
    await tick();
    let page = await reader.searchRuns(['0'], { filter: "params.lr = '0.1'" });
    expect(page.items.map((r) => r.info.runName)).toEqual(['a']);
    expect((await reader.searchRuns(['0'])).items.map((r) => r.info.runName)).toEqual(['b', 'a']);

    await writer.deleteRun(b.info.runId);
    await tick();
    expect((await reader.searchRuns(['0'])).items.map((r) => r.info.runName)).toEqual(['a']);
    expect((await reader.searchRuns(['0'], { runViewType: 'DELETED_ONLY' })).items.map((r) => r.info.runName)).toEqual(['b']);

    await writer.restoreRun(b.info.runId);
    await writer.logMetric(b.info.runId, 'acc', 0.9);
    await writer.flush();
    await tick();
    page = await reader.searchRuns(['0'], { filter: 'metrics.acc > 0.5' });
    expect(page.items.map((r) => r.info.runName)).toEqual(['b']);
  });

  it('drops runs of an experiment deleted elsewhere from the active view', async () => {
    const [writer, reader] = makeTwoClients();
    const e = await writer.createExperiment('e');
    await writer.createRun(e);
    expect((await reader.searchRuns([e])).items).toHaveLength(1);
    await writer.deleteExperiment(e);
    await tick();
    expect((await reader.searchRuns([e])).items).toHaveLength(0);
    expect((await reader.searchRuns([e], { runViewType: 'ALL' })).items).toHaveLength(1);
  });
});

describe('concurrent searches (a live query re-run while the last one still reads)', () => {
  it('never answers with a row the cache is still re-reading', async () => {
    const [writer, reader] = makeTwoClients();
    const run = await writer.createRun('0', { runName: 'a' });
    await reader.searchRuns(['0']); // loads the cache
    await writer.setTerminated(run.info.runId, 'FINISHED');
    await tick();
    // The first search takes the stale run and re-reads it; the second starts before that read is back.
    const [first, second] = await Promise.all([reader.searchRuns(['0']), reader.searchRuns(['0'])]);
    expect(first.items.map((r) => r.info.status)).toEqual(['FINISHED']);
    expect(second.items.map((r) => r.info.status)).toEqual(['FINISHED']);
  });
});
