/**
 * One metric of many runs as an overlaid uPlot line chart.
 *
 * Each run's history is a live query (Dexie liveQuery through createLiveQuery), so a running run's line grows
 * by itself, with no polling. A query returns the run's line already shaped for the chart (smoothed at full
 * resolution, cut to the zoom, decimated on the chart's shared grid: chart-data.ts), so only a few thousand
 * points per run are ever held. The first paint comes on the next animation frame; later (live) redraws of all
 * charts on the page share one batched frame (redraw-batch.ts).
 */
import { createComputed, createEffect, createMemo, createSignal, mapArray, on, onCleanup, onMount, Show, untrack } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './charts.css';
import type { RunId } from '../../core/ids';
import { client } from '../client';
import { fileSafe, saveBlob } from '../download';
import { createLiveQuery } from '../primitives/create-live-query';
import { chartPng, metricCsv } from './chart-export';
import { alignSeries, loadSeries, planSeries, type PreparedSeries, type SeriesPlan, type XAxisMode } from './chart-data';
import { formatX, makeLineOptions } from './chart-options';
import { tooltipHooks } from './chart-tooltip';
import { ChartLegend } from './ChartLegend';
import { cancelBatchedDraw, requestBatchedDraw } from './redraw-batch';
import { extentEstimate, keyboardZoom, samePlan, sameStrings } from './chart-state';

/** A run as a chart line. `startTime` and `latest` (this metric's latest point) size the grid before any read. */
export interface ChartRun {
  runId: RunId;
  name: string;
  color: string;
  startTime: number;
  latest?: { step: number; timestamp: number };
}

/** Shared by every chart of a page. */
export interface ChartSettings {
  xAxis: XAxisMode;
  logY: boolean;
  /** 0–100, MLflow's slider. */
  smoothing: number;
}

/** One metric key over some runs, with the page's shared settings. */
export interface MetricChartProps {
  metricKey: string;
  runs: ChartRun[];
  settings: ChartSettings;
  /** Plot height in CSS px; default 240. */
  height?: number;
}

const EMPTY: PreparedSeries = { x: new Float64Array(0), y: new Float64Array(0), xFirst: NaN, pointsInRange: 0, decimated: false };
/** How long a chart's first paint waits for slow runs before it shows the ones that have loaded. */
const PARTIAL_PAINT_MS = 250;
/** Left axis and padding: the plot itself is this much narrower than the card. */
const AXIS_PX = 80;

const count = (n: number) => n.toLocaleString('en-US');

/** Dispatched (bubbling) on the chart element after every draw; `detail` = { loaded, total } runs. Used by benchmarks. */
export const CHART_DRAW_EVENT = 'flowpad:chart-draw';

