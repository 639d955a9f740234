/**
 * `createLiveQuery`: a storage `observe()` subscription as a Solid accessor.
 *
 * The query re-runs whenever a table range it read changes, in this tab or any other tab or worker, so the UI
 * never copies rows into a store. The subscription is replaced when the reactive `source` changes and is
 * closed when the owning component or root is disposed.
 */
import { type Accessor, batch, createComputed, createSignal, on, onCleanup, untrack } from 'solid-js';
import { isMlflowError, type ErrorCode } from '../../tracking';
import { observe } from '../../storage/observe';

/** An expected failure: any error carrying one of MLflow's codes (also when rebuilt from a worker's plain data). */
export interface CodedError {
  code: ErrorCode;
  message: string;
}

export interface LiveQuery<T> {
  /**
   * The latest result, or `undefined` before the first one and after an expected failure. While a new
   * `source` loads it keeps the previous result, so a search box does not flash empty on each keystroke.
   * An error without a code is a bug: reading the accessor throws it to the nearest ErrorBoundary.
   */
  (): T | undefined;
  /** The expected failure of the latest evaluation, e.g. RESOURCE_DOES_NOT_EXIST; `undefined` otherwise. */
  error: Accessor<CodedError | undefined>;
  /** True from a (re)subscription until its first result or error. */
  loading: Accessor<boolean>;
}

export function createLiveQuery<T>(querier: () => Promise<T>): LiveQuery<T>;
export function createLiveQuery<S, T>(source: Accessor<S>, querier: (source: S) => Promise<T>): LiveQuery<T>;
export function createLiveQuery<S, T>(
  sourceOrQuerier: Accessor<S> | (() => Promise<T>),
  maybeQuerier?: (source: S) => Promise<T>,
): LiveQuery<T> {
  const source: Accessor<S | undefined> = maybeQuerier ? (sourceOrQuerier as Accessor<S>) : () => undefined;
  const querier = maybeQuerier ?? (sourceOrQuerier as () => Promise<T>);

  const [value, setValue] = createSignal<T | undefined>();
  const [error, setError] = createSignal<CodedError | undefined>();
  const [bug, setBug] = createSignal<{ thrown: unknown } | undefined>();
  const [loading, setLoading] = createSignal(true);

  createComputed(
    on(source, (input) => {
      setLoading(true);
      // The querier runs inside Dexie's live-query zone, outside Solid's tracking; untrack keeps it that way. The
      // wrapper is an async function on purpose: only then does Dexie follow the zone across native awaits (the
      // client awaits its metric writer before reading), so reads after such an await are still observed.
      const subscription = observe(async () => untrack(() => querier(input as S))).subscribe({
        next: (result) =>
          batch(() => {
            setValue(() => result);
            setError(undefined);
            setBug(undefined);
            setLoading(false);
          }),
        error: (thrown) =>
          batch(() => {
            setValue(undefined);
            if (isMlflowError(thrown)) setError({ code: thrown.code, message: thrown.message });
            else setBug({ thrown });
            setLoading(false);
          }),
      });
      onCleanup(() => subscription.unsubscribe());
    }),
  );

  const read = (() => {
    const failed = bug();
    if (failed) throw failed.thrown;
    return value();
  }) as LiveQuery<T>;
  read.error = error;
  read.loading = loading;
  return read;
}
