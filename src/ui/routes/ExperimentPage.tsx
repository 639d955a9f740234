import { A, useParams } from '@solidjs/router';
import { For, Match, Show, Switch } from 'solid-js';
import type { Experiment } from '../../tracking/entities';
import { client } from '../client';
import { EmptyState } from '../components/EmptyState';
import { RunStatusBadge } from '../components/RunStatusBadge';
import { Time } from '../components/Time';
import { createDocumentTitle } from '../primitives/create-document-title';
import { createLiveQuery } from '../primitives/create-live-query';

/** Runs listed here; the full runs table (columns, sorting, paging) is its own page later. */
const RUNS_SHOWN = 100;

/** `#/experiments/:id`: the experiment's header and its newest runs. */
export function ExperimentPage() {
  const params = useParams<{ id: string }>();
  const experiment = createLiveQuery(() => params.id, (id) => client.getExperiment(id));
  createDocumentTitle(() => experiment()?.name ?? (experiment.error() ? 'Experiment not found' : 'Experiment'));

  return (
    <>
      <nav class="breadcrumbs" aria-label="Breadcrumb">
        <A href="/">Experiments</A>
        <span aria-hidden="true">/</span>
      </nav>
      <Switch fallback={<p class="muted loading">Loading experiment…</p>}>
        <Match when={experiment.error()?.code === 'RESOURCE_DOES_NOT_EXIST'}>
          <section class="panel not-found">
            <h1>Experiment not found</h1>
            <p>
              There is no experiment with ID <code>{params.id}</code> in this browser. It may live in another
              browser profile, or its data may have been cleared.
            </p>
            <A href="/" class="button button-primary">Go to experiments</A>
          </section>
        </Match>
        <Match when={experiment.error()}>
          {(error) => <p class="banner banner-error" role="alert">Could not load the experiment: {error().message}</p>}
        </Match>
        <Match when={experiment()}>{(exp) => <ExperimentDetails experiment={exp()} />}</Match>
      </Switch>
    </>
  );
}

function ExperimentDetails(props: { experiment: Experiment }) {
  const runs = createLiveQuery(
    () => props.experiment.experimentId,
    (id) => client.searchRuns([id], { maxResults: RUNS_SHOWN }),
  );
  return (
    <>
      <div class="page-header">
        <div>
          <h1>
            {props.experiment.name}
            <Show when={props.experiment.lifecycleStage === 'deleted'}>
              <span class="badge badge-killed heading-badge">Deleted</span>
            </Show>
          </h1>
          <dl class="meta">
            <div><dt>ID</dt><dd class="mono">{props.experiment.experimentId}</dd></div>
            <div><dt>Created</dt><dd><Time ms={props.experiment.creationTime} /></dd></div>
            <div><dt>Artifact location</dt><dd class="mono">{props.experiment.artifactLocation}</dd></div>
          </dl>
        </div>
      </div>

      <section aria-labelledby="runs-heading">
        <div class="section-header">
          <h2 id="runs-heading">Runs</h2>
          <Show when={runs()}>
            {(page) => (
              <span class="muted count">
                {page().nextPageToken ? `newest ${page().items.length}` : page().items.length}
              </span>
            )}
          </Show>
        </div>
        <Switch fallback={<p class="muted loading">Loading runs…</p>}>
          <Match when={runs.error()}>
            {(error) => <p class="banner banner-error" role="alert">Could not search runs: {error().message}</p>}
          </Match>
          <Match when={runs()?.items.length === 0}>
            <EmptyState title="No runs yet">
              Runs logged to this experiment, from training in this browser or from an import, appear here.
            </EmptyState>
          </Match>
          <Match when={runs()}>
            {(page) => (
              <div class="table-wrap">
                <table class="table">
                  <caption class="visually-hidden">Runs of {props.experiment.name}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Run name</th>
                      <th scope="col">Status</th>
                      <th scope="col">Started</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={page().items}>
                      {(run) => (
                        <tr>
                          <td class="cell-name" title={run.info.runName}>{run.info.runName}</td>
                          <td><RunStatusBadge status={run.info.status} /></td>
                          <td><Time ms={run.info.startTime} /></td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            )}
          </Match>
        </Switch>
      </section>
    </>
  );
}
