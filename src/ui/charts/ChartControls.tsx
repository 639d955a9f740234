/** The settings every line chart of a page shares: x axis, log y, smoothing (0–100, like MLflow's slider). */
import { createEffect, createSignal, createUniqueId, onCleanup } from 'solid-js';
import type { ChartSettings } from './MetricChart';
import { MAX_SMOOTHING } from './smoothing';

/** Smoothing is applied this long after the slider stops moving: each change re-reads every series. */
const SMOOTHING_DEBOUNCE_MS = 200;

/** X axis, log Y and smoothing controls; `onChange` gets only what changed. */
export function ChartControls(props: { settings: ChartSettings; onChange: (patch: Partial<ChartSettings>) => void }) {
  const id = createUniqueId();
  const [smoothing, setSmoothing] = createSignal(props.settings.smoothing);
  createEffect(() => setSmoothing(props.settings.smoothing));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const commit = (v: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => props.onChange({ smoothing: v }), SMOOTHING_DEBOUNCE_MS);
  };
  onCleanup(() => clearTimeout(timer));
  return (
    <div class="chart-controls" role="group" aria-label="Chart settings">
      <label class="control">
        <span>X axis</span>
        <select value={props.settings.xAxis} onChange={(e) => props.onChange({ xAxis: e.currentTarget.value as ChartSettings['xAxis'] })}>
          <option value="step">Step</option>
          <option value="wall">Wall time</option>
          <option value="relative">Relative time</option>
        </select>
      </label>
      <label class="control control-check">
        <input type="checkbox" checked={props.settings.logY} onChange={(e) => props.onChange({ logY: e.currentTarget.checked })} />
        <span>Log scale Y</span>
      </label>
      <label class="control control-range" for={id}>
        <span>Smoothing</span>
        <input
          id={id}
          type="range"
          min="0"
          max={MAX_SMOOTHING}
          step="1"
          value={smoothing()}
          onInput={(e) => {
            setSmoothing(e.currentTarget.valueAsNumber);
            commit(e.currentTarget.valueAsNumber);
          }}
        />
        <output class="mono">{smoothing()}</output>
      </label>
    </div>
  );
}

/** Chart settings from URL search params (`xaxis`, `log`, `smooth`), so a chart view survives reload and can be shared. */
export function settingsFromParams(p: { xaxis?: string; log?: string; smooth?: string }): ChartSettings {
  const x = p.xaxis === 'wall' || p.xaxis === 'relative' ? p.xaxis : 'step';
  const s = Number(p.smooth);
  return { xAxis: x, logY: p.log === '1', smoothing: Number.isFinite(s) ? Math.max(0, Math.min(MAX_SMOOTHING, Math.round(s))) : 0 };
}

/** The URL search params of a settings patch (defaults are removed from the URL). */
export function settingsToParams(patch: Partial<ChartSettings>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  if (patch.xAxis !== undefined) out.xaxis = patch.xAxis === 'step' ? undefined : patch.xAxis;
  if (patch.logY !== undefined) out.log = patch.logY ? '1' : undefined;
  if (patch.smoothing !== undefined) out.smooth = patch.smoothing ? String(patch.smoothing) : undefined;
  return out;
}
