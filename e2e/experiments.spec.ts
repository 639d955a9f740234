// Journeys through the experiments list and the create dialog, on the built PWA. Each test gets a fresh
// browser context, so a fresh IndexedDB holding only the "Default" experiment.
import { expect, type Page, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';

/** Saves a 1280×800 screenshot to e2e/screenshots/ (gitignored) for a look at each screen. */
async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url)) });
}

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
  const opener = page.getByRole('button', { name: 'Create experiment' });
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
  await expect(page.getByRole('heading', { name: 'Runs', exact: true })).toBeVisible();
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
