/**
 * Performance sanity check (no timing assertion; the machine is shared): 10,000 runs with 20 params,
 * 10 metrics and 5 tags each, a 3-clause filter and an order_by. The budget is well under 30 ms.
 */
import { describe, expect, it } from 'vitest';
import type { RunRow } from '../../storage/rows';
import { searchRunRows } from './index';

function makeRows(n: number): RunRow[] {
  const rows: RunRow[] = [];
  for (let i = 0; i < n; i++) {
    const params = new Map<string, string>();
    for (let p = 0; p < 20; p++) params.set(`p${p}`, String((i * 7 + p) % 13));
    params.set('p0', ['adam', 'sgd', 'rmsprop'][i % 3]);
    const metrics = new Map<string, RunRow['metrics'] extends Map<string, infer V> ? V : never>();
    for (let m = 0; m < 10; m++) {
      const value = i % 97 === 0 ? NaN : ((i * 31 + m * 17) % 1000) / 1000;
      metrics.set(`m${m}`, { value, timestamp: i, step: 0, min: value, max: value, count: 1 });
    }
    const tags = new Map<string, string>();
    for (let t = 0; t < 5; t++) tags.set(`t${t}`, `team-${(i + t) % 5}`);
    rows.push({
      runId: i.toString(16).padStart(32, '0'), experimentId: '0', runName: `run-${i}`, userId: 'u',
      status: i % 10 === 0 ? 'FAILED' : 'FINISHED', startTime: 1_700_000_000_000 + (i % 500), endTime: null,
      artifactUri: '', lifecycleStage: 'active', deletedTime: null, params, metrics, tags, datasetInputs: [],
    });
  }
  return rows;
}

describe('performance', () => {
  it('searches 10,000 runs with a 3-clause filter and an order_by', () => {
    const rows = makeRows(10_000);
    const opts = {
      filter: "metrics.m3 > 0.25 AND params.p0 LIKE 'a%' AND tags.t1 != 'team-2'",
      orderBy: ['metrics.m1 DESC', 'params.p5'],
      maxResults: 100,
    };
    searchRunRows(rows, opts); // warm-up (JIT)
    const t0 = performance.now();
    const page = searchRunRows(rows, opts);
    const ms = performance.now() - t0;
    console.log(`searchRunRows over 10k rows: ${ms.toFixed(1)} ms`);
    expect(page.rows).toHaveLength(100);
    const m1 = page.rows.map((r) => r.metrics.get('m1')!.value);
    expect(m1).toEqual([...m1].sort((a, b) => b - a));
  });
});
