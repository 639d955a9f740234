/** Axis lines, ticks, labels and grid for the SVG comparison charts. */
import { For } from 'solid-js';
import type { AxisScale } from './axis-scale';

const short = (s: string, n = 14) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A horizontal axis at `y` (the plot's bottom), with vertical grid lines up to `top`. */
export function XAxis(props: { scale: AxisScale; y: number; top: number; label: string; left: number; right: number }) {
  return (
    <g class="svg-axis" aria-hidden="true">
      <For each={props.scale.ticks}>
        {(t) => (
          <>
            <line class="svg-grid" x1={t.pos} x2={t.pos} y1={props.top} y2={props.y} />
            <text x={t.pos} y={props.y + 16} text-anchor="middle">{short(t.label)}</text>
          </>
        )}
      </For>
      <line class="svg-axis-line" x1={props.left} x2={props.right} y1={props.y} y2={props.y} />
      <text class="svg-axis-label" x={(props.left + props.right) / 2} y={props.y + 36} text-anchor="middle">{props.label}</text>
    </g>
  );
}

/** A vertical axis at `x` (the plot's left), with horizontal grid lines to `right`. */
export function YAxis(props: { scale: AxisScale; x: number; right: number; label: string; top: number; bottom: number }) {
  return (
    <g class="svg-axis" aria-hidden="true">
      <For each={props.scale.ticks}>
        {(t) => (
          <>
            <line class="svg-grid" x1={props.x} x2={props.right} y1={t.pos} y2={t.pos} />
            <text x={props.x - 8} y={t.pos} text-anchor="end" dominant-baseline="middle">{short(t.label, 10)}</text>
          </>
        )}
      </For>
      <line class="svg-axis-line" x1={props.x} x2={props.x} y1={props.top} y2={props.bottom} />
      <text
        class="svg-axis-label"
        transform={`translate(${props.x - 58} ${(props.top + props.bottom) / 2}) rotate(-90)`}
        text-anchor="middle"
      >
        {props.label}
      </text>
    </g>
  );
}
