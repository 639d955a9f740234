/**
 * Suite `ui`: the tracking UI in a real browser, the real app mounted in the bench page. Chart figures come from
 * ./ui-charts.ts, runs-table figures (table.*, longtask.table_scroll_max_ms) from ./ui-table.ts. Each part opens the
 * app's default database and deletes it at its end, so they run one after the other. Figures and targets are
 * described in docs/benchmarks.md.
 */
import type { Suite } from '../measure';
import { chartBenches } from './ui-charts';
import { tableFigures } from './ui-table';

const suite: Suite = {
  async run(ctx) {
    const charts = await chartBenches(ctx);
    const table = await tableFigures(ctx);
    return { results: [...charts.results, ...table.results], targets: [...charts.targets, ...table.targets] };
  },
};

export default suite;
