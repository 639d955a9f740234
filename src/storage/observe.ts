/**
 * Live queries: `observe(fn)` re-runs `fn` whenever a table range it read changes, in this or any other
 * tab or worker (Dexie broadcasts commits). The UI turns it into a Solid accessor; nothing else needs Dexie.
 */
import Dexie, { liveQuery } from 'dexie';

export interface Subscription {
  unsubscribe(): void;
}
export interface Observable<T> {
  subscribe(observer: { next?: (value: T) => void; error?: (err: unknown) => void }): Subscription;
}

export function observe<T>(querier: () => Promise<T> | T): Observable<T> {
  return liveQuery(querier);
}

/**
 * Awaits a promise that is not Dexie's (e.g. an in-flight metric flush) without losing a live query's
 * observation context: after a plain `await` of such a promise, the querier's later reads are not tracked and
 * the live query never re-runs (Dexie.waitFor, "Keeps observation context alive"). Outside a live query it is a
 * plain wait. Never call it inside a transaction: there it keeps the transaction busy while it waits.
 */
export function keepObserving<T>(promise: Promise<T>): Promise<T> {
  return Dexie.waitFor(promise);
}
