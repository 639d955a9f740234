/** Helpers of the PWA, storage and multi-tab journeys: app start, service worker control, database dumps. */
import { expect, type Page } from '@playwright/test';
import { dumpDatabase } from '../../test/dump-database';

export { snap } from './data';

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

/**
 * Waits until the page is cross-origin isolated. On a host without COOP/COEP (GitHub Pages, the static server
 * here) the page reloads itself once when the service worker first takes control (src/ui/isolation.ts); after
 * this the app has started again in the isolated page.
 */
export async function isolated(page: Page): Promise<void> {
  await page.waitForFunction(() => self.crossOriginIsolated, null, { timeout: 60_000 });
  await appReady(page);
}

/**
 * For bad-input journeys: runs `act` (which must make the app refuse something) and checks the page's whole
 * database is identical before and after.
 */
export async function expectUnchanged(page: Page, act: () => Promise<void>): Promise<void> {
  const before = await dump(page);
  await act();
  expect(await dump(page)).toBe(before);
}
