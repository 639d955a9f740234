// Dexie's liveQuery runs only where a global indexedDB exists: install fake-indexeddb's before Dexie loads.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeTwoClients } from '../../test/helpers';
import { observe } from '../storage/observe';

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('searchRuns in a live query', () => {
  it('re-runs when a run changes here or in another client, although the cache answers without reading', async () => {
    const [writer, reader] = makeTwoClients();
    const a = await writer.createRun('0', { runName: 'a' });
    const seen: string[][] = [];
    const sub = observe(() => reader.searchRuns(['0'])).subscribe({ next: (p) => seen.push(p.items.map((r) => `${r.info.runName}:${r.data.params.length}`)), error: (e) => seen.push([`error: ${String(e)}`]) });
    const until = async (n: number) => {
      for (let i = 0; i < 100 && seen.length < n; i++) await tick();
    };
    await until(1);
    await reader.logParam(a.info.runId, 'lr', '0.1'); // this client
    await until(2);
    await writer.createRun('0', { runName: 'b', startTime: a.info.startTime + 1 }); // another client
    await until(3);
    sub.unsubscribe();
    expect(seen.slice(0, 3)).toEqual([['a:0'], ['a:1'], ['b:0', 'a:1']]);
  });
});
