/**
 * Suite `ui`: the app's own views, measured on the real components mounted in the bench page.
 * Table figures (10,000 runs: open, filter + sort, scroll) come from ./ui-table.ts; chart figures (first paint of
 * 100 × 10k and 1 × 1M series, long tasks while a run logs) from ./ui-charts.ts. See docs/benchmarks.md.
 */
import type { Suite } from '../measure';
import { chartBenches } from './ui-charts';
import { tableFigures } from './ui-table';

const suite: Suite = {
  async run(ctx) {
    const table = await tableFigures(ctx);
    const charts = await chartBenches(ctx);
    return { results: [...table.results, ...charts.results], targets: [...table.targets, ...(charts.targets ?? [])] };
  },
};

export default suite;
