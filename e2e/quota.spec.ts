// Running out of storage, by storage-fault injection (src/storage/faults.ts): `window.flowpad.faults.quota()`
// arms a Dexie middleware in the page and, over a BroadcastChannel, in every worker, which then fails writes with
// a real QuotaExceededError DOMException and aborts their transaction, as a full disk does. (A small quota through
// CDP's Storage.overrideQuotaForOrigin proved racy: Chromium applies it only to storage opened after it.)
//
// Guarantees checked, each through the UI's own input where there is one:
// - a large artifact, a big metric flush, a model import (bundle worker) and a backup restore (backup worker) fail
//   with QUOTA_EXCEEDED's message and the database dump is identical before and after;
// - training whose model does not fit ends FAILED with the message in its note; its metric histories are whole
//   and it has no model/ artifact at all (the folder is written in one transaction), so nothing half written;
// - training that runs out of space for its metrics mid-way ends FAILED (not left RUNNING), with the chunks stored
//   before whole and no model (points are all flushed before the model is logged).
import { expect, type Page, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { appReady, dump, snap } from './helpers/app';

const QUOTA_MESSAGE = 'Browser storage is full, so nothing of this change was saved';
const ONNX_FIXTURE = fileURLToPath(new URL('../test/fixtures/mlflow/model-format/onnx/sklearn_model.onnx', import.meta.url));

type Fault = { afterBytes?: number; tables?: string[] };
const armQuota = (page: Page, fault: Fault = {}) => page.evaluate((f) => window.flowpad.faults.quota(f), fault);
const clearFaults = (page: Page) => page.evaluate(() => window.flowpad.faults.clear());

test('a large artifact and a big metric flush give QUOTA_EXCEEDED and write nothing', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  const runId = await page.evaluate(async () => (await window.flowpad.client.createRun('0', { runName: 'big' })).info.runId);
  const before = await dump(page);
  await armQuota(page, { afterBytes: 1024 * 1024 });

  const artifact = await page.evaluate(async (id) => {
    const big = new Blob([new Uint8Array(8 * 1024 * 1024)]);
    return window.flowpad.client.logArtifact(id, 'model/weights.bin', big).then(() => 'saved', (e: { code: string; message: string }) => `${e.code}: ${e.message}`);
  }, runId);
  expect(artifact).toMatch(new RegExp(`^QUOTA_EXCEEDED: ${QUOTA_MESSAGE}`));

  // 90 batches of 1,000 points buffered (below the writer's 100,000-point early flush), then one flush.
  const batch = await page.evaluate(async (id) => {
    const c = window.flowpad.client;
    for (let b = 0; b < 90; b++) {
      const metrics = Array.from({ length: 1000 }, (_, k) => ({ key: `m${b % 6}`, value: Math.random(), timestamp: Date.now(), step: b * 1000 + k }));
      await c.logBatch(id, { metrics });
    }
    return c.flush().then(() => 'saved', (e: { code: string; message: string }) => `${e.code}: ${e.message}`);
  }, runId);
  expect(batch).toMatch(new RegExp(`^QUOTA_EXCEEDED: ${QUOTA_MESSAGE}`));
  expect(await dump(page)).toBe(before);
  // The points stay buffered (reads already see them) and land once there is space again.
  expect(await page.evaluate((id) => window.flowpad.client.getMetricHistory(id, 'm0').then((h) => h.length), runId)).toBe(15_000);
  await clearFaults(page);
  await page.evaluate(() => window.flowpad.client.flush());
  expect(await dump(page)).not.toBe(before);
});

