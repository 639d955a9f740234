/**
 * The hover tooltip of a line chart, as uPlot hooks: the x value, then each visible run's value near the cursor,
 * highest first. Text goes in through textContent only, so run names stay inert.
 */
import type uPlot from 'uplot';
import { formatValue, formatX } from './chart-options';
import type { XAxisMode } from './chart-data';

/** Rows listed before "and N more". */
const MAX_ROWS = 10;
/** How far (CSS px) to look for a run's nearest point when the cursor's row is not one of its own. */
const NEAR_PX = 12;

/** How to label the tooltip: the x axis mode, and each series' run name and colour. */
export interface TooltipSpec {
  xAxis: XAxisMode;
  labels: string[];
  colors: string[];
}

/** uPlot hooks that keep a tooltip element inside the plot area up to date. */
export function tooltipHooks(spec: TooltipSpec): uPlot.Hooks.Arrays {
  let el: HTMLDivElement | undefined;
  return {
    init: [
      (u) => {
        el = document.createElement('div');
        el.className = 'chart-tooltip';
        el.setAttribute('role', 'status');
        el.hidden = true;
        u.over.appendChild(el);
        u.over.addEventListener('mouseleave', () => el && (el.hidden = true));
      },
    ],
    setCursor: [
      (u) => {
        if (!el) return;
        const idx = u.cursor.idx;
        const left = u.cursor.left ?? -1;
        if (idx == null || left < 0) {
          el.hidden = true;
          return;
        }
        const rows = valuesNear(u, idx, left);
        if (rows.length === 0) {
          el.hidden = true;
          return;
        }
        render(el, formatX(u.data[0][idx], spec.xAxis), rows, spec);
        el.hidden = false;
        const w = el.offsetWidth;
        const h = el.offsetHeight;
        const top = Math.max(0, Math.min((u.cursor.top ?? 0) + 12, u.over.clientHeight - h));
        const x = left + 16 + w > u.over.clientWidth ? left - w - 16 : left + 16;
        el.style.transform = `translate(${Math.max(0, x)}px, ${top}px)`;
      },
    ],
  };
}

/** [series index, value] of each shown series at (or within NEAR_PX of) row `idx`, highest value first. */
function valuesNear(u: uPlot, idx: number, leftPx: number): [number, number][] {
  const out: [number, number][] = [];
  const xs = u.data[0];
  for (let si = 1; si < u.series.length; si++) {
    if (!u.series[si].show) continue;
    const ys = u.data[si];
    let v = ys[idx];
    if (v === undefined) {
      // Runs logged at other steps: take this run's nearest row on either side, if it is close on screen.
      for (let d = 1; d < 64; d++) {
        const a = ys[idx - d];
        const b = ys[idx + d];
        if (a != null && Math.abs(u.valToPos(xs[idx - d], 'x') - leftPx) <= NEAR_PX) { v = a; break; }
        if (b != null && Math.abs(u.valToPos(xs[idx + d], 'x') - leftPx) <= NEAR_PX) { v = b; break; }
        if (idx - d < 0 && idx + d >= xs.length) break;
      }
    }
    if (v != null) out.push([si, v]);
  }
  return out.sort((a, b) => b[1] - a[1]);
}

function render(el: HTMLDivElement, title: string, rows: [number, number][], spec: TooltipSpec): void {
  el.replaceChildren();
  const head = document.createElement('div');
  head.className = 'chart-tooltip-title';
  head.textContent = title;
  el.appendChild(head);
  for (const [si, v] of rows.slice(0, MAX_ROWS)) {
    const row = document.createElement('div');
    row.className = 'chart-tooltip-row';
    const sw = document.createElement('span');
    sw.className = 'swatch';
    sw.style.background = spec.colors[si - 1];
    const name = document.createElement('span');
    name.className = 'chart-tooltip-name';
    name.textContent = spec.labels[si - 1];
    const val = document.createElement('span');
    val.className = 'chart-tooltip-value';
    val.textContent = formatValue(v);
    row.append(sw, name, val);
    el.appendChild(row);
  }
  if (rows.length > MAX_ROWS) {
    const more = document.createElement('div');
    more.className = 'chart-tooltip-more';
    more.textContent = `and ${rows.length - MAX_ROWS} more`;
    el.appendChild(more);
  }
}
