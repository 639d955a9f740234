import { useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, Match, on, createComputed, Show, Switch } from 'solid-js';
import { isMlflowError } from '../../tracking';
import { parseRunFilter, searchSyntaxOf } from '../../tracking/search';
import { EmptyState } from '../components/EmptyState';
import { createClock } from '../primitives/create-clock';
import { createFillHeight } from '../primitives/create-fill-height';
import { ColumnChooser } from './ColumnChooser';
import { availableColumns, collectKeys, columnOf, defaultColumnIds, type RunColumn } from './columns';
import { createRunsQuery } from './create-runs-query';
import { type DisplayRow, groupedRows, groupingChoices, nestedRows, parentIds } from './display-rows';
import { downloadText } from './download';
import { FilterBox, type FilterError } from './FilterBox';
import { ROW_HEIGHT, RunsGrid } from './RunsGrid';
import { runsToCsv } from './runs-csv';
import { RunsToolbar } from './RunsToolbar';
import { SelectionBar } from './SelectionBar';
import './runs.css';
import { readViewState, type RunsParams, searchOptionsOf } from './view-state';

export interface RunsViewProps {
  experimentIds: string[];
  /** Names for the Experiment column of a combined view. */
  experimentName: (id: string) => string;
  /** Accessible name of the table, e.g. "Runs of churn-model". */
  label: string;
}

const MINUTE = 60_000;
/** Header row, borders and a horizontal scrollbar. */
const HEADER_AND_BORDERS = 38 + 2 + 14;
const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * The runs of one or more experiments: filter box, toolbar, selection actions and the virtualized table. All view
 * state except selection, expansion and column widths lives in the URL.
 */
