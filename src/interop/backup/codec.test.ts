import { describe, expect, it } from 'vitest';
import { PageDecoder, PageEncoder } from './codec';

function roundTrip(v: unknown): unknown {
  const blobs: Blob[] = [];
  const enc = new PageEncoder((b) => `blobs/${blobs.push(b) - 1}`);
  const text = JSON.stringify(enc.encode(v));
  const bin = new Uint8Array(enc.binaryBytes);
  let at = 0;
  for (const part of enc.binary) {
    bin.set(part, at);
    at += part.length;
  }
  return new PageDecoder(bin, (name) => blobs[Number(name.slice(6))]).decode(JSON.parse(text));
}

describe('backup codec', () => {
  it('round-trips what structured clone stores and JSON cannot', () => {
    const f64 = Float64Array.of(NaN, -0, Infinity, 1.5);
    const v = {
      s: 'a\u2028b\ud83d', n: [NaN, Infinity, -Infinity, -0, 0, 5e-324], u: undefined, nul: null,
      m: new Map<unknown, unknown>([['__proto__', 1], ['b', new Map([['x', [1]]])]]),
      set: new Set(['x', 'y']), d: new Date(1234), f64, sub: new Float32Array(f64.buffer, 8, 2), ab: Uint8Array.of(1, 2).buffer,
      $tricky: { $map: 'not a tag' }, nested: [{ $ta: 'Float64Array' }],
    };
    const back = roundTrip(v) as typeof v;
    expect(back).toEqual(v);
    expect(Object.is((back.n as number[])[3], -0)).toBe(true);
    expect([...back.m.keys()]).toEqual(['__proto__', 'b']);
    expect(back.f64).toBeInstanceOf(Float64Array);
    expect(Object.is(back.f64[1], -0)).toBe(true);
    expect([...back.sub]).toEqual([...new Float32Array(f64.buffer, 8, 2)]);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
  });

  it('keeps Blobs as references, not bytes', () => {
    const blob = new Blob(['hello'], { type: 'text/plain' });
    const enc = new PageEncoder(() => 'blobs/0');
    expect(enc.encode({ data: blob })).toEqual({ data: { $blob: 'blobs/0', size: 5, type: 'text/plain' } });
    expect(enc.binaryBytes).toBe(0);
  });

  it('refuses values it cannot store', () => {
    const enc = new PageEncoder(() => 'x');
    expect(() => enc.encode({ f: () => 1 })).toThrow(/cannot encode a function/);
    expect(() => enc.encode(new DataView(new ArrayBuffer(1)))).toThrow(/cannot encode a DataView/);
  });
});
