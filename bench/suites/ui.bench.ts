/**
 * Suite `ui`: the tracking UI in a real browser. Chart figures come from ui-charts.ts; the runs-table figures
 * (table.*, longtask.table_scroll_max_ms) are added by the runs-table work in the same suite.
 */
import type { Suite } from '../measure';
import { chartBenches } from './ui-charts';

const suite: Suite = {
  async run(ctx) {
    return chartBenches(ctx);
  },
};

export default suite;
