/**
 * Live queries: `observe(fn)` re-runs `fn` whenever a table range it read changes, in this or any other
 * tab or worker (Dexie broadcasts commits). The UI turns it into a Solid accessor; nothing else needs Dexie.
 */
import { liveQuery } from 'dexie';

export interface Subscription {
  unsubscribe(): void;
}
export interface Observable<T> {
  subscribe(observer: { next?: (value: T) => void; error?: (err: unknown) => void }): Subscription;
}

export function observe<T>(querier: () => Promise<T> | T): Observable<T> {
  return liveQuery(querier);
}
