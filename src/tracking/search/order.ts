/**
 * order_by clauses (SearchUtils._parse_order_by_string and friends) and the sorts that use them.
 * Runs: each clause in priority order, then start_time DESC, run_id ASC. A missing value or NaN sorts
 * last in both directions, NaN before missing (SearchUtils._get_value_for_sort). Strings compare by
 * code point, as Python does. Experiments: clauses, then experiment_id DESC unless already ordered on;
 * missing values last; ids compare as integers, like the SQL store's INTEGER column.
 */
import type { ExperimentRow, RunRow } from '../../storage/rows';
import { tokenize } from './lexer';
import { group } from './group';
import { parseIdentifier } from './clause';
import type { EntityType } from './clause';
import type { Dialect } from './dialect';
import { EXPERIMENTS, RUNS } from './dialect';
import { SearchError } from './search-error';

/** One parsed order_by entry. `key` is as written (e.g. `created`, not yet `start_time`). */
export interface OrderKey {
  type: EntityType;
  key: string;
  ascending: boolean;
}

/**
 * `_parse_order_by_string`: one identifier (optionally with ASC/DESC) split like `shlex.split`, backticks read
 * as double quotes. Returns the key text as written and the direction; the key is not resolved here.
 */
export function parseOrderByString(clause: string): { token: string; ascending: boolean } {
  const unparsable = (): never => {
    throw new SearchError(`Invalid order_by clause '${clause}'. Could not be parsed.`, 0, '<key> [ASC|DESC]', clause.length);
  };
  const nodes = group(tokenize(clause));
  if (nodes.length !== 1 || nodes[0].kind !== 'ident') unparsable();
  const words = shlexSplit(clause.replaceAll('`', '"')) ?? unparsable();
  if (words.length > 2) unparsable();
  if (words.length < 2) return { token: clause, ascending: true };
  const dir = words[1].toLowerCase();
  if (dir !== 'asc' && dir !== 'desc') {
    const at = clause.lastIndexOf(words[1]);
    throw new SearchError(`Invalid ordering key in order_by clause '${clause}'.`, at, 'ASC or DESC', at + words[1].length);
  }
  return { token: words[0], ascending: dir === 'asc' };
}

/** Parses one order_by string with MLflow's rules and messages. */
export function parseOrderBy(clause: string, d: Dialect): OrderKey {
  const { token, ascending } = parseOrderByString(clause);
  const id = parseIdentifier(token.trim(), d.orderKeys, d, { start: 0, end: clause.length });
  return { ...id, ascending };
}

