/**
 * Live redraws of every chart on a page in one animation frame. Each write of a running run reaches the charts'
 * live queries at slightly different moments; drawing each chart as its data lands would cost a frame (and a
 * compositor commit) apiece. Updates wait BATCH_MS, then all pending charts draw in the same frame.
 */

/** How long an update waits for the other charts' updates; well under the 500 ms at which logged points land. */
const BATCH_MS = 40;

const pending = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;

/** Runs `draw` in the next batched frame (once, however often it is requested before then). */
export function requestBatchedDraw(draw: () => void): void {
  pending.add(draw);
  timer ??= setTimeout(() => {
    requestAnimationFrame(() => {
      timer = undefined;
      const draws = [...pending];
      pending.clear();
      for (const d of draws) d();
    });
  }, BATCH_MS);
}

/** Forgets a pending draw (its chart was unmounted). */
export function cancelBatchedDraw(draw: () => void): void {
  pending.delete(draw);
}
