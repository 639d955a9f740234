import { type Accessor, createEffect, createSignal, onCleanup } from 'solid-js';

/**
 * `Date.now()` as a signal that ticks every `intervalMs` while `active()` is true and stands still otherwise, so a
 * table of finished runs does no work per second. Used for the live duration of running runs.
 */
export function createClock(active: Accessor<boolean>, intervalMs = 1000): Accessor<number> {
  const [now, setNow] = createSignal(Date.now());
  createEffect(() => {
    if (!active()) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    onCleanup(() => clearInterval(timer));
  });
  return now;
}
