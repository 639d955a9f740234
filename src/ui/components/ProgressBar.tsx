import { Show } from 'solid-js';
import { formatBytes } from '../../interop/bundle/limits';

export interface ProgressBarProps {
  /** Shown above the bar; also its accessible name unless `name` is given. */
  label: string;
  name?: string;
  /** Done so far, in [0, 1]. */
  fraction?: number;
  /** Or bytes done of `total` (shown as "1.2 MB / 4.0 MB"). */
  done?: number;
  total?: number;
  /** Replaces the default "42%" or bytes text at the right of the label. */
  status?: string;
  /** A line under the bar ("3 of 12 runs"). */
  detail?: string;
}

/**
 * A labelled progress bar (`role=progressbar` with `aria-valuenow` in percent) for every long job: bundle export
 * and import, batch scoring, mlruns import, sync. Indeterminate (a sliding fill) until the first report.
 */
export function ProgressBar(props: ProgressBarProps) {
  const fraction = () => (props.total ? (props.done ?? 0) / props.total : props.fraction);
  const pct = () => {
    const f = fraction();
    return f === undefined || Number.isNaN(f) ? undefined : Math.round(Math.min(1, Math.max(0, f)) * 100);
  };
  const status = () => props.status ?? (props.total ? `${formatBytes(props.done ?? 0)} / ${formatBytes(props.total)}` : pct() === undefined ? '' : `${pct()}%`);
  return (
    <div class="progress">
      <div class="progress-label">
        <span>{props.label}</span>
        <Show when={status()}><span class="muted">{status()}</span></Show>
      </div>
      <div class="progress-track" role="progressbar" aria-label={props.name ?? props.label} aria-valuemin="0" aria-valuemax="100" aria-valuenow={pct()}>
        <div class="progress-fill" classList={{ indeterminate: pct() === undefined }} style={{ width: `${pct() === undefined ? 30 : Math.max(2, pct()!)}%` }} />
      </div>
      <Show when={props.detail}><p class="muted progress-detail">{props.detail}</p></Show>
    </div>
  );
}
