import { createSignal, For, Show } from 'solid-js';

/** Legend entries shown before "Show all N". */
const COLLAPSED = 12;

/**
 * A chart's legend: one toggle button per run (aria-pressed = shown). Hidden runs keep their entry, struck
 * through, so they can be brought back.
 */
export function ChartLegend(props: {
  runs: { runId: string; name: string; color: string }[];
  hidden: ReadonlySet<string>;
  onToggle: (runId: string) => void;
}) {
  const [expanded, setExpanded] = createSignal(false);
  const shown = () => (expanded() ? props.runs : props.runs.slice(0, COLLAPSED));
  return (
    <div class="chart-legend" role="group" aria-label="Runs in this chart">
      <For each={shown()}>
        {(r) => (
          <button
            type="button"
            class="legend-item"
            aria-pressed={!props.hidden.has(r.runId)}
            title={props.hidden.has(r.runId) ? `Show ${r.name}` : `Hide ${r.name}`}
            onClick={() => props.onToggle(r.runId)}
          >
            <span class="swatch" style={{ background: r.color }} />
            <span class="legend-name">{r.name}</span>
          </button>
        )}
      </For>
      <Show when={props.runs.length > COLLAPSED}>
        <button type="button" class="legend-more" onClick={() => setExpanded(!expanded())}>
          {expanded() ? 'Show fewer' : `Show all ${props.runs.length}`}
        </button>
      </Show>
    </div>
  );
}
