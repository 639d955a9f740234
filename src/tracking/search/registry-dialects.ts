/**
 * The model registry's filter dialects: SearchModelUtils (search_registered_models) and
 * SearchModelVersionUtils (search_model_versions) for parsing, then the SQL registry store's clause checks
 * (`_get_search_registered_model_filter_query`, `_get_search_model_versions_filter_clauses`), with MLflow's
 * messages. Python sets print in MLflow's source order.
 *
 * Differences from the run dialect that MLflow has and we keep: entity types are exactly `attribute`, `tag`
 * or `tags` (no aliases, no backticks), and an attribute key is checked *before* its quotes are stripped.
 * Deliberate difference: `IS NULL` / `IS NOT NULL`, on which MLflow fails with a Python unpacking error
 * (HTTP 500), get an INVALID_PARAMETER_VALUE message here.
 */
import { invalidParam } from '../../core/errors';
import type { Clause } from './clause';
import { parseList, stripQuotes, trimBackticks } from './clause';
import { EXPERIMENTS, type Dialect } from './dialect';
import { tokKind, type Node } from './group';
import { pyFloat, pySet, pyStr } from './pyfmt';
import { SearchError } from './search-error';

const ENTITY_TYPES = `('attribute', 'tag', 'tags')`;
const TAG_CMP = ['=', '!=', 'LIKE', 'ILIKE'];
const NUMERIC_CMP = ['>', '>=', '!=', '=', '<', '<='];

/** What differs between the two registry dialects. */
interface RegistrySpec {
  searchKeys: readonly string[];
  /** SearchModelVersionUtils.NUMERIC_ATTRIBUTES (registered models allow no numeric comparison). */
  numericKeys: readonly string[] | null;
  /** LIST_SUPPORTED_KEYS: the attributes `IN (...)` / `NOT IN (...)` may compare with a list. */
  listKeys: readonly string[];
  check(c: Clause): void;
}

const isQuoted = (s: string): boolean => s.length >= 2 && (s[0] === "'" || s[0] === '"') && s.endsWith(s[0]);

/** `_get_model_search_identifier` / `_get_model_version_search_identifier`. */
function identifier(text: string, spec: RegistrySpec, at: Node): { type: 'attribute' | 'tag'; key: string } {
  const dot = text.indexOf('.');
  let type: 'attribute' | 'tag' = 'attribute';
  let key = text;
  if (dot >= 0) {
    const prefix = text.slice(0, dot);
    key = text.slice(dot + 1);
    if (!['attribute', 'tag', 'tags'].includes(prefix)) {
      throw new SearchError(`Invalid entity type '${prefix}'. Valid entity types are ${ENTITY_TYPES}`, at.start, 'attribute, tag or tags', at.end);
    }
    type = prefix === 'attribute' ? 'attribute' : 'tag';
  }
  if (type === 'attribute' && !spec.searchKeys.includes(key)) {
    throw new SearchError(
      `Invalid attribute key '${key}' specified. Valid keys are '${pySet(spec.searchKeys)}'`,
      at.start, `one of ${spec.searchKeys.join(', ')}`, at.end,
    );
  }
  return { type, key: trimBackticks(stripQuotes(key)) };
}

/** `_get_value` of the registry utils: quoted strings, `run_id` lists, version numbers for model versions. */
function value(src: string, type: 'attribute' | 'tag', key: string, n: Node, spec: RegistrySpec): Clause['value'] {
  const v = src.slice(n.start, n.end);
  const stringy = tokKind(n) === 'string' || n.kind === 'ident';
  const fail = (msg: string, expected: string): never => {
    throw new SearchError(msg, n.start, expected, n.end);
  };
  if (stringy) {
    if (isQuoted(v)) return v.slice(1, -1);
    return fail(
      `Parameter value is either not quoted or unidentified quote types used for string value ${v}. Use either single or double quotes.`,
      'a quoted string',
    );
  }
  if (type === 'tag') return fail(`Expected a quoted string value for tag (e.g. 'my-value'). Got value ${v}`, 'a quoted string');
  if (n.kind === 'paren') {
    if (!spec.listKeys.includes(key)) {
      // validate_list_supported prints Python's sorted() list.
      const keys = [...spec.listKeys].sort().map((k) => `'${k}'`).join(', ');
      fail(`Only [${keys}] attributes support comparison with a list of quoted string values.`, 'a quoted string');
    }
    return parseList(v, n);
  }
  const kind = tokKind(n);
  if (spec.numericKeys && (kind === 'int' || kind === 'float')) {
    if (!spec.numericKeys.includes(key)) {
      fail(`Only the '${pySet(spec.numericKeys)}' attributes support comparison with numeric values.`, 'a quoted string');
    }
    return Number(v);
  }
  return fail(`Expected a quoted string value or a list of quoted string values for attributes. Got value ${v}`, 'a quoted string');
}

/** A clause that remembers whether its number was a float literal (Python `float`, refused as a version even when 2.0). */
interface RegistryClause extends Clause {
  floatLiteral?: boolean;
}

