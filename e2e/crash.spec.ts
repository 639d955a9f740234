// Crash during training: the whole browser is SIGKILLed mid-training, then started again on the same profile.
// The first browser is spawned here (same executable and flags as e2e/chromium.mjs, its own process group) so the
// test holds its pid; Playwright drives it over CDP. The second is chromium.launchPersistentContext on the same
// user-data dir. Checked after the restart:
// - the run is KILLED with Flowpad's note saying why (recoverAbandonedRuns on start);
// - every metric chunk is whole (n = length of each array, min/max step match) and each history's steps
//   strictly increase;
// - at most ~1 s of metrics is lost: the newest stored batch point is no older than the last progress the page
//   had shown before the kill minus LOSS_TOLERANCE_MS (the training worker flushes every 50 ms; the tolerance is
//   twice the page client's 500 ms flush interval, for the commit under a loaded machine);
// - no model artifact and no model version exist (the model folder is written in one transaction at the end).
import { chromium, expect, type Page, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumExecutable, chromiumLaunchOptions } from './chromium.mjs';
import { appReady, snap, swControls } from './helpers/app';

const PORT = Number(process.env.FLOWPAD_E2E_PORT ?? 4173);
const BASE = `http://localhost:${PORT}/`;
const LOSS_TOLERANCE_MS = 1000;

/** Starts Chromium on `profile` with a DevTools port; resolves with the process and its websocket URL. */
function spawnChromium(profile: string): Promise<{ proc: ChildProcess; ws: string }> {
  const exe = chromiumExecutable();
  if (!exe) throw new Error('no system Chromium (set FLOWPAD_CHROMIUM)');
  const proc = spawn(exe, [...chromiumArgs, '--headless=new', `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], {
    detached: true, // its own process group: the kill below takes the renderers and GPU process with it
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${err}`)), 30_000);
    proc.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, ws: m[1] });
      }
    });
    proc.on('exit', (code) => reject(new Error(`Chromium exited (${code}):\n${err}`)));
  });
}

/** The newest batch point the page had seen reported (wall-clock ms), recorded by a MutationObserver. */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { lastProgressAt: number };
    w.lastProgressAt = 0;
    new MutationObserver(() => (w.lastProgressAt = Date.now())).observe(document.body, {
      subtree: true, attributes: true, attributeFilter: ['aria-valuenow'],
    });
  });
}

