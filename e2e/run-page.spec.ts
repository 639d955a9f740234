// Journeys through a run's page: overview (details, description, tags, params/metrics search, parent and child
// runs), the metric charts, and the artifacts browser with MLflow's own preview fixtures, broken ones included.
import { expect, type Page, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { ready, snap } from './helpers/data';

const FIXTURES = new URL('../test/fixtures/mlflow/ui-artifact-previews/', import.meta.url);
const fixture = (p: string) => Array.from(readFileSync(new URL(p, FIXTURES)));

/** A finished parent run with two child runs, params, metrics, tags, a description and artifacts of every kind. */
async function createRunWithArtifacts(page: Page) {
  const files: Record<string, number[]> = {
    'tables/csv_commas.csv': fixture('csv/csv_commas.csv'),
    'tables/csv_colons.csv': fixture('csv/csv_colons.csv'),
    'tables/csv_broken.csv': fixture('csv/csv_broken.csv'),
    'eval/table_eval_data.json': fixture('json/table_eval_data.json'),
    'eval/table_eval_broken.json': fixture('json/table_eval_broken.json'),
    'eval/table_unnamed_columns.json': fixture('json/table_unnamed_columns.json'),
    'maps/sample.geojson': fixture('geojson/sample.geojson'),
    'model/MLmodel': fixture('models/MLmodel'),
  };
  return page.evaluate(async (files) => {
    const c = window.flowpad.client;
    const exp = await c.createExperiment('image-classifier');
    const t0 = Date.now() - 2 * 3_600_000;
    const parent = await c.createRun(exp, {
      runName: 'resnet50-baseline',
      startTime: t0,
      tags: { 'mlflow.source.name': 'train.py', 'mlflow.source.type': 'LOCAL', 'mlflow.source.git.commit': '3f9c2a1e7b4d5c6f8a9b0c1d2e3f4a5b6c7d8e9f', team: 'vision', dataset: 'imagenet-1k' },
    });
    const id = parent.info.runId;
    const params = { learning_rate: '0.001', batch_size: '64', optimizer: 'adamw', weight_decay: '0.05', epochs: '90', model: 'resnet50', warmup_steps: '500', label_smoothing: '0.1', mixed_precision: 'bf16', seed: '42' };
    await c.logBatch(id, { params: Object.entries(params).map(([key, value]) => ({ key, value })) });
    const metrics = [];
    for (let s = 0; s <= 600; s++) {
      const ts = t0 + s * 10_000;
      const loss = 2.5 * Math.exp(-s / 150) + 0.35 + 0.08 * Math.sin(s / 3) * Math.exp(-s / 400);
      metrics.push({ key: 'train/loss', value: loss, step: s, timestamp: ts });
      metrics.push({ key: 'train/accuracy', value: 0.95 - 0.85 * Math.exp(-s / 180), step: s, timestamp: ts });
      metrics.push({ key: 'lr', value: s < 50 ? (0.001 * s) / 50 : 0.001 * 0.5 * (1 + Math.cos((Math.PI * (s - 50)) / 550)), step: s, timestamp: ts });
      if (s % 50 === 0) metrics.push({ key: 'val/loss', value: loss + 0.12, step: s, timestamp: ts });
      if (metrics.length > 900) await c.logBatch(id, { metrics: metrics.splice(0) });
    }
    await c.logBatch(id, { metrics });
    await c.setTag(id, 'mlflow.note.content', 'ResNet-50 baseline on ImageNet-1k.\n\n- AdamW, cosine schedule\n- <b>not bold</b>: user text is inert');
    for (const [path, bytes] of Object.entries(files)) await c.logArtifact(id, path, new Uint8Array(bytes));
    await c.logText(id, 'epoch 1: loss=2.31\nepoch 2: loss=1.87\n', 'logs/train.log');
    await c.logDict(id, { lr: 0.001, layers: [64, 128, 256] }, 'config.yaml');
    await c.logText(id, '<h1>Eval report</h1><p id="body">Top-1 76.1%</p><script>document.body.dataset.ran = "yes"</script>', 'report.html');
    await c.logText(id, 'x'.repeat(6_000_000), 'logs/huge.log');
    await c.logArtifact(id, 'model/weights.bin', new Uint8Array([0, 1, 2, 3, 0, 255]));
    const canvas = new OffscreenCanvas(320, 200);
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#1f6feb';
    g.fillRect(0, 0, 320, 200);
    g.fillStyle = '#fff';
    g.font = '28px sans-serif';
    g.fillText('confusion matrix', 40, 110);
    await c.logArtifact(id, 'plots/confusion.png', await canvas.convertToBlob({ type: 'image/png' }));
    const children = [];
    for (const name of ['resnet50-lr-3e-4', 'resnet50-lr-1e-3']) {
      const ch = await c.createRun(exp, { runName: name, parentRunId: id, startTime: t0 + 60_000 });
      await c.logMetric(ch.info.runId, 'train/loss', 0.5);
      await c.setTerminated(ch.info.runId, 'FINISHED', t0 + 3_600_000);
      children.push(ch.info.runId);
    }
    await c.setTerminated(id, 'FINISHED', t0 + 6_000_000);
    await c.flush();
    return { exp, id, children };
  }, files);
}

test('a run page: overview, tags, description, params and metrics search, parent and child runs', async ({ page }) => {
  await ready(page);
  const { exp, id } = await createRunWithArtifacts(page);
  await page.goto(`/#/experiments/${exp}/runs/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: /resnet50-baseline/ })).toBeVisible();
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details).toContainText('Finished');
  await expect(details).toContainText('1h 40m');
  await expect(details).toContainText('train.py');
  await expect(details).toContainText('@ 3f9c2a1e');
  // The description is user text: rendered inert, never as HTML.
  await expect(page.getByText('<b>not bold</b>: user text is inert')).toBeVisible();
  await snap(page, 'run-overview');

  const params = page.getByRole('table', { name: 'Parameters' });
  await expect(params.getByRole('row')).toHaveCount(11);
  await page.getByRole('searchbox', { name: 'Search parameters' }).fill('adam');
  await expect(params.getByRole('row')).toHaveCount(2);
  await expect(params).toContainText('optimizer');
  await page.getByRole('searchbox', { name: 'Search metrics' }).fill('loss');
  await expect(page.getByRole('table', { name: 'Metrics' }).getByRole('row')).toHaveCount(3);

  // Tags: add, see it, delete it.
  await page.getByRole('textbox', { name: 'Tag key' }).fill('reviewed');
  await page.getByRole('textbox', { name: 'Tag value' }).fill('yes');
  await page.getByRole('button', { name: 'Add tag' }).click();
  const tags = page.getByRole('list', { name: 'Tags' });
  await expect(tags).toContainText('reviewed');
  await page.getByRole('button', { name: 'Remove tag reviewed' }).click();
  await expect(tags).not.toContainText('reviewed');

  // Description: edit and save through the mlflow.note.content tag.
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Description' }).fill('Updated notes');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Updated notes')).toBeVisible();

  // Child runs link to their pages, which link back to the parent.
  const children = page.getByRole('table', { name: 'Child runs' });
  await expect(children.getByRole('link')).toHaveCount(2);
  await children.getByRole('link', { name: 'resnet50-lr-1e-3' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /resnet50-lr-1e-3/ })).toBeVisible();
  await page.getByRole('region', { name: 'Details' }).getByRole('link', { name: 'resnet50-baseline' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /resnet50-baseline/ })).toBeVisible();
});

test('the metrics tab charts every metric; zoom, log scale and smoothing are URL state', async ({ page }) => {
  await ready(page);
  const { exp, id } = await createRunWithArtifacts(page);
  await page.goto(`/#/experiments/${exp}/runs/${id}/metrics`);
  for (const key of ['lr', 'train/accuracy', 'train/loss', 'val/loss']) {
    await expect(page.getByRole('figure', { name: `Chart of ${key}` }).locator('[data-loaded="1"]')).toBeVisible();
  }
  await snap(page, 'run-metrics');

  const chart = page.getByRole('figure', { name: 'Chart of train/loss' });
  await chart.scrollIntoViewIfNeeded();
  const plot = chart.locator('.u-over');
  const box = (await plot.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(chart.getByRole('button', { name: 'Reset zoom' })).toBeVisible();
  await expect(chart).toContainText('Zoomed to step');
  await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2);
  await expect(chart.locator('.chart-tooltip')).toContainText('resnet50-baseline');
  await snap(page, 'run-metrics-zoomed');
  await chart.getByRole('button', { name: 'Reset zoom' }).click();
  await expect(chart).not.toContainText('Zoomed to');
  // Keyboard: + zooms into the middle half, 0 resets.
  await chart.getByRole('group', { name: /train\/loss: 1 run/ }).focus();
  await page.keyboard.press('+');
  await expect(chart).toContainText('Zoomed to step 150 – step 450');
  await page.keyboard.press('0');
  await expect(chart).not.toContainText('Zoomed to');

  // Smoothing: MLflow's 0–100 slider, applied once it stops moving, kept in the URL.
  const slider = page.getByRole('slider', { name: 'Smoothing' });
  await slider.focus();
  await page.keyboard.press('End');
  await expect(page).toHaveURL(/smooth=100/);
  await expect(chart.locator('[data-loaded="1"]')).toBeVisible();
  await snap(page, 'run-metrics-smoothed');

  await page.getByLabel('Log scale Y').check();
  await page.getByLabel('X axis').selectOption('relative');
  await expect(page).toHaveURL(/log=1/);
  await expect(page).toHaveURL(/xaxis=relative/);
  await page.reload();
  await expect(page.getByLabel('Log scale Y')).toBeChecked();
  await expect(page.getByLabel('X axis')).toHaveValue('relative');

  const csv = page.waitForEvent('download');
  await chart.getByRole('button', { name: 'Download train/loss as CSV' }).click();
  const csvFile = await csv;
  expect(csvFile.suggestedFilename()).toBe('train_loss.csv');
  const lines = readFileSync(await csvFile.path(), 'utf8').trimEnd().split('\r\n');
  expect(lines[0]).toBe('"run_id","run_name","key","step","timestamp","value"');
  expect(lines).toHaveLength(602); // every logged point, not the drawn ones
  expect(lines[1]).toMatch(new RegExp(`^"${id}","resnet50-baseline","train/loss","0",`));
  const png = page.waitForEvent('download');
  await chart.getByRole('button', { name: 'Download train/loss as PNG' }).click();
  expect((await png).suggestedFilename()).toBe('train_loss.png');
});

test('artifacts: every preview kind of the fixtures, broken ones with a message, downloads', async ({ page }) => {
  await ready(page);
  const { exp, id } = await createRunWithArtifacts(page);
  await page.goto(`/#/experiments/${exp}/runs/${id}/artifacts`);
  const tree = page.getByRole('navigation', { name: 'Artifact files' });
  const pane = page.getByRole('region', { name: 'Artifact preview' });
  await expect(pane).toContainText('Select a file to preview it.');
  await snap(page, 'artifacts-root');

  const open = async (folder: string | null, file: string) => {
    if (folder) {
      const link = tree.getByRole('link', { name: folder, exact: true });
      if ((await link.getAttribute('aria-expanded')) !== 'true') await link.click();
    }
    await tree.getByRole('link', { name: new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
    await expect(pane.getByRole('heading', { level: 2 })).toContainText(file);
  };

  await open('tables', 'csv_commas.csv');
  await expect(pane.getByRole('columnheader', { name: 'First name' })).toBeVisible();
  await expect(pane.getByRole('row')).toHaveCount(6);
  await snap(page, 'artifact-csv');
  await open('tables', 'csv_colons.csv');
  await expect(pane.getByRole('cell', { name: 'Rachel' })).toBeVisible();
  await open('tables', 'csv_broken.csv');
  await expect(pane.getByRole('status')).toContainText('different number of fields');
  await expect(pane.getByRole('cell', { name: 'booker12' })).toBeVisible();
  await snap(page, 'artifact-csv-broken');

  await open('eval', 'table_eval_data.json');
  await expect(pane.getByRole('columnheader', { name: 'MLFLOW_latency' })).toBeVisible();
  await snap(page, 'artifact-json-table');
  await pane.getByRole('button', { name: 'Raw' }).click();
  await expect(pane.getByLabel('File contents')).toContainText('"company_name"');
  await open('eval', 'table_eval_broken.json');
  await expect(pane.getByRole('status')).toContainText('not valid JSON');
  await expect(pane.getByLabel('File contents')).toContainText('BROKEN');
  await snap(page, 'artifact-json-broken');
  await open('eval', 'table_unnamed_columns.json');
  await expect(pane.getByRole('columnheader', { name: '0', exact: true })).toBeVisible();

  await open('maps', 'sample.geojson');
  await expect(pane.getByLabel('File contents')).toContainText('FeatureCollection');
  await open('model', 'MLmodel');
  await expect(pane.getByLabel('File contents')).toContainText('python_function');
  await snap(page, 'artifact-mlmodel');
  await open('model', 'weights.bin');
  await expect(pane).toContainText('No preview for this file type');
  await open(null, 'config.yaml');
  await expect(pane.getByLabel('File contents')).toContainText('layers:');
  await open('logs', 'train.log');
  await expect(pane.getByLabel('File contents')).toContainText('epoch 2');
  await open('logs', 'huge.log');
  await expect(pane.getByRole('heading', { name: 'File is too large to preview' })).toBeVisible();
  await snap(page, 'artifact-too-large');

  await open('plots', 'confusion.png');
  const img = pane.getByRole('img', { name: 'confusion.png' });
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(320);
  await snap(page, 'artifact-image');

  await open(null, 'report.html');
  const frame = pane.frameLocator('iframe');
  await expect(frame.getByRole('heading', { name: 'Eval report' })).toBeVisible();
  await expect(pane.locator('iframe')).toHaveAttribute('sandbox', '');
  await page.waitForTimeout(200);
  await expect(frame.locator('body')).not.toHaveAttribute('data-ran', 'yes'); // the script did not run
  await snap(page, 'artifact-html');

  // Downloads: one file, then a folder as a zip.
  const file = page.waitForEvent('download');
  await pane.getByRole('button', { name: 'Download', exact: true }).click();
  expect((await file).suggestedFilename()).toBe('report.html');
  await tree.getByRole('link', { name: 'eval', exact: true }).click();
  await expect(pane.getByRole('heading', { level: 2 })).toHaveText('eval');
  const zip = page.waitForEvent('download');
  await pane.getByRole('button', { name: 'Download folder (.zip)' }).click();
  const dl = await zip;
  expect(dl.suggestedFilename()).toBe('eval.zip');
  const entries = Object.keys(unzipSync(new Uint8Array(readFileSync(await dl.path())))).sort();
  expect(entries).toEqual(['table_eval_broken.json', 'table_eval_data.json', 'table_unnamed_columns.json']);
});

test('a run that does not exist gets a not-found page', async ({ page }) => {
  await ready(page);
  await page.goto('/#/experiments/0/runs/0123456789abcdef');
  await expect(page.getByRole('heading', { level: 1, name: 'Run not found' })).toBeVisible();
  await snap(page, 'run-not-found');
});
