/**
 * Axis scales for the SVG/canvas comparison charts (bar, scatter, parallel coordinates, contour): numeric with
 * "nice" ticks, or categorical when any value is not a number (a param like `optimizer=adam`).
 */

/** A value as it comes from a run: a metric (number), a param or tag (string), or missing. */
export type FieldValue = number | string | undefined;

/** A value → pixel mapping plus its tick marks. */
export interface AxisScale {
  kind: 'numeric' | 'categorical';
  /** Pixel position of a value, or undefined when it has none (missing, or not in the domain). */
  pos(v: FieldValue): number | undefined;
  ticks: { pos: number; label: string }[];
  /** Numeric domain (both ends equal the data's extent, widened to nice ticks). */
  domain: [number, number];
}

/** A param string that is a plain number ("0.01", "1e-3", "32") as a number; other strings stay strings. */
export function asNumber(v: FieldValue): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** Ticks 1, 2 or 5 × 10^k apart covering [min, max], about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let t = Math.ceil(min / step - 1e-9) * step; t <= max + step * 1e-9; t += step) out.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return out;
}

const tickLabel = (v: number) => {
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e6 || a < 1e-3)) return v.toExponential(1);
  return Number(v.toPrecision(6)).toLocaleString('en-US', { maximumFractionDigits: 6 });
};

/**
 * A scale from values to pixels in `range` (either direction). Numeric when every present value is a number
 * (strings that parse as numbers count), otherwise categorical with the distinct values in sorted order.
 * `pad` widens a numeric domain by that fraction of its span on each side.
 */
export function makeAxisScale(values: readonly FieldValue[], range: [number, number], tickCount = 5, pad = 0, log = false): AxisScale {
  const present = values.filter((v) => v !== undefined && v !== '');
  const nums = present.map(asNumber);
  if (log && nums.length > 0 && nums.every((n) => n !== undefined && n > 0)) return logScale(nums as number[], range, pad);
  if (nums.every((n) => n !== undefined) && nums.length > 0) {
    let min = Math.min(...(nums as number[]));
    let max = Math.max(...(nums as number[]));
    if (min === max) {
      const d = Math.abs(min) * 0.1 || 1;
      min -= d;
      max += d;
    } else if (pad > 0) {
      const d = (max - min) * pad; // room so points at the extremes are not cut by the plot's edge
      min -= d;
      max += d;
    }
    const ticks = niceTicks(min, max, tickCount);
    const [r0, r1] = range;
    const pos = (v: FieldValue) => {
      const n = asNumber(v);
      return n === undefined ? undefined : r0 + ((n - min) / (max - min)) * (r1 - r0);
    };
    return { kind: 'numeric', pos, domain: [min, max], ticks: ticks.map((t) => ({ pos: pos(t)!, label: tickLabel(t) })) };
  }
  const cats = [...new Set(present.map(String))].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  const [r0, r1] = range;
  const at = (i: number) => (cats.length === 1 ? (r0 + r1) / 2 : r0 + ((i + 0.5) / cats.length) * (r1 - r0));
  const index = new Map(cats.map((c, i) => [c, i]));
  return {
    kind: 'categorical',
    pos: (v) => (v === undefined ? undefined : index.has(String(v)) ? at(index.get(String(v))!) : undefined),
    domain: [0, Math.max(0, cats.length - 1)],
    ticks: cats.map((c, i) => ({ pos: at(i), label: c })),
  };
}

/** True when a log axis can show these values: all present values are positive numbers. */
export function canLog(values: readonly FieldValue[]): boolean {
  const nums = values.filter((v) => v !== undefined && v !== '').map(asNumber);
  return nums.length > 0 && nums.every((n) => n !== undefined && n > 0);
}

/** Base-10 log scale over positive values; ticks at 1, 2 and 5 × 10^k when the data spans few decades. */
function logScale(nums: number[], [r0, r1]: [number, number], pad: number): AxisScale {
  let lo = Math.log10(Math.min(...nums));
  let hi = Math.log10(Math.max(...nums));
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  } else {
    const d = (hi - lo) * pad;
    lo -= d;
    hi += d;
  }
  const at = (n: number) => r0 + ((Math.log10(n) - lo) / (hi - lo)) * (r1 - r0);
  const mults = hi - lo < 2.5 ? [1, 2, 5] : [1];
  const ticks: { pos: number; label: string }[] = [];
  for (let e = Math.floor(lo); e <= Math.ceil(hi); e++) {
    for (const m of mults) {
      const t = m * 10 ** e;
      const l = Math.log10(t);
      if (l >= lo - 1e-9 && l <= hi + 1e-9) ticks.push({ pos: at(t), label: tickLabel(t) });
    }
  }
  return { kind: 'numeric', domain: [10 ** lo, 10 ** hi], pos: (v) => { const n = asNumber(v); return n !== undefined && n > 0 ? at(n) : undefined; }, ticks };
}
