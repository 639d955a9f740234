/** A labelled determinate progress bar (`role=progressbar` via the native element), with a text line under it. */
export function FractionProgress(props: { label: string; fraction: number; detail?: string }) {
  const pct = () => Math.round(Math.min(1, Math.max(0, props.fraction)) * 100);
  return (
    <div class="progress">
      <div class="progress-head">
        <span>{props.label}</span>
        <span class="muted">{pct()}%</span>
      </div>
      <progress max="100" value={pct()} aria-label={props.label} />
      {props.detail && <p class="muted progress-detail">{props.detail}</p>}
    </div>
  );
}
