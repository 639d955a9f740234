/**
 * A line plot drawn on an OffscreenCanvas and encoded as PNG: the sample run's `plots/loss_curve.png`.
 * A hand-drawn canvas keeps uPlot (and the DOM) out of data generation.
 */
export async function drawLinePng(plot: { title: string; values: number[] }): Promise<Blob> {
  const w = 640;
  const h = 400;
  const canvas = new OffscreenCanvas(w, h);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('2D canvas is not available');
  const pad = { l: 56, r: 20, t: 44, b: 40 };
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, w, h);
  g.fillStyle = '#1f2328';
  g.font = '600 16px system-ui, sans-serif';
  g.fillText(plot.title, pad.l, 28);
  const vs = plot.values.length ? plot.values : [0];
  const max = Math.max(...vs);
  const min = Math.min(...vs);
  const x = (i: number) => pad.l + ((w - pad.l - pad.r) * i) / Math.max(1, vs.length - 1);
  const y = (v: number) => pad.t + (h - pad.t - pad.b) * (1 - (v - min) / (max - min || 1));
  g.strokeStyle = '#d0d7de';
  g.lineWidth = 1;
  g.font = '12px system-ui, sans-serif';
  g.fillStyle = '#59636e';
  for (let k = 0; k <= 4; k++) {
    const v = min + ((max - min) * k) / 4;
    g.beginPath();
    g.moveTo(pad.l, y(v));
    g.lineTo(w - pad.r, y(v));
    g.stroke();
    g.fillText(v.toFixed(2), 8, y(v) + 4);
  }
  g.fillText('step', w - pad.r - 28, h - 12);
  g.strokeStyle = '#1f6feb';
  g.lineWidth = 1.5;
  g.beginPath();
  // One vertex per pixel column is plenty for a thumbnail of thousands of steps.
  const stride = Math.max(1, Math.floor(vs.length / (w - pad.l - pad.r)));
  for (let i = 0; i < vs.length; i += stride) (i === 0 ? g.moveTo(x(i), y(vs[i])) : g.lineTo(x(i), y(vs[i])));
  g.stroke();
  return canvas.convertToBlob({ type: 'image/png' });
}
