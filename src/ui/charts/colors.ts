/** Run colours: one per run position, the same in every chart of a page (line, bar, scatter, parallel). */

const PALETTE = [
  '#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f',
  '#3b5bdb', '#f08c00', '#2b8a3e', '#c92a2a', '#7048e8', '#a0522d', '#d6336c', '#0c8599', '#868e00', '#495057',
];

/** The colour of the run at `index`; past the palette, hues step by the golden angle so neighbours differ. */
export function runColor(index: number): string {
  if (index < PALETTE.length) return PALETTE[index];
  const hue = Math.round((index * 137.508) % 360);
  return `hsl(${hue} 65% 45%)`;
}

/**
 * A sequential colour scale (viridis-like, 5 stops) for contour and parallel-coordinate colouring.
 * `t` in [0, 1]; returns [r, g, b] 0–255.
 */
export function sequentialColor(t: number): [number, number, number] {
  const stops: [number, number, number][] = [
    [68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37],
  ];
  const c = Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(c));
  const f = c - i;
  const [a, b] = [stops[i], stops[i + 1]];
  return [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * f)) as [number, number, number];
}

/** `sequentialColor` as a CSS colour. */
export function sequentialCss(t: number): string {
  const [r, g, b] = sequentialColor(t);
  return `rgb(${r} ${g} ${b})`;
}

/** A dark blue → purple → red scale for lines on a light or dark background (parallel coordinates). `t` in [0, 1]. */
export function lineScaleCss(t: number): string {
  const stops: [number, number, number][] = [[37, 99, 235], [124, 58, 237], [220, 38, 38]];
  const c = Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(c));
  const f = c - i;
  const [r, g, b] = [0, 1, 2].map((k) => Math.round(stops[i][k] + (stops[i + 1][k] - stops[i][k]) * f));
  return `rgb(${r} ${g} ${b})`;
}
