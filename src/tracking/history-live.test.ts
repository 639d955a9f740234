// Live queries need the global IndexedDB (Dexie reads it at load), as in a browser.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { observe } from '../storage/observe';
import { openTracking } from './client';

describe('metric reads in a live query', () => {
  it('re-run when another client (a tab, the training worker) writes points', async () => {
    const reader = openTracking({ dbName: 'live-history' });
    const writer = openTracking({ dbName: 'live-history', flushIntervalMs: 5 });
    const { info } = await writer.createRun('0');
    const seen: number[] = [];
    const sub = observe(() => reader.getMetricSeries(info.runId, 'loss')).subscribe({ next: (s) => void seen.push(s.values.length) });
    try {
      for (let step = 0; step < 3; step++) {
        await writer.logMetric(info.runId, 'loss', 1 / (step + 1), { step });
        await writer.flush();
        await new Promise((r) => setTimeout(r, 30));
      }
      expect(seen.at(-1)).toBe(3);
      expect(seen).toEqual(expect.arrayContaining([1, 2, 3]));
    } finally {
      sub.unsubscribe();
    }
  });
});
