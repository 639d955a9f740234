// Issue 5's whole journey on the built PWA, through the UI only (by role and label): train an Iris MLP twice
// (real TF.js in the training worker, fixed seed) → register both runs' model folders as versions 1 and 2 of one
// model → alias `champion` → stages (v1 Production, then v2 Production with "archive existing") → export the
// registered model as a zip → clear all of the origin's site data (CDP Storage.clearDataForOrigin) → the app starts
// empty → import the zip → the same versions, stages and aliases → the serving page predicts the same values.
import { expect, type Page, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { snap } from './helpers/app';
import { annotateVersion, transition } from './helpers/registry';

const MODEL = 'iris-journey';
const INPUT = { sepal_length: '6.3', sepal_width: '2.9', petal_length: '5.6', petal_width: '1.8' };

const monitor = (page: Page) => page.getByRole('complementary', { name: 'Training monitor' });

/** Trains a few epochs of the Iris MLP on WASM with `seed`; returns the finished run's ID. */
async function train(page: Page, seed: number, epochs: number): Promise<string> {
  await page.goto('/#/train');
  await expect(page.getByRole('heading', { level: 1, name: 'New training run' })).toBeVisible();
  // The backend list is filled from the worker's probe; wait for it so the choice sticks.
  await expect(page.getByLabel('Backend').locator('option[value="wasm"]')).toHaveText(/WASM/);
  await page.getByLabel('Backend').selectOption('wasm');
  await page.getByLabel('Epochs').fill(String(epochs));
  await page.getByLabel('Seed').fill(String(seed));
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(monitor(page).getByText("Training finished; the model is logged as the run's model/ artifact."))
    .toBeVisible({ timeout: 90_000 });
  return (await monitor(page).locator('[data-run-id]').first().getAttribute('data-run-id'))!;
}

/** "Register model" on the run's model folder (the run page's Artifacts tab); lands on the new version's page. */
async function register(page: Page, runId: string, version: number): Promise<void> {
  await page.goto(`/#/experiments/0/runs/${runId}/artifacts/model`);
  await page.getByRole('button', { name: 'Register model' }).click();
  const dialog = page.getByRole('dialog', { name: 'Register model' });
  await expect(dialog.getByLabel('Run ID')).toHaveValue(runId);
  await expect(dialog.getByLabel('Model folder in the run’s artifacts')).toHaveValue('model');
  await dialog.getByLabel('Model name').fill(MODEL);
  await dialog.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Version ${version}`);
}

/** The versions table of the model page as "version | stage | aliases" lines. */
async function versionRows(page: Page): Promise<string[]> {
  const table = page.getByRole('table', { name: `Versions of ${MODEL}` });
  await expect(table.getByRole('row', { name: /Version 2/ })).toBeVisible();
  const out: string[] = [];
  for (const v of [1, 2]) {
    const row = table.getByRole('row', { name: new RegExp(`Version ${v}\\b`) });
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    const stage = ['None', 'Staging', 'Production', 'Archived'].find((s) => text.includes(s)) ?? '?';
    out.push(`${v} | ${stage} | ${(text.match(/@\S+/g) ?? []).join(' ')}`);
  }
  return out;
}

/** What the version page shows of version `v`: details, files, signature, description and tags, as text. */
async function versionFacts(page: Page, v: number): Promise<Record<string, string>> {
  await page.goto(`/#/models/${MODEL}/versions/${v}`);
  await expect(page.getByRole('table', { name: 'Signature inputs' })).toBeVisible();
  const text = async (name: string) => (await page.getByRole('region', { name }).innerText()).replace(/\s+/g, ' ');
  return {
    details: await text('Details'), files: await text('Files'), signature: await text('Signature'),
    description: await text('Description'), tags: await text('Tags'), aliases: await text('Aliases'),
  };
}

/** Serves `uri`, fills the form with INPUT, predicts, and returns the predictions as JSON text. */
async function predict(page: Page, uri: string): Promise<string> {
  await page.goto(`/#/serve?uri=${encodeURIComponent(uri)}`);
  // The first model of a tab compiles ORT's wasm: allow for a loaded machine.
  await expect(page.getByRole('button', { name: 'Predict', exact: true })).toBeVisible({ timeout: 30_000 });
  for (const [column, value] of Object.entries(INPUT)) await page.getByLabel(new RegExp(column)).fill(value);
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response.getByText(/^200 · /)).toBeVisible();
  await response.getByRole('tab', { name: 'JSON' }).click();
  const json = (await response.getByLabel('Predictions JSON').textContent())!;
  expect(JSON.parse(json).predictions).toBeTruthy();
  return json;
}

