/**
 * A small live line chart of one run's metrics, read from IndexedDB through a live query — so it gains points
 * as any tab or worker logs them, with no messages from the trainer. Data is columnar (x, then one
 * Float64Array per series), aligned across series with `uPlot.join` (STYLE principle 7).
 */
import { createEffect, createMemo, For, onCleanup, onMount, Show } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { MetricSeries, TrackingClient } from '../../tracking';
import { client as appClient } from '../client';
import { createLiveQuery } from '../primitives/create-live-query';
import './live-chart.css';

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
  dashed?: boolean;
}

export interface LiveMetricChartProps {
  runId: string | null;
  series: ChartSeries[];
  title: string;
  xLabel: string;
  height?: number;
  /** Points read per series; longer histories are min/max-decimated by the client. */
  maxPoints?: number;
  /** Where to read; default the app's client (benchmarks pass their own database). */
  client?: TrackingClient;
  /** Called after every redraw with the data drawn and the time (ms since epoch): for latency benchmarks. */
  onDrawn?(series: MetricSeries[], at: number): void;
}

/** Aligns series that may log at different steps onto one x column (steps ascending). */
export function alignSeries(series: MetricSeries[]): uPlot.AlignedData {
  const tables = series.map((s): uPlot.AlignedData => [s.steps, s.values]);
  if (tables.length === 1) return tables[0];
  return uPlot.join(tables);
}

/** MLflow steps are integers: no 0.25-epoch ticks. */
const STEP_INCREMENTS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000, 50_000, 100_000, 1_000_000];

const fmt = (v: number | null | undefined): string =>
  v === null || v === undefined || Number.isNaN(v) ? '–' : Math.abs(v) >= 100 ? v.toFixed(1) : v.toPrecision(3);

export function LiveMetricChart(props: LiveMetricChartProps) {
  const data = createLiveQuery(
    () => props.runId,
    (runId) => (runId ? Promise.all(props.series.map((s) => (props.client ?? appClient).getMetricSeries(runId, s.key, { maxPoints: props.maxPoints ?? 1000 }))) : Promise.resolve([])),
  );
  const points = createMemo(() => data()?.reduce((n, s) => n + s.values.length, 0) ?? 0);
  const latest = (i: number) => {
    const v = data()?.[i]?.values;
    return v && v.length ? v[v.length - 1] : null;
  };
  let host!: HTMLDivElement;
  let plot: uPlot | null = null;

  onMount(() => {
    const opts: uPlot.Options = {
      width: host.clientWidth || 400,
      height: props.height ?? 200,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false } },
      axes: [
        { label: props.xLabel, labelSize: 20, size: 36, stroke: '#59636e', grid: { stroke: '#e6eaef' }, ticks: { stroke: '#e6eaef' }, incrs: STEP_INCREMENTS },
        { size: 48, stroke: '#59636e', grid: { stroke: '#e6eaef' }, ticks: { stroke: '#e6eaef' } },
      ],
      series: [{ label: props.xLabel }, ...props.series.map((s) => ({
        label: s.label, stroke: s.color, width: 2, dash: s.dashed ? [6, 4] : undefined, spanGaps: true, points: { show: false },
      }))],
      hooks: { draw: [() => props.onDrawn?.(data() ?? [], Date.now())] },
    };
    plot = new uPlot(opts, [[], ...props.series.map(() => [])], host);
    const resize = new ResizeObserver(() => plot?.setSize({ width: host.clientWidth, height: props.height ?? 200 }));
    resize.observe(host);
    onCleanup(() => {
      resize.disconnect();
      plot?.destroy();
      plot = null;
    });
  });

  createEffect(() => {
    const d = data();
    if (plot && d && d.length === props.series.length) plot.setData(alignSeries(d));
  });

  return (
    <figure class="live-chart" aria-label={props.title}>
      <figcaption>
        <span class="live-chart-title">{props.title}</span>
        <span class="live-chart-legend">
          <For each={props.series}>
            {(s, i) => (
              <span class="live-chart-key">
                <i style={{ 'border-color': s.color, 'border-top-style': s.dashed ? 'dashed' : 'solid' }} />
                {s.label} <b class="mono">{fmt(latest(i()))}</b>
              </span>
            )}
          </For>
        </span>
      </figcaption>
      <div class="live-chart-plot" ref={host} data-points={points()} />
      {/* Only once the first query has answered: before that nothing is known, and a chart remounted for a run
          with points would otherwise flash the empty state. */}
      <Show when={points() === 0 && (data() !== undefined || data.error())}>
        <p class="live-chart-empty muted">{data.error()?.message ?? 'Waiting for the first points…'}</p>
      </Show>
    </figure>
  );
}
