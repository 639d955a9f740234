/**
 * The runs view's state as URL search params, so every view survives a reload and can be shared:
 * `filter` (MLflow filter), `sort` + `dir`, `cols`, `view` (active|deleted|all), `since` (start-time range),
 * `group` (a param or tag column id) and `agg` (min|avg|max). Absent params mean the defaults.
 */
import type { SearchRunsOptions } from '../../tracking/api';
import type { ViewType } from '../../tracking/entities';
import { columnOf } from './columns';

export type TimeRange = 'all' | '1h' | '24h' | '7d' | '30d' | '1y';
export type Aggregate = 'min' | 'avg' | 'max';
export type LifecycleView = 'active' | 'deleted' | 'all';

/** MLflow's "Time created" choices, as ms back from now. */
export const TIME_RANGES: readonly { value: TimeRange; label: string; ms: number }[] = [
  { value: 'all', label: 'All time', ms: Infinity },
  { value: '1h', label: 'Last hour', ms: 3_600_000 },
  { value: '24h', label: 'Last 24 hours', ms: 86_400_000 },
  { value: '7d', label: 'Last 7 days', ms: 7 * 86_400_000 },
  { value: '30d', label: 'Last 30 days', ms: 30 * 86_400_000 },
  { value: '1y', label: 'Last year', ms: 365 * 86_400_000 },
];

export const LIFECYCLE_VIEWS: readonly { value: LifecycleView; label: string; viewType: ViewType }[] = [
  { value: 'active', label: 'Active', viewType: 'ACTIVE_ONLY' },
  { value: 'deleted', label: 'Deleted', viewType: 'DELETED_ONLY' },
  { value: 'all', label: 'All', viewType: 'ALL' },
];

/** The raw params (as @solidjs/router's useSearchParams gives them). */
export type RunsParams = Partial<Record<'filter' | 'sort' | 'dir' | 'cols' | 'view' | 'since' | 'group' | 'agg', string>>;

export interface RunsViewState {
  filter: string;
  sortColumn: string;
  ascending: boolean;
  /** Column ids in order; undefined = the defaults for the loaded keys. */
  columns: string[] | undefined;
  view: LifecycleView;
  since: TimeRange;
  groupBy: string | undefined;
  aggregate: Aggregate;
}

/** MLflow's default order: `attributes.start_time DESC`. */
export const DEFAULT_SORT = 'attr:created';

const oneOf = <T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/** Reads the state from the URL, ignoring values it does not know (a mistyped link still opens). */
export function readViewState(p: RunsParams): RunsViewState {
  const sortColumn = p.sort && columnOf(p.sort)?.orderKey ? p.sort : DEFAULT_SORT;
  const group = p.group && /^(param|tag):./.test(p.group) ? p.group : undefined;
  return {
    filter: p.filter ?? '',
    sortColumn,
    ascending: p.dir === 'asc',
    columns: p.cols === undefined ? undefined : p.cols.split(',').filter((id) => columnOf(id)),
    view: oneOf(p.view, ['active', 'deleted', 'all'], 'active'),
    since: oneOf(p.since, TIME_RANGES.map((t) => t.value), 'all'),
    groupBy: group,
    aggregate: oneOf(p.agg, ['min', 'avg', 'max'], 'avg'),
  };
}

/** MLflow order_by for the sorted column, e.g. `metrics.\`val loss\` DESC`. */
export function orderByOf(state: RunsViewState): string[] {
  const key = columnOf(state.sortColumn)?.orderKey ?? 'attributes.start_time';
  return [`${key} ${state.ascending ? 'ASC' : 'DESC'}`];
}

/**
 * The search a state asks for. The time range becomes `attributes.start_time >= <ms>` as in MLflow's UI, ANDed
 * with the user's filter (which must already parse: the parentheses keep an OR in it from binding looser).
 */
export function searchOptionsOf(state: RunsViewState, now: number): SearchRunsOptions {
  const range = TIME_RANGES.find((t) => t.value === state.since);
  const user = state.filter.trim();
  const since = range && Number.isFinite(range.ms) ? `attributes.start_time >= ${Math.floor(now - range.ms)}` : '';
  const filter = user && since ? `(${user}) AND ${since}` : user || since;
  return {
    filter: filter || undefined,
    orderBy: orderByOf(state),
    runViewType: LIFECYCLE_VIEWS.find((v) => v.value === state.view)?.viewType ?? 'ACTIVE_ONLY',
  };
}
