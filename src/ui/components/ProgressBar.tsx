import { Show } from 'solid-js';
import { formatBytes } from '../../interop/bundle/limits';

/** A labelled progress bar for a byte-counting job; indeterminate until the first report. */
export function ProgressBar(props: { label: string; done?: number; total?: number }) {
  const pct = () => (props.total ? Math.min(100, Math.round(((props.done ?? 0) / props.total) * 100)) : undefined);
  return (
    <div class="progress">
      <div class="progress-label">
        <span>{props.label}</span>
        <Show when={props.total}>
          <span class="muted">{formatBytes(props.done ?? 0)} / {formatBytes(props.total!)}</span>
        </Show>
      </div>
      <div class="progress-track" role="progressbar" aria-label={props.label} aria-valuemin="0" aria-valuemax="100" aria-valuenow={pct()}>
        <div class="progress-fill" classList={{ indeterminate: pct() === undefined }} style={{ width: `${pct() ?? 30}%` }} />
      </div>
    </div>
  );
}
