// After the first visit the whole app works with the network off and the server gone (PLATFORM.md §9):
// the service worker serves the app shell, every route and deep link, and IndexedDB holds the data.
import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './helpers/static-server';
import { appReady, snap, swControls } from './helpers/app';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

test('works offline with the server stopped: reload, create an experiment, deep links', async ({ browser }) => {
  // Our own server (COOP/COEP like `vite preview`), so this test can stop it without stopping the others'.
  const server = await startStaticServer({ root: dist, crossOriginIsolated: true });
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    await appReady(page);
    await swControls(page);
    await expect(page.getByRole('status').filter({ hasText: 'ready to work offline' })).toBeVisible();

    await context.setOffline(true);
    await server.close();
    const served = server.requests.length;

    await page.reload();
    await appReady(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Experiments' })).toBeVisible();
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true); // the precache kept COOP/COEP

    await page.getByRole('button', { name: 'Create experiment' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Create experiment' });
    await dialog.getByLabel('Experiment name').fill('offline-exp');
    await dialog.getByLabel('Experiment name').press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'offline-exp' })).toBeVisible();
    const deepLink = page.url();
    expect(deepLink).toMatch(/#\/experiments\/1$/);

    // Deep links in a fresh tab, still offline: a hash route, the Storage page, and a path only the
    // navigation fallback knows.
    const tab = await context.newPage();
    await tab.goto(deepLink);
    await expect(tab.getByRole('heading', { level: 1, name: 'offline-exp' })).toBeVisible();
    await tab.goto(`${server.url}#/storage`);
    await expect(tab.getByRole('heading', { level: 1, name: 'Storage' })).toBeVisible();
    await expect(tab.getByRole('table', { name: 'Storage by experiment' }).getByRole('link', { name: 'offline-exp' })).toBeVisible();
    await snap(tab, 'offline-storage');
    await tab.goto(`${server.url}runs/abc`);
    await expect(tab.getByRole('link', { name: 'Flowpad home' })).toBeVisible();
    expect(server.requests.length).toBe(served); // nothing reached the (stopped) server
  } finally {
    await context.close();
    await server.close().catch(() => {});
  }
});
