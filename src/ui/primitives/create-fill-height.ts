import { type Accessor, createSignal, onCleanup, onMount } from 'solid-js';

/**
 * The height (px) that lets an element reach the bottom of the viewport from where it sits in the page (at least
 * `min`), kept up to date on window resizes. A tall scrolling area (the runs table) then fills the screen at any
 * window size without the page around it knowing its own height.
 */
export function createFillHeight(element: Accessor<HTMLElement | undefined>, min = 320, bottomGap = 24): Accessor<number> {
  const [height, setHeight] = createSignal(min);
  const measure = () => {
    const el = element();
    if (!el) return;
    const top = el.getBoundingClientRect().top + window.scrollY;
    setHeight(Math.max(min, Math.floor(window.innerHeight - top - bottomGap)));
  };
  onMount(() => {
    measure();
    // Content above the element (a description, a selection bar) can change its position without a resize.
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    window.addEventListener('resize', measure);
    onCleanup(() => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    });
  });
  return height;
}
