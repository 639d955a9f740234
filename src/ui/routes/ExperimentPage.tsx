import { A, useParams } from '@solidjs/router';
import { Match, Show, Switch } from 'solid-js';
import type { Experiment } from '../../tracking/entities';
import { client } from '../client';
import { Time } from '../components/Time';
import { DescriptionPanel } from '../experiments/DescriptionPanel';
import { ExperimentActions } from '../experiments/ExperimentActions';
import { TagsEditor } from '../components/TagsEditor';
import '../experiments/experiments.css';
import { createDocumentTitle } from '../primitives/create-document-title';
import { createLiveQuery } from '../primitives/create-live-query';
import { RunsView } from '../runs/RunsView';

/** `#/experiments/:id`: the experiment's header, description and tags, then its runs table. */
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
        <Match when={experiment()}>{(exp) => <ExperimentHeader experiment={exp()} />}</Match>
      </Switch>
      {/* The runs load alongside the experiment, not after it: one IndexedDB round trip less before the first rows. */}
      <Show when={!experiment.error()}>
        <RunsView
          experimentIds={[params.id]}
          experimentName={() => experiment()?.name ?? params.id}
          label={`Runs of ${experiment()?.name ?? `experiment ${params.id}`}`}
        />
      </Show>
    </>
  );
}

function ExperimentHeader(props: { experiment: Experiment }) {
  const id = () => props.experiment.experimentId;
  const runCount = createLiveQuery(id, (e) => client.countRuns(e));
  return (
    <>
      <div class="page-header compact">
        <div class="header-main">
          <h1>
            {props.experiment.name}
            <Show when={props.experiment.lifecycleStage === 'deleted'}>
              <span class="badge badge-killed heading-badge">Deleted</span>
            </Show>
          </h1>
          <dl class="meta">
            <div><dt>ID</dt><dd class="mono">{id()}</dd></div>
            <div><dt>Runs</dt><dd>{runCount()?.toLocaleString('en-US') ?? '…'}</dd></div>
            <div><dt>Created</dt><dd><Time ms={props.experiment.creationTime} /></dd></div>
            <div><dt>Last modified</dt><dd><Time ms={props.experiment.lastUpdateTime} /></dd></div>
            <div><dt>Artifact location</dt><dd class="mono">{props.experiment.artifactLocation}</dd></div>
          </dl>
        </div>
        <ExperimentActions experiment={props.experiment} />
      </div>
      <div class="about">
        <DescriptionPanel experiment={props.experiment} />
        <section class="about-block about-tags" aria-label="Experiment tags">
          <div class="about-heading"><h2>Tags</h2></div>
          <TagsEditor
            tags={props.experiment.tags}
            editable={props.experiment.lifecycleStage === 'active'}
            systemTags="hide"
            onSet={(k, v) => client.setExperimentTag(id(), k, v)}
            onDelete={(k) => client.deleteExperimentTag(id(), k)}
          />
        </section>
      </div>
    </>
  );
}
