/**
 * uPlot options for a metric line chart: axes by x mode, linear or log y, drag-to-zoom handed to the caller,
 * no built-in legend (the component renders its own, keyboard-usable one).
 */
import uPlot from 'uplot';
import type { XAxisMode } from './chart-data';

/** One run's line: legend label, colour, shown or hidden. */
export interface LineSeriesSpec {
  label: string;
  color: string;
  show: boolean;
}

/** Everything makeLineOptions needs; built fresh when the chart is (re)created. */
export interface LineChartSpec {
  width: number;
  height: number;
  xAxis: XAxisMode;
  logY: boolean;
  series: LineSeriesSpec[];
  /** Current zoom in x units, or null; read on every scale reset, so it need not be reactive. */
  zoom: () => [number, number] | null;
  /** Colours from the page's CSS variables, so charts follow dark mode. */
  theme: { text: string; grid: string };
  onSelectX: (lo: number, hi: number) => void;
  hooks: uPlot.Hooks.Arrays;
}

/** A number for an axis or tooltip: at most 6 significant digits, exponent form for very large or small. */
export function formatValue(v: number | null | undefined): string {
  if (v == null || Number.isNaN(v)) return '—';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e7 || a < 1e-4) return v.toExponential(3).replace(/\.?0+e/, 'e');
  return Number(v.toPrecision(6)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** A step-axis label: 950, 12k, 3.5M, 2B; beyond that in exponent form (1.1e12) without a suffix. */
export function formatStep(v: number): string {
  const a = Math.abs(v);
  if (a < 1e4) return formatValue(v);
  if (a < 1e6) return `${formatValue(v / 1e3)}k`;
  if (a < 1e9) return `${formatValue(v / 1e6)}M`;
  if (a < 1e12) return `${formatValue(v / 1e9)}B`;
  return v.toExponential(2).replace(/\.?0+e/, 'e');
}

/** Seconds as a short duration: 45s, 2m 5s, 3h 10m, 2d 4h. */
export function formatDuration(seconds: number): string {
  const s = Math.round(Math.abs(seconds));
  const sign = seconds < 0 ? '-' : '';
  if (s < 60) return `${sign}${s}s`;
  if (s < 3600) return `${sign}${Math.floor(s / 60)}m${s % 60 ? ` ${s % 60}s` : ''}`;
  if (s < 86400) return `${sign}${Math.floor(s / 3600)}h${s % 3600 >= 60 ? ` ${Math.floor((s % 3600) / 60)}m` : ''}`;
  return `${sign}${Math.floor(s / 86400)}d${s % 86400 >= 3600 ? ` ${Math.floor((s % 86400) / 3600)}h` : ''}`;
}

/** An x value as the tooltip shows it. */
export function formatX(v: number, mode: XAxisMode): string {
  if (mode === 'step') return `step ${Math.round(v).toLocaleString('en-US')}`;
  if (mode === 'relative') return formatDuration(v);
  return new Date(v * 1000).toLocaleString();
}

const AXIS_FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** uPlot options for a metric chart (see the module comment). */
export function makeLineOptions(spec: LineChartSpec): uPlot.Options {
  const axis = (extra: Partial<uPlot.Axis>): uPlot.Axis => ({
    stroke: spec.theme.text,
    font: AXIS_FONT,
    grid: { stroke: spec.theme.grid, width: 1 },
    ticks: { stroke: spec.theme.grid, width: 1, size: 4 },
    ...extra,
  });
  const xValues: uPlot.Axis['values'] =
    spec.xAxis === 'relative'
      ? (_u, splits) => splits.map(formatDuration)
      : spec.xAxis === 'step'
        ? (_u, splits) => splits.map(formatStep)
        : undefined;
  const many = spec.series.length > 20;
  return {
    width: spec.width,
    height: spec.height,
    pxAlign: false,
    legend: { show: false },
    padding: [12, 16, 0, 4],
    scales: {
      x: {
        time: spec.xAxis === 'wall',
        range: (_u, min, max) => spec.zoom() ?? (min === max ? [min - 1, max + 1] : [min, max]),
      },
      y: spec.logY ? { distr: 3, log: 10 } : { auto: true },
    },
    axes: [
      axis({ values: xValues, space: 70, size: 32 }),
      axis({ values: (_u, splits) => splits.map(formatValue), size: 60, space: 32 }),
    ],
    series: [
      {},
      ...spec.series.map((s) => ({
        label: s.label,
        stroke: s.color,
        width: many ? 1 : 1.5,
        show: s.show,
        points: { show: (u: uPlot, si: number, i0: number, i1: number) => !many && i1 - i0 < 60 && u.data[si].length < 60 },
      })),
    ],
    cursor: {
      drag: { x: true, y: false, setScale: false },
      points: { show: !many, size: 7 },
      focus: { prox: many ? -1 : 16 },
    },
    focus: { alpha: 0.35 },
    hooks: {
      ...spec.hooks,
      setSelect: [
        ...(spec.hooks.setSelect ?? []),
        (u) => {
          const { left, width } = u.select;
          if (width > 4) spec.onSelectX(u.posToVal(left, 'x'), u.posToVal(left + width, 'x'));
          u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
        },
      ],
    },
  };
}
