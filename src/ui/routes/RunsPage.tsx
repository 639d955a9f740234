import { A, useSearchParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import type { Experiment } from '../../tracking/entities';
import { client } from '../client';
import { EmptyState } from '../components/EmptyState';
import '../experiments/experiments.css';
import { createDocumentTitle } from '../primitives/create-document-title';
import { createLiveQuery } from '../primitives/create-live-query';
import { RunsView } from '../runs/RunsView';

/** Parses `experiments=1,2,…`: unique ids in the given order. */
export function experimentIdsOf(param: string | undefined): string[] {
  return [...new Set((param ?? '').split(',').map((s) => s.trim()).filter(Boolean))];
}

/**
 * `#/runs?experiments=1,2`: the runs of several experiments in one table (MLflow's "compare experiments"), with an
 * Experiment column. Unknown ids are named in a note and left out.
 */
export function RunsPage() {
  const [params] = useSearchParams<{ experiments?: string }>();
  const ids = createMemo(() => experimentIdsOf(params.experiments), undefined, { equals: (a, b) => a.join() === b.join() });
  const experiments = createLiveQuery(ids, (list) =>
    Promise.all(list.map((id) => client.getExperiment(id).catch(() => undefined))),
  );
  const found = () => (experiments() ?? []).filter((e): e is Experiment => !!e);
  const missing = () => ids().filter((id) => !found().some((e) => e.experimentId === id));
  const names = createMemo(() => new Map(found().map((e) => [e.experimentId, e.name])));
  createDocumentTitle(() => `Runs of ${found().length} experiments`);

  return (
    <>
      <nav class="breadcrumbs" aria-label="Breadcrumb">
        <A href="/">Experiments</A>
        <span aria-hidden="true">/</span>
      </nav>
      <div class="page-header compact">
        <div class="header-main">
          <h1>Runs of {found().length} experiment{found().length === 1 ? '' : 's'}</h1>
          <p class="subtitle experiment-links">
            <For each={found()}>
              {(e, i) => (
                <>
                  {i() > 0 && <span aria-hidden="true"> · </span>}
                  <A href={`/experiments/${encodeURIComponent(e.experimentId)}`}>{e.name}</A>
                </>
              )}
            </For>
          </p>
          <Show when={experiments() && missing().length > 0}>
            <p class="banner banner-warning">Not found in this browser: {missing().join(', ')}</p>
          </Show>
        </div>
      </div>
      <Show
        when={found().length > 0}
        fallback={
          <Show when={experiments()}>
            <EmptyState title="No experiments selected" action={<A href="/" class="button button-primary">Choose experiments</A>}>
              Select experiments with their checkboxes on the experiments page, then “Compare runs”.
            </EmptyState>
          </Show>
        }
      >
        <RunsView
          experimentIds={found().map((e) => e.experimentId)}
          experimentName={(id) => names().get(id) ?? id}
          label={`Runs of ${found().map((e) => e.name).join(', ')}`}
        />
      </Show>
    </>
  );
}
