// The serving page on the built PWA: a model folder logged as run artifacts (through the e2e seed page) served
// by URI; predictions from the form and from the JSON box in MLflow's formats; errors naming the column; a CSV
// scored in the worker and downloaded; every .onnx fixture imported through the registry and predicted.
import { expect, type Page, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { snap } from './helpers/app';

/** A 1280×800 screenshot, scrolled to the top of the page (or of `region`). */
async function shot(page: Page, name: string, region?: string): Promise<void> {
  if (region) await page.getByRole('region', { name: region }).evaluate((e) => e.scrollIntoView({ block: 'start' }));
  else await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, name);
}

const COLUMNS = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'];
const fixture = (f: string): string => fileURLToPath(new URL(`../test/fixtures/mlflow/model-format/onnx/${f}`, import.meta.url));

/** A finished run with an ONNX model folder under `model/` (column signature and input example). */
async function seedRun(page: Page, name: string): Promise<string> {
  await page.goto(`e2e/seed/index.html?run=${encodeURIComponent(name)}&columns=${COLUMNS.join(',')}`);
  const out = page.locator('#seed-result');
  await expect(out).toContainText('runId');
  const result = JSON.parse((await out.textContent())!) as { runId?: string; error?: string };
  expect(result.error).toBeUndefined();
  return result.runId!;
}

const response = (page: Page) => page.getByRole('region', { name: 'Response' });
const predictions = (page: Page) => page.getByRole('table', { name: 'Predictions' });

async function predict(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Predict', exact: true })).toBeEnabled();
}

