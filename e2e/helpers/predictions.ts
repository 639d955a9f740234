/** Predictions from Flowpad's serving page, and comparing them with Python MLflow's (the MLflow model journeys). */
import { expect, type Page } from '@playwright/test';

/**
 * Predicts `body` (MLflow's scoring JSON) on the serving page, through the tab's inference worker. The page is
 * loaded afresh, so the answer read is this request's, never an earlier one still on screen.
 */
export async function flowpadPredict(page: Page, uri: string, body: unknown): Promise<unknown> {
  await page.goto('about:blank');
  await page.goto(`/#/serve?uri=${encodeURIComponent(uri)}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Serve', { timeout: 30_000 });
  await page.getByRole('tab', { name: 'JSON' }).first().click();
  await page.getByLabel('Request body (JSON)').fill(JSON.stringify(body));
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Response' }).getByText(/^200 · /)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'JSON', exact: true }).last().click();
  const text = await page.getByLabel('Predictions JSON').textContent();
  return (JSON.parse(text!) as { predictions: unknown }).predictions;
}

/** The value with every number replaced by 0: two payloads of the same shape, keys and labels map to equal skeletons. */
export function skeleton(value: unknown): unknown {
  if (typeof value === 'number') return 0;
  if (Array.isArray(value)) return value.map(skeleton);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, skeleton(v)]));
  return value;
}

/** Every number in a JSON value, depth-first, object keys sorted. */
export function flatNumbers(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(flatNumbers);
  if (value && typeof value === 'object') return Object.keys(value).sort().flatMap((k) => flatNumbers((value as Record<string, unknown>)[k]));
  return [];
}

/**
 * Checks `ours` and `theirs` have the same structure (keys, lengths, strings such as labels) and returns the
 * largest absolute difference between their numbers, with how many numbers were compared.
 */
export function comparePredictions(ours: unknown, theirs: unknown): { maxDiff: number; count: number } {
  expect(skeleton(ours), 'same structure, keys and labels as MLflow').toEqual(skeleton(theirs));
  const a = flatNumbers(ours);
  const b = flatNumbers(theirs);
  let maxDiff = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    expect(Number.isNaN(d), `value ${i}: ${a[i]} vs ${b[i]}`).toBe(false);
    maxDiff = Math.max(maxDiff, d);
  }
  return { maxDiff, count: a.length };
}
