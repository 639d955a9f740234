// Two tabs of one browser profile on one database: concurrent logging loses nothing, a change in one tab
// shows in the other without a reload, and a schema upgrade from another tab closes this one's connection
// cleanly (buffered metrics written first) with a "reload" panel instead of a blank or broken page.
import { expect, type Page, test } from '@playwright/test';
import { appReady, snap } from './helpers/app';

const RUNS_PER_TAB = 4;
const POINTS = 3000;

/** One tab's share of the work, through the public client: its own runs, plus points in a run both tabs share. */
function work(page: Page, tab: string, experimentId: string, sharedRun: string) {
  return page.evaluate(async ({ tab, experimentId, sharedRun, runs, points }) => {
    const c = window.flowpad.client;
    for (let r = 0; r < runs; r++) {
      const { info } = await c.createRun(experimentId, { runName: `${tab}-${r}` });
      await c.logBatch(info.runId, { params: Array.from({ length: 10 }, (_, i) => ({ key: `p${i}`, value: `${tab}${r}${i}` })) });
      await c.setExperimentTag(experimentId, `${tab}-${r}`, 'done'); // read-modify-write of one shared row
      for (let s = 0; s < points; s++) {
        await c.logMetric(info.runId, 'loss', 1 / (s + 1), { step: s });
        if (s % 10 === 0) await c.logMetric(sharedRun, `from-${tab}`, s, { step: s });
        if (s % 10 === 0) await c.logMetric(sharedRun, 'both', s, { step: (tab === 'a' ? 0 : 100_000) + r * points + s });
      }
      await c.setTerminated(info.runId, 'FINISHED');
    }
    await c.flush();
  }, { tab, experimentId, sharedRun, runs: RUNS_PER_TAB, points: POINTS });
}

test('two tabs logging to one experiment at once: exact counts afterwards', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  for (const p of [a, b]) {
    await p.goto('/');
    await appReady(p);
  }
  const { experimentId, sharedRun } = await a.evaluate(async () => {
    const c = window.flowpad.client;
    const experimentId = await c.createExperiment('shared');
    return { experimentId, sharedRun: (await c.createRun(experimentId, { runName: 'shared' })).info.runId };
  });
  await Promise.all([work(a, 'a', experimentId, sharedRun), work(b, 'b', experimentId, sharedRun)]);

  const counts = await b.evaluate(async ({ experimentId, sharedRun }) => {
    const c = window.flowpad.client;
    const runs = (await c.searchRuns([experimentId], { maxResults: 1000 })).items.filter((r) => r.info.runId !== sharedRun);
    const histories = await Promise.all(runs.map((r) => c.getMetricHistory(r.info.runId, 'loss')));
    const both = await c.getMetricHistory(sharedRun, 'both');
    return {
      runs: runs.length,
      names: runs.map((r) => r.info.runName).sort(),
      params: runs.map((r) => r.data.params.length),
      points: histories.map((h) => h.length),
      stepsInOrder: histories.every((h) => h.every((m, i) => m.step === i)),
      sharedA: (await c.getMetricHistory(sharedRun, 'from-a')).length,
      sharedB: (await c.getMetricHistory(sharedRun, 'from-b')).length,
      both: both.length,
      bothDistinct: new Set(both.map((m) => m.step)).size,
      tags: (await c.getExperiment(experimentId)).tags.length,
      summary: runs.map((r) => r.data.metrics.find((m) => m.key === 'loss')?.step),
    };
  }, { experimentId, sharedRun });
  const perTab = RUNS_PER_TAB * POINTS / 10;
  expect(counts).toEqual({
    runs: 2 * RUNS_PER_TAB,
    names: [...['a', 'b'].flatMap((t) => Array.from({ length: RUNS_PER_TAB }, (_, r) => `${t}-${r}`))].sort(),
    params: Array(2 * RUNS_PER_TAB).fill(10),
    points: Array(2 * RUNS_PER_TAB).fill(POINTS),
    stepsInOrder: true,
    sharedA: perTab,
    sharedB: perTab,
    both: 2 * perTab,
    bothDistinct: 2 * perTab,
    tags: 2 * RUNS_PER_TAB,
    summary: Array(2 * RUNS_PER_TAB).fill(POINTS - 1),
  });
});

test('a change in one tab appears in the other without a reload', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  for (const p of [a, b]) {
    await p.goto('/');
    await appReady(p);
  }
  await a.getByRole('button', { name: 'Create experiment' }).first().click();
  const dialog = a.getByRole('dialog', { name: 'Create experiment' });
  await dialog.getByLabel('Experiment name').fill('made-in-tab-a');
  await dialog.getByLabel('Experiment name').press('Enter');
  const list = b.getByRole('table', { name: 'Experiments' });
  await expect(list.getByRole('link', { name: 'made-in-tab-a' })).toBeVisible();
  await a.evaluate(() => window.flowpad.client.renameExperiment('1', 'renamed-in-tab-a'));
  await expect(list.getByRole('link', { name: 'renamed-in-tab-a' })).toBeVisible();
  await a.evaluate(() => window.flowpad.client.deleteExperiment('1'));
  await expect(list.getByRole('link', { name: 'renamed-in-tab-a' })).toHaveCount(0);
});

test('a schema upgrade from another tab: buffered metrics written, a reload panel, then the app works', async ({ context }) => {
  const app = await context.newPage();
  await app.goto('/');
  await appReady(app);
  const runId = await app.evaluate(async () => {
    const c = window.flowpad.client;
    const { info } = await c.createRun('0', { runName: 'before-upgrade' });
    for (let s = 0; s < 100; s++) await c.logMetric(info.runId, 'm', s, { step: s }); // still buffered
    return info.runId;
  });

  // The "newer Flowpad": another tab of the same origin opens the database at a higher IndexedDB version.
  const other = await context.newPage();
  await other.goto('/manifest.webmanifest');
  const upgraded = await other.evaluate(async () => {
    const current = (await indexedDB.databases()).find((d) => d.name === 'flowpad')!.version!;
    // 'blocked' is expected for a moment: the app tab writes its buffered metrics before it lets go.
    return new Promise<string>((resolve) => {
      const req = indexedDB.open('flowpad', current + 1);
      req.onsuccess = () => {
        req.result.close();
        resolve(`opened ${req.result.version - current} version(s) up`);
      };
      req.onerror = () => resolve(`error ${req.error?.name}`);
    });
  });
  expect(upgraded).toBe('opened 1 version(s) up');

  const panel = app.getByRole('alert').filter({ hasText: 'Flowpad was updated in another tab' });
  await expect(panel).toBeVisible();
  await snap(app, 'upgraded-elsewhere');
  await panel.getByRole('button', { name: 'Reload' }).click();
  await appReady(app);
  await expect(app.getByRole('heading', { level: 1, name: 'Experiments' })).toBeVisible();
  const points = await app.evaluate((id) => window.flowpad.client.getMetricHistory(id, 'm').then((h) => h.length), runId);
  expect(points).toBe(100);
});
