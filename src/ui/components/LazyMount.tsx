import { createSignal, type JSX, onCleanup, onMount, Show } from 'solid-js';

/**
 * Renders `children` once the placeholder comes within 300 px of the viewport, and keeps them afterwards.
 * A grid of fifty charts then reads only the histories someone scrolls to.
 */
export function LazyMount(props: { minHeight: number; children: JSX.Element }) {
  let el!: HTMLDivElement;
  const [seen, setSeen] = createSignal(false);
  onMount(() => {
    // Already on screen: mount now rather than a frame later, when the observer first reports.
    const r = el.getBoundingClientRect();
    if (r.top < innerHeight + 300 && r.bottom > -300) return void setSeen(true);
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setSeen(true);
        io.disconnect();
      }
    }, { rootMargin: '300px' });
    io.observe(el);
    onCleanup(() => io.disconnect());
  });
  return (
    <div ref={el} style={{ 'min-height': seen() ? undefined : `${props.minHeight}px` }}>
      <Show when={seen()}>{props.children}</Show>
    </div>
  );
}
