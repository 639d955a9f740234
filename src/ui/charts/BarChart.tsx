/** One value per run as horizontal bars (room for long run names), from zero; runs without the value are listed as such. */
import { For, Show } from 'solid-js';
import { createElementWidth } from '../primitives/create-element-width';
import { makeAxisScale } from './axis-scale';
import { formatValue } from './chart-options';
import { XAxis } from './SvgAxes';

/** One bar: a run, its colour and its value (undefined = the run lacks it). */
export interface BarDatum {
  runId: string;
  name: string;
  color: string;
  value: number | undefined;
}

const ROW = 26;
const M = { top: 8, right: 72, bottom: 48, left: 168 };

/** Horizontal bars from zero, one row per run, labelled with the run name and value. */
export function BarChart(props: { data: BarDatum[]; label: string }) {
  let box: HTMLDivElement | undefined;
  const width = createElementWidth(() => box);
  const present = () => props.data.filter((d) => d.value !== undefined && Number.isFinite(d.value));
  const height = () => M.top + M.bottom + ROW * props.data.length;
  const scale = () => {
    const vals = present().map((d) => d.value as number);
    return makeAxisScale([0, ...vals], [M.left, width() - M.right]);
  };
  return (
    <div ref={box} class="svg-chart">
      <svg width={width()} height={height()} role="img" aria-label={`Bar chart of ${props.label} per run`}>
        <XAxis scale={scale()} y={height() - M.bottom} top={M.top} left={M.left} right={width() - M.right} label={props.label} />
        <For each={props.data}>
          {(d, i) => {
            const y = () => M.top + i() * ROW + 4;
            const zero = () => scale().pos(0)!;
            const end = () => (d.value === undefined || !Number.isFinite(d.value) ? zero() : scale().pos(d.value)!);
            return (
              <g class="bar-row">
                <title>{`${d.name}: ${formatValue(d.value)}`}</title>
                <text class="bar-label" x={M.left - 8} y={y() + ROW / 2 - 4} text-anchor="end" dominant-baseline="middle">
                  {d.name.length > 22 ? `${d.name.slice(0, 21)}…` : d.name}
                </text>
                <Show when={d.value !== undefined && Number.isFinite(d.value)} fallback={
                  <text class="bar-value muted" x={zero() + 6} y={y() + ROW / 2 - 4} dominant-baseline="middle">no value</text>
                }>
                  <rect x={Math.min(zero(), end())} y={y()} width={Math.max(1, Math.abs(end() - zero()))} height={ROW - 8} rx="2" fill={d.color} />
                  <text class="bar-value" x={Math.max(zero(), end()) + 6} y={y() + ROW / 2 - 4} dominant-baseline="middle">{formatValue(d.value)}</text>
                </Show>
              </g>
            );
          }}
        </For>
      </svg>
    </div>
  );
}