test('serves a run\'s model: form, JSON formats, column errors, latency, curl, batch CSV', async ({ page, context }) => {
  test.setTimeout(120_000);
  page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  const runId = await seedRun(page, 'iris-serving');
  await page.goto(`/#/serve?uri=${encodeURIComponent(`runs:/${runId}/model`)}`);
  // The first model of a tab compiles ORT's 14 MB wasm: allow for a loaded machine.
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Serve Run ${runId.slice(0, 8)} · model`, { timeout: 30_000 });
  await expect(page.getByTestId('runtime')).toContainText('onnxruntime-web (wasm)');

  // The form: one field per column, filled from the model's input example.
  await expect(page.getByLabel(/sepal_length/)).toHaveValue('5.1');
  await expect(page.getByLabel(/petal_width/)).toHaveValue('0.2');
  await predict(page);
  await expect(response(page).getByText(/^200 · /)).toBeVisible();
  await expect(predictions(page).getByRole('columnheader', { name: 'scores' })).toBeVisible();
  await expect(page.getByTestId('latency-count')).toHaveText('1');
  for (let i = 0; i < 4; i++) await predict(page);
  await expect(page.getByTestId('latency-count')).toHaveText('5');
  await expect(page.getByTestId('latency-p50')).not.toHaveText('');
  await shot(page, 'serve-form');

  // A value that isn't a number: the error names the column.
  await page.getByLabel(/sepal_width/).fill('wide');
  await predict(page);
  await expect(response(page).getByRole('alert')).toContainText("Column 'sepal_width' (double): 'wide' is not a number.");
  await page.getByLabel(/sepal_width/).fill('3.0');

  // The JSON box: the same values as dataframe_split, then as inputs; curl follows the request.
  await page.getByRole('tab', { name: 'JSON' }).click();
  await page.getByRole('button', { name: 'dataframe_split' }).click();
  await expect(page.getByLabel('Request body (JSON)')).toHaveValue(/"dataframe_split"/);
  await predict(page);
  await expect(predictions(page).getByRole('cell').first()).toBeVisible();
  await page.getByRole('button', { name: 'inputs', exact: true }).click();
  await predict(page);
  await expect(response(page).getByText(/^200 · /)).toBeVisible();
  const curl = page.locator('.copy-text').nth(1);
  await expect(curl).toHaveText(
    `curl -X POST http://127.0.0.1:5000/invocations -H 'Content-Type: application/json' -d '{"inputs":{"sepal_length":[5.1],"sepal_width":[3],"petal_length":[1.4],"petal_width":[0.2]}}'`);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: /Copy 2\. Copy as curl/ }).click();
  await expect(page.getByRole('button', { name: /Copy 2\. Copy as curl/ })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^curl -X POST http:\/\/127\.0\.0\.1:5000\/invocations /);

  // A missing column, from the JSON box: MLflow's schema message names it.
  await page.getByLabel('Request body (JSON)').fill(JSON.stringify({ dataframe_split: { columns: COLUMNS.slice(0, 3), data: [[5.1, 3.5, 1.4]] } }));
  await predict(page);
  await expect(response(page).getByRole('alert')).toContainText("Model is missing inputs ['petal_width']");
  await expect(response(page).getByRole('alert')).toContainText('INVALID_PARAMETER_VALUE');
  await shot(page, 'serve-json-error');
  await page.getByRole('button', { name: 'dataframe_records' }).click();
  await predict(page);
  await shot(page, 'serve-json');

  // Batch scoring: 20,000 rows through the worker, predictions downloaded; the main thread only hears progress.
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((l) => l.getEntries().forEach((e) => (w.longest = Math.max(w.longest, e.duration)))).observe({ type: 'longtask' });
  });
  const rows = Array.from({ length: 20_000 }, (_, i) => `id-${i},${(4 + (i % 40) / 10).toFixed(1)},3.1,${(1 + (i % 50) / 10).toFixed(1)},0.${i % 10}`);
  // From a file on disk: a `buffer` payload would be base64-decoded by Playwright on the page's main thread.
  const csvPath = test.info().outputPath('flowers.csv');
  writeFileSync(csvPath, ['id', ...COLUMNS].join(',') + '\n' + rows.join('\n') + '\n');
  await page.getByLabel('CSV file to score').setInputFiles(csvPath);
  await expect(page.getByRole('status').filter({ hasText: 'Scored' })).toContainText('Scored 20,000 rows of flowers.csv', { timeout: 60_000 });
  await expect(page.getByRole('table', { name: 'Batch predictions preview' }).getByRole('columnheader', { name: 'scores[2]' })).toBeVisible();
  const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
  console.log(`longest main-thread task while batch scoring: ${longest} ms`);
  expect(longest).toBeLessThan(150); // generous: the machine is shared; rendering the preview is the only work here
  await shot(page, 'serve-batch', 'Batch scoring');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download predictions CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('flowers-predictions.csv');
  const lines = readFileSync(await file.path()).toString('utf8').trimEnd().split('\n');
  expect(lines.length).toBe(20_001);
  expect(lines[0]).toBe('id,sepal_length,sepal_width,petal_length,petal_width,scores[0],scores[1],scores[2]');
  expect(lines[1]).toMatch(/^id-0,4\.0,3\.1,1\.0,0\.0,[\d.e-]+,[\d.e-]+,[\d.e-]+$/);

  // A bad cell: the error names the line and the column.
  await page.getByLabel('CSV file to score').setInputFiles({
    name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`${COLUMNS.join(',')}\n5.1,3.5,1.4,0.2\n5.1,3.5,n/a,0.2\n`),
  });
  await expect(page.getByRole('region', { name: 'Batch scoring' }).getByRole('alert'))
    .toContainText("Line 3, column 'petal_length': 'n/a' is not a number (the signature says double).");
});

