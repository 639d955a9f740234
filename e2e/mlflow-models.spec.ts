// Issue 6, part 1, against the real MLflow: models trained in the browser (the Iris MLP and the digits CNN, TF.js in
// the training worker, fixed seed, few epochs), registered and exported from the model page as a bundle zip, unzipped
// by Python, load with `mlflow.pyfunc.load_model` and predict what Flowpad's serving page predicts in Chromium (the
// tab's inference worker) on the same inputs; `mlflow models predict` takes the folder and its serving input example.
// Needs .venv (scripts/setup-python.sh); without it every test fails saying so.
import { expect, type Page, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PYTHON, readJson, removeTempDirs, requirePython, runMlflowCli, runPy, tempDir } from '../test/mlflow/python';
import { comparePredictions, flowpadPredict } from './helpers/predictions';

let dir = '';
test.beforeAll(() => {
  requirePython();
  dir = tempDir('e2e-mlflow-models');
});
test.afterAll(() => removeTempDirs());

const monitor = (page: Page) => page.getByRole('complementary', { name: 'Training monitor' });

/** Trains a demo on the Train page (WASM, fixed seed) and returns the run id. */
async function train(page: Page, demo: RegExp, epochs: number): Promise<string> {
  await page.goto('/#/train');
  await expect(page.getByLabel('Backend').locator('option[value="wasm"]')).toHaveText(/WASM/);
  await page.getByRole('radio', { name: demo }).click();
  await page.getByLabel('Epochs').fill(String(epochs));
  await page.getByLabel('Seed').fill('7');
  await page.getByLabel('Backend').selectOption('wasm');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(monitor(page).getByText("Training finished; the model is logged as the run's model/ artifact.")).toBeVisible({ timeout: 90_000 });
  return (await monitor(page).locator('[data-run-id]').first().getAttribute('data-run-id'))!;
}

