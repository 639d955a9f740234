/** Shared helpers of the Playwright journeys. */
import { expect, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { dumpDatabase } from '../test/dump-database';

/** Saves a 1280×800 screenshot to e2e/screenshots/ (gitignored) for a look at each screen. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url)) });
}

/** The page's whole Flowpad database as deterministic text (see test/dump-database.ts). */
export function dump(page: Page, dbName = 'flowpad'): Promise<string> {
  return page.evaluate(dumpDatabase, dbName);
}

/** Waits until the app has started and `window.flowpad.client` is there. */
export async function appReady(page: Page): Promise<void> {
  await expect(page.getByRole('link', { name: 'Flowpad home' })).toBeVisible();
  await page.waitForFunction(() => !!window.flowpad?.client);
}

/** Waits until a service worker controls the page (the first visit's install has finished and claimed it). */
export async function swControls(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
}