export function RunsView(props: RunsViewProps) {
  const [params, setParams] = useSearchParams<RunsParams>();
  const state = createMemo(() => readViewState(params));
  const multi = () => props.experimentIds.length > 1;

  // The filter is parsed here first, so an error shows at once with its position; an invalid filter keeps the
  // last valid one applied (the table does not empty while the user fixes a typo).
  const filterError = createMemo<FilterError | undefined>(() => {
    try {
      parseRunFilter(state().filter);
      return undefined;
    } catch (err) {
      if (!isMlflowError(err)) throw err;
      return { message: err.message, syntax: searchSyntaxOf(err) };
    }
  });
  const appliedFilter = createMemo<string>((prev) => (filterError() ? prev : state().filter), '');
  const runs = createRunsQuery(() => ({
    experimentIds: props.experimentIds,
    // The time range's cutoff moves in whole minutes, so unrelated URL changes do not re-search.
    options: searchOptionsOf({ ...state(), filter: appliedFilter() }, Math.floor(Date.now() / MINUTE) * MINUTE),
  }));
  const loaded = () => runs() ?? [];

  const keys = createMemo(() => collectKeys(loaded()));
  const available = createMemo(() => availableColumns(keys(), multi()));
  const columnIds = () => state().columns ?? defaultColumnIds(keys(), multi());
  const columns = createMemo(() =>
    columnIds().map(columnOf).filter((c): c is RunColumn => !!c && c.id !== 'attr:name' && (multi() || c.id !== 'attr:experiment')),
  );
  const [widths, setWidths] = createSignal<Record<string, number>>({});

  const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set());
  const [expanded, setExpanded] = createSignal<ReadonlySet<string>>(new Set());
  const [collapsedGroups, setCollapsedGroups] = createSignal<ReadonlySet<string>>(new Set());
  createComputed(on(() => props.experimentIds.join(','), () => {
    setSelected(new Set<string>());
    setExpanded(new Set<string>());
  }, { defer: true }));

  const parents = createMemo(() => parentIds(loaded()));
  const rows = createMemo<DisplayRow[]>(() => {
    const g = state().groupBy;
    return g ? groupedRows(loaded(), g, collapsedGroups()) : nestedRows(loaded(), expanded());
  });
  const selectedRuns = createMemo(() => loaded().filter((r) => selected().has(r.info.runId)));
  const now = createClock(() => loaded().some((r) => r.info.status === 'RUNNING' && !r.info.endTime));

  const [choosing, setChoosing] = createSignal(false);
  const setColumns = (ids: string[]) => setParams({ cols: ids.join(',') }, { replace: true });
  const sortBy = (c: RunColumn) => {
    const same = state().sortColumn === c.id;
    // A new column starts descending, as MLflow's headers do; a second click flips the direction.
    const ascending = same ? !state().ascending : false;
    setParams({ sort: c.id === 'attr:created' ? undefined : c.id, dir: ascending ? 'asc' : undefined });
  };
  const toggleRow = (row: DisplayRow) => {
    const flip = (s: ReadonlySet<string>, id: string) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    };
    if (row.kind === 'group') setCollapsedGroups(flip(collapsedGroups(), row.id));
    else setExpanded(flip(expanded(), row.run.info.runId));
  };
  const select = (ids: string[], on: boolean) => {
    const next = new Set(selected());
    for (const id of ids) (on ? next.add(id) : next.delete(id));
    setSelected(next);
  };
  const allExpanded = () => parents().size > 0 && [...parents()].every((id) => expanded().has(id));
  const groupLabel = () => {
    const g = state().groupBy ?? '';
    return g.startsWith('param:') ? g.slice(6) : g.slice(4);
  };

  let area!: HTMLDivElement;
  const height = createFillHeight(() => area);
  // The table fills the window down to its bottom, but a short list gets a short table (room for a scrollbar).
  const areaHeight = () => {
    const n = rows().length;
    return n === 0 ? Math.min(height(), 360) : Math.min(height(), HEADER_AND_BORDERS + Math.max(n, 2) * ROW_HEIGHT);
  };
  const summary = () => {
    if (runs() === undefined) return runs.loading() ? 'Loading runs…' : '';
    const n = loaded().length;
    return `${fmt(n)} ${appliedFilter() || state().since !== 'all' ? 'matching ' : ''}run${n === 1 ? '' : 's'}`;
  };

  return (
    <section class="runs-view" aria-label="Runs">
      <FilterBox value={state().filter} keys={keys()} error={filterError()} onApply={(f) => setParams({ filter: f || undefined })} />
      <RunsToolbar
        state={state()}
        groupChoices={groupingChoices(keys().params, keys().tags)}
        hasNested={parents().size > 0}
        allExpanded={allExpanded()}
        onChange={(patch) => setParams(patch)}
        onExpandAll={(on) => setExpanded(on ? new Set(parents()) : new Set<string>())}
        onColumns={() => setChoosing(true)}
        onDownload={() => downloadText('runs.csv', runsToCsv(loaded(), keys()), 'text/csv;charset=utf-8')}
        canDownload={loaded().length > 0}
        summary={summary()}
      />
      <Show when={selectedRuns().length > 0}>
        <SelectionBar runs={selectedRuns()} onClear={() => setSelected(new Set<string>())} />
      </Show>
      <div ref={area} class="runs-area" style={{ height: `${areaHeight()}px` }}>
        <Switch>
          <Match when={runs.error()}>
            {(error) => <p class="banner banner-error" role="alert">Could not search runs: {error().message}</p>}
          </Match>
          <Match when={runs() === undefined}>
            <p class="muted loading">Loading runs…</p>
          </Match>
          <Match when={loaded().length === 0}>
            <NoRuns
              filtered={!!appliedFilter() || state().since !== 'all'}
              view={state().view}
              experimentId={props.experimentIds.length === 1 ? props.experimentIds[0] : undefined}
              onClear={() => setParams({ filter: undefined, since: undefined })}
            />
          </Match>
          <Match when={loaded().length > 0}>
            <RunsGrid
              label={props.label}
              rows={rows()}
              columns={columns()}
              width={(c) => widths()[c.id] ?? c.width}
              onResize={(c, w) => setWidths({ ...widths(), [c.id]: w })}
              sortColumn={state().sortColumn}
              ascending={state().ascending}
              onSort={sortBy}
              selected={selected()}
              selectableCount={loaded().length}
              onSelect={select}
              onSelectAll={(on) => setSelected(on ? new Set(loaded().map((r) => r.info.runId)) : new Set<string>())}
              onToggleRow={toggleRow}
              groupLabel={groupLabel()}
              ctx={{ now, experimentName: props.experimentName, aggregate: () => state().aggregate }}
            />
          </Match>
        </Switch>
      </div>
      <Show when={choosing()}>
        <ColumnChooser
          available={available()}
          visible={columns().map((c) => c.id)}
          onChange={setColumns}
          onReset={() => setParams({ cols: undefined }, { replace: true })}
          onClose={() => setChoosing(false)}
        />
      </Show>
    </section>
  );
}

function NoRuns(props: { filtered: boolean; view: string; experimentId: string | undefined; onClear: () => void }) {
  return (
    <Switch
      fallback={
        <EmptyState title="No runs yet">
          Runs logged to this experiment appear here as they are created, from this tab, another tab or a worker.
          From the browser console: <code>await flowpad.client.createRun('{props.experimentId ?? '<experiment id>'}')</code>.
        </EmptyState>
      }
    >
      <Match when={props.filtered}>
        <EmptyState title="No runs match" action={<button type="button" class="button" onClick={() => props.onClear()}>Clear filter</button>}>
          No run matches the filter and time range. Filters use MLflow's syntax, e.g. <code>metrics.rmse &lt; 0.8</code>.
        </EmptyState>
      </Match>
      <Match when={props.view === 'deleted'}>
        <EmptyState title="No deleted runs">Runs you delete appear here until they are restored.</EmptyState>
      </Match>
    </Switch>
  );
}
