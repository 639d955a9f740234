// Mirrors mlflow tests/utils/test_name_utils.py::test_random_name_generation.
import { describe, expect, it } from 'vitest';
import { RUN_NAME_ADJECTIVES, RUN_NAME_NOUNS, generateRunName } from './run-names';
import { isValidEntityName } from './validation';

/** A [0, 1) source that replays `values`, then repeats the last. */
const replay = (...values: number[]) => {
  let i = 0;
  return () => values[Math.min(i++, values.length - 1)];
};

describe('generateRunName', () => {
  it('makes <adjective>-<noun>-<0..1000> names of at most 20 characters', () => {
    for (let i = 0; i < 1000; i++) {
      const name = generateRunName();
      expect(name.length).toBeLessThanOrEqual(20);
      const m = /^([a-z]+)-([a-z]+)-(\d+)$/.exec(name);
      expect(m, name).not.toBeNull();
      expect(RUN_NAME_ADJECTIVES).toContain(m![1]);
      expect(RUN_NAME_NOUNS).toContain(m![2]);
      expect(Number(m![3])).toBeLessThanOrEqual(1000);
      expect(isValidEntityName(name)).toBe(true);
    }
  });

  it('draws both ends of the number range', () => {
    expect(generateRunName(replay(0, 0, 0))).toBe(`${RUN_NAME_ADJECTIVES[0]}-${RUN_NAME_NOUNS[0]}-0`);
    expect(generateRunName(replay(0, 0, 0.9999999))).toBe(`${RUN_NAME_ADJECTIVES[0]}-${RUN_NAME_NOUNS[0]}-1000`);
    expect(generateRunName(() => 1)).toMatch(/-1000$/); // a source that returns 1 stays in range
  });

  it('retries a too-long draw, then truncates after 10 (exhausted loop truncation)', () => {
    const longest = (words: readonly string[]) => words.reduce((a, b) => (b.length > a.length ? b : a));
    const ia = (RUN_NAME_ADJECTIVES.indexOf(longest(RUN_NAME_ADJECTIVES)) + 0.5) / RUN_NAME_ADJECTIVES.length;
    const inn = (RUN_NAME_NOUNS.indexOf(longest(RUN_NAME_NOUNS)) + 0.5) / RUN_NAME_NOUNS.length;
    const tooLong = `${longest(RUN_NAME_ADJECTIVES)}-${longest(RUN_NAME_NOUNS)}-1000`;
    expect(tooLong.length).toBeGreaterThan(20);
    expect(generateRunName(replay(ia, inn, 0.9999999, 0, 0, 0))).toBe(`${RUN_NAME_ADJECTIVES[0]}-${RUN_NAME_NOUNS[0]}-0`);
    let calls = 0;
    const alwaysLong = () => [ia, inn, 0.9999999][calls++ % 3];
    expect(generateRunName(alwaysLong)).toBe(tooLong.slice(0, 20));
    expect(calls).toBe(30);
    expect(generateRunName(undefined, 8)).toHaveLength(8);
  });

  it('has about 100 distinct short lower-case words per list', () => {
    for (const words of [RUN_NAME_ADJECTIVES, RUN_NAME_NOUNS]) {
      expect(new Set(words).size).toBe(words.length);
      expect(words.length).toBeGreaterThanOrEqual(100);
      for (const w of words) expect(w).toMatch(/^[a-z]{3,8}$/);
    }
  });
});
