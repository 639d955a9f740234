// Journeys through the runs table on the built PWA: runs logged through the client appear live, filter (with
// autocomplete and inline errors), sort, columns, nesting, grouping, selection actions and CSV download.
import { expect, type Page, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { cell, columnLabels, runRow, runsTable, type SeedRun, seedRuns, snap, visibleRunNames } from './helpers';

const SWEEP: SeedRun[] = [
  { name: 'sweep', params: { optimizer: 'adam' }, tags: { team: 'vision' } },
  { name: 'lr-0.1', parent: 'sweep', params: { lr: '0.1', optimizer: 'adam' }, metrics: { loss: 0.9, accuracy: 0.61 }, tags: { team: 'vision' } },
  { name: 'lr-0.01', parent: 'sweep', params: { lr: '0.01', optimizer: 'adam' }, metrics: { loss: 0.4, accuracy: 0.83 }, tags: { team: 'vision' } },
  { name: 'lr-0.001', parent: 'sweep', params: { lr: '0.001', optimizer: 'adam' }, metrics: { loss: 0.55, accuracy: 0.77 }, tags: { team: 'vision' } },
  { name: 'sgd-a', params: { lr: '0.1', optimizer: 'sgd' }, metrics: { loss: 1.2, accuracy: 0.52 }, tags: { team: 'nlp' } },
  { name: 'sgd-b', params: { lr: '0.05', optimizer: 'sgd' }, metrics: { loss: 0.7, accuracy: 0.7 }, tags: { team: 'nlp' } },
];

/** Seeds SWEEP into a new experiment and opens its page. */
async function openSweep(page: Page, name = 'sweeps'): Promise<{ experimentId: string; ids: Record<string, string> }> {
  await page.goto('/');
  const seeded = await seedRuns(page, name, SWEEP);
  await page.goto(`/#/experiments/${seeded.experimentId}`);
  await expect(runsTable(page)).toBeVisible();
  return seeded;
}

test('runs logged through the client appear, and keep appearing while the table is open', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Create experiment' }).first().click();
  await page.getByRole('dialog').getByLabel('Experiment name').fill('live-logging');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'No runs yet' })).toBeVisible();
  await snap(page, 'runs-empty');

  await seedRuns(page, 'live-logging', [
    { name: 'baseline', params: { model: 'tree' }, metrics: { rmse: 0.81 } },
    { name: 'training-now', status: 'RUNNING', params: { model: 'mlp' }, startedMinutesAgo: 2 },
  ]);
  await expect(runsTable(page).getByRole('link', { name: 'baseline' })).toBeVisible();
  await expect(page.getByText('2 runs', { exact: true })).toBeVisible();

  // A running run's duration counts up without anything being logged.
  const duration = await cell(page, 'training-now', 'Duration');
  const before = await duration.textContent();
  await expect(duration).not.toHaveText(before ?? '', { timeout: 5000 });
  await expect(runRow(page, 'training-now').getByText('Running')).toBeVisible();

  // Metrics logged into the open run show up as a new column and value, without a reload.
  await page.evaluate(async () => {
    const c = window.flowpad!.client;
    const exp = await c.getExperimentByName('live-logging');
    const run = (await c.searchRuns([exp!.experimentId], { filter: "attributes.run_name = 'training-now'" })).items[0];
    await c.logMetric(run.info.runId, 'rmse', 0.42, { step: 3 });
    await c.setTerminated(run.info.runId, 'FINISHED');
  });
  await expect(await cell(page, 'training-now', 'rmse')).toHaveText('0.42');
  await expect(runRow(page, 'training-now').getByText('Finished')).toBeVisible();

  // A run created in another tab appears too.
  const other = await page.context().newPage();
  await other.goto('/');
  await seedRuns(other, 'live-logging', [{ name: 'from-other-tab', metrics: { rmse: 0.5 } }]);
  await other.close();
  await expect(runsTable(page).getByRole('link', { name: 'from-other-tab' })).toBeVisible();
  await snap(page, 'runs-live');
});

