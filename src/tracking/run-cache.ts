/**
 * An in-memory copy of the run rows of the experiments searched so far, kept fresh by Dexie's change events
 * (this and every other tab or worker), so repeated searches over 10,000 runs don't re-read 10,000 rows.
 * IndexedDB stays the source of truth: a changed run is re-read on the next search; a change another context
 * committed is seen once its broadcast arrives (like any live query).
 */
import { onTableMutated, type FlowpadDB, type RunRow } from '../storage';

export class RunCache {
  private readonly rows = new Map<string, RunRow>();
  /** Experiments whose full run list is loaded, with their run ids. */
  private readonly members = new Map<string, Set<string>>();
  private stale = new Set<string>();
  private allStale = false;
  private readonly stop: () => void;

  constructor(private readonly db: FlowpadDB) {
    this.stop = onTableMutated(db, 'runs', (keys) => {
      if (keys === 'all') this.allStale = true;
      else for (const k of keys) this.stale.add(k);
    });
  }

  /** Cache updates run one at a time (see rowsOf). */
  private queue: Promise<void> = Promise.resolve();

  /**
   * Current rows of the given experiments in the given lifecycle stages.
   * Concurrent calls (a live query re-run while the last run is still reading) update the cache one after the
   * other: otherwise a second call could find the stale set already taken by the first, whose re-read is still in
   * flight, and answer with the old row — and as nothing changes after that, a live query would keep it.
   */
  async rowsOf(experimentIds: readonly string[], stages: readonly string[]): Promise<RunRow[]> {
    const turn = this.queue.then(() => this.update(experimentIds));
    this.queue = turn.catch(() => undefined);
    await turn;
    const out: RunRow[] = [];
    for (const e of new Set(experimentIds)) {
      for (const id of this.members.get(e)!) {
        const r = this.rows.get(id)!;
        if (stages.includes(r.lifecycleStage)) out.push(r);
      }
    }
    return out;
  }

  /** Drops what changed, re-reads it, and loads experiments not loaded yet. */
  private async update(experimentIds: readonly string[]): Promise<void> {
    if (this.allStale) {
      this.allStale = false;
      this.stale.clear();
      this.rows.clear();
      this.members.clear();
    }
    await this.refreshStale();
    const missing = experimentIds.filter((e) => !this.members.has(e));
    if (missing.length > 0) {
      // One experiment (the common case) is a single getAll; anyOf walks a cursor, several times slower for 10,000 rows.
      const loaded = missing.length === 1
        ? await this.db.runs.where('experimentId').equals(missing[0]).toArray()
        : await this.db.runs.where('experimentId').anyOf(missing).toArray();
      for (const e of missing) this.members.set(e, new Set());
      for (const r of loaded) this.put(r);
    }
  }

  close(): void {
    this.stop();
  }

  private async refreshStale(): Promise<void> {
    if (this.stale.size === 0) return;
    const ids = [...this.stale];
    this.stale = new Set();
    const fresh = await this.db.runs.bulkGet(ids);
    ids.forEach((id, i) => {
      const old = this.rows.get(id);
      if (old) this.members.get(old.experimentId)?.delete(id);
      this.rows.delete(id);
      const row = fresh[i];
      if (row) this.put(row);
    });
  }

  private put(r: RunRow): void {
    const m = this.members.get(r.experimentId);
    if (!m) return; // experiment not loaded: nothing to keep
    m.add(r.runId);
    this.rows.set(r.runId, r);
  }
}
