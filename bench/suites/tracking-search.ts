/**
 * searchRuns over one experiment of many runs, each with 20 params, 10 metrics and 5 tags logged through
 * the client. The expected page is computed from the generated data, so a wrong answer fails the suite.
 */
import type { RunId } from '../../src/core/ids';
import { openDb } from '../../src/storage';
import type { Metric, Param, RunTag } from '../../src/tracking/entities';
import { median, pause, rate, seeded, timed, type SuiteContext } from '../measure';
import { T0 } from './tracking-baselines';
import { open } from './tracking-client';

export const SEARCH_FILTER = "metrics.m1 > 0.5 AND params.p1 = 'a' AND tags.t1 LIKE 'x%'";
export const SEARCH_ORDER_BY = ['metrics.m2 DESC'];
/** MLflow's default page size for search_runs. */
export const SEARCH_PAGE = 1000;
/** Runs created at once; setup only, not timed as a figure that is judged. */
const CREATE_CONCURRENCY = 50;

interface RunData {
  params: Param[];
  metrics: Metric[];
  tags: RunTag[];
  matches: boolean;
  m2: number;
}

/** p1 ∈ {a,b,c,d}, m1 ∈ [0,1), t1 starts with x or y: about 1 run in 16 matches SEARCH_FILTER. */
function runData(rnd: () => number, i: number): RunData {
  const params: Param[] = Array.from({ length: 20 }, (_, p) => ({
    key: `p${p}`,
    value: p === 1 ? 'abcd'[Math.floor(rnd() * 4)] : `v${Math.floor(rnd() * 100)}`,
  }));
  const metrics: Metric[] = Array.from({ length: 10 }, (_, m) => ({ key: `m${m}`, value: rnd(), timestamp: T0 + i, step: 0 }));
  const tags: RunTag[] = Array.from({ length: 5 }, (_, t) => ({ key: `t${t}`, value: `${rnd() < 0.5 ? 'x' : 'y'}${i}-${t}` }));
  const matches = metrics[1].value > 0.5 && params[1].value === 'a' && tags[1].value.startsWith('x');
  return { params, metrics, tags, matches, m2: metrics[2].value };
}

export interface SearchFigures {
  firstMs: number;
  medianMs: number;
  /** Reading every run row of the experiment with Dexie alone: the floor for a search that scans rows. */
  loadRowsMs: number;
  matches: number;
  setupRunsPerS: number;
}

export async function searchRuns(ctx: SuiteContext, dbName: string, runs: number, warm = 5): Promise<SearchFigures> {
  const rnd = seeded(20261128);
  const expected: { runId: RunId; m2: number }[] = [];
  let experimentId: string;
  let setupMs: number;
  {
    const writer = open(dbName);
    experimentId = await writer.createExperiment('bench-search');
    const t = await timed(async () => {
      for (let i0 = 0; i0 < runs; i0 += CREATE_CONCURRENCY) {
        const group = Array.from({ length: Math.min(CREATE_CONCURRENCY, runs - i0) }, (_, j) => runData(rnd, i0 + j));
        await Promise.all(
          group.map(async (d, j) => {
            const run = await writer.createRun(experimentId, { runName: `search-${i0 + j}`, startTime: T0 + i0 + j });
            await writer.logBatch(run.info.runId, { params: d.params, metrics: d.metrics, tags: d.tags });
            if (d.matches) expected.push({ runId: run.info.runId, m2: d.m2 });
          }),
        );
      }
      await writer.flush();
    });
    setupMs = t.ms;
    await writer.close();
  }
  expected.sort((a, b) => b.m2 - a.m2);
  const want = expected.slice(0, SEARCH_PAGE).map((e) => e.runId);
  ctx.log(`search: ${runs} runs created in ${(setupMs / 1000).toFixed(1)} s; ${expected.length} match the filter`);

  const reader = open(dbName);
  try {
    const opts = { filter: SEARCH_FILTER, orderBy: SEARCH_ORDER_BY, maxResults: SEARCH_PAGE };
    const times: number[] = [];
    for (let i = 0; i <= warm; i++) {
      const t = await timed(() => reader.searchRuns([experimentId], opts));
      const got = t.value.items.map((r) => r.info.runId);
      if (got.length !== want.length || got.some((id, j) => id !== want[j]))
        throw new Error(`searchRuns returned ${got.length} runs, expected ${want.length} (or a different order)`);
      times.push(t.ms);
      await pause(50);
    }
    ctx.log(`search: ${times.map((x) => x.toFixed(1)).join(', ')} ms`);
    const loadRowsMs = await loadRows(dbName, experimentId, runs);
    return { firstMs: times[0], medianMs: median(times.slice(1)), loadRowsMs, matches: expected.length, setupRunsPerS: rate(runs, setupMs) };
  } finally {
    await reader.close();
  }
}

/** Median of 3 reads of the experiment's run rows, straight from IndexedDB. */
async function loadRows(dbName: string, experimentId: string, runs: number): Promise<number> {
  const db = openDb({ name: dbName });
  try {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = await timed(() => db.runs.where('experimentId').equals(experimentId).toArray());
      if (t.value.length !== runs) throw new Error(`read ${t.value.length} run rows, expected ${runs}`);
      times.push(t.ms);
    }
    return median(times);
  } finally {
    db.close();
  }
}