test('a model import that does not fit shows the quota message and changes nothing', async ({ page }) => {
  await page.goto('/#/models');
  await appReady(page);
  await page.evaluate(() => window.flowpad.client.createExperiment('already-here'));
  const before = await dump(page);
  await armQuota(page); // the bundle worker hears it over the fault channel
  await page.getByRole('button', { name: 'Import', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import models' });
  await dialog.getByLabel('Bundle, model folder zip, or ONNX file').setInputFiles(ONNX_FIXTURE);
  await expect(dialog.getByLabel(/Model name/)).toHaveValue('sklearn_model');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText(QUOTA_MESSAGE);
  await snap(page, 'quota-import');
  expect(await dump(page)).toBe(before);
});

test('training whose model does not fit ends FAILED with the quota note, whole metrics and no model files', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/#/train');
  await appReady(page);
  await expect(page.getByLabel('Backend').locator('option[value="wasm"]')).toHaveText(/WASM/);
  await page.getByLabel('Backend').selectOption('wasm');
  await page.getByLabel('Epochs').fill('5');
  await armQuota(page, { tables: ['artifacts'] }); // metrics fit, the model does not
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const monitor = page.getByRole('complementary', { name: 'Training monitor' });
  await expect(monitor.getByRole('alert')).toContainText(`Training failed: ${QUOTA_MESSAGE}`, { timeout: 90_000 });
  await snap(page, 'quota-training');
  const runId = (await monitor.locator('[data-run-id]').first().getAttribute('data-run-id'))!;
  const stored = await page.evaluate(async (id) => {
    const c = window.flowpad.client;
    const run = await c.getRun(id);
    const keys = run.data.metrics.map((m) => m.key);
    const histories = await Promise.all(keys.map((k) => c.getMetricHistory(id, k)));
    return {
      status: run.info.status,
      note: run.data.tags.find((t) => t.key === 'mlflow.note.content')?.value ?? '',
      artifacts: (await c.listArtifacts(id)).map((f) => f.path),
      epochSteps: histories.filter((h) => h.length > 0 && h.length <= 5).map((h) => h.map((p) => p.step)),
      batchStepsIncreasing: histories.every((h) => h.every((p, i) => i === 0 || p.step > h[i - 1].step)),
    };
  }, runId);
  expect(stored.status).toBe('FAILED');
  expect(stored.note).toContain(QUOTA_MESSAGE);
  expect(stored.artifacts).toEqual([]); // no model/ folder, not even part of one
  expect(stored.batchStepsIncreasing).toBe(true);
  // Every per-epoch metric has all 5 epochs: the histories were written before the model and are whole.
  expect(stored.epochSteps.length).toBeGreaterThan(0);
  for (const steps of stored.epochSteps) expect(steps).toEqual([0, 1, 2, 3, 4]);
});

test('training that runs out of space for its metrics ends FAILED, not RUNNING, with whole chunks and no model', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/#/train');
  await appReady(page);
  await expect(page.getByLabel('Backend').locator('option[value="wasm"]')).toHaveText(/WASM/);
  await page.getByLabel('Backend').selectOption('wasm');
  await page.getByLabel('Epochs').fill('300');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const monitor = page.getByRole('complementary', { name: 'Training monitor' });
  const batchChart = monitor.locator('figure[aria-label="Loss per batch"] .live-chart-plot');
  await expect.poll(async () => Number(await batchChart.getAttribute('data-points')), { timeout: 60_000 }).toBeGreaterThan(20);
  await armQuota(page, { tables: ['metricChunks'] }); // the disk fills up mid-training
  await expect(monitor.getByRole('alert')).toContainText(`Training failed: ${QUOTA_MESSAGE}`, { timeout: 90_000 });
  await snap(page, 'quota-training-metrics');
  const runId = (await monitor.locator('[data-run-id]').first().getAttribute('data-run-id'))!;
  const stored = await page.evaluate(async (id) => {
    const c = window.flowpad.client;
    const run = await c.getRun(id);
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open('flowpad');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    // Steps and timestamps are stored packed (src/storage/chunk-codec.ts): an arithmetic run, Int32 offsets or doubles.
    type Col = Float64Array | { base: number; stride: number } | { base: number; offsets: Int32Array };
    const holds = (col: Col, n: number) =>
      col instanceof Float64Array ? col.length === n : 'offsets' in col ? col.offsets.length === n : Number.isFinite(col.base + col.stride);
    type Chunk = { runId: string; n: number; steps: Col; timestamps: Col; values: Float64Array };
    const chunks = await new Promise<Chunk[]>((ok, ko) => {
      const r = db.transaction('metricChunks').objectStore('metricChunks').getAll();
      r.onsuccess = () => ok((r.result as Chunk[]).filter((x) => x.runId === id));
      r.onerror = () => ko(r.error);
    });
    db.close();
    return {
      status: run.info.status,
      note: run.data.tags.find((t) => t.key === 'mlflow.note.content')?.value ?? '',
      artifacts: (await c.listArtifacts(id)).map((f) => f.path),
      chunks: chunks.length,
      whole: chunks.every((x) => x.n > 0 && holds(x.steps, x.n) && holds(x.timestamps, x.n) && x.values.length === x.n),
    };
  }, runId);
  expect(stored.status).toBe('FAILED');
  expect(stored.note).toContain(QUOTA_MESSAGE);
  expect(stored.artifacts).toEqual([]); // the model is logged only after every point is stored
  expect(stored.chunks).toBeGreaterThan(0); // what was stored before the disk filled up stays, whole
  expect(stored.whole).toBe(true);
});

test('a restore that does not fit gives the quota message in the UI and changes nothing', async ({ page }, info) => {
  await page.goto('/#/storage');
  await appReady(page);
  await page.evaluate(async () => {
    const c = window.flowpad.client;
    const { info } = await c.createRun('0', { runName: 'heavy' });
    for (let i = 0; i < 4; i++) await c.logArtifact(info.runId, `blob-${i}.bin`, new Uint8Array(1_000_000).fill(i));
    await c.logMetric(info.runId, 'loss', 0.5, { step: 1 });
    await c.setTerminated(info.runId, 'FINISHED');
  });
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export backup' }).click();
  const file = info.outputPath('backup.zip');
  await (await downloading).saveAs(file);

  // Something to lose: an experiment the backup does not have.
  await page.evaluate(() => window.flowpad.client.createExperiment('already-here'));
  const before = await dump(page);
  await armQuota(page, { afterBytes: 2_000_000 }); // the backup worker hears it over the fault channel
  await page.getByLabel('Backup file to restore').setInputFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
  await dialog.getByLabel(/Replace/).check();
  await dialog.getByRole('button', { name: 'Replace…' }).click();
  await dialog.getByRole('button', { name: 'Replace everything' }).click();
  await expect(dialog.getByRole('alert')).toContainText(QUOTA_MESSAGE);
  await expect(dialog.getByText('Nothing in this browser was changed.')).toBeVisible();
  await snap(page, 'quota-restore');
  expect(await dump(page)).toBe(before);
});