test('a valid filter narrows the table, an invalid one shows its error where it occurs', async ({ page }) => {
  await openSweep(page);
  await page.getByRole('button', { name: 'Expand all' }).click();
  const filter = page.getByRole('combobox', { name: 'Filter runs' });

  // Autocomplete of keys from the loaded runs.
  await filter.fill('met');
  const options = page.getByRole('listbox', { name: 'Filter keys' }).getByRole('option');
  await expect(options).toHaveText([/metrics\.accuracy/, /metrics\.loss/]);
  await snap(page, 'runs-filter-autocomplete');
  await filter.press('ArrowDown');
  await filter.press('Enter');
  await expect(filter).toHaveValue('metrics.loss ');
  await filter.pressSequentially('< 0.8');
  await filter.press('Enter');
  await expect(page.getByText('3 matching runs')).toBeVisible();
  expect((await visibleRunNames(page)).sort()).toEqual(['lr-0.001', 'lr-0.01', 'sgd-b']);
  await expect(page).toHaveURL(/filter=metrics\.loss/);

  await page.reload(); // the filter is in the URL
  await expect(filter).toHaveValue('metrics.loss < 0.8');
  await expect(page.getByText('3 matching runs')).toBeVisible();

  await filter.fill("metrics.loss < 0.8 AND params.optimizer == 'sgd'");
  await filter.press('Enter');
  const error = page.getByRole('alert');
  await expect(error).toContainText("Invalid comparator '==' not one of");
  await expect(filter).toHaveAttribute('aria-invalid', 'true');
  // The offending comparison is marked inside the filter text.
  await expect(error.locator('mark')).toHaveText("params.optimizer == 'sgd'");
  await expect(error).toContainText('Expected here: != = LIKE ILIKE IS NULL IS NOT NULL');
  await snap(page, 'runs-filter-error');
  // The last valid filter stays applied while the error shows.
  await expect(page.getByText('3 matching runs')).toBeVisible();

  await filter.fill("params.optimizer = 'sgd' AND metrics.accuracy >= 0.7");
  await filter.press('Enter');
  await expect(error).toBeHidden();
  await expect.poll(() => visibleRunNames(page)).toEqual(['sgd-b']);

  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(page.getByText('6 runs', { exact: true })).toBeVisible();
});

