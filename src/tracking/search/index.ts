/**
 * MLflow's search language for runs and experiments (mlflow/utils/search_utils.py): filter, order_by
 * and page tokens, evaluated in memory over storage rows.
 *
 * Parity: filters MLflow accepts mean the same here and filters it rejects fail with its message
 * (INVALID_PARAMETER_VALUE), except that errors MLflow raises only while evaluating a clause
 * (a wrong comparator) are raised while parsing. Extension: `OR` and parentheses, tried only when
 * MLflow would reject a filter because of them (AND binds tighter than OR).
 * Matches MLflow 3.17 (IS NULL / IS NOT NULL on params and tags, IN lists kept as written).
 * Non-features: RLIKE and NOT LIKE (rejected, as MLflow rejects them), a NOT operator, ordering by
 * datasets, the SQL store's duplicate-order_by error.
 */
import type { ExperimentRow, RunRow } from '../../storage/rows';
import { compileTree, experimentClause, runClause } from './compile';
import { EXPERIMENTS, RUNS } from './dialect';
import { parseFilter } from './filter';
import type { FilterNode } from './filter';
import { parseExperimentOrderBy, parseRunOrderBy, sortExperiments, sortRuns } from './order';
import { paginate, SEARCH_MAX_RESULTS_DEFAULT, validateMaxResults } from './page';

export type { Clause, EntityType } from './clause';
export type { FilterNode } from './filter';
export type { OrderKey } from './order';
export type { SearchSyntax } from './search-error';
export { SearchError, searchSyntaxOf } from './search-error';
export { encodePageToken, decodePageToken, SEARCH_MAX_RESULTS_DEFAULT, SEARCH_MAX_RESULTS_THRESHOLD } from './page';
export { compareStrings } from './order';

/** A parsed run filter: an AND of comparisons for MLflow filters; AND/OR trees for the extension. */
export type RunFilter = FilterNode;
/** A parsed experiment filter. */
export type ExperimentFilter = FilterNode;

/** Options of search_runs / search_experiments. maxResults defaults to 1000, at most 50000. */
export interface SearchOptions {
  filter?: string;
  orderBy?: string[];
  maxResults?: number;
  pageToken?: string;
}

/**
 * Parses a run filter. Throws MlflowError('INVALID_PARAMETER_VALUE', MLflow's message) with a
 * `syntax: { position, end, expected }` property (see {@link searchSyntaxOf}).
 */
export function parseRunFilter(filter: string): RunFilter {
  return parseFilter(filter, RUNS);
}

/** Parses an experiment filter (SearchExperimentsUtils rules). Throws like {@link parseRunFilter}. */
export function parseExperimentFilter(filter: string): ExperimentFilter {
  return parseFilter(filter, EXPERIMENTS);
}

/** Validates run order_by clauses, throwing MLflow's error for the first bad one. */
export function validateRunOrderBy(orderBy: string[]): void {
  parseRunOrderBy(orderBy);
}

/** Validates experiment order_by clauses, throwing MLflow's error for the first bad one. */
export function validateExperimentOrderBy(orderBy: string[]): void {
  parseExperimentOrderBy(orderBy);
}

/**
 * search_runs over rows already limited to the requested experiments and run_view_type:
 * filter, sort (order_by, then start_time DESC, run_id ASC) and page.
 */
export function searchRunRows(rows: RunRow[], opts: SearchOptions): { rows: RunRow[]; nextPageToken?: string } {
  const maxResults = opts.maxResults ?? SEARCH_MAX_RESULTS_DEFAULT;
  validateMaxResults(maxResults);
  const matches = compileTree(parseRunFilter(opts.filter ?? ''), runClause);
  const keys = parseRunOrderBy(opts.orderBy ?? []);
  const sorted = sortRuns(rows.filter(matches), keys);
  return paginate(sorted, opts.pageToken, maxResults);
}

/**
 * search_experiments over rows already limited to the requested view type: filter, sort
 * (default creation_time DESC, experiment_id ASC) and page.
 */
export function searchExperimentRows(
  rows: ExperimentRow[],
  opts: SearchOptions,
): { rows: ExperimentRow[]; nextPageToken?: string } {
  const maxResults = opts.maxResults ?? SEARCH_MAX_RESULTS_DEFAULT;
  validateMaxResults(maxResults);
  const matches = compileTree(parseExperimentFilter(opts.filter ?? ''), experimentClause);
  const keys = parseExperimentOrderBy(opts.orderBy);
  const sorted = sortExperiments(rows.filter(matches), keys);
  return paginate(sorted, opts.pageToken, maxResults);
}

export {
  searchRegisteredModelRows, searchModelVersionRows, sqlLikeToRegExp, IS_PROMPT_TAG,
  SEARCH_REGISTERED_MODEL_MAX_RESULTS_DEFAULT, SEARCH_REGISTERED_MODEL_MAX_RESULTS_THRESHOLD,
  SEARCH_MODEL_VERSION_MAX_RESULTS_DEFAULT, SEARCH_MODEL_VERSION_MAX_RESULTS_THRESHOLD,
  type RegistrySearchOptions, type SearchableModelVersion, type SearchableRegisteredModel,
} from './registry-search';
export { REGISTERED_MODELS, MODEL_VERSIONS } from './registry-dialects';