/** A live line chart card: title, PNG/CSV export, zoom (drag, keyboard, reset), tooltip, legend. */
export function MetricChart(props: MetricChartProps) {
  let wrap!: HTMLDivElement;
  let plotEl!: HTMLDivElement;
  let u: uPlot | undefined;
  let signature = '';
  let frame = 0;
  let stats = { loaded: 0, total: 0 };

  const [width, setWidth] = createSignal(0);
  const [zoom, setZoom] = createSignal<[number, number] | null>(null);
  const [hidden, setHidden] = createSignal<ReadonlySet<string>>(new Set());
  const [measuredLo, setMeasuredLo] = createSignal<number | null>(null);
  const [summary, setSummary] = createSignal({ inRange: 0, drawn: 0, loaded: 0, empty: false });
  const height = () => props.height ?? 240;

  createComputed(on(() => props.settings.xAxis, () => (setZoom(null), setMeasuredLo(null)), { defer: true }));

  const ids = createMemo(() => props.runs.map((r) => r.runId), undefined, { equals: sameStrings });
  /** The whole x range: summaries give the end, the data once read gives the start. */
  const extent = (): [number, number] => {
    const est = extentEstimate(props.runs, props.settings.xAxis);
    return [Math.min(measuredLo() ?? est[0], est[1]), est[1]];
  };
  const plan = createMemo<SeriesPlan | null>(
    () => (width() <= 0 ? null : planSeries({ ...props.settings, range: zoom() }, extent(), width() - AXIS_PX, ids().length)),
    null,
    { equals: samePlan },
  );
  const queries = mapArray(ids, (id) =>
    createLiveQuery(plan, (p) => (p ? loadSeries(client, id, props.metricKey, p) : Promise.resolve(undefined))),
  );

  let waitingSince = 0;
  const draw = () => {
    frame = 0;
    const qs = untrack(queries);
    const values = qs.map((q) => untrack(q));
    // Before the first paint, wait (up to PARTIAL_PAINT_MS) for every run: partial paints of 100 runs cost more than they show.
    const missing = values.some((v) => v === undefined);
    if (!u && missing) {
      if (!waitingSince) {
        waitingSince = performance.now();
        setTimeout(schedule, PARTIAL_PAINT_MS + 1);
      }
      if (performance.now() - waitingSince < PARTIAL_PAINT_MS) return;
    }
    const prepared = values.map((v) => v ?? EMPTY);
    const data = alignSeries(prepared);
    stats = { loaded: values.filter((v) => v !== undefined).length, total: qs.length };
    const runs = untrack(() => props.runs);
    const s = untrack(() => props.settings);
    const sig = JSON.stringify([s.xAxis, s.logY, untrack(height), runs.map((r) => [r.runId, r.name, r.color])]);
    if (!u || sig !== signature) {
      u?.destroy();
      signature = sig;
      u = new uPlot(options(runs, s), data, plotEl);
    } else {
      u.setData(data);
    }
    const inRange = prepared.reduce((a, p) => a + p.pointsInRange, 0);
    setSummary({ inRange, drawn: prepared.reduce((a, p) => a + p.x.length, 0), loaded: stats.loaded, empty: stats.loaded === stats.total && inRange === 0 });
    // The grid was sized from summaries; once everything is in, size it from the data's real start.
    if (stats.loaded === stats.total && !untrack(zoom)) {
      const firsts = prepared.filter((p) => p.x.length > 0).map((p) => p.xFirst);
      if (firsts.length > 0) setMeasuredLo(Math.min(...firsts));
    }
  };
  const schedule = () => {
    if (u) requestBatchedDraw(draw);
    else if (!frame) frame = requestAnimationFrame(draw);
  };

  const options = (runs: ChartRun[], s: ChartSettings): uPlot.Options => {
    const css = getComputedStyle(wrap);
    const tip = tooltipHooks({ xAxis: s.xAxis, labels: runs.map((r) => r.name), colors: runs.map((r) => r.color) });
    return makeLineOptions({
      width: Math.max(100, untrack(width)),
      height: untrack(height),
      xAxis: s.xAxis,
      logY: s.logY,
      series: runs.map((r) => ({ label: r.name, color: r.color, show: !untrack(hidden).has(r.runId) })),
      zoom,
      theme: { text: css.getPropertyValue('--muted').trim() || '#59636e', grid: css.getPropertyValue('--border-soft').trim() || '#e6eaef' },
      onSelectX: (lo, hi) => setZoom([lo, hi]),
      hooks: {
        ...tip,
        draw: [() => wrap.dispatchEvent(new CustomEvent(CHART_DRAW_EVENT, { bubbles: true, detail: { ...stats } }))],
      },
    });
  };

  createEffect(() => {
    for (const q of queries()) q();
    ids();
    schedule();
  });
  // Runs come from live queries: a new array on every write to them. Only a new name or colour needs a redraw.
  const looks = createMemo(() => JSON.stringify(props.runs.map((r) => [r.name, r.color])));
  createEffect(on([() => props.settings.logY, looks], schedule, { defer: true }));
  createEffect(on(zoom, (z) => z && u?.setScale('x', { min: z[0], max: z[1] }), { defer: true }));
  createEffect(on(width, (w) => u?.setSize({ width: Math.max(100, w), height: height() }), { defer: true }));
  createEffect(on(hidden, (h) => {
    if (!u) return;
    untrack(ids).forEach((id, i) => {
      const show = !h.has(id);
      if (u!.series[i + 1]?.show !== show) u!.setSeries(i + 1, { show });
    });
  }, { defer: true }));

  onMount(() => {
    const ro = new ResizeObserver(() => setWidth(Math.floor(plotEl.clientWidth)));
    ro.observe(plotEl);
    setWidth(Math.floor(plotEl.clientWidth));
    onCleanup(() => ro.disconnect());
  });
  onCleanup(() => {
    cancelAnimationFrame(frame);
    cancelBatchedDraw(draw);
    u?.destroy();
  });

  const download = async (kind: 'png' | 'csv') => {
    const shown = props.runs.filter((r) => !hidden().has(r.runId));
    const name = fileSafe(props.metricKey);
    if (kind === 'csv') return saveBlob(await metricCsv(client, props.metricKey, shown), `${name}.csv`);
    if (!u) return;
    const css = getComputedStyle(wrap);
    const bg = css.getPropertyValue('--surface').trim() || '#fff';
    const text = css.getPropertyValue('--text').trim() || '#1f2328';
    saveBlob(await chartPng(u, props.metricKey, shown.map((r) => ({ label: r.name, color: r.color })), { bg, text }), `${name}.png`);
  };

  return (
    <figure class="chart-card" aria-label={`Chart of ${props.metricKey}`}>
      <figcaption class="chart-head">
        <span class="chart-title" title={props.metricKey}>{props.metricKey}</span>
        <span class="chart-actions">
          <Show when={zoom()}>
            <button type="button" class="chip" onClick={() => setZoom(null)}>Reset zoom</button>
          </Show>
          <button type="button" class="icon-button" aria-label={`Download ${props.metricKey} as PNG`} title="Download PNG" onClick={() => void download('png')}>PNG</button>
          <button type="button" class="icon-button" aria-label={`Download ${props.metricKey} as CSV`} title="Download CSV (every logged point)" onClick={() => void download('csv')}>CSV</button>
        </span>
      </figcaption>
      <div
        ref={wrap}
        class="chart-plot"
        tabindex="0"
        role="group"
        aria-roledescription="interactive chart"
        aria-label={`${props.metricKey}: ${props.runs.length} run${props.runs.length === 1 ? '' : 's'}. Drag to zoom; with focus, + and − zoom, arrows pan, 0 resets.`}
        data-loaded={summary().loaded}
        data-points={summary().inRange}
        onDblClick={() => setZoom(null)}
        onKeyDown={(e) => {
          const next = keyboardZoom(e.key, zoom() ?? extent());
          if (next === undefined) return;
          e.preventDefault();
          setZoom(next);
        }}
      >
        <div ref={plotEl} class="chart-canvas" style={{ height: `${height()}px` }} />
        <Show when={summary().empty}>
          <p class="chart-empty">No data for this metric{zoom() ? ' in the zoomed range' : ''}.</p>
        </Show>
      </div>
      <p class="chart-foot muted">
        <Show when={zoom()}>{(z) => <span>Zoomed to {formatX(z()[0], props.settings.xAxis)} – {formatX(z()[1], props.settings.xAxis)} · </span>}</Show>
        <span>{count(summary().inRange)} points{summary().drawn < summary().inRange ? ` · decimated to ${count(summary().drawn)} (min/max per pixel column)` : ''}</span>
        <Show when={summary().loaded < props.runs.length}><span> · loading {props.runs.length - summary().loaded}…</span></Show>
      </p>
      <Show when={props.runs.length > 1}>
        <ChartLegend
          runs={props.runs}
          hidden={hidden()}
          onToggle={(id) => setHidden((h) => { const n = new Set(h); if (n.has(id)) n.delete(id); else n.add(id); return n; })}
        />
      </Show>
    </figure>
  );
}
