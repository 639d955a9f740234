/**
 * One comparison of a filter, checked as MLflow checks it (SearchUtils._get_comparison, _get_value and
 * the is_metric / is_param / ... comparator checks), with MLflow's error messages.
 */
import type { Node } from './group';
import { tokKind } from './group';
import type { Dialect } from './dialect';
import { pyRepr, pySet, literalEval, PySyntaxError } from './pyfmt';
import { SearchError } from './search-error';

export type EntityType = 'metric' | 'parameter' | 'tag' | 'attribute' | 'dataset';

/** A checked comparison. `key` is as written (aliases such as `created` are not yet translated). */
export interface Clause {
  type: EntityType;
  key: string;
  /** Upper-cased: `=`, `!=`, `<`, `<=`, `>`, `>=`, `LIKE`, `ILIKE`, `IN`, `NOT IN`, `IS NULL`, `IS NOT NULL`. */
  comparator: string;
  /** Metric and numeric-attribute values are numbers; IN lists are string arrays; IS NULL has null. */
  value: string | number | string[] | null;
  /** Offsets of the comparison in the filter. */
  start: number;
  end: number;
}

const LIST_ERR = 'While parsing a list in the query,';

/** Turns a grouped comparison node into a Clause (comparator not yet checked) or throws MLflow's error. */
export function toClause(src: string, node: Node, d: Dialect): Clause {
  const parts = node.children!;
  const text = (n: Node): string => src.slice(n.start, n.end);
  const fail = (msg: string, at: Node, expected: string): never => {
    throw new SearchError(msg, at.start, expected, at.end);
  };
  const isNull = parts.length === 2;
  if (parts[0].kind !== 'ident') {
    fail(`Invalid comparison clause. Expected 'Identifier' found '${text(parts[0])}'`, parts[0], 'an identifier such as metrics.<key>');
  }
  const id = parseIdentifier(text(parts[0]), d.searchKeys, d, parts[0]);
  const op = parts[1];
  const comparator = tokKind(op) === 'keyword' ? op.tok!.upper : text(op).toUpperCase();
  if (isNull && !d.nullTypes.includes(id.type)) fail(d.nullMessage(id.type, id.key), node, 'a tag or param');
  const value = isNull ? null : parseValue(src, id.type, id.key, parts[2], d);
  return { type: id.type, key: id.key, comparator, value, start: node.start, end: node.end };
}

/**
 * The comparator check MLflow makes when it evaluates a clause, i.e. after every clause of the
 * filter has been parsed; we make it right after parsing, in the same clause order.
 */
export function checkComparator(c: Clause, d: Dialect): void {
  if (d.checkClause) return d.checkClause(c);
  d.checkComparator(c.type, d.translate(c.key), c.comparator, c);
}

/** `_get_identifier`: split at the first dot, resolve the type alias, strip quotes then backticks. */
export function parseIdentifier(
  ident: string,
  validKeys: readonly string[],
  d: Dialect,
  at: { start: number; end: number },
): { type: EntityType; key: string } {
  const dot = ident.indexOf('.');
  const type = dot < 0 ? 'attribute' : d.entityType(ident.slice(0, dot), at);
  const key = trimBackticks(stripQuotes(dot < 0 ? ident : ident.slice(dot + 1)));
  if (type === 'attribute' && !validKeys.includes(key)) {
    throw new SearchError(
      `Invalid attribute key '${key}' specified. Valid keys are '${pySet(validKeys)}'`,
      at.start, `one of ${validKeys.join(', ')}`, at.end,
    );
  }
  if (type === 'dataset' && !DATASET_KEYS.includes(key)) {
    throw new SearchError(
      `Invalid dataset key '${key}' specified. Valid keys are '${pySet(DATASET_KEYS)}'`,
      at.start, 'name, digest or context', at.end,
    );
  }
  return { type, key };
}

export const DATASET_KEYS = ['name', 'digest', 'context'];

const isQuoted = (s: string, q: string): boolean => s.length >= 2 && s.startsWith(q) && s.endsWith(q);
export const trimBackticks = (s: string): string => (isQuoted(s, '`') ? s.slice(1, -1) : s);
export const stripQuotes = (s: string): string => (isQuoted(s, "'") || isQuoted(s, '"') ? s.slice(1, -1) : s);

function quotedValue(v: string, at: Node): string {
  if (isQuoted(v, "'") || isQuoted(v, '"')) return v.slice(1, -1);
  throw new SearchError(
    `Parameter value is either not quoted or unidentified quote types used for string value ${v}. ` +
      'Use either single or double quotes.',
    at.start, 'a quoted string', at.end,
  );
}

/** `_get_value`: the literal a comparison's type allows, or MLflow's complaint about it. */
function parseValue(src: string, type: EntityType, key: string, n: Node, d: Dialect): Clause['value'] {
  const v = src.slice(n.start, n.end);
  const kind = tokKind(n);
  const numeric = kind === 'int' || kind === 'float';
  const stringy = kind === 'string' || n.kind === 'ident';
  const fail = (msg: string, expected: string): never => {
    throw new SearchError(msg, n.start, expected, n.end);
  };
  if (type === 'metric') {
    return numeric ? pyNumber(v) : fail(`Expected numeric value type for metric. Found ${v}`, 'a number');
  }
  if (type === 'parameter' || type === 'tag') {
    if (stringy) return quotedValue(v, n);
    return fail(`Expected a quoted string value for ${type} (e.g. 'my-value'). Got value ${v}`, 'a quoted string');
  }
  if (type === 'attribute' && d.numericKeys.includes(key)) {
    if (numeric) return pyNumber(v);
    return fail(`Expected numeric value type for numeric attribute: ${key}. Found ${v}`, 'a number');
  }
  if (stringy) return quotedValue(v, n);
  if (n.kind === 'paren') {
    if (type === 'attribute') d.checkListKey(key, n);
    return parseList(v, n);
  }
  const what = type === 'dataset' ? 'dataset attributes' : 'attributes';
  return fail(`Expected a quoted string value for ${what}. Got value ${v}`, 'a quoted string');
}

/** Python's int()/float() of a numeric token: any Unicode decimal digit counts, like Python's. */
function pyNumber(v: string): number {
  return Number(v.replace(/\p{Nd}/gu, (d) => String(digitValue(d.codePointAt(0)!))));
}

/** Decimal digits come in runs of ten starting at the zero; find the run's start. */
function digitValue(cp: number): number {
  let start = cp;
  while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

/** `_parse_list_from_sql_token`: the parenthesis must be a Python tuple of strings. */
export function parseList(v: string, at: Node): string[] {
  let parsed;
  try {
    parsed = literalEval(v);
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    throw new SearchError(
      `${LIST_ERR} expected a non-empty list of string values, but got ill-formed list.`,
      at.start, "a list like ('a', 'b')", at.end,
    );
  }
  const items = parsed !== null && typeof parsed === 'object' && 'tuple' in parsed ? parsed.tuple : [parsed];
  if (items.length === 0) {
    throw new SearchError(`${LIST_ERR} expected a non-empty list of string values, but got empty list`, at.start, 'a non-empty list', at.end);
  }
  if (!items.every((x) => typeof x === 'string')) {
    throw new SearchError(
      `${LIST_ERR} expected string value, punctuation, or whitespace, but got different type in list: ${pyRepr({ tuple: items })}`,
      at.start, 'quoted strings only', at.end,
    );
  }
  return items as string[];
}
