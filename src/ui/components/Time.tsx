import { Show } from 'solid-js';

const display = new Intl.DateTimeFormat(undefined, {
  year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
});
const short = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const shortWithYear = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const thisYear = new Date().getFullYear();

/**
 * A timestamp (ms since epoch, MLflow's unit) in the reader's locale; the ISO form is in the tooltip. `short`,
 * for narrow columns, gives day and minute this year ("Nov 28, 02:46 PM") and only the date for other years.
 */
export function Time(props: { ms: number | null | undefined; short?: boolean }) {
  return (
    <Show when={props.ms != null && Number.isFinite(props.ms)} fallback={<span class="muted">—</span>}>
      <time datetime={new Date(props.ms!).toISOString()} title={new Date(props.ms!).toISOString()}>
        {(props.short ? (new Date(props.ms!).getFullYear() === thisYear ? short : shortWithYear) : display).format(props.ms!)}
      </time>
    </Show>
  );
}
