// Test data for the run-page and compare journeys, created in the page through `window.flowpad.client`
// (the power-user handle src/ui/client.ts exposes), i.e. through MLflow's client API like a user script.
import type { Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

/** Saves a 1280×800 screenshot to e2e/screenshots/ (gitignored). */
export async function snap(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: fileURLToPath(new URL(`../screenshots/${name}.png`, import.meta.url)), fullPage });
}

/** Waits until the app has booted and exposed its client. */
export async function ready(page: Page): Promise<void> {
  await page.goto('/');
  await page.waitForFunction(() => 'flowpad' in window && !!window.flowpad.client);
}

export interface SweepRun {
  runId: string;
  name: string;
}

/**
 * Creates experiment `name` with `n` finished runs of a learning-rate × batch-size sweep: params lr, batch_size,
 * optimizer; metrics loss and accuracy over `steps` steps (loss decays faster with larger lr) and a final val_loss.
 */
export async function createSweep(page: Page, name: string, n: number, steps = 200): Promise<{ experimentId: string; runs: SweepRun[] }> {
  return page.evaluate(
    async ({ name, n, steps }) => {
      const c = window.flowpad.client;
      const experimentId = await c.createExperiment(name);
      const runs: { runId: string; name: string }[] = [];
      const t0 = Date.now() - 3_600_000;
      for (let r = 0; r < n; r++) {
        const lr = [0.001, 0.003, 0.01, 0.03, 0.1][r % 5];
        const bs = [16, 32, 64, 128][Math.floor(r / 2) % 4];
        const run = await c.createRun(experimentId, { runName: `lr-${lr}-bs-${bs}-${r}`, startTime: t0 + r * 60_000 });
        const id = run.info.runId;
        await c.logBatch(id, {
          params: [
            { key: 'lr', value: String(lr) },
            { key: 'batch_size', value: String(bs) },
            { key: 'optimizer', value: r % 3 === 0 ? 'sgd' : 'adam' },
            { key: 'epochs', value: '10' },
          ],
          tags: [{ key: 'team', value: 'vision' }],
        });
        const metrics = [];
        for (let s = 0; s < steps; s++) {
          const noise = Math.sin(s * 12.9898 + r * 78.233) * 0.05;
          const loss = 2.3 * Math.exp((-s * lr * 30) / steps) + 0.1 + noise + bs / 2000;
          const ts = t0 + r * 60_000 + s * 1000;
          metrics.push({ key: 'loss', value: loss, step: s, timestamp: ts });
          metrics.push({ key: 'accuracy', value: 1 - loss / 2.5, step: s, timestamp: ts });
          if (metrics.length >= 1000) await c.logBatch(id, { metrics: metrics.splice(0) });
        }
        metrics.push({ key: 'val_loss', value: 0.2 + Math.abs(Math.log10(lr) + 2) * 0.3 + bs / 1000, step: 0, timestamp: t0 });
        await c.logBatch(id, { metrics });
        await c.setTerminated(id, 'FINISHED', t0 + r * 60_000 + steps * 1000);
        runs.push({ runId: id, name: `lr-${lr}-bs-${bs}-${r}` });
      }
      await c.flush();
      return { experimentId, runs };
    },
    { name, n, steps },
  );
}
