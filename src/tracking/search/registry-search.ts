/**
 * search_registered_models and search_model_versions as MLflow's SQL registry store runs them
 * (mlflow/store/model_registry/sqlalchemy_store.py), in memory: filter, order_by, paging and the
 * prompt rule (models tagged `mlflow.prompt.is_prompt = 'true'` are hidden unless the filter asks for them).
 *
 * Comparisons follow SQLite with `PRAGMA case_sensitive_like = true`: `=` is exact, LIKE is case-sensitive
 * with `%` and `_` matching any characters (newlines too), and ILIKE is `lower(x) LIKE lower(y)`, where
 * SQLite's `lower` folds ASCII letters only. A missing tag or run id never matches, not even `!=`.
 */
import { MlflowError, invalidParam } from '../../core/errors';
import type { Clause } from './clause';
import { compileTree, type Predicate } from './compile';
import { parseFilter, type FilterNode } from './filter';
import { compareStrings, parseOrderBy, parseOrderByString } from './order';
import { decodePageToken, paginate } from './page';
import { pyList, pySet } from './pyfmt';
import { checkRegisteredModelClause, MODEL_VERSIONS, REGISTERED_MODELS_PARSE_ONLY } from './registry-dialects';
import { SearchError } from './search-error';

/** What registered-model search reads from a row. */
export interface SearchableRegisteredModel {
  name: string;
  lastUpdatedTimestamp: number;
  tags: ReadonlyMap<string, string>;
}

/** What model-version search reads from a row (the model's name joined in). */
export interface SearchableModelVersion {
  name: string;
  version: number;
  runId: string | null;
  source: string;
  creationTimestamp: number;
  lastUpdatedTimestamp: number;
  tags: ReadonlyMap<string, string>;
}

/** Options of search_registered_models / search_model_versions. */
export interface RegistrySearchOptions {
  filter?: string;
  orderBy?: string[];
  maxResults?: number;
  pageToken?: string;
}

export const IS_PROMPT_TAG = 'mlflow.prompt.is_prompt';
/** SEARCH_REGISTERED_MODEL_MAX_RESULTS_DEFAULT / _THRESHOLD. */
export const SEARCH_REGISTERED_MODEL_MAX_RESULTS_DEFAULT = 100;
export const SEARCH_REGISTERED_MODEL_MAX_RESULTS_THRESHOLD = 1000;
/** SEARCH_MODEL_VERSION_MAX_RESULTS_DEFAULT / _THRESHOLD. */
export const SEARCH_MODEL_VERSION_MAX_RESULTS_DEFAULT = 10_000;
export const SEARCH_MODEL_VERSION_MAX_RESULTS_THRESHOLD = 200_000;

type Page<T> = { rows: T[]; nextPageToken?: string };

/** search_registered_models over every registered model row. */
export function searchRegisteredModelRows<T extends SearchableRegisteredModel>(rows: T[], opts: RegistrySearchOptions = {}): Page<T> {
  const max = opts.maxResults ?? SEARCH_REGISTERED_MODEL_MAX_RESULTS_DEFAULT;
  checkMaxResults(max, SEARCH_REGISTERED_MODEL_MAX_RESULTS_THRESHOLD);
  // The store parses the filter, then order_by and the page token, and only then checks comparators.
  const tree = parseFilter(opts.filter ?? '', REGISTERED_MODELS_PARSE_ONLY);
  const order = registeredModelOrder(opts.orderBy ?? []);
  decodePageToken(opts.pageToken ?? '');
  for (const c of clausesOf(tree)) checkRegisteredModelClause(c);
  const prompts = queriesPrompts(tree);
  const match = compileTree(withoutPromptTag(tree, prompts), (c) => clauseTest(c, modelField));
  const hidden = (r: T): boolean => !prompts && r.tags.get(IS_PROMPT_TAG) === 'true';
  return paginate(sortRows(rows.filter((r) => !hidden(r) && match(r)), order), opts.pageToken, max);
}

