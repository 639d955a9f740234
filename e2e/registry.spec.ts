// The model registry journey on the built PWA: register from a run, alias, stage with "archive existing",
// export a zip, clear all site data (a new browser context), import the zip, and refuse a bad one.
//
// How the run gets there: there is no UI for logging artifacts yet, so the test opens the e2e fixture page
// (e2e/seed/index.html, built beside the app, not precached) which writes a run with an ONNX model folder into
// this origin's IndexedDB through the same tracking client the app uses. Nothing is exposed on `window`.
import { expect, type Page, test } from '@playwright/test';
import { zipSync, strToU8 } from 'fflate';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { annotateVersion, transition } from './helpers/registry';

async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url)) });
}

const ONNX_FIXTURE = fileURLToPath(new URL('../test/fixtures/mlflow/model-format/onnx/sklearn_model.onnx', import.meta.url));

async function seedRun(page: Page, name: string): Promise<string> {
  await page.goto(`e2e/seed/index.html?run=${encodeURIComponent(name)}`);
  const out = page.locator('#seed-result');
  await expect(out).toContainText('runId');
  const result = JSON.parse((await out.textContent())!) as { runId?: string; error?: string };
  expect(result.error).toBeUndefined();
  return result.runId!;
}

async function register(page: Page, runId: string, name: string): Promise<void> {
  await page.goto('/#/models');
  await page.getByRole('button', { name: 'Register model' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Register model' });
  await dialog.getByLabel('Run ID').fill(runId);
  await dialog.getByLabel('Model name').fill(name);
  await dialog.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
}

test('register → alias → Production (archive existing) → export → clear site data → import; bad zip refused', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const runId = await seedRun(page, 'iris-mlp');

  await register(page, runId, 'iris-classifier');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Version 1');
  await expect(page.getByRole('table', { name: 'Signature inputs' }).getByRole('cell', { name: 'features' })).toBeVisible();
  await transition(page, 'Production', false);

  // Version 2 from the run page: the model folder in the Artifacts tab offers "Register model".
  await page.goto(`/#/experiments/0/runs/${runId}/artifacts/model`);
  await page.getByRole('button', { name: 'Register model' }).click();
  let registerDialog = page.getByRole('dialog', { name: 'Register model' });
  await expect(registerDialog.getByLabel('Run ID')).toHaveValue(runId);
  await expect(registerDialog.getByLabel('Model folder in the run’s artifacts')).toHaveValue('model');
  await registerDialog.getByLabel('Model name').fill('iris-classifier');
  await expect(registerDialog.getByText('Adds a new version to “iris-classifier”.')).toBeVisible();
  await registerDialog.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Version 2');
  // The same dialog is one link away for any run (?register=1&run=…&path=…).
  await page.goto(`/#/models?register=1&run=${runId}&path=model`);
  registerDialog = page.getByRole('dialog', { name: 'Register model' });
  await expect(registerDialog.getByLabel('Run ID')).toHaveValue(runId);
  await registerDialog.getByRole('button', { name: 'Cancel' }).click();
  await page.goto('/#/models/iris-classifier/versions/2');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Version 2');
  await annotateVersion(page, { alias: 'champion', description: 'Retrained on the full iris set; replaces version 1.', tag: ['validated', 'yes'] });
  await transition(page, 'Production', true);
  await expect(page.getByRole('heading', { level: 1 }).getByText('Production')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('table', { name: 'Signature inputs' })).toBeVisible();
  await snap(page, 'model-version-page');

  // A second model, imported from a bare .onnx, so the list shows more than one.
  await page.goto('/#/models');
  await page.getByRole('button', { name: 'Import', exact: true }).first().click();
  let dialog = page.getByRole('dialog', { name: 'Import models' });
  await dialog.getByLabel('Bundle, model folder zip, or ONNX file').setInputFiles(ONNX_FIXTURE);
  await expect(dialog.getByLabel(/Model name/)).toHaveValue('sklearn_model');
  await dialog.getByLabel(/Model name/).fill('iris-sklearn');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText('Imported 1 model.');
  await expect(dialog.getByText(/output_probability.*zipmap=False/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();

  const table = page.getByRole('table', { name: 'Registered models' });
  await expect(table.getByRole('link', { name: 'iris-classifier' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'iris-sklearn' })).toBeVisible();

  await table.getByRole('link', { name: 'iris-classifier' }).click();
  await page.getByRole('button', { name: 'Edit description' }).click();
  await page.getByLabel('Model description').fill('Classifies iris flowers from sepal and petal measurements (4 features → 3 scores).');
  await page.getByRole('button', { name: 'Save' }).click();
  for (const [key, value] of [['task', 'classification'], ['owner', 'ml-platform']]) {
    await page.getByLabel('Tag key').fill(key);
    await page.getByLabel('Tag value').fill(value);
    await page.getByRole('button', { name: 'Add tag' }).click();
    await expect(page.getByText(value, { exact: true })).toBeVisible();
  }
  const versions = page.getByRole('table', { name: 'Versions of iris-classifier' });
  await expect(versions.getByRole('row', { name: /Version 1/ })).toContainText('Archived');
  await expect(versions.getByRole('row', { name: /Version 2/ })).toContainText('Production');
  await snap(page, 'model-page');

  await page.getByRole('checkbox', { name: 'Select version 1 to compare' }).check();
  await page.getByRole('checkbox', { name: 'Select version 2 to compare' }).check();
  await page.getByRole('button', { name: /Compare v/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare versions 1 and 2');
  await expect(page.getByText('The signatures are identical.')).toBeVisible();
  await page.reload(); // links survive a reload
  await expect(page.getByRole('table', { name: 'Version details' })).toContainText('Archived');
  await snap(page, 'compare-versions');
  await page.goBack();

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export model' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('iris-classifier.zip');
  const zipPath = test.info().outputPath('iris-classifier.zip');
  await download.saveAs(zipPath);
  expect(readFileSync(zipPath).subarray(0, 2).toString()).toBe('PK');
  await page.goto('/#/models');
  await expect(table.getByText(/Classifies iris flowers/)).toBeVisible();
  await snap(page, 'models-list');

  // "Clear all site data": a new context has its own, empty storage.
  const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const p2 = await fresh.newPage();
  await p2.goto('/#/models');
  await expect(p2.getByRole('heading', { name: 'No models yet' })).toBeVisible();
  await p2.getByRole('button', { name: 'Import', exact: true }).first().click();
  dialog = p2.getByRole('dialog', { name: 'Import models' });
  await dialog.getByLabel('Bundle, model folder zip, or ONNX file').setInputFiles(zipPath);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText('Imported 1 model.');
  await dialog.getByRole('link', { name: 'iris-classifier' }).click();
  const restored = p2.getByRole('table', { name: 'Versions of iris-classifier' });
  await expect(restored.getByRole('row', { name: /Version 1/ })).toContainText('Archived');
  await expect(restored.getByRole('row', { name: /Version 2/ })).toContainText('Production');
  await expect(restored.getByRole('row', { name: /Version 2/ })).toContainText('@champion');
  await restored.getByRole('link', { name: 'Version 2' }).click();
  await expect(p2.getByText('Retrained on the full iris set; replaces version 1.')).toBeVisible();
  await expect(p2.getByRole('table', { name: 'Signature inputs' }).getByRole('cell', { name: 'features' })).toBeVisible();

  // A bad zip, dropped on the Models page: refused with the reason, nothing written.
  await p2.goto('/#/models');
  const evil = zipSync({ '../evil/MLmodel': strToU8('flavors: {}\n') });
  const dataTransfer = await p2.evaluateHandle((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], 'evil.zip', { type: 'application/zip' }));
    return dt;
  }, [...evil]);
  await p2.dispatchEvent('.drop-zone', 'drop', { dataTransfer });
  dialog = p2.getByRole('dialog', { name: 'Import models' });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText(`Not imported. Unsafe path "../evil/MLmodel" in the zip: '..' segments are not allowed.`);
  await snap(p2, 'import-refused');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(p2.getByRole('table', { name: 'Registered models' }).getByRole('row')).toHaveCount(2); // header + iris-classifier
  await fresh.close();
});

test('model names with spaces and symbols work in links and after a reload; deleting asks first', async ({ page }) => {
  await page.goto('/#/models');
  await page.getByRole('button', { name: 'Import', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import models' });
  await dialog.getByLabel('Bundle, model folder zip, or ONNX file').setInputFiles(ONNX_FIXTURE);
  await dialog.getByLabel(/Model name/).fill('iris #1 (v2) @eu');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.getByRole('link', { name: 'iris #1 (v2) @eu' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('iris #1 (v2) @eu');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('iris #1 (v2) @eu');
  await page.getByRole('link', { name: 'Version 1' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Version 1');
  await expect(page.getByRole('table', { name: 'Signature inputs' }).getByRole('cell', { name: 'float_input' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('iris #1 (v2) @eu');

  await page.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete version 1?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Delete version' }).click();
  await expect(page.getByRole('heading', { name: 'No versions yet' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: /Delete iris/ }).getByRole('button', { name: 'Delete model' }).click();
  await expect(page.getByRole('heading', { name: 'No models yet' })).toBeVisible();
  await page.goto('/#/models/nope');
  await expect(page.getByRole('heading', { name: 'Model not found' })).toBeVisible();
});

test('create an empty model and rename it: name errors show in the dialog, which stays open', async ({ page }) => {
  await page.goto('/#/models');
  await page.getByRole('button', { name: 'Create model' }).first().click();
  let dialog = page.getByRole('dialog', { name: 'Create model' });
  await expect(dialog.getByLabel('Model name')).toBeFocused();
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText("Missing value for required parameter 'name'.");
  await expect(page.getByRole('table', { name: 'Registered models' })).toHaveCount(0); // nothing was created
  await dialog.getByLabel('Model name').fill('churn');
  await dialog.getByLabel('Description (optional)').fill('Predicts churn.');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('churn');
  await expect(page.getByText('Predicts churn.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No versions yet' })).toBeVisible();

  await page.goto('/#/models');
  await page.getByRole('button', { name: 'Create model' }).first().click();
  dialog = page.getByRole('dialog', { name: 'Create model' });
  await dialog.getByLabel('Model name').fill('fraud');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('fraud');

  await page.getByRole('button', { name: 'Rename' }).click();
  dialog = page.getByRole('dialog', { name: 'Rename model' });
  await expect(dialog.getByLabel('New name')).toHaveValue('fraud');
  await dialog.getByLabel('New name').fill('churn');
  await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Registered Model (name=churn) already exists.');
  await dialog.getByLabel('New name').fill('fraud-v2');
  await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('fraud-v2');
  await expect(page).toHaveURL(/#\/models\/fraud-v2$/);
  await page.goto('/#/models');
  const table = page.getByRole('table', { name: 'Registered models' });
  await expect(table.getByRole('link', { name: 'fraud-v2' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'churn' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'fraud', exact: true })).toHaveCount(0);
});
