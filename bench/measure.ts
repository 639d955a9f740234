/**
 * The contract between bench/run.mjs, the bench page and each suite, plus the few timing helpers suites share.
 * Everything returned crosses `page.evaluate`, so it is plain JSON.
 */

/** One figure. `name` is stable (docs and history refer to it); `unit` is e.g. 'points/s', 'ms', 'B'. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
}

/** A target from an issue, printed beside the figure it judges; a miss is reported, it does not fail the run. */
export interface TargetCheck {
  name: string;
  target: string;
  pass: boolean;
}

export interface SuiteContext {
  /** Unique per suite run: every IndexedDB database the suite opens starts with it, so no run sees another's data. */
  dbPrefix: string;
  /** Progress line, forwarded to the terminal by run.mjs. */
  log(message: string): void;
}

export interface SuiteOutput {
  results: BenchResult[];
  targets: TargetCheck[];
}

/** A suite module's default export. */
export interface Suite {
  run(ctx: SuiteContext): Promise<SuiteOutput>;
}

/** ms since page start, µs-precise under cross-origin isolation (coarsened to 100 µs otherwise). */
export const now = (): number => performance.now();

/** Runs `fn` and returns its wall time in ms together with its value. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = now();
  const value = await fn();
  return { ms: now() - t0, value };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Points per second for `points` in `ms`. */
export const rate = (points: number, ms: number): number => (points * 1000) / ms;

/** mulberry32: a seeded generator, so every run benchmarks the same data. Returns floats in [0, 1). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Bytes this origin uses, by the browser's own estimate, once it has stopped changing: Chromium updates
 * it asynchronously after commits and deletions, so a single reading right after either can be stale.
 */
export async function storageUsage(timeoutMs = 5000): Promise<number> {
  const read = async () => (await navigator.storage.estimate()).usage ?? 0;
  const end = now() + timeoutMs;
  let last = await read();
  for (let same = 0; same < 2 && now() < end; ) {
    await pause(250);
    const cur = await read();
    same = cur === last ? same + 1 : 0;
    last = cur;
  }
  return last;
}

/** Lets the event loop breathe (and Chromium settle IndexedDB bookkeeping) between phases. */
export const pause = (ms = 50): Promise<void> => new Promise((r) => setTimeout(r, ms));