/** search_model_versions over the live (not deleted) version rows. */
export function searchModelVersionRows<T extends SearchableModelVersion>(rows: T[], opts: RegistrySearchOptions = {}): Page<T> {
  const max = opts.maxResults ?? SEARCH_MODEL_VERSION_MAX_RESULTS_DEFAULT;
  checkMaxResults(max, SEARCH_MODEL_VERSION_MAX_RESULTS_THRESHOLD);
  const tree = parseFilter(opts.filter ?? '', MODEL_VERSIONS);
  const order = modelVersionOrder(opts.orderBy?.length ? opts.orderBy : ['last_updated_timestamp DESC', 'name ASC', 'version_number DESC']);
  const prompts = queriesPrompts(tree);
  const match = compileTree(withoutPromptTag(tree, prompts), (c) => clauseTest(c, versionField));
  // Like the store's anti-join on name: a model any of whose versions is a prompt is hidden whole.
  const promptNames = new Set(rows.filter((r) => r.tags.get(IS_PROMPT_TAG) === 'true').map((r) => r.name));
  const visible = rows.filter((r) => (prompts || !promptNames.has(r.name)) && match(r));
  return paginate(sortRows(visible, order), opts.pageToken, max);
}

function checkMaxResults(max: number, threshold: number): void {
  if (!Number.isInteger(max) || max < 1) {
    // search_model_versions' message; the registered-model store checks only the upper bound, we check both.
    throw invalidParam(`Invalid value for max_results. It must be a positive integer, but got ${max}`);
  }
  if (max > threshold) {
    throw invalidParam(`Invalid value for request parameter max_results. It must be at most ${threshold}, but got value ${max}`);
  }
}

function clausesOf(node: FilterNode): Clause[] {
  return node.op === 'cmp' ? [node.clause] : node.items.flatMap(clausesOf);
}

/** `_is_querying_prompt`: the first clause on the prompt tag decides. */
function queriesPrompts(tree: FilterNode): boolean {
  const c = clausesOf(tree).find((x) => x.type === 'tag' && x.key === IS_PROMPT_TAG);
  if (!c || typeof c.value !== 'string') return false;
  return (c.comparator === '=' && c.value.toLowerCase() === 'true') || (c.comparator === '!=' && c.value.toLowerCase() === 'false');
}

/** Unless prompts are queried, the store drops every clause on the prompt tag (they only select normal models). */
function withoutPromptTag(node: FilterNode, prompts: boolean): FilterNode {
  if (prompts) return node;
  if (node.op === 'cmp') return node.clause.type === 'tag' && node.clause.key === IS_PROMPT_TAG ? { op: 'and', items: [] } : node;
  return { op: node.op, items: node.items.map((n) => withoutPromptTag(n, false)) };
}

type Field<T> = (row: T, c: Clause) => string | number | null | undefined;

const modelField: Field<SearchableRegisteredModel> = (r, c) => (c.type === 'tag' ? r.tags.get(c.key) : r.name);

const versionField: Field<SearchableModelVersion> = (r, c) => {
  if (c.type === 'tag') return r.tags.get(c.key);
  switch (c.key) {
    case 'name': return r.name;
    case 'run_id': return r.runId;
    case 'source_path': return r.source;
    case 'version_number': return r.version;
    case 'creation_timestamp': return r.creationTimestamp;
    default: return r.lastUpdatedTimestamp;
  }
};

/** One clause as an SQL comparison; NULL (a missing value) satisfies nothing. */
function clauseTest<T>(c: Clause, field: Field<T>): Predicate<T> {
  const test = sqlComparison(c.comparator, c.value);
  return (row) => {
    const v = field(row, c);
    return v !== null && v !== undefined && test(v);
  };
}

function sqlComparison(comparator: string, value: Clause['value']): (x: string | number) => boolean {
  if (Array.isArray(value)) {
    const set = new Set(value);
    if (comparator === 'IN') return (x) => set.has(x as string);
    if (comparator === 'NOT IN') return (x) => !set.has(x as string);
    return () => false;
  }
  switch (comparator) {
    case '=': return (x) => x === value;
    case '!=': return (x) => x !== value;
    case '<': return (x) => (x as number) < (value as number);
    case '<=': return (x) => (x as number) <= (value as number);
    case '>': return (x) => (x as number) > (value as number);
    case '>=': return (x) => (x as number) >= (value as number);
    case 'LIKE': {
      const re = sqlLikeToRegExp(String(value));
      return (x) => re.test(String(x));
    }
    case 'ILIKE': {
      const re = sqlLikeToRegExp(asciiLower(String(value)));
      return (x) => re.test(asciiLower(String(x)));
    }
  }
  return () => false;
}

