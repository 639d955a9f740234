// The Storage page: usage and persistence, sizes per experiment, and backup → restore into a new browser
// profile (a new context) with the database dumps equal; a bad file is refused with nothing written.
import { expect, type Page, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { appReady, dump, snap } from './helpers/app';

/** Experiments, runs with params, tags, multi-chunk metrics and artifacts, through the public client. */
async function populate(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const c = window.flowpad.client;
    const exps = [await c.createExperiment('churn-model', { tags: { team: 'growth' } }), await c.createExperiment('fraud-detection')];
    for (let i = 0; i < 4; i++) {
      const { info } = await c.createRun(exps[i % 2], { runName: `trial-${i}` });
      await c.logBatch(info.runId, {
        params: [{ key: 'lr', value: String(0.01 * (i + 1)) }, { key: 'layers', value: '3' }],
        tags: [{ key: 'stage', value: 'tuning' }],
      });
      const points = i === 0 ? 10_000 : 500;
      for (let from = 0; from < points; from += 1000) { // MLflow's limit: 1,000 metrics per batch
        const metrics = Array.from({ length: Math.min(1000, points - from) }, (_, k) => from + k)
          .map((s) => ({ key: 'loss', value: 1 / (s + 1), timestamp: 1_700_000_000_000 + s, step: s }));
        await c.logBatch(info.runId, { metrics });
      }
      await c.logMetric(info.runId, 'accuracy', NaN, { step: 0 });
      await c.logText(info.runId, `# Trial ${i}\n`, 'notes/README.md');
      await c.logArtifact(info.runId, 'model/weights.bin', new Uint8Array(50_000 * (i + 1)).map((_, k) => (k * 31 + i) & 255));
      await c.setTerminated(info.runId, 'FINISHED');
    }
    await c.flush();
  });
}

const restoreInput = (page: Page) => page.getByLabel('Backup file to restore');

test('shows usage, persistence and the size of each experiment', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  await populate(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Storage' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Storage' })).toBeVisible();
  await expect(page.getByText(/used of .* this site may use/)).toBeVisible();
  await expect(page.getByText(/Persistent storage: (granted|not granted)/)).toBeVisible();
  const table = page.getByRole('table', { name: 'Storage by experiment' });
  const churn = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'churn-model' }) });
  await expect(churn).toContainText('10,502'); // metric points: 10,000 + 500 loss, 2 accuracy
  await expect(churn.getByRole('cell').nth(1)).toHaveText('2');
  // Largest first: fraud-detection's artifacts (100 + 200 kB) outweigh churn-model's 50 + 150 kB plus its 10,502
  // points (about 85 kB: values 8 B a point, steps and timestamps packed).
  await expect(table.getByRole('row').nth(1)).toContainText('fraud-detection');
  await expect(table.getByRole('row').nth(2)).toContainText('churn-model');
  await snap(page, 'storage-page');
  await churn.getByRole('link', { name: 'churn-model' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'churn-model' })).toBeVisible();
});

test('backup → restore into a new profile gives an identical database; merging it again adds nothing', async ({ page, browser }, info) => {
  await page.goto('/#/storage');
  await appReady(page);
  await populate(page);
  const original = await dump(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export backup' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^flowpad-backup-\d{4}-\d\d-\d\d-\d{4}\.zip$/);
  const file = info.outputPath('backup.zip');
  await download.saveAs(file);
  await expect(page.getByRole('status').filter({ hasText: /Saved flowpad-backup-.*\.zip \(\d/ })).toBeVisible();
  expect(await dump(page)).toBe(original);

  // A new browser profile: only the Default experiment.
  const profile = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const fresh = await profile.newPage();
  await fresh.goto('/#/storage');
  await appReady(fresh);
  await restoreInput(fresh).setInputFiles(file);
  const dialog = fresh.getByRole('dialog', { name: 'Restore from backup' });
  await expect(dialog.getByText('4 runs')).toBeVisible();
  await expect(dialog.getByText('3 experiments')).toBeVisible();
  await snap(fresh, 'restore-dialog');
  await dialog.getByLabel(/Replace/).check();
  await dialog.getByRole('button', { name: 'Replace…' }).click();
  await expect(dialog.getByRole('alert')).toContainText('cannot be undone');
  await snap(fresh, 'restore-confirm');
  await dialog.getByRole('button', { name: 'Replace everything' }).click();
  await expect(fresh.getByRole('status').filter({ hasText: "Replaced this browser's data with the backup: 3 experiments, 4 runs, 10 metric chunks, 8 artifact files." })).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(fresh.getByRole('table', { name: 'Storage by experiment' }).getByRole('link', { name: 'churn-model' })).toBeVisible();
  await snap(fresh, 'restore-done');
  expect(await dump(fresh)).toBe(original);

  // Merge the same backup again: everything is already there.
  await restoreInput(fresh).setInputFiles(file);
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await expect(fresh.getByRole('status').filter({ hasText: 'Merged: added nothing; already here and kept: 3 experiments, 4 runs' })).toBeVisible();
  expect(await dump(fresh)).toBe(original);

  // The restored data works in the app: a run's history is all there.
  const points = await fresh.evaluate(async () => {
    const c = window.flowpad.client;
    const runs = await c.searchRuns(['1'], { filter: "attributes.run_name = 'trial-0'" });
    return (await c.getMetricHistory(runs.items[0].info.runId, 'loss')).length;
  });
  expect(points).toBe(10_000);
  await profile.close();
});

test('a damaged or foreign file is refused before anything is written', async ({ page }, info) => {
  await page.goto('/#/storage');
  await appReady(page);
  await populate(page);
  const before = await dump(page);
  const dialog = page.getByRole('dialog', { name: 'Restore from backup' });

  await restoreInput(page).setInputFiles({ name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip at all') });
  await expect(dialog.getByRole('alert')).toContainText('This file is not a Flowpad backup');
  await expect(dialog.getByText('Nothing in this browser was changed.')).toBeVisible();
  await snap(page, 'restore-refused');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // A real backup with one byte flipped in the middle of an artifact.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export backup' }).click();
  const file = info.outputPath('backup.zip');
  await (await downloading).saveAs(file);
  const bytes = await readFile(file);
  const at = bytes.indexOf(Buffer.from([0, 31, 62, 93, 124, 155, 186, 217])); // trial-0's weights.bin
  expect(at).toBeGreaterThan(0);
  bytes[at + 1000] ^= 0xff;
  await restoreInput(page).setInputFiles({ name: 'damaged.zip', mimeType: 'application/zip', buffer: bytes });
  await expect(dialog.getByRole('alert')).toContainText(/The backup is damaged: 'blobs\/\d+' fails its checksum/);
  expect(await dump(page)).toBe(before);
});
