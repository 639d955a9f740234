import { useNavigate, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, Match, Show, Switch } from 'solid-js';
import { client } from '../client';
import { EmptyState } from '../components/EmptyState';
import { FormDialog } from '../components/FormDialog';
import { ExperimentsTable } from '../experiments/ExperimentsTable';
import { FirstLook } from '../experiments/FirstLook';
import { nameFilter } from '../name-filter';
import '../experiments/experiments.css';
import { createDocumentTitle } from '../primitives/create-document-title';
import { createLiveQuery } from '../primitives/create-live-query';

/**
 * `#/`: every experiment, newest first, filterable by name (`?q=`), with deleted ones on request (`?deleted=1`).
 * Checked experiments open together in one runs table. An app holding only the empty Default experiment offers
 * sample data.
 */
export function ExperimentsPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams<{ q?: string; deleted?: string }>();
  const [creating, setCreating] = createSignal(false);
  const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set());
  const search = () => params.q ?? '';
  const showDeleted = () => params.deleted === '1';
  const experiments = createLiveQuery(
    () => ({ filter: nameFilter(search()), deleted: showDeleted() }),
    ({ filter, deleted }) => client.searchExperiments({ filter, viewType: deleted ? 'ALL' : 'ACTIVE_ONLY' }),
  );
  const items = () => experiments()?.items;
  const ids = createMemo(() => (items() ?? []).map((e) => e.experimentId), undefined, { equals: (a, b) => a.join() === b.join() });
  // Counted per experiment without reading runs (an IndexedDB count), so 10,000-run experiments list fast.
  const counts = createLiveQuery(ids, async (list) => {
    const n = await Promise.all(list.map((id) => client.countRuns(id, 'ALL')));
    return new Map(list.map((id, i) => [id, n[i]]));
  });
  const firstLook = () => !search() && !showDeleted() && items()?.length === 1 && items()![0].experimentId === '0' && counts()?.get('0') === 0;
  const [sampleProgress, setSampleProgress] = createSignal<number>();
  const chosen = () => (items() ?? []).filter((e) => selected().has(e.experimentId)).map((e) => e.experimentId);
  createDocumentTitle(() => 'Experiments');

  const openCreate = () => setCreating(true);
  const clearSearch = () => setParams({ q: undefined }, { replace: true });

  return (
    <>
      <div class="page-header">
        <div>
          <h1>Experiments</h1>
          <p class="subtitle">Each experiment groups the runs of one modelling task.</p>
        </div>
        <button type="button" class="button button-primary" onClick={openCreate}>
          Create experiment
        </button>
      </div>

      <Show when={firstLook() || sampleProgress() !== undefined}>
        <FirstLook onCreate={openCreate} progress={sampleProgress()} onProgress={setSampleProgress} />
      </Show>

      <div class="toolbar">
        <input
          type="search"
          class="search"
          placeholder="Filter by name"
          aria-label="Filter experiments by name"
          value={search()}
          onInput={(e) => setParams({ q: e.currentTarget.value || undefined }, { replace: true })}
        />
        <label class="check">
          <input type="checkbox" checked={showDeleted()} onChange={(e) => setParams({ deleted: e.currentTarget.checked ? '1' : undefined }, { replace: true })} />
          Show deleted
        </label>
        <Show when={items()}>
          {(list) => (
            <span class="muted count" aria-live="polite">
              {list().length === 1 ? '1 experiment' : `${list().length} experiments`}
              {experiments()?.nextPageToken ? ' shown (more exist)' : ''}
            </span>
          )}
        </Show>
        <span class="toolbar-spacer" />
        <Show when={chosen().length > 0}>
          <span class="muted count">{chosen().length} selected</span>
          <button type="button" class="button" onClick={() => setSelected(new Set<string>())}>Clear</button>
          <button type="button" class="button button-primary" onClick={() => navigate(`/runs?experiments=${chosen().map(encodeURIComponent).join(',')}`)}>
            Compare runs
          </button>
        </Show>
      </div>

      <Switch fallback={<p class="muted loading">Loading experiments…</p>}>
        <Match when={experiments.error()}>
          {(error) => (
            <p class="banner banner-error" role="alert">
              Could not search experiments: {error().message}
            </p>
          )}
        </Match>
        <Match when={items()?.length === 0 && search().trim() !== ''}>
          <EmptyState
            title={`No experiments match “${search().trim()}”`}
            action={<button type="button" class="button" onClick={clearSearch}>Clear filter</button>}
          >
            The filter matches names case-insensitively; <code>%</code> and <code>_</code> are wildcards.
          </EmptyState>
        </Match>
        <Match when={items()?.length === 0}>
          <EmptyState
            title="No experiments yet"
            action={<button type="button" class="button button-primary" onClick={openCreate}>Create experiment</button>}
          >
            Create an experiment to start tracking runs, parameters and metrics.
          </EmptyState>
        </Match>
        <Match when={items()}>
          {(list) => (
            <ExperimentsTable
              experiments={list()}
              counts={counts()}
              selected={selected()}
              onSelect={(id, on) => {
                const next = new Set(selected());
                if (on) next.add(id);
                else next.delete(id);
                setSelected(next);
              }}
              onSelectAll={(on) => setSelected(on ? new Set(list().map((e) => e.experimentId)) : new Set<string>())}
            />
          )}
        </Match>
      </Switch>

      <Show when={creating()}>
        {/* One name field; validation is the tracking client's (MLflow's rules and messages, e.g. a duplicate name). */}
        <FormDialog
          title="Create experiment"
          fields={[{ name: 'name', label: 'Experiment name' }]}
          submitLabel="Create"
          pendingLabel="Creating…"
          onSubmit={async ({ name }) => {
            const id = await client.createExperiment(name);
            navigate(`/experiments/${encodeURIComponent(id)}`);
          }}
          onClose={() => setCreating(false)}
        />
      </Show>
    </>
  );
}
