import { describe, expect, it } from 'vitest';
import { makeStore } from './stores';

describe('dumpDatabase', () => {
  it('is deterministic and sees every kind of change', async () => {
    const s = await makeStore();
    const chunk = { runId: 'r', key: 'm', chunk: 0, n: 2, minStep: 0, maxStep: 1, steps: Float64Array.of(0, 1), timestamps: Float64Array.of(0, 0), values: Float64Array.of(0, 1) };
    await s.db.metricChunks.put(chunk);
    await s.db.artifacts.put({ runId: 'r', path: 'a', data: new Blob(['abc']), size: 3, contentType: 'text/plain', modified: 0 });
    const first = await s.dump();
    expect(await s.dump()).toBe(first);
    expect(JSON.parse(first).stores.map((x: { name: string }) => x.name)).toEqual(['artifacts', 'experiments', 'meta', 'metricChunks', 'modelVersionFiles', 'modelVersions', 'registeredModels', 'runs']);
    const changes: (() => Promise<unknown>)[] = [
      () => s.db.metricChunks.put({ ...chunk, values: Float64Array.of(0, 1.0000000000000002) }),
      () => s.db.metricChunks.put({ ...chunk, values: Float64Array.of(-0, 1) }),
      () => s.db.artifacts.put({ runId: 'r', path: 'a', data: new Blob(['abd']), size: 3, contentType: 'text/plain', modified: 0 }),
      () => s.db.experiments.update('0', { tags: new Map([['b', '2'], ['a', '1']]) }),
      () => s.db.experiments.update('0', { tags: new Map([['a', '1'], ['b', '2']]) }),
      () => s.db.meta.put({ key: 'x', value: undefined }),
      () => s.db.meta.put({ key: 'x', value: null }),
    ];
    const seen = new Set([first]);
    for (const change of changes) {
      await change();
      const d = await s.dump();
      expect(seen.has(d)).toBe(false);
      seen.add(d);
    }
    await s.close();
  });
});
