// Journeys through the experiments list and the create dialog, on the built PWA. Each test gets a fresh
// browser context, so a fresh IndexedDB holding only the "Default" experiment.
import { expect, type Page, test } from '@playwright/test';
import { runsTable, seedRuns, snap } from './helpers';

/** Creates an experiment through the dialog and waits for its page. */
async function createExperiment(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Create experiment' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Create experiment' });
  await dialog.getByLabel('Experiment name').fill(name);
  await dialog.getByLabel('Experiment name').press('Enter');
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

const experimentsTable = (page: Page) => page.getByRole('table', { name: 'Experiments' });

test('lists experiments and shows an empty state when the filter matches none', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Experiments' })).toBeVisible();
  await expect(experimentsTable(page).getByRole('link', { name: 'Default' })).toBeVisible();

  const filter = page.getByRole('searchbox', { name: 'Filter experiments by name' });
  await filter.fill("no such 'experiment'");
  await expect(page.getByRole('heading', { name: /No experiments match/ })).toBeVisible();
  await expect(experimentsTable(page)).toHaveCount(0);
  await snap(page, 'experiments-empty-filter');

  await page.getByRole('button', { name: 'Clear filter' }).click();
  await expect(filter).toHaveValue('');
  await expect(experimentsTable(page).getByRole('link', { name: 'Default' })).toBeVisible();

  await filter.fill('DEF'); // ILIKE: case-insensitive substring
  await expect(experimentsTable(page).getByRole('link', { name: 'Default' })).toBeVisible();
});

