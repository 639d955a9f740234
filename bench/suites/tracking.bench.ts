/**
 * Suite `tracking`: metric ingest (client vs. two Dexie reference layouts), reading a 1M-point history,
 * and searchRuns over 10,000 runs. Figures and targets are described in docs/benchmarks.md.
 */
import Dexie from 'dexie';
import type { BenchResult, Suite, TargetCheck } from '../measure';
import { rawChunks, rowPerPoint, type SeriesShape } from './tracking-baselines';
import { history, ingestApi, ingestLive, open } from './tracking-client';
import { SEARCH_FILTER, searchRuns } from './tracking-search';

/** 1,000,000 points: 10 runs × 10 keys × 10,000 steps. */
const INGEST: SeriesShape = { runs: 10, keys: 10, steps: 10_000 };
/** 200,000 points: the row-per-point layout is ~100× slower, so a fifth of the points keeps the run short. */
const ROW_PER_POINT: SeriesShape = { runs: 2, keys: 10, steps: 10_000 };
const LIVE = { keys: 10, steps: 10_000 };
const HISTORY_POINTS = 1_000_000;
const SEARCH_RUNS = 10_000;

const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');

const suite: Suite = {
  async run(ctx) {
    const results: BenchResult[] = [];
    const add = (name: string, value: number, unit: string) => void results.push({ name, value, unit });
    const dbs = { client: `${ctx.dbPrefix}client`, history: `${ctx.dbPrefix}history`, search: `${ctx.dbPrefix}search` };
    try {
      const raw = await rawChunks(ctx, INGEST);
      const rows = await rowPerPoint(ctx, ROW_PER_POINT);

      const client = open(dbs.client);
      let api, live;
      try {
        api = await ingestApi(ctx, client, dbs.client, INGEST);
        live = await ingestLive(ctx, client, dbs.client, LIVE.keys, LIVE.steps);
      } finally {
        await client.close();
      }
      add('ingest.api_points_per_s', api.pointsPerS, 'points/s');
      add('ingest.live_points_per_s', live, 'points/s');
      add('ingest.row_per_point_points_per_s', rows.pointsPerS, 'points/s');
      add('ingest.raw_chunks_points_per_s', raw.pointsPerS, 'points/s');
      add('ingest.api_vs_row_per_point', api.pointsPerS / rows.pointsPerS, '×');
      add('ingest.api_vs_raw_chunks', api.pointsPerS / raw.pointsPerS, '×');

      const h = await history(ctx, dbs.history, HISTORY_POINTS);
      add('history.read_1m_ms', h.readMs, 'ms');
      add('history.read_1m_first_ms', h.firstReadMs, 'ms');
      add('history.read_1m_points_per_s', (HISTORY_POINTS * 1000) / h.readMs, 'points/s');
      add('history.series_1m_ms', h.seriesMs, 'ms');
      add('ingest.single_series_points_per_s', h.ingestPointsPerS, 'points/s');

      const s = await searchRuns(ctx, dbs.search, SEARCH_RUNS);
      add('search.10k_runs_ms', s.medianMs, 'ms');
      add('search.10k_runs_first_ms', s.firstMs, 'ms');
      add('search.10k_runs_load_rows_ms', s.loadRowsMs, 'ms');
      add('search.10k_runs_matches', s.matches, 'runs');
      add('search.setup_runs_per_s', s.setupRunsPerS, 'runs/s');

      add('storage.api_bytes_per_point', api.bytesPerPoint, 'B');
      add('storage.api_payload_bytes_per_point', api.payloadBytesPerPoint, 'B');
      add('storage.raw_chunks_bytes_per_point', raw.bytesPerPoint, 'B');
      add('storage.row_per_point_bytes_per_point', rows.bytesPerPoint, 'B');

      const targets: TargetCheck[] = [
        {
          name: 'ingest.api_points_per_s',
          target: `≥ 1,000,000 points/s and ≥ 100× row_per_point (${fmt(100 * rows.pointsPerS)}) and ≥ 0.3× raw_chunks (${fmt(0.3 * raw.pointsPerS)})`,
          pass: api.pointsPerS >= 1e6 && api.pointsPerS >= 100 * rows.pointsPerS && api.pointsPerS >= 0.3 * raw.pointsPerS,
        },
        { name: 'ingest.live_points_per_s', target: '≥ 20,000 points/s', pass: live >= 20_000 },
        { name: 'history.read_1m_ms', target: '≤ 200 ms', pass: h.readMs <= 200 },
        { name: 'search.10k_runs_ms', target: `≤ 100 ms (filter: ${SEARCH_FILTER})`, pass: s.medianMs <= 100 },
      ];
      return { results, targets };
    } finally {
      for (const name of Object.values(dbs)) await Dexie.delete(name);
    }
  },
};

export default suite;
