/** "Download PNG" and "Download CSV" of a line chart. */
import type uPlot from 'uplot';
import type { RunId } from '../../core/ids';
import type { TrackingClient } from '../../tracking/api';
import { toCsv } from '../download';

/**
 * The chart as a PNG: a title, the plot (axes included) at device resolution, and a legend of the shown runs,
 * on the page's background colour.
 */
export async function chartPng(
  u: uPlot, title: string, legend: { label: string; color: string }[], colors: { bg: string; text: string },
): Promise<Blob> {
  const plot = u.ctx.canvas;
  const dpr = plot.width / Math.max(1, plot.clientWidth || u.width);
  const pad = 16 * dpr;
  const line = 18 * dpr;
  const perRow = Math.max(1, Math.floor(plot.width / (180 * dpr)));
  const legendRows = Math.ceil(Math.min(legend.length, 40) / perRow);
  const canvas = document.createElement('canvas');
  canvas.width = plot.width + 2 * pad;
  canvas.height = plot.height + 2 * pad + line * (1.6 + legendRows);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = colors.bg;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = colors.text;
  ctx.font = `600 ${14 * dpr}px system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  ctx.fillText(title, pad, pad);
  ctx.drawImage(plot, pad, pad + line * 1.4);
  ctx.font = `${12 * dpr}px system-ui, sans-serif`;
  legend.slice(0, 40).forEach((s, i) => {
    const x = pad + (i % perRow) * 180 * dpr;
    const y = pad + line * 1.6 + plot.height + Math.floor(i / perRow) * line;
    ctx.fillStyle = s.color;
    ctx.fillRect(x, y + 3 * dpr, 10 * dpr, 10 * dpr);
    ctx.fillStyle = colors.text;
    ctx.fillText(s.label.length > 24 ? `${s.label.slice(0, 23)}…` : s.label, x + 16 * dpr, y);
  });
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The browser could not encode the PNG.'))), 'image/png'),
  );
}

/**
 * Every stored point (full resolution, not what is drawn) of one metric for the given runs, as MLflow's
 * "Export as CSV": run_id, run_name, key, step, timestamp, value.
 */
export async function metricCsv(
  client: Pick<TrackingClient, 'getMetricSeries'>, key: string, runs: { runId: RunId; name: string }[],
): Promise<Blob> {
  const rows: (string | number)[][] = [['run_id', 'run_name', 'key', 'step', 'timestamp', 'value']];
  for (const r of runs) {
    const s = await client.getMetricSeries(r.runId, key);
    for (let i = 0; i < s.steps.length; i++) rows.push([r.runId, r.name, key, s.steps[i], s.timestamps[i], s.values[i]]);
  }
  return new Blob([toCsv(rows)], { type: 'text/csv' });
}
