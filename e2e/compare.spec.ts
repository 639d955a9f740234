// Journeys through #/compare: three runs of a sweep, every view, and a chart that grows while a run logs.
import { expect, test } from '@playwright/test';
import { createSweep, ready, snap } from './helpers/data';

test('compares 3 runs with every chart type and the differences table', async ({ page }) => {
  await ready(page);
  const { runs } = await createSweep(page, 'sweep', 3);
  await page.goto(`/#/compare?runs=${runs.map((r) => r.runId).join(',')}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Compare runs' })).toBeVisible();
  await expect(page.getByText('Comparing 3 runs from sweep')).toBeVisible();

  // Line charts: one per metric, every run drawn.
  const loss = page.getByRole('figure', { name: 'Chart of loss' });
  await expect(loss.locator('[data-loaded="3"]')).toBeVisible();
  await expect(loss.getByRole('button', { name: runs[0].name })).toHaveAttribute('aria-pressed', 'true');
  await snap(page, 'compare-line-charts');

  await page.getByRole('link', { name: 'Bar chart' }).click();
  await expect(page.getByRole('img', { name: /Bar chart of accuracy per run/ })).toBeVisible();
  await snap(page, 'compare-bar');

  await page.getByRole('link', { name: 'Scatter' }).click();
  await expect(page.getByRole('img', { name: /Scatter plot of accuracy against param batch_size/ })).toBeVisible();
  await snap(page, 'compare-scatter');

  await page.getByRole('link', { name: 'Parallel coordinates' }).click();
  await expect(page.getByRole('img', { name: /Parallel coordinates of/ })).toBeVisible();
  await snap(page, 'compare-parallel');

  await page.getByRole('link', { name: 'Contour' }).click();
  await expect(page.getByRole('img', { name: /Contour of accuracy/ })).toBeVisible();
  await snap(page, 'compare-contour');

  await page.getByRole('link', { name: 'Table' }).click();
  await snap(page, 'compare-table');
});

test('a chart gains points while a run logs, without a reload', async ({ page }) => {
  await ready(page);
  const { experimentId, runs } = await createSweep(page, 'live', 1, 50);
  const liveId = await page.evaluate(async (exp) => {
    const c = window.flowpad.client;
    const run = await c.createRun(exp, { runName: 'training-now' });
    for (let s = 0; s < 20; s++) await c.logMetric(run.info.runId, 'loss', 2 / (s + 1), { step: s });
    await c.flush();
    return run.info.runId;
  }, experimentId);
  await page.goto(`/#/compare?runs=${runs[0].runId},${liveId}`);
  const chart = page.getByRole('figure', { name: 'Chart of loss' });
  const plot = chart.locator('[data-loaded="2"]');
  await expect(plot).toHaveAttribute('data-points', '70');
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));

  // Log from the page, like a training loop: 100 steps at ~100 steps/s, never calling flush.
  const logging = page.evaluate(async (id) => {
    const c = window.flowpad.client;
    for (let s = 20; s < 120; s++) {
      await c.logMetric(id, 'loss', 2 / (s + 1), { step: s });
      await new Promise((r) => setTimeout(r, 10));
    }
  }, liveId);
  await expect.poll(async () => Number(await plot.getAttribute('data-points')), { timeout: 5_000 }).toBeGreaterThan(70);
  await snap(page, 'compare-live');
  await logging;
  await expect(plot).toHaveAttribute('data-points', '170', { timeout: 5_000 });
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
});

test('a sweep of 24 runs: legend toggles, parallel coordinates and contour over the grid', async ({ page }) => {
  await ready(page);
  const { runs } = await createSweep(page, 'big-sweep', 24, 300);
  await page.goto(`/#/compare?runs=${runs.map((r) => r.runId).join(',')}`);
  const loss = page.getByRole('figure', { name: 'Chart of loss' });
  await expect(loss.locator('[data-loaded="24"]')).toBeVisible();
  // The legend shows 12 runs until expanded; a run can be hidden and shown again.
  await expect(loss.getByRole('group', { name: 'Runs in this chart' }).getByRole('button', { pressed: true })).toHaveCount(12);
  await loss.getByRole('button', { name: 'Show all 24' }).click();
  const first = loss.getByRole('button', { name: runs[0].name });
  await first.click();
  await expect(first).toHaveAttribute('aria-pressed', 'false');
  await snap(page, 'compare-24-line');
  await first.click();
  await expect(first).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('link', { name: 'Parallel coordinates' }).click();
  await expect(page.getByRole('img', { name: /Parallel coordinates of batch_size, lr, optimizer, accuracy/ })).toBeVisible();
  await snap(page, 'compare-24-parallel');
  await page.getByRole('link', { name: 'Contour' }).click();
  await page.getByLabel('Z (colour)').selectOption('metric:val_loss');
  await expect(page).toHaveURL(/z=metric(%3A|:)val_loss/);
  await expect(page.getByRole('img', { name: /Contour of val_loss over param batch_size and param lr/ })).toBeVisible();
  await snap(page, 'compare-24-contour');
  await page.getByRole('link', { name: 'Scatter' }).click();
  await page.getByLabel('X axis').selectOption('param:lr');
  await page.getByLabel('Y axis').selectOption('metric:val_loss');
  await expect(page.getByRole('img', { name: 'Scatter plot of val_loss against param lr' })).toBeVisible();
  await page.getByLabel('Log X').check(); // learning rates are swept on a log grid
  await expect(page).toHaveURL(/logx=1/);
  await expect(page.getByRole('img', { name: 'Scatter plot of val_loss against param lr' })).toContainText('0.005');
  await snap(page, 'compare-24-scatter');

  await page.getByRole('link', { name: 'Table' }).click();
  await page.getByLabel('Show differences only').check();
  const table = page.getByRole('table', { name: /Params, metrics and tags/ });
  await expect(table.getByRole('rowheader', { name: 'lr' })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'epochs' })).toHaveCount(0); // the same in every run
  await expect(table.getByRole('rowheader', { name: 'team' })).toHaveCount(0);
  await snap(page, 'compare-24-table-diff');
});
