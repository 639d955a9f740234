// GitHub Pages: the app built with FLOWPAD_BASE=/flowpad/ and served under /flowpad/ the way Pages serves it
// (no custom headers, 404 outside the site): hash routes, deep links, reload, the service worker's scope,
// installability, and the "new version available" prompt when a new build is deployed.
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startStaticServer, type StaticServer } from './helpers/static-server';
import { appReady, isolated, snap, swControls } from './helpers/app';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = fileURLToPath(new URL('../dist-pages/', import.meta.url));
let server: StaticServer;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  execFileSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: root, env: { ...process.env, FLOWPAD_BASE: '/flowpad/' }, stdio: 'inherit',
  });
  server = await startStaticServer({ root: out, prefix: '/flowpad/' });
});
test.afterAll(async () => server?.close());

test('runs under /flowpad/: deep link, reload, service worker scoped to the sub-path, installable', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const failed: string[] = [];
  page.on('response', (r) => r.status() >= 400 && failed.push(r.url()));

  await page.goto(server.url);
  await appReady(page);
  await swControls(page);
  await isolated(page); // Pages sends no COOP/COEP: our service worker adds them, after one reload
  const sw = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    return { scope: reg.scope, script: reg.active?.scriptURL };
  });
  expect(sw).toEqual({ scope: server.url, script: `${server.url}sw.js` });

  const id = await page.evaluate(() => window.flowpad.client.createExperiment('pages-exp'));
  await page.goto(`${server.url}#/experiments/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'pages-exp' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'pages-exp' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Storage' }).click();
  await expect(page).toHaveURL(`${server.url}#/storage`);
  await expect(page.getByRole('heading', { level: 1, name: 'Storage' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Storage' })).toBeVisible();

  // A fresh tab straight onto a deep link.
  const tab = await context.newPage();
  await tab.goto(`${server.url}#/experiments/${id}`);
  await expect(tab.getByRole('heading', { level: 1, name: 'pages-exp' })).toBeVisible();

  // Installable: Chromium's own checks (manifest fields, icons, service worker) find nothing missing.
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // Playwright's contexts are incognito, where Chromium never offers installation; nothing else may be missing.
  expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
  const manifest = await cdp.send('Page.getAppManifest');
  expect(manifest.url).toBe(`${server.url}manifest.webmanifest`);
  const m = JSON.parse(manifest.data ?? '{}') as { display: string; start_url: string; scope: string; icons: { src: string; sizes: string; purpose?: string }[] };
  expect(m).toMatchObject({ display: 'standalone', start_url: '.', scope: '.' });
  expect(m.icons.map((i) => `${i.sizes}${i.purpose === 'maskable' ? ' maskable' : ''}`)).toEqual(['192x192', '512x512', 'any', '512x512 maskable']);
  for (const icon of m.icons) expect((await page.request.get(`${server.url}${icon.src}`)).status()).toBe(200);
  expect(failed).toEqual([]);
  await context.close();
});

test('a new deployment shows "new version available"; Reload switches to it', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    await appReady(page);
    await swControls(page);
    await isolated(page);
    const first = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);

    // Deployment 2 arrives while the first visit's tab is still open; deployment 3 after a normal reload.
    for (const deployment of [2, 3]) {
      server.rewrite = (path, text) => (path === 'sw.js' ? `${text}\n// deployment ${deployment}\n` : undefined);
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      const prompt = page.getByRole('alert').filter({ hasText: 'A new version of Flowpad is available' });
      await expect(prompt).toBeVisible();
      if (deployment === 2) await snap(page, 'update-prompt');

      await page.evaluate(() => ((window as unknown as { beforeReload: boolean }).beforeReload = true));
      await prompt.getByRole('button', { name: 'Reload' }).click();
      await page.waitForFunction(() => !(window as unknown as { beforeReload?: boolean }).beforeReload);
      await appReady(page);
      const after = await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        return { waiting: !!reg?.waiting, controller: navigator.serviceWorker.controller?.scriptURL };
      });
      expect(after).toEqual({ waiting: false, controller: first });
      await expect(page.getByText('A new version of Flowpad is available')).toHaveCount(0);
    }
  } finally {
    server.rewrite = undefined;
    await context.close();
  }
});