/** Registers the run's model/ folder as version 1 of `name`, exports the model's bundle and unzips it with Python. */
async function registerAndExport(page: Page, runId: string, name: string): Promise<string> {
  await page.goto(`/#/models?register=1&run=${runId}&path=model`);
  const dialog = page.getByRole('dialog', { name: 'Register model' });
  await dialog.getByLabel('Model name').fill(name);
  await dialog.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Version 1');
  await page.goto(`/#/models/${encodeURIComponent(name)}`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export model' }).click()]);
  expect(download.suggestedFilename()).toBe(`${name}.zip`);
  const out = join(dir, name);
  // Python's own unzip, as a user of the bundle would (it also keeps empty folder entries).
  execFileSync(PYTHON, ['-m', 'zipfile', '-e', await download.path(), out]);
  const folder = join(out, 'models', name, 'version-1');
  expect(existsSync(join(folder, 'MLmodel')), `${folder}/MLmodel`).toBe(true);
  return folder;
}

interface PyfuncResult {
  loader_module: string;
  flavors: string[];
  type: string;
  /** As `mlflow models serve` answers (scoring_server.predictions_to_json). */
  predictions: unknown;
}

async function pyfuncPredict(folder: string, name: string, inputs: unknown): Promise<PyfuncResult> {
  const inPath = join(dir, `${name}-inputs.json`);
  const outPath = join(dir, `${name}-pyfunc.json`);
  writeFileSync(inPath, JSON.stringify(inputs));
  await runPy('pyfunc_predict.py', [folder, inPath, outPath]);
  return readJson<PyfuncResult>(outPath);
}

/**
 * `mlflow models predict` on the folder's serving input example; its JSON output. (MLflow 3's CLI takes the scoring
 * protocol — `serving_input_example.json` — and refuses a bare `input_example.json`, its own models' included.)
 */
async function cliPredict(folder: string): Promise<{ predictions: unknown }> {
  const mlmodel = readFileSync(join(folder, 'MLmodel'), 'utf8');
  const serving = /serving_input_path: (\S+)/.exec(mlmodel)?.[1];
  expect(serving, 'MLmodel names a serving input example').toBeTruthy();
  const out = join(folder, '..', 'cli-predictions.json');
  await runMlflowCli(['models', 'predict', '-m', folder, '-i', join(folder, serving!), '-t', 'json', '--env-manager', 'local', '-o', out]);
  return readJson<{ predictions: unknown }>(out);
}

test('an Iris MLP trained in Flowpad loads in mlflow.pyfunc and predicts the same values', async ({ page }) => {
  test.setTimeout(180_000);
  const runId = await train(page, /Iris/, 8);
  const folder = await registerAndExport(page, runId, 'iris-mlp');
  const columns = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'];
  const rows = [[5.1, 3.5, 1.4, 0.2], [4.9, 3.0, 1.4, 0.2], [6.7, 3.0, 5.2, 2.3], [5.9, 3.0, 4.2, 1.5],
    [6.3, 3.3, 6.0, 2.5], [5.5, 2.4, 3.8, 1.1], [7.7, 2.6, 6.9, 2.3], [4.3, 3.0, 1.1, 0.1]];

  const ours = await flowpadPredict(page, 'models:/iris-mlp/1', { dataframe_split: { columns, data: rows } });
  const py = await pyfuncPredict(folder, 'iris-mlp', { kind: 'dataframe', columns, data: rows });
  expect(py.loader_module).toBe('mlflow.onnx');
  expect(py.flavors).toEqual(['onnx', 'python_function', 'tfjs']);
  // MLflow's ONNX pyfunc flattens a (n, 3) output into one DataFrame column 'output' of 3n rows; so does Flowpad.
  expect(py.type).toBe('DataFrame');
  expect(ours).toHaveLength(rows.length * 3);
  const { maxDiff, count } = comparePredictions(ours, py.predictions);
  console.log(`iris-mlp: max |flowpad − pyfunc| = ${maxDiff.toExponential(3)} over ${count} values`);
  expect(maxDiff).toBeLessThanOrEqual(1e-5);

  // `mlflow models predict` with the serving input example MLflow's own loggers write beside MLmodel.
  const cli = await cliPredict(folder);
  const example = readJson<unknown>(join(folder, 'serving_input_example.json'));
  const oursOnExample = await flowpadPredict(page, 'models:/iris-mlp/1', example);
  const cliDiff = comparePredictions(oursOnExample, cli.predictions);
  console.log(`iris-mlp: max |flowpad − mlflow models predict| = ${cliDiff.maxDiff.toExponential(3)} over ${cliDiff.count} values`);
  expect(cliDiff.count).toBeGreaterThan(0);
  expect(cliDiff.maxDiff).toBeLessThanOrEqual(1e-5);
});

test('a digits CNN trained in Flowpad loads in mlflow.pyfunc and predicts the same values', async ({ page }) => {
  test.setTimeout(180_000);
  const runId = await train(page, /Digits 8×8/, 2);
  const folder = await registerAndExport(page, runId, 'digits-cnn');
  // Six 8×8 one-channel images with pixel values in [0, 1], as the signature's float32 [-1, 8, 8, 1] tensor.
  const n = 6;
  const flat = Array.from({ length: n * 64 }, (_, i) => ((i * 7919) % 17) / 16);
  const images = Array.from({ length: n }, (_, s) =>
    Array.from({ length: 8 }, (_, r) => Array.from({ length: 8 }, (_, c) => [flat[s * 64 + r * 8 + c]!])));

  const ours = await flowpadPredict(page, 'models:/digits-cnn/1', { inputs: images });
  const py = await pyfuncPredict(folder, 'digits-cnn', { kind: 'tensor', dtype: 'float32', shape: [n, 8, 8, 1], data: flat });
  expect(py.loader_module).toBe('mlflow.onnx');
  expect(py.flavors).toEqual(['onnx', 'python_function', 'tfjs']);
  const { maxDiff, count } = comparePredictions(ours, py.predictions);
  console.log(`digits-cnn: max |flowpad − pyfunc| = ${maxDiff.toExponential(3)} over ${count} values`);
  expect(count).toBe(n * 10);
  expect(maxDiff).toBeLessThanOrEqual(1e-5);

  const cli = await cliPredict(folder);
  const example = readJson<unknown>(join(folder, 'serving_input_example.json'));
  const oursOnExample = await flowpadPredict(page, 'models:/digits-cnn/1', example);
  const cliDiff = comparePredictions(oursOnExample, cli.predictions);
  console.log(`digits-cnn: max |flowpad − mlflow models predict| = ${cliDiff.maxDiff.toExponential(3)} over ${cliDiff.count} values`);
  expect(cliDiff.count).toBeGreaterThan(0);
  expect(cliDiff.maxDiff).toBeLessThanOrEqual(1e-5);
});
