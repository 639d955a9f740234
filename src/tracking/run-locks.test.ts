import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openTracking } from '.';
import type { LockManagerLike } from './run-locks';

/** Web Locks shared by several "contexts"; `kill` drops a context's locks as a browser does when a tab dies. */
class FakeLocks {
  readonly held = new Map<string, string>();
  manager(owner: string): LockManagerLike {
    return {
      request: async (name, cb) => {
        if (this.held.has(name)) throw new Error(`test lock ${name} already held`);
        this.held.set(name, owner);
        await cb();
        this.held.delete(name);
      },
      query: async () => ({ held: [...this.held.keys()].map((name) => ({ name })) }),
    };
  }
  kill(owner: string): void {
    for (const [name, o] of this.held) if (o === owner) this.held.delete(name);
  }
}

describe('runs abandoned by a dead tab', () => {
  it('are marked KILLED with a note on the next start; live, finished and imported runs are left alone', async () => {
    const factory = new IDBFactory();
    const locks = new FakeLocks();
    const open = (owner: string) => openTracking({ indexedDB: factory, IDBKeyRange, dbName: 'crash', locks: locks.manager(owner) });
    const tabA = open('A');
    const tabB = open('B');
    const dead = await tabA.createRun('0', { tags: { 'mlflow.note.content': 'my notes' } });
    const finished = await tabA.createRun('0');
    await tabA.setTerminated(finished.info.runId);
    const alive = await tabB.createRun('0');
    expect(locks.held.size).toBe(2); // the finished run released its lock

    locks.kill('A'); // tab A crashes
    const tabC = open('C');
    expect(await tabC.recoverAbandonedRuns()).toEqual([dead.info.runId]);
    const r = await tabC.getRun(dead.info.runId);
    expect(r.info.status).toBe('KILLED');
    expect(r.info.endTime).not.toBeNull();
    const note = r.data.tags.find((t) => t.key === 'mlflow.note.content')!.value;
    expect(note.startsWith('my notes\n\nFlowpad marked this run KILLED')).toBe(true);
    expect((await tabC.getRun(alive.info.runId)).info.status).toBe('RUNNING');
    expect((await tabC.getRun(finished.info.runId)).info.status).toBe('FINISHED');
    expect(await tabC.recoverAbandonedRuns()).toEqual([]);
  });

  it('without Web Locks (Node) nothing is tracked or recovered', async () => {
    const c = openTracking({ indexedDB: new IDBFactory(), IDBKeyRange, dbName: 'nolocks' });
    await c.createRun('0');
    expect(await c.recoverAbandonedRuns()).toEqual([]);
  });
});
