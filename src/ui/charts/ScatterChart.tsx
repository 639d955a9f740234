/** Runs as points over any two fields (params or metrics, numeric or categorical). */
import { createSignal, For, Show } from 'solid-js';
import { createElementWidth } from '../primitives/create-element-width';
import { type FieldValue, makeAxisScale } from './axis-scale';
import { XAxis, YAxis } from './SvgAxes';

/** A run as a point: its two field values (numbers or categories). */
export interface ScatterDatum {
  runId: string;
  name: string;
  color: string;
  x: FieldValue;
  y: FieldValue;
}

const M = { top: 16, right: 24, bottom: 52, left: 80 };
const HEIGHT = 380;

/** Runs as points over two fields, optionally on log axes, with the hovered run named below. */
export function ScatterChart(props: { data: ScatterDatum[]; xLabel: string; yLabel: string; logX?: boolean; logY?: boolean }) {
  let box: HTMLDivElement | undefined;
  const width = createElementWidth(() => box);
  const [hover, setHover] = createSignal<ScatterDatum | undefined>();
  const xs = () => makeAxisScale(props.data.map((d) => d.x), [M.left, width() - M.right], 6, 0.05, props.logX);
  const ys = () => makeAxisScale(props.data.map((d) => d.y), [HEIGHT - M.bottom, M.top], 5, 0.06, props.logY);
  const placed = () =>
    props.data.flatMap((d) => {
      const cx = xs().pos(d.x);
      const cy = ys().pos(d.y);
      return cx === undefined || cy === undefined ? [] : [{ d, cx, cy }];
    });
  const missing = () => props.data.length - placed().length;
  return (
    <div ref={box} class="svg-chart">
      <svg width={width()} height={HEIGHT} role="img" aria-label={`Scatter plot of ${props.yLabel} against ${props.xLabel}`}>
        <XAxis scale={xs()} y={HEIGHT - M.bottom} top={M.top} left={M.left} right={width() - M.right} label={props.xLabel} />
        <YAxis scale={ys()} x={M.left} right={width() - M.right} top={M.top} bottom={HEIGHT - M.bottom} label={props.yLabel} />
        <For each={placed()}>
          {(p) => (
            <circle
              class="scatter-point"
              cx={p.cx}
              cy={p.cy}
              r={hover() === p.d ? 7 : 5}
              fill={p.d.color}
              onMouseEnter={() => setHover(p.d)}
              onMouseLeave={() => setHover(undefined)}
            >
              <title>{`${p.d.name}\n${props.xLabel}: ${String(p.d.x)}\n${props.yLabel}: ${String(p.d.y)}`}</title>
            </circle>
          )}
        </For>
      </svg>
      <p class="chart-foot muted" aria-live="polite">
        <Show when={hover()} fallback={<>Hover a point for its run.{missing() > 0 ? ` ${missing()} run(s) lack one of the values.` : ''}</>}>
          {(h) => <><span class="swatch" style={{ background: h().color }} /> {h().name}: {props.xLabel} = {String(h().x)}, {props.yLabel} = {String(h().y)}</>}
        </Show>
      </p>
    </div>
  );
}
