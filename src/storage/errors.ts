/** Storage failures turned into MLflow-style errors the UI can show. */
import { MlflowError } from '../core/errors';

function isQuota(e: unknown): boolean {
  for (let x = e as { name?: string; inner?: unknown } | undefined, i = 0; x && i < 5; x = x.inner as typeof x, i++) {
    if (x.name === 'QuotaExceededError') return true;
  }
  return false;
}

/**
 * A quota failure (IndexedDB QuotaExceededError, possibly wrapped by Dexie) becomes `QUOTA_EXCEEDED` with advice;
 * anything else is returned unchanged. The failed transaction was aborted, so nothing of it was written.
 */
export function mapStorageError(e: unknown): unknown {
  if (!isQuota(e)) return e;
  return new MlflowError(
    'QUOTA_EXCEEDED',
    'Browser storage is full, so nothing of this change was saved. Free space by deleting runs, artifacts or ' +
      'model versions, export a backup, or allow this site more storage in the browser settings.',
  );
}

/**
 * Makes every promise-returning method of a client reject with `QUOTA_EXCEEDED` (not a raw DOMException) when the
 * browser's storage is full; other methods and errors pass through. Mutates and returns `client`.
 */
export function guardStorage<T extends object>(client: T): T {
  const methods = client as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of Object.keys(methods)) {
    const fn = methods[name];
    if (typeof fn !== 'function') continue;
    methods[name] = (...args: unknown[]) => {
      const out = fn(...args);
      return out instanceof Promise
        ? out.catch((e: unknown) => {
            throw mapStorageError(e);
          })
        : out;
    };
  }
  return client;
}
