import { defineConfig } from 'vitest/config';

// Separate from vite.config.ts on purpose: vite-plugin-solid would switch the test environment to jsdom.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['src/ui/**', 'node_modules/**', 'test/mlflow/**'],
    testTimeout: 30_000,
  },
});