function registryClause(spec: RegistrySpec) {
  return (src: string, node: Node): Clause => {
    const parts = node.children!;
    const text = (n: Node): string => src.slice(n.start, n.end);
    if (parts.length === 2) {
      throw new SearchError(
        'IS NULL / IS NOT NULL is not supported when searching the model registry.', node.start, 'a comparison such as tags.k = \'v\'', node.end,
      );
    }
    if (parts[0].kind !== 'ident') {
      throw new SearchError(`Invalid comparison clause. Expected 'Identifier' found '${text(parts[0])}'`, parts[0].start, 'an identifier', parts[0].end);
    }
    const id = identifier(text(parts[0]), spec, parts[0]);
    const op = parts[1];
    const comparator = tokKind(op) === 'keyword' ? op.tok!.upper : text(op).toUpperCase();
    const clause: RegistryClause = { ...id, comparator, value: value(src, id.type, id.key, parts[2], spec), start: node.start, end: node.end };
    if (tokKind(parts[2]) === 'float') clause.floatLiteral = true;
    return clause;
  };
}

const at = (c: Clause, msg: string, expected: string): SearchError => new SearchError(msg, c.start, expected, c.end);

/** The SQL store's checks for one registered-model clause. */
function checkRegisteredModelClause(c: Clause): void {
  if (c.type === 'attribute' && !['=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'].includes(c.comparator)) {
    throw at(c, `Invalid comparator for attribute: ${c.comparator}`, '=, !=, LIKE or ILIKE');
  }
  if (c.type === 'tag' && !TAG_CMP.includes(c.comparator)) throw at(c, `Invalid comparator for tag: ${c.comparator}`, TAG_CMP.join(' '));
}

const MV_NUMERIC = ['version_number', 'creation_timestamp', 'last_updated_timestamp'];
const MV_STRING_CMP = ['!=', '=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'];

/** The SQL store's checks for one model-version clause; a string version number becomes an integer. */
function checkModelVersionClause(c: Clause): void {
  if (c.type === 'tag') {
    if (!TAG_CMP.includes(c.comparator)) throw at(c, `Invalid comparator for tag: ${c.comparator}`, TAG_CMP.join(' '));
    return;
  }
  if (MV_NUMERIC.includes(c.key)) {
    if (!NUMERIC_CMP.includes(c.comparator)) {
      throw at(c, `Invalid comparator for attribute ${c.key}: ${c.comparator}`, NUMERIC_CMP.join(' '));
    }
    c.value = versionNumber(c);
    return;
  }
  const listOk = c.key === 'run_id' || c.key === 'name';
  if (!MV_STRING_CMP.includes(c.comparator) || ((c.comparator === 'IN' || c.comparator === 'NOT IN') && !listOk)) {
    throw at(c, `Invalid comparator for attribute: ${c.comparator}`, '=, !=, LIKE, ILIKE or IN');
  }
}

/** `int(value)` with the store's refusal of floats and non-integer strings. */
function versionNumber(c: RegistryClause): number {
  const v = c.value;
  const bad = (repr: string): never => {
    throw at(c, `Invalid value for numeric attribute '${c.key}': ${repr}`, 'an integer');
  };
  if (c.floatLiteral) return bad(pyFloat(Number(v)));
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\s*[+-]?\d+(_\d+)*\s*$/.test(v)) return Number(v.replaceAll('_', '').trim());
  return bad(typeof v === 'string' ? pyStr(v) : String(v));
}

const REGISTERED_MODEL_SPEC: RegistrySpec = { searchKeys: ['name'], numericKeys: null, listKeys: ['name'], check: checkRegisteredModelClause };
const MODEL_VERSION_SPEC: RegistrySpec = {
  searchKeys: ['name', 'version_number', 'run_id', 'source_path'],
  numericKeys: MV_NUMERIC,
  listKeys: ['name', 'run_id'],
  check: checkModelVersionClause,
};

function registryDialect(spec: RegistrySpec, orderKeys: readonly string[]): Dialect {
  return {
    ...EXPERIMENTS,
    searchKeys: spec.searchKeys,
    orderKeys,
    numericKeys: spec.numericKeys ?? [],
    nullTypes: [],
    clause: registryClause(spec),
    checkClause: spec.check,
    checkListKey: () => invalidParam("Only the 'run_id' attribute supports comparison with a list of quoted string values."),
    invalidClauses: (texts) => `Invalid clause(s) in filter string: ${texts.join(', ')}`,
  };
}

/** SearchModelUtils + the SQL store's registered-model checks. Order keys are checked by the search itself. */
export const REGISTERED_MODELS: Dialect = registryDialect(REGISTERED_MODEL_SPEC, ['name', 'timestamp', 'last_updated_timestamp']);

/** SearchModelVersionUtils + the SQL store's model-version checks. */
export const MODEL_VERSIONS: Dialect = registryDialect(MODEL_VERSION_SPEC, ['name', 'version_number', 'creation_timestamp', 'last_updated_timestamp']);

/** The same dialect without the store checks, for the registered-model search's own check order. */
export const REGISTERED_MODELS_PARSE_ONLY: Dialect = { ...REGISTERED_MODELS, checkClause: () => undefined };

export { checkRegisteredModelClause };
