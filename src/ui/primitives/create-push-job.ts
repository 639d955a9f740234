import { createSignal, type Accessor } from 'solid-js';

/** Progress of a push: items done of total (total 0 while the server is still being matched). */
export interface PushProgress {
  done: number;
  total: number;
}

export interface PushJob<R> {
  /** Keys the user ticked (experiment ids, model names). */
  chosen: Accessor<ReadonlySet<string>>;
  toggle(key: string, on: boolean): void;
  /** Non-null while a push runs. */
  progress: Accessor<PushProgress | null>;
  result: Accessor<R | null>;
  error: Accessor<unknown>;
  /** Runs `push` on the chosen keys; clears the last result and error first. */
  start(): Promise<void>;
}

/** The state of a Sync page push panel: a checklist, one job at a time, its progress, result or error. */
export function createPushJob<R>(push: (keys: string[], onProgress: (p: PushProgress) => void) => Promise<R>): PushJob<R> {
  const [chosen, setChosen] = createSignal<ReadonlySet<string>>(new Set());
  const [progress, setProgress] = createSignal<PushProgress | null>(null);
  const [result, setResult] = createSignal<R | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  return {
    chosen, progress, result, error,
    toggle(key, on) {
      const next = new Set(chosen());
      if (on) next.add(key);
      else next.delete(key);
      setChosen(next);
    },
    async start() {
      setError(null);
      setResult(null);
      setProgress({ done: 0, total: 0 });
      try {
        const r = await push([...chosen()], setProgress);
        setResult(() => r);
      } catch (e) {
        setError(() => e);
      } finally {
        setProgress(null);
      }
    },
  };
}
