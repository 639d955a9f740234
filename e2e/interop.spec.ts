// Issue 6 in the UI, against the real MLflow: Python writes an mlruns FileStore tree, the test zips it, and the
// Import page reads it through the file input; broken input writes nothing. Then the Sync page pushes an
// experiment to a real `mlflow server` (started here, CORS allowed for the app's origin) and the server's REST
// API confirms the runs; a second push creates nothing. Each test gets a fresh browser context (fresh IndexedDB).
import { expect, type Page, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipTree } from '../src/interop/zip';
import { PYTHON, readDirTree, readJson, removeTempDirs, runPy, tempDir } from '../test/mlflow/python';
import { startMlflowServer, type RunningServer } from '../test/mlflow/server';

async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url)) });
}

const PORT = Number(process.env.FLOWPAD_E2E_PORT ?? 4173);
let dir = '';
let mlrunsZip = '';
let server: RunningServer | null = null;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = tempDir('e2e-interop');
  const [, srv] = await Promise.all([
    runPy('write_store.py', [`file://${dir}/mlruns`], { cwd: dir }),
    startMlflowServer(dir, ['--cors-allowed-origins', `http://localhost:${PORT}`]),
  ]);
  server = srv;
  const files = new Map<string, Uint8Array>();
  for (const [p, d] of readDirTree(join(dir, 'mlruns'))) files.set(`mlruns/${p}`, d);
  mlrunsZip = join(dir, 'mlruns.zip');
  writeFileSync(mlrunsZip, zipTree(files));
  writeFileSync(join(dir, 'broken.zip'), 'this is not a zip archive');
  writeFileSync(join(dir, 'no-meta.zip'), zipTree(new Map([['stuff/readme.txt', new TextEncoder().encode('hi')]])));
  writeFileSync(join(dir, 'mlflow.db'), 'SQLite format 3\0 but the rest is garbage'.repeat(40));
});

test.afterAll(async () => {
  await server?.stop();
  removeTempDirs();
});

/** Imports the Python-written mlruns zip through the Import page's file input. */
async function importMlruns(page: Page, shoot = false): Promise<void> {
  await page.goto('/#/import');
  await page.getByLabel('Import a zip or mlflow.db file').setInputFiles(mlrunsZip);
  const preview = page.getByRole('region', { name: /Preview of mlruns\.zip/ });
  await expect(preview).toBeVisible();
  await expect(preview.getByText('interop one', { exact: true })).toBeVisible();
  const runs = preview.getByRole('table', { name: 'Runs of interop one to import' });
  const parent = runs.getByRole('row').filter({ hasText: 'parent' });
  await expect(parent).toContainText('lr=0.01');
  await expect(parent).toContainText('loss=NaN'); // the last point of the history MLflow wrote
  await expect(runs.getByRole('row')).toHaveCount(5); // header + parent + 3 children (one deleted)
  const models = preview.getByRole('table', { name: 'Registered models to import' });
  const model = models.getByRole('row').filter({ hasText: 'interop-model' });
  await expect(model).toContainText('@champion=v1');
  await expect(model.getByRole('cell').nth(1)).toHaveText('3'); // versions 1–3; the deleted 4 stays hidden
  await expect(models.getByRole('row')).toHaveCount(4); // header + 3 models
  if (shoot) await snap(page, 'import-preview');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported.' })).toContainText('3 registered model(s) created');
  if (shoot) await snap(page, 'import-done');
}

test('imports an mlruns zip written by MLflow: experiments, runs, params and metrics', async ({ page }) => {
  await importMlruns(page, true);
  await page.getByRole('status').getByRole('link', { name: 'interop one' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'interop one' })).toBeVisible();
  // The runs table nests children under their parent: expand them, then every imported run is a row.
  await page.getByRole('button', { name: 'Expand all' }).click();
  for (const name of ['parent', 'child-0', 'child-1']) await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  await snap(page, 'import-experiment');

  // Export it back as an mlruns zip; the real MLflow reads the same runs, params and metric history.
  const expId = decodeURIComponent(page.url().split('/experiments/')[1]!);
  await page.goto('/#/import');
  await page.getByLabel('Experiment to export').selectOption(expId);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export mlruns zip' }).click()]);
  expect(download.suggestedFilename()).toBe('interop_one-mlruns.zip');
  const exported = join(dir, 'export');
  // Python's own unzip: it keeps the zip's empty folder entries (a run's `artifacts/`), which MLflow requires.
  execFileSync(PYTHON, ['-m', 'zipfile', '-e', await download.path(), exported]);
  await runPy('dump_store.py', [`file://${exported}/mlruns`, join(exported, 'dump.json'), '--no-artifacts', '--no-registry'], { cwd: exported });
  const back = readJson<{ runs: { info: { run_name: string }; params: Record<string, string>; history: Record<string, unknown[]> }[] }>(join(exported, 'dump.json'));
  expect(back.runs.map((r) => r.info.run_name).sort()).toEqual(['child-0', 'child-1', 'child-2', 'parent']);
  const parentBack = back.runs.find((r) => r.info.run_name === 'parent')!;
  expect(parentBack.params.lr).toBe('0.01');
  expect(parentBack.history.loss).toHaveLength(61);

  // The same tree again: every run is already present, nothing new is created.
  await page.goto('/#/import');
  await page.getByLabel('Import a zip or mlflow.db file').setInputFiles(mlrunsZip);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported.' })).toContainText('0 run(s) created');
});

