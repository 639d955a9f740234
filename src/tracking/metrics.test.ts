import { describe, expect, it } from 'vitest';
import { CHUNK_POINTS } from '../storage';
import { errorOf, makeClient, makeTwoClients } from '../../test/helpers';

describe('metrics', () => {
  it('logMetric is visible at once to the same client and durable after flush to another', async () => {
    const [c1, c2] = makeTwoClients({ flushIntervalMs: 60_000 });
    const { info } = await c1.createRun('0');
    await c1.logMetric(info.runId, 'loss', 0.5, { step: 1, timestamp: 10 });
    expect((await c1.getRun(info.runId)).data.metrics).toEqual([{ key: 'loss', value: 0.5, timestamp: 10, step: 1 }]);
    expect((await c2.getRun(info.runId)).data.metrics).toEqual([]);
    await c1.flush();
    expect((await c2.getRun(info.runId)).data.metrics).toEqual([{ key: 'loss', value: 0.5, timestamp: 10, step: 1 }]);
  });

  it('flushes by itself within the interval', async () => {
    const [c1, c2] = makeTwoClients({ flushIntervalMs: 20 });
    const { info } = await c1.createRun('0');
    await c1.logMetric(info.runId, 'x', 1);
    await new Promise((r) => setTimeout(r, 150));
    expect((await c2.getMetricHistory(info.runId, 'x')).length).toBe(1);
  });

  it('keeps flushing by itself while points keep coming, also when a timer fires during a flush', async () => {
    const [c1, c2] = makeTwoClients({ flushIntervalMs: 1 });
    const { info } = await c1.createRun('0');
    for (let step = 0; step < 40; step++) {
      await c1.logMetric(info.runId, 'x', step, { step });
      await new Promise((r) => setTimeout(r, 3)); // timers fire while earlier flushes are still in flight
    }
    await new Promise((r) => setTimeout(r, 200));
    expect((await c2.getMetricHistory(info.runId, 'x')).length).toBe(40);
  });

  it('latest value is the max by (step, timestamp, value), not the last logged', async () => {
    const c = makeClient();
    const { info } = await c.createRun('0');
    const id = info.runId;
    await c.logMetric(id, 'm', 5, { step: 3, timestamp: 100 });
    await c.logMetric(id, 'm', 9, { step: 1, timestamp: 500 }); // earlier step: not latest
    await c.logMetric(id, 'm', 2, { step: 3, timestamp: 100 }); // tie on step and time, smaller value
    await c.logMetric(id, 'm', 7, { step: 3, timestamp: 100 }); // tie, larger value wins
    await c.flush();
    expect((await c.getRun(id)).data.metrics).toEqual([{ key: 'm', value: 7, timestamp: 100, step: 3 }]);
    await c.logMetric(id, 'm', 1, { step: 3, timestamp: 101 }); // later timestamp wins
    expect((await c.getRun(id)).data.metrics[0].value).toBe(1);
  });

  it('accepts NaN and ±Infinity; history keeps logging order including duplicates', async () => {
    const c = makeClient();
    const { info } = await c.createRun('0');
    const pts = [NaN, Infinity, -Infinity, 1, 1];
    for (let i = 0; i < pts.length; i++) await c.logMetric(info.runId, 'v', pts[i], { step: i % 2, timestamp: 7 });
    await c.flush();
    const h = await c.getMetricHistory(info.runId, 'v');
    expect(h.map((m) => m.value)).toEqual(pts);
    expect(h.map((m) => m.step)).toEqual([0, 1, 0, 1, 0]);
    expect(await c.getMetricHistory(info.runId, 'never-logged')).toEqual([]);
  });

  it('rejects bad metric values, timestamps, steps and names with INVALID_PARAMETER_VALUE', async () => {
    const c = makeClient();
    const { info } = await c.createRun('0');
    for (const [v, o] of [['1', {}], [true, {}], [1, { timestamp: -1 }], [1, { step: 1.5 }]] as const) {
      expect((await errorOf(c.logMetric(info.runId, 'm', v as unknown as number, o))).code).toBe('INVALID_PARAMETER_VALUE');
    }
    for (const key of ['', '../m', '/m', 'a//b', 'a/./b', 'bad*char', 'k'.repeat(251)]) {
      expect((await errorOf(c.logMetric(info.runId, key, 1))).code, key).toBe('INVALID_PARAMETER_VALUE');
    }
    expect((await errorOf(c.logMetric('no-such-run', 'm', 1))).code).toBe('RESOURCE_DOES_NOT_EXIST');
  });

  it('stores long histories in dense chunks across flushes, in order', async () => {
    const c = makeClient({ maxPendingPoints: 1000 });
    const { info } = await c.createRun('0');
    const total = CHUNK_POINTS * 2 + 123;
    for (let s = 0; s < total; s += 500) {
      const metrics = [];
      for (let i = s; i < Math.min(total, s + 500); i++) metrics.push({ key: 'loss', value: i * 0.5, timestamp: 1000 + i, step: i });
      await c.logBatch(info.runId, { metrics });
      if (s % 1500 === 0) await c.flush(); // vary flush boundaries so the partial tail chunk is re-filled
    }
    await c.flush();
    const h = await c.getMetricHistory(info.runId, 'loss');
    expect(h.length).toBe(total);
    expect(h.every((m, i) => m.step === i && m.value === i * 0.5 && m.timestamp === 1000 + i)).toBe(true);
    const run = await c.getRun(info.runId);
    expect(run.data.metrics[0]).toEqual({ key: 'loss', value: (total - 1) * 0.5, timestamp: 1000 + total - 1, step: total - 1 });
  });

  it('two clients appending to the same series concurrently lose nothing', async () => {
    const [a, b] = makeTwoClients({ maxPendingPoints: 200 });
    const { info } = await a.createRun('0');
    const log = async (c: typeof a, base: number) => {
      for (let i = 0; i < 3000; i++) await c.logMetric(info.runId, 'm', base + i, { step: i });
      await c.flush();
    };
    await Promise.all([log(a, 0), log(b, 100_000)]);
    const h = await a.getMetricHistory(info.runId, 'm');
    expect(h.length).toBe(6000);
    const fromA = h.filter((m) => m.value < 100_000).map((m) => m.value);
    expect(fromA).toEqual(Array.from({ length: 3000 }, (_, i) => i)); // each writer's order kept
  });

  it('getMetricSeries returns columns, a step range, and min/max decimation that keeps peaks', async () => {
    const c = makeClient();
    const { info } = await c.createRun('0');
    const metrics = Array.from({ length: 1000 }, (_, i) => ({ key: 's', value: i === 777 ? 1e6 : Math.sin(i / 10), timestamp: i, step: i }));
    await c.logBatch(info.runId, { metrics });
    const all = await c.getMetricSeries(info.runId, 's');
    expect(all.steps.length).toBe(1000);
    expect(all.values).toBeInstanceOf(Float64Array);
    const ranged = await c.getMetricSeries(info.runId, 's', { minStep: 100, maxStep: 199 });
    expect([ranged.steps[0], ranged.steps.at(-1), ranged.totalPoints]).toEqual([100, 199, 100]);
    const dec = await c.getMetricSeries(info.runId, 's', { maxPoints: 100 });
    expect(dec.totalPoints).toBe(1000);
    expect(dec.steps.length).toBeLessThanOrEqual(100);
    expect(Math.max(...dec.values)).toBe(1e6);
    expect([...dec.steps]).toEqual([...dec.steps].sort((x, y) => x - y));
  });

  it('summaries keep min, max and count for the table', async () => {
    const c = makeClient();
    const { info } = await c.createRun('0');
    await c.logBatch(info.runId, { metrics: [3, NaN, -2, 8].map((value, step) => ({ key: 'm', value, timestamp: 1, step })) });
    await c.flush();
    const [c2] = [c];
    const page = await c2.searchRuns(['0'], { filter: 'metrics.m = 8' });
    expect(page.items).toHaveLength(1);
  });
});

