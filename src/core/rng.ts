/**
 * Seeded randomness for reproducible training: the same seed gives the same weight init, shuffles, splits,
 * dropout masks and sweep trials, in Node and in every browser.
 */

/** A generator of floats in [0, 1). */
export type Rng = () => number;

/** mulberry32: small, fast, and good enough for shuffling and sampling (not for cryptography). */
export function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seed for one purpose derived from the run seed, so adding a consumer (say, a new dropout layer) never
 * shifts the numbers another consumer sees. Result: a non-negative 31-bit integer.
 */
export function deriveSeed(seed: number, purpose: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < purpose.length; i++) {
    h = Math.imul(h ^ purpose.charCodeAt(i), 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d) >>> 0;
  h ^= h >>> 15;
  return h & 0x7fffffff;
}

/** Integer in [0, n). */
export const randInt = (rng: Rng, n: number): number => Math.floor(rng() * n);

/** Fisher–Yates shuffle in place; returns `a`. */
export function shuffleInPlace<A extends { length: number; [i: number]: unknown }>(a: A, rng: Rng): A {
  for (let i = a.length - 1; i > 0; i--) {
    const j = randInt(rng, i + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}

/** 0, 1, …, n-1 in a seeded random order. */
export function permutation(n: number, rng: Rng): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  return shuffleInPlace(p, rng);
}