test('a dropped-in mlruns folder previews the same; Cancel writes nothing', async ({ page }) => {
  await page.goto('/#/import');
  await page.getByLabel('Import an mlruns folder').setInputFiles(join(dir, 'mlruns'));
  const preview = page.getByRole('region', { name: 'Preview of mlruns' });
  await expect(preview.getByRole('table', { name: 'Runs of interop one to import' }).getByRole('row')).toHaveCount(5);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(preview).toBeHidden();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Experiments' }).click();
  await expect(page.getByRole('table', { name: 'Experiments' }).getByRole('row')).toHaveCount(2);
});

test('broken input shows why and writes nothing', async ({ page }) => {
  await page.goto('/#/import');
  const input = page.getByLabel('Import a zip or mlflow.db file');
  const alert = page.getByRole('alert');
  await input.setInputFiles(join(dir, 'broken.zip'));
  await expect(alert).toContainText('Nothing was imported.');
  await expect(alert).toContainText('broken.zip is not a zip archive');
  await expect(alert).toContainText('INVALID_PARAMETER_VALUE');
  await snap(page, 'import-broken');
  await input.setInputFiles(join(dir, 'no-meta.zip'));
  await expect(alert).toContainText('No MLflow experiment found');
  await input.setInputFiles(join(dir, 'mlflow.db'));
  await expect(alert).toContainText('not a SQLite database');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Experiments' }).click();
  const table = page.getByRole('table', { name: 'Experiments' });
  await expect(table.getByRole('link', { name: 'Default' })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2); // header + Default: nothing was written
});

/** The server's runs (all lifecycle stages) of the experiment named `name`, through its REST API. */
async function serverRuns(name: string): Promise<{ info: { run_id: string; run_name: string }; data: { params?: { key: string; value: string }[] } }[]> {
  const api = `${server!.url}/api/2.0/mlflow`;
  const exp = await (await fetch(`${api}/experiments/get-by-name?experiment_name=${encodeURIComponent(name)}`)).json() as { experiment: { experiment_id: string } };
  const res = await fetch(`${api}/runs/search`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ experiment_ids: [exp.experiment.experiment_id], run_view_type: 'ALL', max_results: 1000 }),
  });
  return ((await res.json()) as { runs?: [] }).runs ?? [];
}

