// Cross-origin isolation on a static host. A plain Node file server serves dist/ the way GitHub Pages does: no
// COOP/COEP headers. The app's own service worker adds them; after its one-time reload the page is isolated, ORT
// runs with 2 threads, and that survives going offline. One service worker, nothing from a CDN, CSP intact.
import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { snap } from './helpers/app';
import { startStaticServer, type StaticServer } from './helpers/static-server';

let server: StaticServer;
let ORIGIN = '';
test.beforeAll(async () => {
  server = await startStaticServer({ root: fileURLToPath(new URL('../dist/', import.meta.url)) }); // no COOP/COEP
  ORIGIN = server.origin;
});
test.afterAll(async () => server?.close());

test('the service worker makes a static host cross-origin isolated: ORT runs with 2 threads, offline too', async ({ page, context }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy|SharedArrayBuffer|crossOriginIsolated/i.test(m.text())) problems.push(m.text());
  });
  const external: string[] = [];
  context.on('request', (r) => {
    if (!r.url().startsWith(ORIGIN) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) external.push(r.url());
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  let loads = 0;
  page.on('load', () => loads++);

  const first = await page.goto(`${ORIGIN}/#/models`);
  expect(first?.headers()['cross-origin-opener-policy']).toBeUndefined(); // the host sends none
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(false);

  // The worker installs (precaching ~18 MB), takes control, and the page reloads itself once.
  await page.waitForFunction(() => self.crossOriginIsolated === true, null, { timeout: 120_000, polling: 500 });
  await expect(page.getByRole('heading', { level: 1, name: 'Models' })).toBeVisible();
  expect(loads).toBe(2);
  const sw = await page.evaluate(async () => {
    const regs = await navigator.serviceWorker.getRegistrations();
    return { count: regs.length, script: navigator.serviceWorker.controller?.scriptURL, sab: typeof SharedArrayBuffer };
  });
  expect(sw).toEqual({ count: 1, script: `${ORIGIN}/sw.js`, sab: 'function' });

  // A model imported through the registry, served: ORT reports 2 threads and spawns its pthread worker.
  await page.getByRole('button', { name: 'Import', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import models' });
  await dialog.getByLabel('Bundle, model folder zip, or ONNX file').setInputFiles(
    fileURLToPath(new URL('../test/fixtures/mlflow/model-format/onnx/sklearn_model.onnx', import.meta.url)));
  await dialog.getByLabel(/Model name/).fill('iris-static');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText('Imported 1 model.');
  await page.goto(`${ORIGIN}/#/serve?uri=${encodeURIComponent('models:/iris-static/1')}`);
  await expect(page.getByTestId('runtime')).toHaveText('onnxruntime-web (wasm) · 2 threads', { timeout: 30_000 });
  await expect(page.getByText('cross-origin isolated', { exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'JSON' }).click();
  await page.getByLabel('Request body (JSON)').fill('{"inputs": {"float_input": [[5.1, 3.5, 1.4, 0.2], [6.7, 3.0, 5.2, 2.3]]}}');
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  const table = page.getByRole('table', { name: 'Predictions' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').nth(2)).toContainText('2');
  // numThreads 2 = the worker's own thread + one em-pthread worker, which loads ORT's chunk again.
  await expect.poll(() => page.workers().filter((w) => /\/assets\/onnx-[\w-]+\.js$/.test(w.url())).length).toBe(1);
  await snap(page, 'serve-static-host-isolated');

  // Offline: the precache still answers with the headers, so the reloaded page is isolated; deep links work.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('runtime')).toHaveText('onnxruntime-web (wasm) · 2 threads', { timeout: 30_000 });
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
  await page.goto(`${ORIGIN}/some/deep/link#/models/iris-static`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('iris-static');
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
  await context.setOffline(false);

  expect(external).toEqual([]);
  expect(problems).toEqual([]);
});
