import { describe, expect, it } from 'vitest';
import { errorOf } from '../../../test/error-of';
import { makeStore, populate } from '../../../test/stores';
import { exportBackup, restoreBackup } from '.';
import type { BackupProgress } from './export';

describe('backup → restore', () => {
  it('replaces a fresh database with an identical copy (dump equal), in pages, with progress', async () => {
    const src = await makeStore();
    await populate(src.client);
    const before = await src.dump();
    const progress: BackupProgress[] = [];
    const zip = await exportBackup(src.db, { pageRows: 3, onProgress: (p) => progress.push(p) });
    expect(zip.type).toBe('application/zip');
    expect(progress.at(-1)).toMatchObject({ stage: 'files' });
    expect(progress.filter((p) => p.stage === 'reading').at(-1)).toMatchObject({ done: progress[0].total });

    const dst = await makeStore();
    const restored: BackupProgress[] = [];
    const result = await restoreBackup(dst.db, zip, { mode: 'replace', onProgress: (p) => restored.push(p) });
    expect(await dst.dump()).toBe(before);
    expect(await src.dump()).toBe(before); // exporting changes nothing
    expect(result.tables.runs.added).toBe(5);
    expect(result.backup.blobs.count).toBe(8);
    expect(restored.some((p) => p.stage === 'checking')).toBe(true);
    expect(restored.at(-1)).toMatchObject({ stage: 'writing', done: restored.at(-1)!.total });

    // The restored data works through the client, histories included.
    const runs = await dst.client.searchRuns(['1'], { filter: "params.lr = '0.1'" });
    expect(runs.items).toHaveLength(1);
    const loss = await dst.client.getMetricHistory(runs.items[0].info.runId, 'loss');
    expect(loss).toHaveLength(10_000);
    const special = (await dst.client.getMetricHistory(runs.items[0].info.runId, 'special')).map((m) => m.value);
    expect(special[0]).toBeNaN();
    expect(special[1]).toBe(Infinity);
    const art = await dst.client.downloadArtifact(runs.items[0].info.runId, 'model/weights.bin');
    expect(art.size).toBe(3000);
    await src.close();
    await dst.close();
  });

  it('merging a backup into the database it came from changes nothing', async () => {
    const s = await makeStore();
    await populate(s.client);
    const before = await s.dump();
    const zip = await exportBackup(s.db);
    const result = await restoreBackup(s.db, zip, { mode: 'merge' });
    expect(await s.dump()).toBe(before);
    expect(Object.values(result.tables).every((t) => t.added === 0)).toBe(true);
    expect(result.tables.metricChunks.kept).toBeGreaterThan(0);
    await s.close();
  });

  it('merges into a database with its own experiments: clashing ids renumbered, names renamed, runs moved', async () => {
    const a = await makeStore();
    const { runIds } = await populate(a.client, 'a');
    const zip = await exportBackup(a.db);
    const b = await makeStore();
    await b.client.createExperiment('churn-a'); // id 1: same id and name as a's, but another experiment
    const own = await b.client.createRun('1', { runName: 'mine' });
    await b.client.setTerminated(own.info.runId, 'FINISHED');

    const result = await restoreBackup(b.db, zip, { mode: 'merge' });
    expect(result.tables.experiments).toMatchObject({ added: 3, kept: 1, renamed: 1, renumbered: 1 });
    const exps = await b.client.searchExperiments({ viewType: 'ALL', orderBy: ['name'] });
    expect(exps.items.map((e) => [e.name, e.experimentId])).toEqual([
      // '1' is another experiment here: the backup's gets an id free in both (4); '2' and '3' are free here.
      ['Default', '0'], ['churn-a', '1'], ['churn-a (restored)', '4'], ['fraud-a', '2'], ['old-a', '3'],
    ]);
    const moved = await b.client.searchRuns(['4'], { runViewType: 'ALL' });
    expect(moved.items.map((r) => r.info.runName).sort()).toEqual(['child-a', 'run-a-0', 'run-a-1']);
    expect(moved.items[0].info.artifactUri).toMatch(/^flowpad-artifacts:\/4\//);
    expect((await b.client.searchRuns(['1'])).items.map((r) => r.info.runName)).toEqual(['mine']);
    expect(await b.client.getMetricHistory(runIds[0], 'loss')).toHaveLength(10_000);
    // A second merge of the same backup adds nothing.
    const after = await b.dump();
    const again = await restoreBackup(b.db, zip, { mode: 'merge' });
    expect(Object.values(again.tables).every((t) => t.added === 0)).toBe(true);
    expect(await b.dump()).toBe(after);
    // New experiments continue after the renumbered ones.
    expect(await b.client.createExperiment('next')).toBe('5');
    await a.close();
    await b.close();
  });

  it('keeps a local run whole: a backup with more history for it adds none of its chunks', async () => {
    const s = await makeStore();
    const r = await s.client.createRun('0');
    for (let i = 0; i < 5000; i++) await s.client.logMetric(r.info.runId, 'm', i, { step: i });
    await s.client.flush();
    const zip = await exportBackup(s.db);
    await s.db.metricChunks.delete([r.info.runId, 'm', 1]);
    const before = await s.dump();
    const result = await restoreBackup(s.db, zip, { mode: 'merge' });
    expect(result.tables.metricChunks).toMatchObject({ added: 0, kept: 2 });
    expect(await s.dump()).toBe(before);
    await s.close();
  });

  it('refuses a file that is not a zip, with nothing written', async () => {
    const s = await makeStore();
    await populate(s.client);
    const before = await s.dump();
    for (const bad of [new Blob([]), new Blob(['hello, world']), new Blob([new Uint8Array(100_000)])]) {
      const err = await errorOf(restoreBackup(s.db, bad, { mode: 'replace' }));
      expect(err.code).toBe('INVALID_PARAMETER_VALUE');
      expect(err.message).toMatch(/not a Flowpad backup/);
    }
    expect(await s.dump()).toBe(before);
    expect((await errorOf(exportBackup(s.db).then((z) => z.slice(0, z.size - 10)).then((z) => restoreBackup(s.db, z, { mode: 'merge' })))).code)
      .toBe('INVALID_PARAMETER_VALUE');
    expect(await s.dump()).toBe(before);
    await s.close();
  });
});

describe('backup of registry tables (table-generic)', () => {
  it('round-trips them and merges by their rules: owned versions follow the model, clashing names are renamed', async () => {
    const { putModel, RegistryShapedDB } = await import('../../../test/registry-db');
    const open = (o: ConstructorParameters<typeof RegistryShapedDB>[0]) => new RegistryShapedDB(o);
    const a = await makeStore(open);
    await putModel(a.db, 'm1', 'churn', 2);
    await putModel(a.db, 'm2', 'fraud', 1);
    const before = await a.dump();
    const zip = await exportBackup(a.db);
    const fresh = await makeStore(open);
    await restoreBackup(fresh.db, zip, { mode: 'replace' });
    expect(await fresh.dump()).toBe(before);

    const b = await makeStore(open);
    await putModel(b.db, 'm1', 'churn', 1); // the same model, with fewer versions here
    await putModel(b.db, 'x9', 'fraud', 1); // another model holding the name
    const result = await restoreBackup(b.db, zip, { mode: 'merge' });
    expect(result.tables.registeredModels).toMatchObject({ added: 1, kept: 1, renamed: 1 });
    expect(result.tables.modelVersions).toMatchObject({ added: 1, kept: 2 });
    expect(result.tables.modelVersionFiles).toMatchObject({ added: 1, kept: 2 });
    expect((await b.db.table('registeredModels').toArray()).map((m: { name: string }) => m.name).sort()).toEqual(['churn', 'fraud', 'fraud (restored)']);
    expect(await b.db.table('modelVersions').where('modelId').equals('m1').count()).toBe(1);
    for (const s of [a, fresh, b]) await s.close();
  });
});