/** POSIX `shlex.split` without comments; null where Python raises "No closing quotation". */
function shlexSplit(s: string): string[] | null {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (/\s/.test(ch)) {
      if (word !== null) words.push(word);
      word = null;
    } else if (ch === "'" || ch === '"') {
      const close = s.indexOf(ch, i + 1);
      if (close < 0) return null;
      const body = s.slice(i + 1, close);
      word = (word ?? '') + (ch === '"' ? body.replace(/\\(["\\$`\n])/g, '$1') : body);
      i = close;
    } else if (ch === '\\' && i + 1 < s.length) {
      word = (word ?? '') + s[++i];
    } else word = (word ?? '') + ch;
  }
  if (word !== null) words.push(word);
  return words;
}

/** Python's str ordering (by code point) for UTF-16 strings. */
export function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (astral code points) must sort after U+E000..U+FFFF.
    if (x >= 0xd800 && y >= 0xd800) {
      x += x >= 0xe000 ? -0x800 : 0x2000;
      y += y >= 0xe000 ? -0x800 : 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

type SortValue = string | number | null | undefined;
const SURROGATE = /[\uD800-\uDFFF]/;
const native = (a: SortValue, b: SortValue): number => ((a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0);
const byCodePoint = (a: SortValue, b: SortValue): number =>
  typeof a === 'string' ? compareStrings(a, b as string) : native(a, b);

/** UTF-16 order equals code point order unless a string holds a surrogate: then compare carefully. */
const comparatorFor = (values: SortValue[]): ((a: SortValue, b: SortValue) => number) =>
  values.some((v) => typeof v === 'string' && SURROGATE.test(v)) ? byCodePoint : native;

/** Sorts with precomputed keys: `rank` 0 = value, 1 = NaN, 2 = missing; then the value. */
function sortByKeys<T>(rows: T[], columns: Array<{ values: SortValue[]; ascending: boolean }>): T[] {
  const ranks = columns.map(({ values }) =>
    Uint8Array.from(values, (v) => (v === null || v === undefined ? 2 : typeof v === 'number' && Number.isNaN(v) ? 1 : 0)),
  );
  const compare = columns.map(({ values }) => comparatorFor(values));
  const order = rows.map((_, i) => i);
  order.sort((i, j) => {
    for (let c = 0; c < columns.length; c++) {
      const ri = ranks[c][i];
      const rj = ranks[c][j];
      if (ri !== rj) return ri - rj;
      if (ri !== 0) continue;
      const cmp = compare[c](columns[c].values[i], columns[c].values[j]);
      if (cmp !== 0) return columns[c].ascending ? cmp : -cmp;
    }
    return 0;
  });
  return order.map((i) => rows[i]);
}

const RUN_FIELDS: Record<string, keyof RunRow> = {
  run_id: 'runId', run_name: 'runName', user_id: 'userId', status: 'status',
  artifact_uri: 'artifactUri', start_time: 'startTime', end_time: 'endTime',
};

/** Throws MLflow's error for an invalid run order_by list. */
export function parseRunOrderBy(orderBy: readonly string[]): OrderKey[] {
  return orderBy.map((o) => {
    const k = parseOrderBy(o, RUNS);
    if (k.type === 'dataset') {
      // The SQL store's message (SqlAlchemyStore._get_orderby_clauses).
      throw new SearchError(`Invalid identifier type '${k.type}'`, 0, 'metrics, params, tags or attributes', o.length);
    }
    return k;
  });
}

function runSortValue(r: RunRow, type: EntityType, key: string): SortValue {
  if (type === 'metric') return r.metrics.get(key)?.value;
  if (type === 'parameter') return r.params.get(key);
  if (type === 'tag') return r.tags.get(key);
  return r[RUN_FIELDS[key]] as SortValue;
}

/** MLflow's run order: the given keys, then start_time DESC and run_id ASC. */
export function sortRuns(rows: RunRow[], keys: OrderKey[]): RunRow[] {
  const columns = keys.map(({ type, key, ascending }) => {
    const k = RUNS.translate(key);
    return { values: rows.map((r) => runSortValue(r, type, k)), ascending };
  });
  columns.push({ values: rows.map((r) => r.startTime), ascending: false });
  columns.push({ values: rows.map((r) => r.runId), ascending: true });
  return sortByKeys(rows, columns);
}

const EXPERIMENT_FIELDS: Record<string, keyof ExperimentRow> = {
  name: 'name', experiment_id: 'experimentId', creation_time: 'creationTime', last_update_time: 'lastUpdateTime',
};

/** Parses experiment order_by clauses; only attributes may be ordered on. Default: creation_time DESC. */
export function parseExperimentOrderBy(orderBy: readonly string[] | undefined): OrderKey[] {
  const list = orderBy && orderBy.length > 0 ? orderBy : ['creation_time DESC', 'experiment_id ASC'];
  const keys = list.map((o) => {
    const k = parseOrderBy(o, EXPERIMENTS);
    if (k.type !== 'attribute') throw new SearchError(`Invalid order_by entity: ${k.type}`, 0, 'an attribute', o.length);
    return k;
  });
  if (!keys.some((k) => k.key === 'experiment_id')) keys.push({ type: 'attribute', key: 'experiment_id', ascending: false });
  return keys;
}

/** Integer-looking ids sort as integers (SQL store); any other id makes the column sort as text. */
function experimentIdValues(rows: ExperimentRow[]): SortValue[] {
  const numeric = rows.every((e) => /^\d{1,15}$/.test(e.experimentId));
  return rows.map((e) => (numeric ? Number(e.experimentId) : e.experimentId));
}

/** Sorts experiments by parsed keys (from {@link parseExperimentOrderBy}). */
export function sortExperiments(rows: ExperimentRow[], keys: OrderKey[]): ExperimentRow[] {
  const columns = keys.map(({ key, ascending }) => ({
    values: key === 'experiment_id' ? experimentIdValues(rows) : rows.map((e) => e[EXPERIMENT_FIELDS[key]] as SortValue),
    ascending,
  }));
  return sortByKeys(rows, columns);
}
