/**
 * Compiles a parsed filter into one predicate per row type, once per search. Semantics follow
 * MLflow's in-memory evaluation (SearchUtils._does_run_match_clause and
 * SearchExperimentsUtils._does_experiment_match_clause):
 * - a missing key, metric or nullable attribute never matches, not even `!=`;
 * - metrics compare their latest value as IEEE floats, so NaN only satisfies `!=`;
 * - LIKE matches the whole value, case-sensitively, with `%` any run of characters and `_` one character,
 *   newlines included, as MLflow's SQL store (the default store) does; ILIKE ignores case, Unicode-aware like
 *   the FileStore and PostgreSQL (SQLite's lower() folds ASCII only: a documented store difference);
 * - a dataset clause matches when any of the run's dataset inputs matches.
 */
import type { ExperimentRow, RunRow } from '../../storage/rows';
import { invalidParam } from '../../core/errors';
import type { Clause } from './clause';
import { RUNS } from './dialect';
import type { FilterNode } from './filter';

export type Predicate<T> = (row: T) => boolean;
type Test = (lhs: unknown) => boolean;

const DATASET_CONTEXT_TAG = 'mlflow.data.context';

/** Combines compiled leaves: AND short-circuits like Python's `all`, OR like `any`. */
export function compileTree<T>(node: FilterNode, leaf: (c: Clause) => Predicate<T>): Predicate<T> {
  if (node.op === 'cmp') return leaf(node.clause);
  const parts = node.items.map((n) => compileTree(n, leaf));
  if (parts.length === 0) return () => true;
  if (parts.length === 1) return parts[0];
  return node.op === 'and' ? (row) => parts.every((p) => p(row)) : (row) => parts.some((p) => p(row));
}

const RUN_FIELDS: Record<string, keyof RunRow> = {
  run_id: 'runId', run_name: 'runName', user_id: 'userId', status: 'status',
  artifact_uri: 'artifactUri', start_time: 'startTime', end_time: 'endTime',
};

/** One run clause as a predicate. Keys of every type go through MLflow's alias translation. */
export function runClause(c: Clause): Predicate<RunRow> {
  const key = RUNS.translate(c.key);
  const test = comparison(c.comparator, c.value);
  switch (c.type) {
    case 'metric':
      return (r) => {
        const m = r.metrics.get(key);
        return m !== undefined && test(m.value);
      };
    case 'parameter':
      return mapClause((r: RunRow) => r.params, key, c.comparator, test);
    case 'tag':
      return mapClause((r: RunRow) => r.tags, key, c.comparator, test);
    case 'attribute': {
      const field = RUN_FIELDS[key];
      return (r) => {
        const v = r[field];
        return v !== null && v !== undefined && test(v);
      };
    }
    case 'dataset':
      return key === 'context'
        ? (r) => r.datasetInputs.some((i) => i.tags.some((t) => t.key === DATASET_CONTEXT_TAG && test(t.value)))
        : (r) => r.datasetInputs.some((i) => test(key === 'name' ? i.dataset.name : i.dataset.digest));
  }
}

const EXPERIMENT_FIELDS: Record<string, keyof ExperimentRow> = {
  name: 'name', experiment_id: 'experimentId', creation_time: 'creationTime', last_update_time: 'lastUpdateTime',
};

/** One experiment clause as a predicate. */
export function experimentClause(c: Clause): Predicate<ExperimentRow> {
  const test = comparison(c.comparator, c.value);
  if (c.type === 'tag') return mapClause((e: ExperimentRow) => e.tags, c.key, c.comparator, test);
  const field = EXPERIMENT_FIELDS[c.key];
  return (e) => {
    const v = e[field];
    return v !== null && v !== undefined && test(v);
  };
}

function mapClause<T>(get: (row: T) => Map<string, string>, key: string, comparator: string, test: Test): Predicate<T> {
  if (comparator === 'IS NULL') return (row) => !get(row).has(key);
  if (comparator === 'IS NOT NULL') return (row) => get(row).has(key);
  return (row) => {
    const v = get(row).get(key);
    return v !== undefined && test(v);
  };
}

/** The right-hand side of one comparator, built once. */
function comparison(comparator: string, value: Clause['value']): Test {
  if (Array.isArray(value)) return listComparison(comparator, value);
  switch (comparator) {
    case '=': return (x) => x === value;
    case '!=': return (x) => x !== value;
    case '<': return (x) => (x as number) < (value as number);
    case '<=': return (x) => (x as number) <= (value as number);
    case '>': return (x) => (x as number) > (value as number);
    case '>=': return (x) => (x as number) >= (value as number);
    case 'LIKE':
    case 'ILIKE': {
      const re = likeToRegExp(String(value), comparator === 'ILIKE');
      return (x) => re.test(x as string);
    }
  }
  return () => false;
}

/** A tuple on the right: IN / NOT IN test membership; `=` never equals a tuple, `!=` always differs. */
function listComparison(comparator: string, list: string[]): Test {
  const set = new Set(list);
  switch (comparator) {
    case 'IN': return (x) => set.has(x as string);
    case 'NOT IN': return (x) => !set.has(x as string);
    case '=': return () => false;
    case '!=': return () => true;
  }
  throw invalidParam(`Invalid comparator '${comparator}' for a list of values.`);
}

const REGEX_SYNTAX = /[\^$\\.*+?()[\]{}|/]/;

/**
 * SQL LIKE pattern → RegExp: anchored at both ends, `%` → any run of characters, `_` → one character, newlines
 * included (SQL LIKE, which MLflow's SQL store uses; its FileStore's Python `re.match` differs on newlines).
 */
export function likeToRegExp(pattern: string, ignoreCase: boolean): RegExp {
  let src = '^';
  for (const ch of pattern) {
    if (ch === '%') src += '[\\s\\S]*';
    else if (ch === '_') src += '[\\s\\S]';
    else src += REGEX_SYNTAX.test(ch) ? '\\' + ch : ch;
  }
  return new RegExp(src + '$', ignoreCase ? 'iu' : 'u');
}