const asciiLower = (s: string): string => s.replace(/[A-Z]/g, (ch) => ch.toLowerCase());

/** SQL LIKE without an escape character: `%` any run of characters, `_` exactly one; the whole value must match. */
export function sqlLikeToRegExp(pattern: string): RegExp {
  let src = '^';
  for (const ch of pattern) {
    if (ch === '%') src += '[\\s\\S]*';
    else if (ch === '_') src += '[\\s\\S]';
    else src += /[\^$\\.*+?()[\]{}|/-]/.test(ch) ? '\\' + ch : ch;
  }
  return new RegExp(src + '$', 'u');
}

interface SortKey {
  field: 'name' | 'version' | 'creationTimestamp' | 'lastUpdatedTimestamp';
  ascending: boolean;
}

const duplicate = (list: readonly string[]): MlflowError =>
  new MlflowError('INTERNAL_ERROR', `\`order_by\` contains duplicate fields: ${pyList(list)}`);

/** `_parse_search_registered_models_order_by`: name or (last_updated_)timestamp, then name ASC. */
function registeredModelOrder(list: readonly string[]): SortKey[] {
  const keys: SortKey[] = [];
  for (const clause of list) {
    const { token, ascending } = parseOrderByString(clause);
    const key = token.trim();
    if (!['name', 'timestamp', 'last_updated_timestamp'].includes(key)) {
      throw new SearchError(
        `Invalid order by key '${key}' specified. Valid keys are '${pySet(['name', 'timestamp'])}'`, 0, 'name or timestamp', clause.length,
      );
    }
    const field = key === 'name' ? 'name' : 'lastUpdatedTimestamp';
    if (keys.some((k) => k.field === field)) throw duplicate(list);
    keys.push({ field, ascending });
  }
  if (!keys.some((k) => k.field === 'name')) keys.push({ field: 'name', ascending: true });
  return keys;
}

const VERSION_ORDER_KEYS = ['name', 'version_number', 'creation_timestamp', 'last_updated_timestamp'];
const VERSION_FIELDS: Record<string, SortKey['field']> = {
  name: 'name', version_number: 'version', creation_timestamp: 'creationTimestamp', last_updated_timestamp: 'lastUpdatedTimestamp',
};

/** `_parse_search_model_versions_order_by`: the store checks the key only (so `tags.name` orders by name). */
function modelVersionOrder(list: readonly string[]): SortKey[] {
  const keys: SortKey[] = [];
  for (const clause of list) {
    const { key, ascending } = parseOrderBy(clause, MODEL_VERSIONS);
    if (!VERSION_ORDER_KEYS.includes(key)) {
      throw new SearchError(`Invalid order by key '${key}' specified. Valid keys are ${pySet(VERSION_ORDER_KEYS)}`, 0, VERSION_ORDER_KEYS.join(', '), clause.length);
    }
    const field = VERSION_FIELDS[key];
    if (keys.some((k) => k.field === field)) throw duplicate(list);
    keys.push({ field, ascending });
  }
  if (!keys.some((k) => k.field === 'name')) keys.push({ field: 'name', ascending: true });
  if (!keys.some((k) => k.field === 'version')) keys.push({ field: 'version', ascending: false });
  return keys;
}

type Sortable = Partial<Record<SortKey['field'], string | number>>;

/** SQLite ORDER BY: strings by code point (BINARY collation), numbers numerically. */
function sortRows<T>(rows: T[], keys: SortKey[]): T[] {
  return [...rows].sort((a, b) => {
    for (const { field, ascending } of keys) {
      const x = (a as Sortable)[field]!;
      const y = (b as Sortable)[field]!;
      const cmp = typeof x === 'string' ? compareStrings(x, y as string) : (x as number) - (y as number);
      if (cmp !== 0) return ascending ? cmp : -cmp;
    }
    return 0;
  });
}