test('creates an experiment that is still there after a reload', async ({ page }) => {
  await page.goto('/');
  const opener = page.getByRole('button', { name: 'Create experiment' }).first();
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Create experiment' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Experiment name')).toBeFocused();
  await snap(page, 'create-dialog');

  // Escape cancels and hands focus back to the button that opened the dialog.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  await createExperiment(page, 'churn-model');
  await expect(page).toHaveURL(/#\/experiments\/[^/]+$/);
  await expect(page.getByRole('region', { name: 'Runs', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No runs yet' })).toBeVisible();
  await snap(page, 'experiment-page');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'churn-model' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Experiments' }).click();
  await createExperiment(page, 'fraud-detection');
  await page.goBack();
  await page.reload();
  const table = experimentsTable(page);
  await expect(table.getByRole('link', { name: 'churn-model' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'fraud-detection' })).toBeVisible();
  // Newest first, as MLflow's default order (creation_time DESC).
  await expect(table.getByRole('row').nth(1)).toContainText('fraud-detection');
  await snap(page, 'experiments-list');

  await table.getByRole('link', { name: 'churn-model' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'churn-model' })).toBeVisible();
});

test('shows the client error inline for a duplicate or empty name', async ({ page }) => {
  await page.goto('/');
  await createExperiment(page, 'baseline');
  await page.goBack();

  await page.getByRole('button', { name: 'Create experiment' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create experiment' });
  const name = dialog.getByLabel('Experiment name');
  await name.fill('baseline');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('already exists');
  await expect(alert).toContainText('baseline');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toBeFocused();
  await snap(page, 'create-dialog-duplicate');

  await name.fill(''); // editing clears the error; submitting an empty name brings the client's
  await expect(alert).toBeHidden();
  await name.press('Enter');
  await expect(dialog.getByRole('alert')).toBeVisible();

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(experimentsTable(page).getByRole('link')).toHaveText(['baseline', 'Default']);
});

test('an experiment created in another tab appears without a reload', async ({ page, context }) => {
  await page.goto('/');
  await expect(experimentsTable(page).getByRole('link', { name: 'Default' })).toBeVisible();

  const other = await context.newPage();
  await other.goto('/');
  await createExperiment(other, 'from-another-tab');
  await other.close();

  await expect(experimentsTable(page).getByRole('link', { name: 'from-another-tab' })).toBeVisible();
});

test('unknown routes and experiment ids get a not-found page', async ({ page }) => {
  await page.goto('/#/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await snap(page, 'not-found');
  await page.getByRole('link', { name: 'Go to experiments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Experiments' })).toBeVisible();

  await page.goto('/#/experiments/424242');
  await expect(page.getByRole('heading', { level: 1, name: 'Experiment not found' })).toBeVisible();
  await snap(page, 'experiment-not-found');
});

test('an empty app offers sample data, which fills it through the client', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome to Flowpad' })).toBeVisible();
  await snap(page, 'first-look');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByRole('progressbar', { name: 'Loading sample data' })).toBeVisible();
  await snap(page, 'first-look-loading');
  await expect(page.getByRole('heading', { name: 'Welcome to Flowpad' })).toBeHidden({ timeout: 60_000 });
  const table = experimentsTable(page);
  await expect(table.getByRole('link', { name: 'Image classification (sample)' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Churn prediction (sample)' })).toContainText('36');
  await snap(page, 'experiments-sample');

  await table.getByRole('link', { name: 'Image classification (sample)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Image classification (sample)' })).toBeVisible();
  await expect(runsTable(page).getByRole('link', { name: 'resnet18-lr-sweep' })).toBeVisible();
  await page.getByRole('button', { name: 'Expand all' }).click();
  await expect(runsTable(page).getByRole('link', { name: 'resnet18-lr0.01-bs64' })).toBeVisible();
  await snap(page, 'experiment-sample');

  await page.goBack();
  await table.getByRole('link', { name: 'Churn prediction (sample)' }).click();
  await page.getByLabel('Group by').selectOption('param:model_type');
  // Three groups of 12 runs; the group of the newest run comes first.
  await expect(runsTable(page).getByRole('row').filter({ hasText: 'model_type = logistic_regression' })).toContainText('12');
  await snap(page, 'experiment-sample-grouped');
});

test('renames, deletes after confirmation, shows deleted and restores an experiment', async ({ page }) => {
  await page.goto('/');
  await createExperiment(page, 'to-rename');
  await page.getByRole('button', { name: 'Rename' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename experiment' });
  await dialog.getByLabel('Experiment name').fill('Default');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(dialog.getByRole('alert')).toContainText('already exists');
  await dialog.getByLabel('Experiment name').fill('renamed');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'renamed' })).toBeVisible();

  await page.goBack();
  const table = experimentsTable(page);
  await table.getByRole('button', { name: 'Delete experiment renamed' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete experiment “renamed”?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await snap(page, 'experiment-delete-confirm');
  await confirm.getByRole('button', { name: 'Delete experiment' }).click();
  await expect(table.getByRole('link', { name: 'renamed' })).toBeHidden();

  await page.getByRole('checkbox', { name: 'Show deleted' }).check();
  const row = table.getByRole('row').filter({ hasText: 'renamed' });
  await expect(row).toContainText('Deleted');
  await snap(page, 'experiments-show-deleted');
  await row.getByRole('button', { name: 'Restore experiment renamed' }).click();
  await expect(row).not.toContainText('Deleted');
  await page.getByRole('checkbox', { name: 'Show deleted' }).uncheck();
  await expect(table.getByRole('link', { name: 'renamed' })).toBeVisible();
});

test('edits the description as sanitised markdown and the tags of an experiment', async ({ page }) => {
  await page.goto('/');
  await createExperiment(page, 'described');
  await page.getByRole('button', { name: 'Add description' }).click();
  await page.getByLabel('Description (markdown)').fill(
    '## Goal\n\nBeat the **baseline**.\n\n<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>[link](javascript:alert(1))',
  );
  await expect(page.getByLabel('Preview').getByRole('heading', { name: 'Goal' })).toBeVisible();
  await page.getByRole('button', { name: 'Save' }).click();
  const description = page.locator('.exp-description');
  await expect(description.getByRole('heading', { name: 'Goal' })).toBeVisible();
  await expect(description.locator('strong')).toHaveText('baseline');
  // Raw HTML is shown as text; nothing runs and no javascript: link survives.
  await expect(description).toContainText('<img src=x onerror="window.pwned=1">');
  expect(await description.locator('img, script, [onerror]').count()).toBe(0);
  expect(await description.locator('a[href^="javascript"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();

  await page.getByLabel('Tag key').fill('owner');
  await page.getByLabel('Tag value').fill('ada');
  await page.getByRole('button', { name: 'Add tag' }).click();
  const tags = page.getByRole('list', { name: 'Tags' });
  await expect(tags).toContainText('ownerada');
  await snap(page, 'experiment-described');
  await page.reload();
  await expect(tags).toContainText('ownerada');
  await tags.getByRole('button', { name: 'Remove tag owner' }).click();
  await expect(tags).toContainText('No tags.');

  await page.goBack();
  await expect(experimentsTable(page).getByRole('row').filter({ hasText: 'described' })).toContainText('Goal');
});

test('checked experiments open together in one runs table with an Experiment column', async ({ page }) => {
  await page.goto('/');
  await seedRuns(page, 'alpha', [{ name: 'a-1', metrics: { auc: 0.8 } }, { name: 'a-2', metrics: { auc: 0.7 } }]);
  await seedRuns(page, 'beta', [{ name: 'b-1', metrics: { auc: 0.9 } }]);
  const table = experimentsTable(page);
  await table.getByRole('checkbox', { name: 'Select experiment alpha' }).check();
  await table.getByRole('checkbox', { name: 'Select experiment beta' }).check();
  await page.getByRole('button', { name: 'Compare runs' }).click();
  await expect(page).toHaveURL(/#\/runs\?experiments=\d+,\d+/);
  await expect(page.getByRole('heading', { level: 1, name: 'Runs of 2 experiments' })).toBeVisible();
  await expect(page.getByText('3 runs', { exact: true })).toBeVisible();
  const headers = await runsTable(page).getByRole('columnheader').allTextContents();
  expect(headers.map((h) => h.trim())).toContain('Experiment');
  await expect(runsTable(page).getByRole('row').filter({ hasText: 'b-1' })).toContainText('beta');
  await snap(page, 'runs-combined');
  await page.reload();
  await expect(page.getByText('3 runs', { exact: true })).toBeVisible();
});
