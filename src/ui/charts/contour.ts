/**
 * Contour data: a metric interpolated over two numeric params on a regular grid, by inverse-distance weighting
 * (power 2) in normalised coordinates, plus iso-line segments by marching squares. Pure; drawn by ContourChart.
 */

/** One run: two numeric params and a metric value. */
export interface ContourPoint {
  x: number;
  y: number;
  z: number;
}

/** An interpolated field of z values on a regular nx × ny grid. */
export interface Grid {
  nx: number;
  ny: number;
  /** Row-major, row 0 at y = yDomain[0]. */
  z: Float64Array;
  xDomain: [number, number];
  yDomain: [number, number];
  zDomain: [number, number];
}

/**
 * Interpolates `points` onto an nx × ny grid spanning `domains` (default: the points' x and y extents).
 * At a data point, z is its value.
 */
export function idwGrid(
  points: readonly ContourPoint[], nx: number, ny: number, domains?: { x: [number, number]; y: [number, number] },
): Grid {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const zs = points.map((p) => p.z);
  const xDomain: [number, number] = domains?.x ?? [Math.min(...xs), Math.max(...xs)];
  const yDomain: [number, number] = domains?.y ?? [Math.min(...ys), Math.max(...ys)];
  const zDomain: [number, number] = [Math.min(...zs), Math.max(...zs)];
  const sx = xDomain[1] - xDomain[0] || 1;
  const sy = yDomain[1] - yDomain[0] || 1;
  const px = xs.map((x) => (x - xDomain[0]) / sx);
  const py = ys.map((y) => (y - yDomain[0]) / sy);
  const z = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    const gy = ny === 1 ? 0.5 : j / (ny - 1);
    for (let i = 0; i < nx; i++) {
      const gx = nx === 1 ? 0.5 : i / (nx - 1);
      let num = 0;
      let den = 0;
      let exact = NaN;
      for (let k = 0; k < zs.length; k++) {
        const d2 = (px[k] - gx) ** 2 + (py[k] - gy) ** 2;
        if (d2 < 1e-12) { exact = zs[k]; break; }
        const w = 1 / d2;
        num += w * zs[k];
        den += w;
      }
      z[j * nx + i] = Number.isNaN(exact) ? num / den : exact;
    }
  }
  return { nx, ny, z, xDomain, yDomain, zDomain };
}

/** A line segment in grid coordinates (0…nx-1, 0…ny-1). */
export type Segment = [number, number, number, number];

/** Iso-line segments of `grid` at `level` (marching squares; saddles resolved by the cell's mean). */
export function isoLines(grid: Grid, level: number): Segment[] {
  const { nx, ny, z } = grid;
  const out: Segment[] = [];
  const lerp = (a: number, b: number) => (level - a) / (b - a);
  for (let j = 0; j < ny - 1; j++) {
    for (let i = 0; i < nx - 1; i++) {
      const a = z[j * nx + i]; // (i, j)
      const b = z[j * nx + i + 1]; // (i+1, j)
      const c = z[(j + 1) * nx + i + 1]; // (i+1, j+1)
      const d = z[(j + 1) * nx + i]; // (i, j+1)
      const code = (a > level ? 1 : 0) | (b > level ? 2 : 0) | (c > level ? 4 : 0) | (d > level ? 8 : 0);
      if (code === 0 || code === 15) continue;
      const bottom: [number, number] = [i + lerp(a, b), j];
      const right: [number, number] = [i + 1, j + lerp(b, c)];
      const top: [number, number] = [i + lerp(d, c), j + 1];
      const left: [number, number] = [i, j + lerp(a, d)];
      const seg = (p: [number, number], q: [number, number]) => out.push([p[0], p[1], q[0], q[1]]);
      const centerHigh = (a + b + c + d) / 4 > level;
      switch (code) {
        case 1: case 14: seg(left, bottom); break;
        case 2: case 13: seg(bottom, right); break;
        case 3: case 12: seg(left, right); break;
        case 4: case 11: seg(right, top); break;
        case 6: case 9: seg(bottom, top); break;
        case 7: case 8: seg(left, top); break;
        case 5: if (centerHigh) { seg(left, top); seg(bottom, right); } else { seg(left, bottom); seg(right, top); } break;
        case 10: if (centerHigh) { seg(left, bottom); seg(right, top); } else { seg(left, top); seg(bottom, right); } break;
      }
    }
  }
  return out;
}
