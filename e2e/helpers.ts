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

/** The header labels drawn now, by aria-colindex (the table draws only the columns in view). */
async function drawnHeaders(page: Page): Promise<Map<number, string>> {
  const headers = await runsTable(page).getByRole('columnheader').evaluateAll((els) =>
    els.map((el) => [Number(el.getAttribute('aria-colindex')), (el.textContent ?? '').replace(/[↑↓]/g, '').trim()] as const),
  );
  return new Map(headers);
}

/** Scrolls the table horizontally to `left` px and waits a frame for the columns in view to be drawn. */
async function scrollGridTo(page: Page, left: number): Promise<{ left: number; max: number }> {
  return page.locator('.runs-grid').evaluate(async (grid, x) => {
    grid.scrollLeft = x;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return { left: grid.scrollLeft, max: grid.scrollWidth - grid.clientWidth };
  }, left);
}

/** Every column label in order (the checkbox column is ''), scrolling the table sideways to see them all. */
export async function columnLabels(page: Page): Promise<string[]> {
  const all = new Map<number, string>();
  for (let left = 0; ; left += 600) {
    const pos = await scrollGridTo(page, left);
    for (const [i, label] of await drawnHeaders(page)) all.set(i, label);
    if (pos.left >= pos.max) break;
  }
  await scrollGridTo(page, 0);
  return [...all].sort((a, b) => a[0] - b[0]).map(([, label]) => label);
}

/** Run `name`'s cell in the column labelled `column`, scrolled into view. */
export async function cell(page: Page, name: string, column: string): Promise<Locator> {
  for (let left = 0; ; left += 600) {
    const pos = await scrollGridTo(page, left);
    const found = [...(await drawnHeaders(page))].find(([, label]) => label === column);
    if (found) return runRow(page, name).locator(`[role="cell"][aria-colindex="${found[0]}"]`);
    expect(pos.left < pos.max, `column ${column} not found`).toBe(true);
  }
}

/** Run names in table order (only the rows the virtualizer has drawn). */
export async function visibleRunNames(page: Page): Promise<string[]> {
  return runsTable(page).locator('[data-run-id] .run-link').allTextContents();
}
