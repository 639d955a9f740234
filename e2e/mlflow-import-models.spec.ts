// Issue 6, part 2, against the real MLflow: models saved by Python's `mlflow.onnx.save_model` (a scikit-learn
// pipeline converted by skl2onnx, with and without ZipMap; the multi-input fixture models), zipped, imported through
// the Models page's Import dialog, and predicted on the serving page in Chromium (the tab's inference worker): the
// same values as onnxruntime and as MLflow's pyfunc (`mlflow models serve`'s answer) for the same inputs.
// Needs .venv (scripts/setup-python.sh); without it every test fails saying so.
import { expect, type Page, test } from '@playwright/test';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJson, removeTempDirs, requirePython, runPy, tempDir } from '../test/mlflow/python';
import { comparePredictions, flowpadPredict } from './helpers/predictions';

const FIXTURES = fileURLToPath(new URL('../test/fixtures/mlflow/model-format/onnx', import.meta.url));

interface Expected {
  request: { inputs: unknown };
  onnxruntime: Record<string, unknown>;
  pyfunc: Record<string, unknown>;
  mlmodel: string;
}
let dir = '';
let expected: Record<string, Expected> = {};

test.beforeAll(async () => {
  test.setTimeout(120_000);
  requirePython();
  dir = tempDir('e2e-mlflow-import');
  await runPy('save_onnx_models.py', [dir, FIXTURES]);
  expected = readJson(join(dir, 'expected.json'));
});
test.afterAll(() => removeTempDirs());

/** Imports `<name>.zip` (an MLflow model folder, zipped) through the Models page as version 1 of `name`. */
async function importZip(page: Page, name: string): Promise<void> {
  await page.goto('/#/models');
  await page.getByRole('button', { name: 'Import', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import models' });
  await dialog.getByLabel('Bundle, model folder zip, or ONNX file').setInputFiles(join(dir, `${name}.zip`));
  await dialog.getByLabel(/Model name/).fill(name);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText('Imported 1 model.');
  await dialog.getByRole('button', { name: 'Done' }).click();
}

/** Imports, predicts the recorded request in Flowpad and compares with MLflow's pyfunc and onnxruntime. */
async function roundTrip(page: Page, name: string): Promise<unknown> {
  const want = expected[name]!;
  expect(want.mlmodel).toContain('loader_module: mlflow.onnx');
  await importZip(page, name);
  const ours = await flowpadPredict(page, `models:/${name}/1`, want.request);
  const vsPyfunc = comparePredictions(ours, want.pyfunc);
  const vsOrt = comparePredictions(ours, want.onnxruntime);
  console.log(`${name}: max |flowpad − pyfunc| = ${vsPyfunc.maxDiff.toExponential(3)}, max |flowpad − onnxruntime| = ${vsOrt.maxDiff.toExponential(3)} over ${vsPyfunc.count} values`);
  expect(vsPyfunc.count).toBeGreaterThan(0);
  expect(vsPyfunc.maxDiff).toBeLessThanOrEqual(1e-5);
  expect(vsOrt.maxDiff).toBeLessThanOrEqual(1e-5);
  return ours;
}

test('a skl2onnx pipeline saved by mlflow.onnx.save_model with zipmap=False predicts the same labels and probabilities', async ({ page }) => {
  const ours = (await roundTrip(page, 'iris-nozipmap')) as { label: number[] };
  expect(ours.label).toEqual(expected['iris-nozipmap']!.pyfunc.label);
});

test('the multi-input models saved by mlflow.onnx.save_model predict the same products (float32, float64)', async ({ page }) => {
  for (const name of ['tf-mult-f32', 'tf-mult-f64']) await roundTrip(page, name);
});

test('a skl2onnx pipeline with ZipMap saved by mlflow.onnx.save_model predicts the same labels and probability maps', async ({ page }) => {
  // MLflow's pyfunc returns ZipMap's output as one {class: probability} map per row; Flowpad answers the same.
  const ours = (await roundTrip(page, 'iris-zipmap')) as { output_label: number[]; output_probability: Record<string, number>[] };
  const theirs = expected['iris-zipmap']!.pyfunc as typeof ours;
  expect(ours.output_label).toEqual(theirs.output_label);
  expect(ours.output_probability.map((m) => Object.keys(m))).toEqual(theirs.output_probability.map((m) => Object.keys(m)));
  expect(ours.output_probability).toHaveLength(12);
  // The serving page has nothing to explain: no output is left out.
  await expect(page.getByRole('note')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Table' }).click();
  await expect(page.getByRole('table', { name: 'Predictions' }).getByRole('columnheader', { name: 'output_probability' })).toBeVisible();
});
