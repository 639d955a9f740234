// Schema upgrade in the browser: a database written by Flowpad's schema version 1 (test/fixtures/flowpad-v1, made by
// that version's code) is put in this origin's IndexedDB before the app ever runs; today's app opens it (upgrading
// it to the current version) and shows every experiment, run, metric history and registered model it held.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { loadDatabase, type DatabaseFixture } from '../test/fixture-json';
import { MODEL, PARAMS, SERIES } from '../test/fixtures/flowpad-v1/content';
import { appReady, dump, snap } from './helpers/app';

const FIXTURE = JSON.parse(readFileSync(new URL('../test/fixtures/flowpad-v1/database.json', import.meta.url), 'utf8')) as DatabaseFixture;

test('a database made by schema version 1 opens in today\'s app with everything in it', async ({ page }) => {
  // A static file of the origin: the app's code has not run, so nothing has opened or created the database yet.
  await page.goto('/icon.svg');
  // (typed loosely: Playwright's serializable-argument type recursing into the fixture's JSON type is too deep for tsc)
  const load = loadDatabase as unknown as (fixture: object) => Promise<void>;
  await page.evaluate(load, { ...FIXTURE, name: 'flowpad' } as object);
  expect(JSON.parse(await dump(page)).version).toBe(10);

  await page.goto('/#/');
  await appReady(page);
  const experiments = page.getByRole('table', { name: 'Experiments' });
  await expect(experiments.getByRole('link', { name: 'fixture experiment' })).toBeVisible();
  await experiments.getByRole('link', { name: 'fixture experiment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'fixture experiment' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'parent' }).first()).toBeVisible();
  await snap(page, 'upgrade-v1-runs');

  // Every history reads back whole through the app's client (the charts read the same columns).
  const read = await page.evaluate(async (keys) => {
    const c = window.flowpad.client;
    const exp = (await c.getExperimentByName('fixture experiment'))!;
    const parent = (await c.searchRuns([exp.experimentId], { filter: "attributes.run_name = 'parent'" })).items[0];
    const out: Record<string, { steps: number[]; values: string[] }> = {};
    for (const k of keys) {
      const h = await c.getMetricHistory(parent.info.runId, k);
      out[k] = { steps: h.map((m) => m.step), values: h.map((m) => (Object.is(m.value, -0) ? '-0' : String(m.value))) };
    }
    return { runId: parent.info.runId, experimentId: exp.experimentId, params: parent.data.params, out };
  }, SERIES.map((s) => s.key));
  for (const s of SERIES) {
    expect(read.out[s.key].steps).toEqual(s.steps);
    expect(read.out[s.key].values).toEqual(s.values.map((v) => (Object.is(v, -0) ? '-0' : String(v))));
  }
  expect(Object.fromEntries(read.params.map((p) => [p.key, p.value]))).toEqual(PARAMS);

  await page.goto(`/#/experiments/${read.experimentId}/runs/${read.runId}/metrics`);
  const loss = page.getByRole('figure', { name: 'Chart of loss' });
  await expect(loss.locator('[data-points]')).toHaveAttribute('data-points', String(SERIES[0].steps.length));
  await snap(page, 'upgrade-v1-metrics');

  await page.goto(`/#/models/${encodeURIComponent(MODEL.name)}`);
  const versions = page.getByRole('table', { name: `Versions of ${MODEL.name}` });
  await expect(versions.getByRole('row', { name: /Version 1\b/ })).toContainText('Production');
  await expect(versions.getByRole('row', { name: /Version 2\b/ })).toContainText(`@${MODEL.alias}`);
  await snap(page, 'upgrade-v1-model');

  expect(JSON.parse(await dump(page)).version).toBe(20);
});
