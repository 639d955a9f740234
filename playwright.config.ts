import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium.mjs';

// FLOWPAD_E2E_PORT lets two checkouts on one machine test at once.
const PORT = Number(process.env.FLOWPAD_E2E_PORT ?? 4173);

/** Journeys on the built PWA (`npm run test:e2e` builds first), in the system Chromium. */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  // The machines have 2 cores, shared: one browser at a time keeps timings honest.
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://localhost:${PORT}/`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: chromiumLaunchOptions(),
        viewport: { width: 1280, height: 800 },
      },
    },
  ],
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
