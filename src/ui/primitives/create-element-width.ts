/** `createElementWidth`: an element's content width in CSS px as a signal, kept current by a ResizeObserver. */
import { type Accessor, createSignal, onCleanup, onMount } from 'solid-js';

/** The width of `el()` (read after mount), `fallback` until then. */
export function createElementWidth(el: () => HTMLElement | undefined, fallback = 600): Accessor<number> {
  const [width, setWidth] = createSignal(fallback);
  onMount(() => {
    const target = el();
    if (!target) return;
    const read = () => setWidth(Math.max(0, Math.floor(target.clientWidth)) || fallback);
    const ro = new ResizeObserver(read);
    ro.observe(target);
    read();
    onCleanup(() => ro.disconnect());
  });
  return width;
}
