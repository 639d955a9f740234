import { type Accessor, createSignal, onCleanup, onMount } from 'solid-js';

/**
 * True while an element scrolls vertically by jumps (more than `fraction` of its height between two scroll events,
 * as when the scrollbar thumb is dragged or a fling is fast) and for `settleMs` after the last jump. A virtualized
 * table draws light rows meanwhile: every row in view is new at each such step, and full rows would make each
 * step a long task. The listener runs in the capture phase, so it flips before the virtualizer draws the step.
 */
export function createFastScroll(element: Accessor<HTMLElement | undefined>, fraction = 0.75, settleMs = 150): Accessor<boolean> {
  const [fast, setFast] = createSignal(false);
  onMount(() => {
    const el = element();
    if (!el) return;
    let last = el.scrollTop;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      const top = el.scrollTop;
      if (Math.abs(top - last) > el.clientHeight * fraction) {
        setFast(true);
        clearTimeout(timer);
        timer = setTimeout(() => setFast(false), settleMs);
      }
      last = top;
    };
    el.addEventListener('scroll', onScroll, { capture: true, passive: true });
    onCleanup(() => {
      el.removeEventListener('scroll', onScroll, { capture: true });
      clearTimeout(timer);
    });
  });
  return fast;
}
