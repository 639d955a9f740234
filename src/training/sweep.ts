/**
 * Hyperparameter sweeps: a grid (every combination of the listed values) or random search (values drawn from
 * lists or ranges, seeded). Each trial is a full HyperParams; the seed and validation split never vary, so the
 * trials differ only in what is swept.
 */
import { invalidParam } from '../core/errors';
import { deriveSeed, makeRng, randInt, type Rng } from '../core/rng';
import { ACTIVATIONS, OPTIMIZERS } from '../models/flavors/tfjs/options';
import { formatUnits, parseUnits, validateParams, type HyperParams } from './spec';

export type SweepKey = 'learning_rate' | 'hidden_units' | 'activation' | 'dropout' | 'optimizer' | 'batch_size' | 'epochs' | 'conv_filters';
export const SWEEP_KEYS: readonly SweepKey[] = ['learning_rate', 'hidden_units', 'dropout', 'batch_size', 'epochs', 'optimizer', 'activation', 'conv_filters'];

type Value = HyperParams[SweepKey];
/** A list of candidate values, or (random search only) a range: log-uniform for learning_rate. */
export type SweepDim = { key: SweepKey; values: Value[] } | { key: SweepKey; min: number; max: number };

export interface SweepSpec {
  mode: 'grid' | 'random';
  dims: SweepDim[];
  /** Random search: how many trials. Grid: ignored (the product of the list lengths). */
  trials?: number;
}

export interface Trial {
  index: number;
  params: HyperParams;
  /** The swept values of this trial, formatted as logged ("learning_rate" → "0.01"). */
  varied: Record<string, string>;
}

export const MAX_TRIALS = 64;
const INTEGER_KEYS = new Set<SweepKey>(['batch_size', 'epochs', 'conv_filters']);
const TEXT_KEYS: Partial<Record<SweepKey, readonly string[]>> = { activation: ACTIVATIONS, optimizer: OPTIMIZERS };

const show = (v: Value): string => (Array.isArray(v) ? formatUnits(v) : String(v));

/**
 * Parses what the form holds for one key: "0.001, 0.01" (a list), "0.0001..0.1" (a range), or for hidden_units
 * "16 | 32,16" (lists separated by '|').
 */
export function parseSweepValues(key: SweepKey, text: string): SweepDim {
  const t = text.trim();
  if (t === '') throw invalidParam(`Give at least one value for ${key}.`);
  if (key === 'hidden_units') return { key, values: t.split('|').map(parseUnits) };
  const range = /^(\S+)\s*\.\.\s*(\S+)$/.exec(t);
  if (range && !TEXT_KEYS[key]) {
    const [min, max] = [Number(range[1]), Number(range[2])];
    if (!Number.isFinite(min) || !Number.isFinite(max) || min >= max) throw invalidParam(`The range for ${key} must be low..high, got '${t}'.`);
    return { key, min, max };
  }
  const parts = t.split(',').map((s) => s.trim()).filter(Boolean);
  const allowed = TEXT_KEYS[key];
  if (allowed) {
    const bad = parts.find((p) => !allowed.includes(p));
    if (bad) throw invalidParam(`'${bad}' is not a valid ${key}; choose from ${allowed.join(', ')}.`);
    return { key, values: parts as Value[] };
  }
  const nums = parts.map(Number);
  if (nums.some((n) => !Number.isFinite(n))) throw invalidParam(`The values for ${key} must be numbers separated by commas, got '${t}'.`);
  return { key, values: nums };
}

function draw(dim: SweepDim, rng: Rng): Value {
  if ('values' in dim) return dim.values[randInt(rng, dim.values.length)];
  const u = rng();
  const v = dim.key === 'learning_rate' && dim.min > 0
    ? Math.exp(Math.log(dim.min) + u * (Math.log(dim.max) - Math.log(dim.min)))
    : dim.min + u * (dim.max - dim.min);
  return INTEGER_KEYS.has(dim.key) ? Math.round(v) : Number(v.toPrecision(4));
}

function combinations(dims: { key: SweepKey; values: Value[] }[]): Record<string, Value>[] {
  let out: Record<string, Value>[] = [{}];
  for (const d of dims) out = out.flatMap((c) => d.values.map((v) => ({ ...c, [d.key]: v })));
  return out;
}

/** The trials of a sweep, each validated. Throws INVALID_PARAMETER_VALUE for an empty or oversized sweep. */
export function expandSweep(base: HyperParams, spec: SweepSpec): Trial[] {
  if (spec.dims.length === 0) throw invalidParam('Choose at least one parameter to sweep.');
  const keys = spec.dims.map((d) => d.key);
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup) throw invalidParam(`${dup} is swept twice; list its values once.`);
  let picks: Record<string, Value>[];
  if (spec.mode === 'grid') {
    const ranged = spec.dims.find((d) => !('values' in d));
    if (ranged) throw invalidParam(`A grid needs a list of values for ${ranged.key}, not a range; use random search for ranges.`);
    const size = spec.dims.reduce((n, d) => n * (d as { values: Value[] }).values.length, 1);
    if (size > MAX_TRIALS) throw invalidParam(`This grid has ${size} combinations; the limit is ${MAX_TRIALS}. Remove some values.`);
    picks = combinations(spec.dims as { key: SweepKey; values: Value[] }[]);
  } else {
    const n = spec.trials ?? 0;
    if (!Number.isInteger(n) || n < 1 || n > MAX_TRIALS) throw invalidParam(`Random search needs 1 to ${MAX_TRIALS} trials, got ${n}.`);
    const rng = makeRng(deriveSeed(base.seed, 'sweep'));
    picks = Array.from({ length: n }, () => Object.fromEntries(spec.dims.map((d) => [d.key, draw(d, rng)])));
  }
  return picks.map((pick, index) => {
    const params = validateParams({ ...base, ...pick } as HyperParams);
    const varied = Object.fromEntries(keys.map((k) => [k, show(params[k])]));
    return { index, params, varied };
  });
}