test('killing the browser mid-training leaves a KILLED run with whole histories and no half model', async () => {
  test.setTimeout(180_000);
  const profile = mkdtempSync(join(tmpdir(), 'flowpad-crash-'));
  let proc: ChildProcess | undefined;
  try {
    const first = await spawnChromium(profile);
    proc = first.proc;
    const browser = await chromium.connectOverCDP(first.ws);
    const page = await browser.contexts()[0].newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${BASE}#/train`);
    await appReady(page);
    await swControls(page);
    await page.reload(); // the service worker's first control may reload the page once: get that out of the way
    await appReady(page);
    await expect(page.getByLabel('Backend').locator('option[value="wasm"]')).toHaveText(/WASM/);
    await page.getByLabel('Backend').selectOption('wasm');
    await page.getByLabel('Epochs').fill('1000');
    await watchProgress(page);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const monitor = page.getByRole('complementary', { name: 'Training monitor' });
    const batchChart = monitor.locator('figure[aria-label="Loss per batch"] .live-chart-plot');
    await expect.poll(async () => Number(await batchChart.getAttribute('data-points')), { timeout: 60_000 }).toBeGreaterThan(100);
    const runId = (await monitor.locator('[data-run-id]').first().getAttribute('data-run-id'))!;
    await snap(page, 'crash-before-kill');
    // Still training: progress moved within the last second.
    await expect.poll(() => page.evaluate(() => Date.now() - (window as unknown as { lastProgressAt: number }).lastProgressAt)).toBeLessThan(1000);
    const lastProgressAt = await page.evaluate(() => (window as unknown as { lastProgressAt: number }).lastProgressAt);
    process.kill(-proc.pid!, 'SIGKILL');
    const killedAt = Date.now();
    await new Promise<void>((resolve) => (proc!.exitCode !== null || proc!.signalCode ? resolve() : proc!.once('exit', () => resolve())));
    await browser.close().catch(() => undefined); // the connection is already gone
    proc = undefined;

    const context = await chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions(), viewport: { width: 1280, height: 800 } });
    try {
      const again = context.pages()[0] ?? (await context.newPage());
      await again.goto(BASE);
      await appReady(again);
      await expect.poll(() => again.evaluate((id) => window.flowpad.client.getRun(id).then((r) => r.info.status), runId), { timeout: 20_000 }).toBe('KILLED');
      const found = await again.evaluate(async (id) => {
        const c = window.flowpad.client;
        const run = await c.getRun(id);
        const db = await new Promise<IDBDatabase>((ok, ko) => {
          const r = indexedDB.open('flowpad');
          r.onsuccess = () => ok(r.result);
          r.onerror = () => ko(r.error);
        });
        const all = <T,>(store: string) => new Promise<T[]>((ok, ko) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => ok(r.result as T[]);
          r.onerror = () => ko(r.error);
        });
        // Steps and timestamps are stored packed (src/storage/chunk-codec.ts): decoded here, or null when a column
        // does not hold exactly n points.
        type Col = Float64Array | { base: number; stride: number } | { base: number; offsets: Int32Array };
        const decode = (col: Col, n: number): number[] | null =>
          col instanceof Float64Array ? (col.length === n ? [...col] : null)
          : 'offsets' in col ? (col.offsets.length === n ? [...col.offsets].map((o) => col.base + o) : null)
          : Array.from({ length: n }, (_, i) => col.base + i * col.stride);
        type Chunk = { runId: string; key: string; chunk: number; n: number; minStep: number; maxStep: number; steps: Col; timestamps: Col; values: Float64Array };
        const chunks = (await all<Chunk>('metricChunks')).filter((c) => c.runId === id);
        const badChunks = chunks.filter((c) => {
          const steps = decode(c.steps, c.n);
          return c.n < 1 || !steps || !decode(c.timestamps, c.n) || c.values.length !== c.n ||
            c.minStep !== Math.min(...steps) || c.maxStep !== Math.max(...steps);
        }).map((c) => `${c.key}#${c.chunk}`);
        const keys = [...new Set(chunks.map((c) => c.key))];
        const histories: Record<string, { steps: number[]; timestamps: number[] }> = {};
        for (const k of keys) {
          const h = await c.getMetricHistory(id, k);
          histories[k] = { steps: h.map((p) => p.step), timestamps: h.map((p) => p.timestamp) };
        }
        const versions = (await all<{ runId: string }>('modelVersions')).filter((v) => v.runId === id).length;
        db.close();
        return {
          status: run.info.status,
          endTime: run.info.endTime,
          note: run.data.tags.find((t) => t.key === 'mlflow.note.content')?.value ?? '',
          artifacts: (await c.listArtifacts(id)).map((f) => f.path),
          badChunks, histories, versions,
        };
      }, runId);
      await again.goto(`${BASE}#/experiments/0/runs/${runId}`);
      await expect(again.getByText(/Flowpad marked this run KILLED/).first()).toBeVisible();
      await snap(again, 'crash-after-restart');

      expect(found.status).toBe('KILLED');
      expect(found.note).toMatch(/^Flowpad marked this run KILLED at .*: it was still RUNNING when the tab or worker logging it closed or crashed/);
      expect(found.badChunks).toEqual([]);
      expect(Object.keys(found.histories)).toEqual(expect.arrayContaining(['batch_loss', 'batch_accuracy']));
      for (const [key, h] of Object.entries(found.histories)) {
        const increasing = h.steps.every((s, i) => i === 0 || s > h.steps[i - 1]);
        expect(increasing, `${key}: steps strictly increase`).toBe(true);
      }
      // Each flush writes both batch series in one transaction: they end at the same step.
      const loss = found.histories.batch_loss;
      expect(found.histories.batch_accuracy.steps.at(-1)).toBe(loss.steps.at(-1));
      expect(loss.steps.length).toBeGreaterThan(100);
      const newest = Math.max(...loss.timestamps);
      const lostMs = lastProgressAt - newest;
      console.log(`crash: ${loss.steps.length} batch points kept; newest ${lostMs} ms before the last progress the page showed, ${killedAt - newest} ms before the kill`);
      expect(lostMs).toBeLessThanOrEqual(LOSS_TOLERANCE_MS);
      // No model: not a file of one, nor a version.
      expect(found.artifacts).toEqual([]);
      expect(found.versions).toBe(0);
    } finally {
      await context.close();
    }
  } finally {
    if (proc?.pid) process.kill(-proc.pid, 'SIGKILL');
    rmSync(profile, { recursive: true, force: true });
  }
});