describe('metric writer flushing', () => {
  it('bulk logging writes whole chunks once and keeps the remainder for the timed flush', async () => {
    const [c, other] = makeTwoClients({ maxPendingPoints: 5000, flushIntervalMs: 60_000 });
    const { info } = await c.createRun('0');
    for (let b = 0; b < 10; b++) {
      await c.logBatch(info.runId, { metrics: Array.from({ length: 1000 }, (_, i) => ({ key: 'k', value: b * 1000 + i, timestamp: 1, step: b * 1000 + i })) });
    }
    // Reads through the writing client always see every point exactly once, mid-flush included.
    expect((await c.getMetricHistory(info.runId, 'k')).length).toBe(10_000);
    expect((await c.getRun(info.runId)).data.metrics[0].value).toBe(9999);
    await new Promise((r) => setTimeout(r, 50));
    // Size-triggered flushes wrote only whole 4096-point chunks; the rest waits for the timer or flush().
    const stored = (await other.getMetricHistory(info.runId, 'k')).length;
    expect(stored % CHUNK_POINTS).toBe(0);
    expect(stored).toBeGreaterThan(0);
    await c.flush();
    const h = await other.getMetricHistory(info.runId, 'k');
    expect(h.map((m) => m.value)).toEqual(Array.from({ length: 10_000 }, (_, i) => i));
    const s = await other.getRun(info.runId);
    expect(s.data.metrics[0]).toMatchObject({ value: 9999, step: 9999 });
  });
});