test('pushes an experiment to a real MLflow server, idempotently', async ({ page }) => {
  test.setTimeout(120_000);
  await importMlruns(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sync' }).click();

  // Unreachable server: the error carries a code and the CORS hint names this origin.
  await page.getByLabel('Server URL').fill('http://127.0.0.1:9');
  await page.getByRole('button', { name: 'Test connection' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('INTERNAL_ERROR');
  await expect(alert).toContainText(`--cors-allowed-origins http://localhost:${PORT}`);
  await snap(page, 'sync-unreachable');

  // A server answer that is an error: its code is shown, without the CORS hint.
  await page.getByLabel('Server URL').fill(`${server!.url}/no-such-prefix`);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(alert).toContainText('RESOURCE_DOES_NOT_EXIST');
  await expect(alert).not.toContainText('--cors-allowed-origins');

  await page.getByLabel('Server URL').fill(server!.url);
  await page.getByLabel('Token (optional)').fill('secret-token');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Connected to' })).toBeVisible({ timeout: 30_000 });

  await page.getByRole('checkbox', { name: /interop one/ }).check();
  await page.getByRole('button', { name: 'Push 1 experiment' }).click();
  const pushed = page.getByRole('status').filter({ hasText: 'Pushed to' });
  await expect(pushed).toContainText('1 experiment(s) and 4 run(s) created', { timeout: 60_000 });
  await snap(page, 'sync-pushed');

  const runs = await serverRuns('interop one');
  expect(runs.map((r) => r.info.run_name).sort()).toEqual(['child-0', 'child-1', 'child-2', 'parent']);
  const parent = runs.find((r) => r.info.run_name === 'parent')!;
  expect(parent.data.params).toContainEqual({ key: 'lr', value: '0.01' });
  const hist = await (await fetch(`${server!.url}/api/2.0/mlflow/metrics/get-history?run_id=${parent.info.run_id}&metric_key=loss&max_results=1000`)).json() as { metrics: unknown[] };
  expect(hist.metrics).toHaveLength(61);

  // Again: nothing new is created or sent.
  await page.getByRole('button', { name: 'Push 1 experiment' }).click();
  await expect(pushed).toContainText('0 experiment(s) and 0 run(s) created, 0 metric point(s)', { timeout: 60_000 });
  expect((await serverRuns('interop one')).length).toBe(4);

  // A run logged on the server by someone else; settings survive a reload; pull brings the run here.
  const exp = await rest<{ experiment_id: string }>('experiments/create', { name: 'from the server' });
  const run = await rest<{ run: { info: { run_id: string } } }>('runs/create', {
    experiment_id: exp.experiment_id, run_name: 'server-run', start_time: 1700000000000,
  });
  await rest('runs/log-batch', {
    run_id: run.run.info.run_id, params: [{ key: 'depth', value: '7' }],
    metrics: [{ key: 'rmse', value: 0.5, timestamp: 1700000000001, step: 0 }],
  });
  await page.reload();
  await expect(page.getByLabel('Server URL')).toHaveValue(server!.url);
  await page.getByRole('button', { name: 'List server experiments' }).click();
  const pullList = page.getByRole('group', { name: 'Server experiments to pull' });
  await pullList.getByRole('checkbox', { name: /from the server/ }).check();
  await expect(pullList.getByRole('checkbox', { name: /interop one/ })).toBeVisible();
  await page.getByRole('button', { name: 'Pull 1 experiment' }).click();
  const pulled = page.getByRole('status').filter({ hasText: 'Pulled.' });
  await expect(pulled).toContainText('1 experiment(s) created, 0 merged, 1 run(s) created');
  await pulled.scrollIntoViewIfNeeded();
  await snap(page, 'sync-pulled');

  // Registered models: the imported interop-model with its versions, stages and aliases; twice creates nothing.
  await page.getByRole('group', { name: 'Registered models to push' }).getByRole('checkbox', { name: 'interop-model' }).check();
  await page.getByRole('button', { name: 'Push 1 model' }).click();
  const modelsPushed = page.getByRole('status').filter({ hasText: 'version(s) in sync' });
  await expect(modelsPushed).toContainText('1 model(s) and 3 version(s) created', { timeout: 60_000 });
  const rm = await (await fetch(`${server!.url}/api/2.0/mlflow/registered-models/get?name=interop-model`)).json() as
    { registered_model: { aliases: { alias: string; version: string }[]; latest_versions: { version: string; current_stage: string }[] } };
  expect(rm.registered_model.aliases).toContainEqual({ alias: 'champion', version: '1' });
  expect(rm.registered_model.latest_versions.map((v) => [v.version, v.current_stage]).sort())
    .toEqual([['1', 'Archived'], ['2', 'Staging'], ['3', 'Production']]);
  await page.getByRole('button', { name: 'Push 1 model' }).click();
  await expect(modelsPushed).toContainText('0 model(s) and 0 version(s) created, 0 update(s)', { timeout: 60_000 });
  // Pulling it back into the browser it came from creates nothing and says why.
  await page.getByRole('button', { name: 'List server models' }).click();
  await page.getByRole('group', { name: 'Server models to pull' }).getByRole('checkbox', { name: 'interop-model' }).check();
  await page.getByRole('button', { name: 'Pull 1 model' }).click();
  const modelsPulled = page.getByRole('status').filter({ hasText: 'Pulled models.' });
  await expect(modelsPulled).toContainText('0 model(s) created');
  await expect(modelsPulled).toContainText("registered model 'interop-model' was pushed from this Flowpad; not pulled back");

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Experiments' }).click();
  await page.getByRole('table', { name: 'Experiments' }).getByRole('link', { name: 'from the server' }).click();
  await expect(page.getByRole('cell', { name: 'server-run', exact: true })).toBeVisible();
});

/** POST to the server's REST API from Node. */
async function rest<T = unknown>(path: string, body: object): Promise<T> {
  const res = await fetch(`${server!.url}/api/2.0/mlflow/${path}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
