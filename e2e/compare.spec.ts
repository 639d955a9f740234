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
