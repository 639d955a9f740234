import { Show } from 'solid-js';

const display = new Intl.DateTimeFormat(undefined, {
  year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** A timestamp (ms since epoch, MLflow's unit) in the reader's locale; the ISO form is in the tooltip. */
export function Time(props: { ms: number | null | undefined }) {
  return (
    <Show when={props.ms != null && Number.isFinite(props.ms)} fallback={<span class="muted">—</span>}>
      <time datetime={new Date(props.ms!).toISOString()} title={new Date(props.ms!).toISOString()}>
        {display.format(props.ms!)}
      </time>
    </Show>
  );
}
