import { defineConfig } from 'vitest/config';

// Interop tests against the real Python MLflow (.venv from scripts/setup-python.sh): `npm run test:mlflow`.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/mlflow/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Two cores: Python processes already run in parallel inside each file.
    fileParallelism: false,
  },
});
