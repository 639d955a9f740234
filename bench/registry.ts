/**
 * Every benchmark suite, by the name `npm run bench -- <name>` takes. Adding one: write
 * `suites/<name>.bench.ts` with a default-exported `Suite`, and add a line here. The `.bench` suffix keeps
 * suite chunks out of the PWA precache (vite.config.ts `globIgnores`).
 */
import type { Suite } from './measure';

export const suites: Record<string, () => Promise<{ default: Suite }>> = {
  tracking: () => import('./suites/tracking.bench'),
  ui: () => import('./suites/ui.bench'),
  models: () => import('./suites/models.bench'),
  training: () => import('./suites/training.bench'),
};
