/**
 * What differs between searching runs (SearchUtils) and experiments (SearchExperimentsUtils):
 * valid keys, entity prefixes, comparator sets and the wording of their errors.
 * Python sets print in hash order, which varies per process; we print them in MLflow's source order.
 */
import type { Clause, EntityType } from './clause';
import type { Node } from './group';
import { pyList, pySet } from './pyfmt';
import { SearchError } from './search-error';

export interface Dialect {
  searchKeys: readonly string[];
  orderKeys: readonly string[];
  numericKeys: readonly string[];
  nullTypes: readonly EntityType[];
  /** Resolves the part before the first dot of an identifier. */
  entityType(prefix: string, at: Span): EntityType;
  translate(key: string): string;
  nullMessage(type: EntityType, key: string): string;
  checkComparator(type: EntityType, key: string, comparator: string, at: Span): void;
  checkListKey(key: string, at: Span): void;
  /** "Invalid clause(s) in filter string: …" from the offending pieces' source text. */
  invalidClauses(texts: string[]): string;
  /** Replaces the run/experiment comparison parser (the registry's SearchModelUtils read values differently). */
  clause?(src: string, node: Node, d: Dialect): Clause;
  /** Replaces {@link checkComparator}'s per-type check with a whole-clause check (the registry's SQL store). */
  checkClause?(c: Clause): void;
}

interface Span {
  start: number;
  end: number;
}

const METRIC_CMP = ['>', '>=', '!=', '=', '<', '<='];
const PARAM_CMP = ['!=', '=', 'LIKE', 'ILIKE', 'IS NULL', 'IS NOT NULL'];
const STRING_ATTR_CMP = ['!=', '=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'];
const IDENTIFIERS = ['metric', 'parameter', 'tag', 'attribute', 'dataset'];
const TYPE_ALIASES: Record<string, EntityType> = {
  metric: 'metric', metrics: 'metric',
  parameter: 'parameter', parameters: 'parameter', param: 'parameter', params: 'parameter',
  tag: 'tag', tags: 'tag',
  attribute: 'attribute', attributes: 'attribute', attr: 'attribute', run: 'attribute',
  dataset: 'dataset', datasets: 'dataset',
};

const RUN_ATTRIBUTES = ['artifact_uri', 'end_time', 'run_id', 'run_name', 'start_time', 'status', 'user_id'];
const RUN_NUMERIC = ['start_time', 'end_time', 'created', 'Created'];

function resolveType(prefix: string, at: Span): EntityType {
  const t = prefix.length >= 2 && prefix.startsWith('`') && prefix.endsWith('`') ? prefix.slice(1, -1) : prefix;
  const type = Object.hasOwn(TYPE_ALIASES, t) ? TYPE_ALIASES[t] : undefined;
  if (type) return type;
  throw new SearchError(`Invalid entity type '${t}'. Valid values are ${pyList(IDENTIFIERS)}`, at.start, 'metrics, params, tags, attributes or datasets', at.end);
}

const bad = (comparator: string, set: readonly string[], closeQuote: boolean, at: Span): never => {
  const msg = `Invalid comparator '${comparator}' not one of '${pySet(set)}${closeQuote ? "'" : ''}`;
  throw new SearchError(msg, at.start, set.join(' '), at.end);
};

/** Comparator checks in MLflow's order; some of its messages lack the closing quote, kept as is. */
function checkCommon(type: EntityType, key: string, c: string, numeric: readonly string[], tagSet: readonly string[], at: Span): void {
  if (type === 'metric' && !METRIC_CMP.includes(c)) bad(c, METRIC_CMP, false, at);
  if (type === 'parameter' && !PARAM_CMP.includes(c)) bad(c, PARAM_CMP, true, at);
  if (type === 'tag' && !tagSet.includes(c)) bad(c, tagSet, false, at);
  if (type === 'attribute' && !numeric.includes(key) && !STRING_ATTR_CMP.includes(c)) bad(c, STRING_ATTR_CMP, true, at);
  // MLflow names the *string* comparator set when a numeric attribute gets a wrong one.
  if (type === 'attribute' && numeric.includes(key) && !METRIC_CMP.includes(c)) bad(c, STRING_ATTR_CMP, false, at);
  if (type === 'dataset' && !STRING_ATTR_CMP.includes(c)) bad(c, STRING_ATTR_CMP, false, at);
}

const listKeyCheck = (allowed: string) => (key: string, at: Span): void => {
  if (key === allowed) return;
  throw new SearchError(
    `Only ${pyList([allowed])} attributes support comparison with a list of quoted string values.`,
    at.start, `a quoted string (lists only for ${allowed})`, at.end,
  );
};

/** SearchUtils, as used by search_runs. */
export const RUNS: Dialect = {
  searchKeys: [...RUN_ATTRIBUTES, 'created', 'Created', 'run name', 'Run name', 'Run Name'],
  orderKeys: [...RUN_ATTRIBUTES, 'created', 'Created'],
  numericKeys: RUN_NUMERIC,
  nullTypes: ['tag', 'parameter'],
  entityType: resolveType,
  translate: (key) =>
    key === 'created' || key === 'Created' ? 'start_time' : ['run name', 'Run name', 'Run Name'].includes(key) ? 'run_name' : key,
  nullMessage: (type, key) => `IS NULL / IS NOT NULL is only supported for tags and params, not for '${type}' '${key}'`,
  checkComparator: (type, key, c, at) => checkCommon(type, key, c, RUN_NUMERIC, PARAM_CMP, at),
  checkListKey: listKeyCheck('run_id'),
  invalidClauses: (texts) => `Invalid clause(s) in filter string: ${texts.map((t) => `'${t}'`).join(', ')}`,
};

const EXPERIMENT_TYPES = ['attribute', 'tag', 'tags'];
const EXPERIMENT_NUMERIC = ['creation_time', 'last_update_time'];

/** SearchExperimentsUtils, as used by search_experiments. */
export const EXPERIMENTS: Dialect = {
  searchKeys: ['name', 'experiment_id', 'creation_time', 'last_update_time'],
  orderKeys: ['name', 'experiment_id', 'creation_time', 'last_update_time'],
  numericKeys: EXPERIMENT_NUMERIC,
  nullTypes: ['tag'],
  entityType: (prefix, at) => {
    if (EXPERIMENT_TYPES.includes(prefix)) return prefix === 'attribute' ? 'attribute' : 'tag';
    const types = `('attribute', 'tag', 'tags')`;
    throw new SearchError(`Invalid entity type '${prefix}'. Valid entity types are ${types}`, at.start, 'attribute, tag or tags', at.end);
  },
  translate: (key) => key,
  nullMessage: (_type, key) => `IS NULL / IS NOT NULL is only supported for tags, not for attribute '${key}'`,
  checkComparator: (type, key, c, at) => {
    // The SQL store checks experiment tag comparators itself, with its own message (SqlAlchemyStore search_experiments).
    if (type === 'tag' && !PARAM_CMP.includes(c)) throw new SearchError(`Invalid comparator for tag: ${c}`, at.start, PARAM_CMP.join(' '), at.end);
    checkCommon(type, key, c, EXPERIMENT_NUMERIC, PARAM_CMP, at);
  },
  checkListKey: listKeyCheck('experiment_id'),
  invalidClauses: (texts) => `Invalid clause(s) in filter string: ${texts.join(', ')}`,
};