test('sorts by any column and chooses the columns, both kept in the URL', async ({ page }) => {
  await openSweep(page);
  await page.getByRole('button', { name: 'Expand all' }).click();
  await page.getByRole('button', { name: 'Sort by Metric: loss' }).click();
  const lossHeader = runsTable(page).getByRole('columnheader', { name: /loss/ });
  await expect(lossHeader).toHaveAttribute('aria-sort', 'descending');
  // Nested runs stay under their parent; the top level and each parent's children follow the sort.
  await expect.poll(() => visibleRunNames(page)).toEqual(['sgd-a', 'sgd-b', 'sweep', 'lr-0.1', 'lr-0.001', 'lr-0.01']);
  await page.getByRole('button', { name: 'Sort by Metric: loss' }).click();
  await expect(lossHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(() => visibleRunNames(page)).toEqual(['sgd-b', 'sgd-a', 'sweep', 'lr-0.01', 'lr-0.001', 'lr-0.1']);
  await expect(page).toHaveURL(/sort=metric%3Aloss&dir=asc|dir=asc&sort=metric%3Aloss/);

  await page.getByRole('button', { name: 'Columns' }).click();
  const chooser = page.getByRole('dialog', { name: 'Columns' });
  await chooser.getByRole('checkbox', { name: 'optimizer' }).uncheck();
  await chooser.getByRole('checkbox', { name: 'team' }).check();
  await chooser.getByRole('checkbox', { name: 'User' }).uncheck();
  await snap(page, 'runs-column-chooser');
  await chooser.getByRole('button', { name: 'Done' }).click();
  let labels = await columnLabels(page);
  expect(labels).toContain('team');
  expect(labels).not.toContain('optimizer');
  expect(labels).not.toContain('User');

  await page.reload();
  labels = await columnLabels(page);
  expect(labels).toContain('team');
  expect(labels).not.toContain('optimizer');
  await expect(lossHeader).toHaveAttribute('aria-sort', 'ascending');

  // Resizing a column with the keyboard.
  const handle = page.getByRole('separator', { name: 'Resize column Metric: loss' });
  const width = Number(await handle.getAttribute('aria-valuenow'));
  await handle.focus();
  await handle.press('ArrowRight');
  await expect(handle).toHaveAttribute('aria-valuenow', String(width + 16));
});

test('nested runs expand under their parent; grouping shows min, average and max per group', async ({ page }) => {
  await openSweep(page);
  await expect.poll(() => visibleRunNames(page)).toEqual(['sgd-b', 'sgd-a', 'sweep']);
  await page.getByRole('button', { name: 'Expand 3 child runs of sweep' }).click();
  await expect.poll(() => visibleRunNames(page)).toEqual(['sgd-b', 'sgd-a', 'sweep', 'lr-0.001', 'lr-0.01', 'lr-0.1']);
  await snap(page, 'runs-nested');
  await page.getByRole('button', { name: 'Collapse 3 child runs of sweep' }).click();
  await expect.poll(() => visibleRunNames(page)).toEqual(['sgd-b', 'sgd-a', 'sweep']);

  await page.getByLabel('Group by').selectOption('param:optimizer');
  const adam = runsTable(page).getByRole('row').filter({ hasText: 'optimizer = adam' });
  await expect(adam).toBeVisible();
  const lossIndex = (await columnLabels(page)).indexOf('loss') + 1; // aria-colindex is 1-based
  const adamLoss = adam.locator(`[role="cell"][aria-colindex="${lossIndex}"]`);
  await expect(adamLoss).toHaveText(String(Math.round(((0.9 + 0.4 + 0.55) / 3) * 1000) / 1000));
  await page.getByLabel('Aggregate').selectOption('max');
  await expect(adamLoss).toHaveText('0.9');
  await page.getByLabel('Aggregate').selectOption('min');
  await expect(adamLoss).toHaveText('0.4');
  await expect(adamLoss.locator('span')).toHaveAttribute('title', /min 0\.4 · avg 0\.617 · max 0\.9 \(3 runs\)/);
  await snap(page, 'runs-grouped');
  await page.getByRole('button', { name: 'Collapse group optimizer = adam' }).click();
  await expect.poll(() => visibleRunNames(page)).toEqual(['sgd-b', 'sgd-a']);
});

test('selected runs can be renamed, tagged, deleted after confirmation, restored and compared', async ({ page }) => {
  const { ids } = await openSweep(page);
  await runRow(page, 'sgd-a').getByRole('checkbox').check();
  await page.getByRole('toolbar', { name: 'Selected runs' }).getByRole('button', { name: 'Rename' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename run' });
  await rename.getByLabel('Run name').fill('sgd-renamed');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(runsTable(page).getByRole('link', { name: 'sgd-renamed' })).toBeVisible();

  await runRow(page, 'sgd-b').getByRole('checkbox').check();
  const bar = page.getByRole('toolbar', { name: 'Selected runs' });
  await expect(bar).toContainText('2 runs selected');
  await snap(page, 'runs-selection');
  await bar.getByRole('button', { name: 'Add tag' }).click();
  const tag = page.getByRole('dialog', { name: 'Add tag to 2 runs' });
  await tag.getByLabel('Key').fill('reviewed');
  await tag.getByLabel('Value').fill('yes');
  await tag.getByRole('button', { name: 'Add tag' }).click();
  await expect(tag).toBeHidden();
  await page.getByLabel("Filter runs").fill("tags.reviewed = 'yes'");
  await page.getByLabel('Filter runs').press('Enter');
  await expect(page.getByText('2 matching runs')).toBeVisible();

  await bar.getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL(new RegExp(`#/compare\\?runs=(${ids['sgd-a']},${ids['sgd-b']}|${ids['sgd-b']},${ids['sgd-a']})`));
  await page.goBack();

  await runsTable(page).getByRole('checkbox', { name: 'Select all runs' }).check();
  await page.getByRole('toolbar', { name: 'Selected runs' }).getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete 2 runs?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await snap(page, 'runs-delete-confirm');
  await confirm.getByRole('button', { name: 'Delete 2 runs' }).click();
  await expect(page.getByRole('heading', { name: 'No runs match' })).toBeVisible();

  await page.getByLabel('State').selectOption('deleted');
  await expect(page.getByText('2 matching runs')).toBeVisible();
  await runsTable(page).getByRole('checkbox', { name: 'Select run sgd-b' }).check();
  await page.getByRole('toolbar', { name: 'Selected runs' }).getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText('1 matching run', { exact: true })).toBeVisible();
  await page.getByLabel('State').selectOption('active');
  await expect(runsTable(page).getByRole('link', { name: 'sgd-b' })).toBeVisible();
});

test("Download CSV writes MLflow's columns and rows with the CSV-injection guard", async ({ page }) => {
  await page.goto('/');
  const { experimentId, ids } = await seedRuns(page, 'csv', [
    { name: 'plain', params: { alpha: '0.5' }, metrics: { rmse: 0.25 }, tags: { team: 'ml' } },
    { name: 'tricky', params: { alpha: '=HYPERLINK("x")' }, metrics: { rmse: -1.5 }, tags: { note: '@sum, "quoted"' } },
  ]);
  await page.goto(`/#/experiments/${experimentId}`);
  await expect(runsTable(page).getByRole('link', { name: 'tricky' })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('runs.csv');
  const text = await readFile((await download.path())!, 'utf8');
  const lines = text.trimEnd().split('\n');
  expect(lines[0]).toBe('"Start Time","Duration","Run ID","Name","Source Type","Source Name","User","Status","alpha","rmse","note","team"');
  expect(lines).toHaveLength(3);
  // Newest first, like the table; every cell quoted; formulas neutralised with a leading '.
  expect(lines[1]).toMatch(new RegExp(`^"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d","1\\.5min","${ids.tricky}","tricky","","","flowpad","FINISHED",`));
  expect(lines[1]).toContain(`"'=HYPERLINK(""x"")","'-1.5","'@sum, ""quoted""",""`);
  expect(lines[2]).toContain(`"${ids.plain}","plain"`);
  expect(lines[2]).toMatch(/"0\.5","0\.25","","ml"$/);
});
