import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { client } from '../client';
import { CreateExperimentDialog } from '../components/CreateExperimentDialog';
import { EmptyState } from '../components/EmptyState';
import { Time } from '../components/Time';
import { nameFilter } from '../name-filter';
import { createDocumentTitle } from '../primitives/create-document-title';
import { createLiveQuery } from '../primitives/create-live-query';

/** `#/`: every active experiment, newest first, filterable by name (`?q=` keeps the filter in the link). */
export function ExperimentsPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams<{ q?: string }>();
  const [creating, setCreating] = createSignal(false);
  const search = () => params.q ?? '';
  const experiments = createLiveQuery(
    () => nameFilter(search()),
    (filter) => client.searchExperiments({ filter }),
  );
  const items = () => experiments()?.items;
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

      <div class="toolbar">
        <input
          type="search"
          class="search"
          placeholder="Filter by name"
          aria-label="Filter experiments by name"
          value={search()}
          onInput={(e) => setParams({ q: e.currentTarget.value || undefined }, { replace: true })}
        />
        <Show when={items()}>
          {(list) => (
            <span class="muted count" aria-live="polite">
              {list().length === 1 ? '1 experiment' : `${list().length} experiments`}
              {experiments()?.nextPageToken ? ' shown (more exist)' : ''}
            </span>
          )}
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
            <div class="table-wrap">
              <table class="table">
                <caption class="visually-hidden">Experiments</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">ID</th>
                    <th scope="col">Created</th>
                    <th scope="col">Last modified</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={list()}>
                    {(experiment) => (
                      <tr>
                        <td class="cell-name" title={experiment.name}>
                          <A href={`/experiments/${encodeURIComponent(experiment.experimentId)}`}>{experiment.name}</A>
                        </td>
                        <td class="mono">{experiment.experimentId}</td>
                        <td><Time ms={experiment.creationTime} /></td>
                        <td><Time ms={experiment.lastUpdateTime} /></td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          )}
        </Match>
      </Switch>

      <Show when={creating()}>
        <CreateExperimentDialog
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            navigate(`/experiments/${encodeURIComponent(id)}`);
          }}
        />
      </Show>
    </>
  );
}
