import { describe, expect, it } from 'vitest';
import { packChunk, packColumn, unpackColumn, type OffsetColumn, type PackedColumn } from './chunk-codec';

const f64 = (xs: number[]) => Float64Array.from(xs);
const ident = (xs: ArrayLike<number>) => Array.from(xs, (x) => (Object.is(x, -0) ? '-0' : String(x)));

/** Packs a copy, then checks every way of reading it gives back exactly the input. */
function roundTrip(xs: number[]): PackedColumn {
  const packed = packColumn(f64(xs));
  expect(ident(unpackColumn(packed, xs.length))).toEqual(ident(xs));
  const out = new Float64Array(xs.length + 3);
  unpackColumn(packed, xs.length, out, 2);
  expect(ident(out.subarray(2, 2 + xs.length))).toEqual(ident(xs));
  return packed;
}

describe('packColumn', () => {
  it('stores steps logged once per step as base + stride: no bytes per point', () => {
    expect(roundTrip(Array.from({ length: 4096 }, (_, i) => 8192 + i))).toEqual({ base: 8192, stride: 1 });
    expect(roundTrip([7, 7, 7])).toEqual({ base: 7, stride: 0 });
    expect(roundTrip([-5, -15, -25])).toEqual({ base: -5, stride: -10 });
    expect(roundTrip([42])).toEqual({ base: 42, stride: 0 });
  });

  it('stores integers within 2^31 of the first as Int32 offsets: 4 bytes per point', () => {
    const ts = Array.from({ length: 1000 }, (_, i) => 1_764_000_000_000 + i * 37 + (i % 5));
    const p = roundTrip(ts);
    expect(p).toMatchObject({ base: ts[0] });
    expect((p as OffsetColumn).offsets).toBeInstanceOf(Int32Array);
    expect((p as OffsetColumn).offsets.byteLength).toBe(4000);
    expect(roundTrip([0, 2 ** 31 - 1, -(2 ** 31)])).toHaveProperty('offsets');
  });

  it('keeps a Float64Array when packing could not be exact', () => {
    for (const xs of [
      [0, 0.5, 1], // fractions
      [0, 2 ** 31, 5], // beyond int32 from the first, not arithmetic
      [1, 2, 4, 2 ** 53 + 2], // beyond safe integers
      [0, -0, 0], // -0
      [NaN, 1, 2],
      [1, Infinity],
      [2 ** 53, 2 ** 53 + 2, 2 ** 53 + 4],
    ]) expect(roundTrip(xs)).toBeInstanceOf(Float64Array);
    expect(roundTrip([])).toBeInstanceOf(Float64Array);
  });

  it('reads version-1 rows (plain Float64Array columns) unchanged', () => {
    const v1 = { steps: f64([0, 1, 2]), timestamps: f64([5, 6, 7]) };
    expect(ident(unpackColumn(v1.steps, 3))).toEqual(['0', '1', '2']);
    expect(ident(unpackColumn(v1.timestamps, 3))).toEqual(['5', '6', '7']);
  });
});

describe('packChunk', () => {
  it('computes the step range and packs steps and timestamps, not values', () => {
    const row = packChunk('r', 'loss', 3, { steps: f64([4, 2, 9]), timestamps: f64([10, 20, 30]), values: f64([1, 2, 3]) });
    expect(row).toMatchObject({ runId: 'r', key: 'loss', chunk: 3, n: 3, minStep: 2, maxStep: 9 });
    expect(row.timestamps).toEqual({ base: 10, stride: 10 });
    expect(row.values).toBeInstanceOf(Float64Array);
    expect(ident(unpackColumn(row.steps, row.n))).toEqual(['4', '2', '9']);
  });
});