test('train → register 2 versions → champion → stages → export → clear site data → import → same predictions', async ({ page }) => {
  test.setTimeout(300_000);
  page.on('pageerror', (e) => console.log('pageerror:', e.message));

  const run1 = await train(page, 7, 8);
  await register(page, run1, 1);
  const run2 = await train(page, 11, 12);
  await register(page, run2, 2);

  await annotateVersion(page, { alias: 'champion', description: 'Trained longer with seed 11.', tag: ['validated', 'yes'] });

  await page.goto(`/#/models/${MODEL}/versions/1`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Version 1');
  await transition(page, 'Production', false);
  await page.goto(`/#/models/${MODEL}/versions/2`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Version 2');
  await transition(page, 'Production', true);
  await expect(page.getByRole('heading', { level: 1 }).getByText('Production')).toBeVisible();

  await page.goto(`/#/models/${MODEL}`);
  const before = await versionRows(page);
  expect(before).toEqual(['1 | Archived | ', '2 | Production | @champion']);

  const facts = [await versionFacts(page, 1), await versionFacts(page, 2)];
  await page.goto(`/#/models/${MODEL}`);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export model' }).click();
  const zipPath = test.info().outputPath(`${MODEL}.zip`);
  await (await download).saveAs(zipPath);
  expect(readFileSync(zipPath).subarray(0, 2).toString()).toBe('PK');

  const byAlias = await predict(page, `models:/${MODEL}@champion`);
  const byStage1 = await predict(page, `models:/${MODEL}/1`);
  expect(byStage1).not.toBe(byAlias); // two differently trained versions, so the comparison below means something

  // Clear all site data for the origin (IndexedDB, caches, service worker, storage), as the browser's
  // "Clear site data" does, from a blank page so no connection holds the database open.
  const origin = new URL(page.url()).origin;
  await page.goto('about:blank');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
  await cdp.detach();
  await page.goto('/#/models');
  await expect(page.getByRole('heading', { name: 'No models yet' })).toBeVisible();
  await page.goto(`/#/experiments/0/runs/${run2}`);
  await expect(page.getByRole('heading', { name: 'Run not found' })).toBeVisible();

  await page.goto('/#/models');
  await page.getByRole('button', { name: 'Import', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import models' });
  await dialog.getByLabel('Bundle, model folder zip, or ONNX file').setInputFiles(zipPath);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText('Imported 1 model.');
  await dialog.getByRole('link', { name: MODEL }).click();
  expect(await versionRows(page)).toEqual(before);
  await snap(page, 'journey-imported-model');
  const restored = [await versionFacts(page, 1), await versionFacts(page, 2)];
  // The runs were cleared with the site data (a bundle carries models, not runs), so the source run shows as its
  // ID instead of its name; and the imported files get a new internal storage location. All else is identical.
  const [run1Name, run2Name] = [facts[0].details, facts[1].details].map((d) => /Source run (\S+)/.exec(d)![1]);
  expect([run1Name, run2Name]).not.toContain(run1);
  const comparable = (f: Record<string, string>, runName?: string) => ({
    ...f, details: f.details.replace(/Stored at \S+/, 'Stored at …').replace(`Source run ${runName}`, 'Source run …'),
  });
  expect(restored.map((f, i) => comparable(f, [run1, run2][i]))).toEqual(facts.map((f, i) => comparable(f, [run1Name, run2Name][i])));

  expect(await predict(page, `models:/${MODEL}@champion`)).toBe(byAlias);
  expect(await predict(page, `models:/${MODEL}/Production`)).toBe(byAlias);
  expect(await predict(page, `models:/${MODEL}/1`)).toBe(byStage1);
  await snap(page, 'journey-serve-after-import');
});
