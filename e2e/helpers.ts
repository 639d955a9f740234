// Shared helpers for the journeys: screenshots, and seeding data through the app's own client (window.flowpad).
import { expect, type Locator, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

/** Saves a 1280×800 screenshot to e2e/screenshots/ (gitignored) for a look at each screen. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url)) });
}

export interface SeedRun {
  name: string;
  params?: Record<string, string>;
  metrics?: Record<string, number>;
  tags?: Record<string, string>;
  /** Name of an earlier run in the list: makes this one its child. */
  parent?: string;
  /** Default FINISHED; RUNNING leaves the run open. */
  status?: 'RUNNING' | 'FINISHED' | 'FAILED';
  /** Minutes before now the run started; default: list order, newest last. */
  startedMinutesAgo?: number;
}

/**
 * Logs runs through `window.flowpad.client` in the page, as a training script in the browser would, into the
 * experiment `experiment` (created if missing). Returns the experiment id and run ids by name.
 */
export async function seedRuns(page: Page, experiment: string, runs: SeedRun[]): Promise<{ experimentId: string; ids: Record<string, string> }> {
  await page.waitForFunction(() => !!window.flowpad);
  return page.evaluate(
    async ({ experiment, runs }) => {
      const c = window.flowpad!.client;
      const experimentId = (await c.getExperimentByName(experiment))?.experimentId ?? (await c.createExperiment(experiment));
      const ids: Record<string, string> = {};
      const now = Date.now();
      let i = 0;
      for (const r of runs) {
        const start = now - (r.startedMinutesAgo ?? runs.length - i) * 60_000;
        i++;
        const run = await c.createRun(experimentId, { runName: r.name, startTime: start, parentRunId: r.parent ? ids[r.parent] : undefined });
        const id = run.info.runId;
        ids[r.name] = id;
        await c.logBatch(id, {
          params: Object.entries(r.params ?? {}).map(([key, value]) => ({ key, value })),
          metrics: Object.entries(r.metrics ?? {}).map(([key, value]) => ({ key, value, timestamp: start + 1000, step: 0 })),
          tags: Object.entries(r.tags ?? {}).map(([key, value]) => ({ key, value })),
        });
        if ((r.status ?? 'FINISHED') !== 'RUNNING') await c.setTerminated(id, r.status ?? 'FINISHED', start + 90_000);
      }
      await c.flush();
      return { experimentId, ids };
    },
    { experiment, runs },
  );
}

export const runsTable = (page: Page): Locator => page.getByRole('table', { name: /^Runs of/ });

/** The row of the run named `name`. */
export const runRow = (page: Page, name: string): Locator =>
  runsTable(page).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

/** Column labels in order (the checkbox column is ''). */
export async function columnLabels(page: Page): Promise<string[]> {
  const texts = await runsTable(page).getByRole('columnheader').allTextContents();
  return texts.map((t) => t.replace(/[↑↓]/g, '').trim());
}

/** The text of run `name`'s cell in the column labelled `column`. */
export async function cell(page: Page, name: string, column: string): Promise<Locator> {
  const labels = await columnLabels(page);
  const index = labels.indexOf(column);
  expect(index, `column ${column} in ${labels.join(', ')}`).toBeGreaterThan(0);
  return runRow(page, name).getByRole('cell').nth(index);
}

/** Run names in table order (only the rows the virtualizer has drawn). */
export async function visibleRunNames(page: Page): Promise<string[]> {
  return runsTable(page).locator('[data-run-id] .run-link').allTextContents();
}
