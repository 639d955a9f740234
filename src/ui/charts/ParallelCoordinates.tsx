/**
 * Parallel coordinates: one vertical axis per field (params, then the metric last), one polyline per run,
 * coloured by the last axis on a sequential scale as in MLflow. A run missing a value breaks its line there.
 */
import { createSignal, For, Show } from 'solid-js';
import { createElementWidth } from '../primitives/create-element-width';
import { asNumber, type AxisScale, type FieldValue, makeAxisScale } from './axis-scale';
import { lineScaleCss } from './colors';

/** A run as a polyline through the axes. */
export interface ParallelRun {
  runId: string;
  name: string;
  /** One value per axis, in axis order. */
  values: FieldValue[];
}

const M = { top: 40, right: 64, bottom: 24, left: 64 };
const HEIGHT = 360;

/** Parallel coordinates of `runs` over `axes` (the last axis colours the lines). */
export function ParallelCoordinates(props: { axes: string[]; runs: ParallelRun[] }) {
  let box: HTMLDivElement | undefined;
  const width = createElementWidth(() => box);
  const [hover, setHover] = createSignal<string | undefined>();
  const xAt = (i: number) => M.left + (props.axes.length === 1 ? 0 : (i / (props.axes.length - 1)) * (width() - M.left - M.right));
  const scales = (): AxisScale[] => props.axes.map((_, i) => makeAxisScale(props.runs.map((r) => r.values[i]), [HEIGHT - M.bottom, M.top], 4));
  const colorOf = (r: ParallelRun) => {
    const last = scales()[props.axes.length - 1];
    const v = asNumber(r.values[props.axes.length - 1]);
    if (!last || last.kind !== 'numeric' || v === undefined) return 'var(--muted)';
    const [lo, hi] = last.domain;
    return lineScaleCss(hi > lo ? (v - lo) / (hi - lo) : 0.5);
  };
  /** Path segments through the axes where the run has values; gaps where it has none. */
  const path = (r: ParallelRun) => {
    const ss = scales();
    let d = '';
    let pen = false;
    r.values.forEach((v, i) => {
      const y = ss[i]?.pos(v);
      if (y === undefined) return void (pen = false);
      d += `${pen ? 'L' : 'M'}${xAt(i).toFixed(1)},${y.toFixed(1)}`;
      pen = true;
    });
    return d;
  };
  return (
    <div ref={box} class="svg-chart">
      <svg width={width()} height={HEIGHT} role="img" aria-label={`Parallel coordinates of ${props.axes.join(', ')}`}>
        <g class="pc-lines">
          <For each={props.runs}>
            {(r) => (
              <path
                d={path(r)}
                stroke={colorOf(r)}
                class="pc-line"
                classList={{ 'pc-dim': hover() !== undefined && hover() !== r.runId, 'pc-hover': hover() === r.runId }}
                onMouseEnter={() => setHover(r.runId)}
                onMouseLeave={() => setHover(undefined)}
              >
                <title>{`${r.name}\n${props.axes.map((a, i) => `${a}: ${r.values[i] ?? '—'}`).join('\n')}`}</title>
              </path>
            )}
          </For>
        </g>
        <For each={props.axes}>
          {(axis, i) => (
            <g class="svg-axis" aria-hidden="true">
              <line class="svg-axis-line" x1={xAt(i())} x2={xAt(i())} y1={M.top} y2={HEIGHT - M.bottom} />
              <text class="svg-axis-label" x={xAt(i())} y={M.top - 18} text-anchor="middle">
                {axis.length > 18 ? `${axis.slice(0, 17)}…` : axis}
              </text>
              <For each={scales()[i()]?.ticks ?? []}>
                {(t) => (
                  <>
                    <line class="svg-tick" x1={xAt(i()) - 4} x2={xAt(i())} y1={t.pos} y2={t.pos} />
                    <text x={xAt(i()) - 7} y={t.pos} text-anchor="end" dominant-baseline="middle" class="pc-tick">
                      {t.label.length > 10 ? `${t.label.slice(0, 9)}…` : t.label}
                    </text>
                  </>
                )}
              </For>
            </g>
          )}
        </For>
      </svg>
      <p class="chart-foot muted" aria-live="polite">
        <Show when={props.runs.find((r) => r.runId === hover())} fallback={<>Lines are coloured by {props.axes[props.axes.length - 1]}: <span class="pc-scale" aria-hidden="true" /> low to high. Hover a line for its run.</>}>
          {(r) => <>{r().name}: {props.axes.map((a, i) => `${a} = ${r().values[i] ?? '—'}`).join(' · ')}</>}
        </Show>
      </p>
    </div>
  );
}
