/**
 * Crash safety for RUNNING runs. The tab or worker that creates a run holds a Web Lock named after it until the
 * run ends; the browser releases the lock when that context dies (tab closed, crash, worker terminated). On the
 * next start, `recoverAbandonedRuns` marks every RUNNING run whose lock is free as KILLED, with a note saying why.
 * Where the Web Locks API is missing (Node), runs are not tracked and nothing is recovered.
 */
import { nowMs } from '../core/time';
import type { TrackingContext } from './context';

/** The subset of `navigator.locks` used here (injectable for tests). */
export interface LockManagerLike {
  request(name: string, cb: () => Promise<void>): Promise<unknown>;
  query(): Promise<{ held?: { name?: string }[] }>;
}

export const NOTE_TAG = 'mlflow.note.content';

export function defaultLocks(): LockManagerLike | undefined {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks;
}

export function runLockName(dbName: string, runId: string): string {
  return `flowpad:${dbName}:run:${runId}`;
}

/** Takes the run's lock for the lifetime of this context (or until `releaseRunLock`). Resolves once held. */
export async function holdRunLock(ctx: TrackingContext, runId: string): Promise<string | undefined> {
  const locks = ctx.locks;
  if (!locks) return undefined;
  const name = runLockName(ctx.db.name, runId);
  await new Promise<void>((held) => {
    void locks.request(name, () => new Promise<void>((release) => {
      ctx.heldLocks.set(runId, release);
      held();
    }));
  });
  return name;
}

export function releaseRunLock(ctx: TrackingContext, runId: string): void {
  ctx.heldLocks.get(runId)?.();
  ctx.heldLocks.delete(runId);
}

/**
 * Marks RUNNING runs whose creator is gone as KILLED (end time = now), appending a note to `mlflow.note.content`.
 * Returns the ids of the runs it marked.
 */
export async function recoverAbandonedRuns(ctx: TrackingContext): Promise<string[]> {
  const locks = ctx.locks;
  if (!locks) return [];
  const held = new Set(((await locks.query()).held ?? []).map((l) => l.name));
  const { db } = ctx;
  return db.transaction('rw', db.runs, async () => {
    const out: string[] = [];
    await db.runs.filter((r) => r.status === 'RUNNING' && !!r.lockName && !held.has(r.lockName)).modify((r) => {
      const when = new Date(nowMs()).toISOString();
      const note = `Flowpad marked this run KILLED at ${when}: it was still RUNNING when the tab or worker logging it ` +
        'closed or crashed. Metrics logged in its last half second may be missing.';
      const old = r.tags.get(NOTE_TAG);
      r.tags.set(NOTE_TAG, old ? `${old}\n\n${note}` : note);
      r.status = 'KILLED';
      r.endTime = nowMs();
      delete r.lockName;
      out.push(r.runId);
    });
    return out;
  });
}