/** Imports a bare .onnx file through the registry's Import dialog as model `name` (version 1). */
async function importOnnx(page: Page, file: string, name: string): Promise<void> {
  await page.goto('/#/models');
  await page.getByRole('button', { name: 'Import', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import models' });
  await dialog.getByLabel('Bundle, model folder zip, or ONNX file').setInputFiles(fixture(file));
  await dialog.getByLabel(/Model name/).fill(name);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText('Imported 1 model.');
  await dialog.getByRole('button', { name: 'Done' }).click();
}

test('every .onnx fixture imported through the registry predicts; ZipMap probabilities come back as maps with the labels', async ({ page }) => {
  test.setTimeout(180_000);
  for (const [file, name] of [
    ['tf_model_multiple_inputs_float32.onnx', 'tf-mult-f32'], ['tf_model_multiple_inputs_float64.onnx', 'tf-mult-f64'], ['sklearn_model.onnx', 'iris-sklearn'],
  ]) await importOnnx(page, file, name);

  // The picker lists registered models; a version link opens its serving page.
  await page.goto('/#/serve');
  const picker = page.getByRole('table', { name: 'Models to serve' });
  await expect(picker.getByRole('row')).toHaveCount(4);
  await shot(page, 'serve-landing');

  // Two named tensors of shape (10,): the form has a JSON array for each; the product comes back.
  for (const [name, dtype] of [['tf-mult-f32', 'float32'], ['tf-mult-f64', 'float64']]) {
    await page.goto(`/#/serve?uri=${encodeURIComponent(`models:/${name}/1`)}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`Serve ${name} · version 1`, { timeout: 30_000 });
    await expect(page.getByText(`${dtype} (10,)`).first()).toBeVisible();
    await page.getByLabel(/first_input:0/).fill(JSON.stringify([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    await page.getByLabel(/second_input:0/).fill(JSON.stringify(Array(10).fill(2)));
    await predict(page);
    await expect(predictions(page).getByRole('columnheader', { name: 'output:0' })).toBeVisible();
    await expect(predictions(page).getByRole('row')).toHaveCount(11);
    await expect(predictions(page).getByRole('row').nth(10)).toContainText('18');
    if (dtype === 'float32') await shot(page, 'serve-tensor-form');
    // A tensor of the wrong length: the error names it.
    await page.getByLabel(/second_input:0/).fill('[1, 2, 3]');
    await predict(page);
    await expect(response(page).getByRole('alert')).toContainText("Input 'second_input:0'");
  }

  // sklearn's classifier with ZipMap: labels and the probability maps, as MLflow's pyfunc answers, here through an
  // alias, from the version page's Serve button.
  await page.goto('/#/models/iris-sklearn/versions/1');
  await page.getByLabel('New alias').fill('champion');
  await page.getByRole('button', { name: 'Add alias' }).click();
  await expect(page.getByRole('list').getByText('@champion')).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Serve', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Serve iris-sklearn · version 1', { timeout: 30_000 });
  await page.goto(`/#/serve?uri=${encodeURIComponent('models:/iris-sklearn@champion')}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Serve iris-sklearn · version 1');
  await expect(page.getByText('@champion').first()).toBeVisible();
  await expect(page.getByTestId('runtime')).toBeVisible();
  await expect(page.getByRole('note')).toHaveCount(0); // nothing left out, nothing to explain
  await page.getByRole('tab', { name: 'JSON' }).click();
  await page.getByLabel('Request body (JSON)').fill('{"inputs": {"float_input": [[5.1, 3.5, 1.4, 0.2], [6.7, 3.0, 5.2, 2.3]]}}');
  await predict(page);
  await expect(predictions(page).getByRole('columnheader', { name: 'output_label' })).toBeVisible();
  await expect(predictions(page).getByRole('columnheader', { name: 'output_probability' })).toBeVisible();
  await expect(predictions(page).getByRole('row').nth(1)).toContainText('0');
  await expect(predictions(page).getByRole('row').nth(2)).toContainText('2');
  await page.getByRole('tab', { name: 'JSON', exact: true }).last().click();
  await expect(page.getByLabel('Predictions JSON')).toHaveText(/"output_label": \[\s*0,\s*2\s*\]/);
  await expect(page.getByLabel('Predictions JSON')).toHaveText(/"output_probability": \[\s*\{\s*"0": 0\.9/);
  await page.getByRole('tab', { name: 'Table' }).click();
  await shot(page, 'serve-zipmap');
});
