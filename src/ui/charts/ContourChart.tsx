/**
 * A metric over two numeric params: an inverse-distance-weighted grid painted on a canvas, iso-lines and the
 * runs' points drawn over it in SVG, and a colour bar. Needs at least three runs with all three values.
 */
import { createEffect, For, Show } from 'solid-js';
import { createElementWidth } from '../primitives/create-element-width';
import { makeAxisScale } from './axis-scale';
import { formatValue } from './chart-options';
import { sequentialColor, sequentialCss } from './colors';
import { type ContourPoint, idwGrid, isoLines } from './contour';
import { XAxis, YAxis } from './SvgAxes';

/** A run as a contour input point. */
export interface ContourDatum extends ContourPoint {
  runId: string;
  name: string;
}

const M = { top: 16, right: 96, bottom: 52, left: 80 };
const HEIGHT = 380;
const N = 60;
const LEVELS = 8;

/** Heat map + iso-lines + points + colour bar of z over (x, y). */
export function ContourChart(props: { data: ContourDatum[]; xLabel: string; yLabel: string; zLabel: string }) {
  let box: HTMLDivElement | undefined;
  let canvas: HTMLCanvasElement | undefined;
  const width = createElementWidth(() => box);
  const plotW = () => Math.max(50, width() - M.left - M.right);
  const plotH = HEIGHT - M.top - M.bottom;
  const xs = () => makeAxisScale(props.data.map((d) => d.x), [M.left, M.left + plotW()], 6, 0.05);
  const ys = () => makeAxisScale(props.data.map((d) => d.y), [M.top + plotH, M.top], 5, 0.06);
  const grid = () => (props.data.length >= 3 ? idwGrid(props.data, N, N, { x: xs().domain, y: ys().domain }) : undefined);
  const gx = (i: number) => M.left + (i / (N - 1)) * plotW();
  const gy = (j: number) => M.top + plotH - (j / (N - 1)) * plotH;
  const t = (z: number) => {
    const g = grid()!;
    const [lo, hi] = g.zDomain;
    return hi > lo ? (z - lo) / (hi - lo) : 0.5;
  };
  const lines = () => {
    const g = grid();
    if (!g) return [];
    const [lo, hi] = g.zDomain;
    return Array.from({ length: LEVELS - 1 }, (_, k) => isoLines(g, lo + ((k + 1) / LEVELS) * (hi - lo))).flat();
  };

  createEffect(() => {
    const g = grid();
    if (!g || !canvas) return;
    const ctx = canvas.getContext('2d')!;
    const img = ctx.createImageData(N, N);
    for (let j = 0; j < N; j++) {
      for (let i = 0; i < N; i++) {
        const [r, gg, b] = sequentialColor(t(g.z[j * N + i]));
        const o = ((N - 1 - j) * N + i) * 4; // canvas rows run top-down, grid rows bottom-up
        img.data[o] = r; img.data[o + 1] = gg; img.data[o + 2] = b; img.data[o + 3] = 235;
      }
    }
    ctx.putImageData(img, 0, 0);
  });

  return (
    <div ref={box} class="svg-chart contour">
      <Show when={grid()} fallback={<p class="chart-empty-inline">A contour needs at least three runs with numeric values for all three fields; {props.data.length} have them.</p>}>
        <canvas ref={canvas} width={N} height={N} class="contour-canvas" style={{ left: `${M.left}px`, top: `${M.top}px`, width: `${plotW()}px`, height: `${plotH}px` }} aria-hidden="true" />
        <svg width={width()} height={HEIGHT} role="img" aria-label={`Contour of ${props.zLabel} over ${props.xLabel} and ${props.yLabel}`}>
          <XAxis scale={xs()} y={HEIGHT - M.bottom} top={M.top} left={M.left} right={M.left + plotW()} label={props.xLabel} />
          <YAxis scale={ys()} x={M.left} right={M.left + plotW()} top={M.top} bottom={HEIGHT - M.bottom} label={props.yLabel} />
          <path class="contour-iso" d={lines().map(([a, b, c, d]) => `M${gx(a).toFixed(1)},${gy(b).toFixed(1)}L${gx(c).toFixed(1)},${gy(d).toFixed(1)}`).join('')} />
          <For each={props.data}>
            {(d) => (
              <circle class="contour-point" cx={xs().pos(d.x)} cy={ys().pos(d.y)} r="4">
                <title>{`${d.name}\n${props.xLabel}: ${d.x}\n${props.yLabel}: ${d.y}\n${props.zLabel}: ${formatValue(d.z)}`}</title>
              </circle>
            )}
          </For>
          <g class="svg-axis" transform={`translate(${M.left + plotW() + 24} ${M.top})`} aria-hidden="true">
            <For each={Array.from({ length: 24 }, (_, k) => k)}>
              {(k) => <rect x="0" y={(k * plotH) / 24} width="14" height={plotH / 24 + 0.5} fill={sequentialCss(1 - k / 23)} />}
            </For>
            <text x="20" y="8">{formatValue(grid()!.zDomain[1])}</text>
            <text x="20" y={plotH}>{formatValue(grid()!.zDomain[0])}</text>
            <text class="svg-axis-label" transform={`translate(64 ${plotH / 2}) rotate(90)`} text-anchor="middle">{props.zLabel.length > 24 ? `${props.zLabel.slice(0, 23)}…` : props.zLabel}</text>
          </g>
        </svg>
      </Show>
    </div>
  );
}
