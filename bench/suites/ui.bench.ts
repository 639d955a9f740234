/**
 * Suite `ui`: the tracking UI in a real browser, the real app mounted in the bench page. Chart figures come from
 * ./ui-charts.ts, runs-table figures (table.*, longtask.table_scroll_max_ms) from ./ui-table.ts. Both use the app's one
 * client and default database: the table part runs first and removes its data; the chart part closes the client
 * and deletes the database at its end. Figures and targets are described in docs/benchmarks.md.
 */
import type { Suite } from '../measure';
import { chartBenches } from './ui-charts';
import { tableFigures } from './ui-table';

const suite: Suite = {
  async run(ctx) {
    const table = await tableFigures(ctx);
    const charts = await chartBenches(ctx);
    return { results: [...charts.results, ...table.results], targets: [...charts.targets, ...table.targets] };
  },
};

export default suite;
