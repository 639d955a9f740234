/**
 * Suite `ui`: the app's own views under load, measured on the real components mounted in the bench page.
 * Table figures (10,000 runs: open, filter + sort, scroll) come from ./ui-table.ts; chart figures are added beside
 * them by their own module. Figures and targets are described in docs/benchmarks.md.
 */
import type { Suite } from '../measure';
import { tableFigures } from './ui-table';

const suite: Suite = {
  async run(ctx) {
    const table = await tableFigures(ctx);
    return { results: [...table.results], targets: [...table.targets] };
  },
};

export default suite;
