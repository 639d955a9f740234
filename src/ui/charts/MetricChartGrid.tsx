/** A grid of line charts, one per metric key, over the same runs, with a filter over keys. Off-screen charts mount lazily. */
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { Run } from '../../tracking/entities';
import { EmptyState } from '../components/EmptyState';
import { LazyMount } from '../components/LazyMount';
import { type ChartRun, type ChartSettings, MetricChart } from './MetricChart';

/** A run and its colour, as a page lists them. */
export interface ColoredRun {
  run: Run;
  color: string;
}

/** The chart lines of `runs` for one metric: name, colour, and the summary the chart sizes its grid from. */
export function chartRuns(runs: readonly ColoredRun[], key: string): ChartRun[] {
  return runs.map(({ run, color }) => {
    const m = run.data.metrics.find((x) => x.key === key);
    return {
      runId: run.info.runId,
      name: run.info.runName || run.info.runId,
      color,
      startTime: run.info.startTime,
      latest: m && { step: m.step, timestamp: m.timestamp },
    };
  });
}

/** The runs and metric keys to chart, and the page's chart settings. */
export interface MetricChartGridProps {
  runs: ColoredRun[];
  keys: string[];
  settings: ChartSettings;
  emptyText?: string;
  /** A controlled filter (e.g. kept in the URL); without it the grid keeps its own. */
  filter?: string;
  onFilter?: (filter: string) => void;
}

/** One MetricChart per key in a responsive grid, filterable by key. */
export function MetricChartGrid(props: MetricChartGridProps) {
  const [own, setOwn] = createSignal('');
  const filter = () => props.filter ?? own();
  const setFilter = (f: string) => (props.onFilter ? props.onFilter(f) : setOwn(f));
  const shown = createMemo(() => {
    const f = filter().trim().toLowerCase();
    return f ? props.keys.filter((k) => k.toLowerCase().includes(f)) : props.keys;
  });
  return (
    <div class="chart-grid-wrap">
      <Show when={props.keys.length > 4 || filter()}>
        <div class="toolbar">
          <input
            type="search"
            class="search"
            placeholder="Filter charts by metric name"
            aria-label="Filter charts by metric name"
            value={filter()}
            onInput={(e) => setFilter(e.currentTarget.value)}
          />
          <span class="muted count">{shown().length} of {props.keys.length} metrics</span>
        </div>
      </Show>
      <Show
        when={shown().length > 0}
        fallback={<EmptyState title={props.keys.length ? 'No metric matches the filter' : 'No metrics logged'}>{props.emptyText ?? 'Metrics logged with logMetric or logBatch appear here as charts.'}</EmptyState>}
      >
        <div class="chart-grid">
          <For each={shown()}>
            {(key) => {
              const lines = createMemo(() => chartRuns(props.runs, key));
              return (
                <LazyMount minHeight={330}>
                  <MetricChart metricKey={key} runs={lines()} settings={props.settings} />
                </LazyMount>
              );
            }}
          </For>
        </div>
      </Show>
    </div>
  );
}
