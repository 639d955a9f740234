import { For, Show } from 'solid-js';
import { pushExperiments, type MlflowRestClient } from '../../interop/rest';
import { client } from '../client';
import { createLiveQuery } from '../primitives/create-live-query';
import { createPushJob } from '../primitives/create-push-job';
import { ProgressBar } from './ProgressBar';
import { SyncErrorBanner } from './SyncErrorBanner';

/** Choose Flowpad experiments and push them (runs, params, metric histories, tags, artifacts) to the server. */
export function PushPanel(props: { remote: MlflowRestClient; serverUrl: string }) {
  const experiments = createLiveQuery(() => client.searchExperiments({ maxResults: 1000 }));
  const job = createPushJob((ids, onProgress) =>
    // buffered metric points belong in the push
    client.flush().then(() => pushExperiments(client, props.remote, ids, { onProgress })));
  const { chosen, toggle, progress, result, error } = job;

  return (
    <section class="card" aria-labelledby="push-heading">
      <h2 id="push-heading">Push to the server</h2>
      <p class="muted">
        Experiments match by name; each run pushed is tagged <code>flowpad.sourceRunId</code>, so pushing again sends
        only what the server lacks and an interrupted push resumes where it stopped.
      </p>
      <fieldset class="checklist">
        <legend class="visually-hidden">Experiments to push</legend>
        <For each={experiments()?.items ?? []}>
          {(e) => (
            <label class="check">
              <input type="checkbox" checked={chosen().has(e.experimentId)}
                onChange={(ev) => toggle(e.experimentId, ev.currentTarget.checked)} />
              <span>{e.name}</span>
              <span class="muted mono">id {e.experimentId}</span>
            </label>
          )}
        </For>
      </fieldset>
      <div class="actions">
        <button type="button" class="button button-primary" disabled={chosen().size === 0 || progress() !== null}
          onClick={() => void job.start()}>
          Push {chosen().size === 0 ? 'experiments' : chosen().size === 1 ? '1 experiment' : `${chosen().size} experiments`}
        </button>
      </div>
      <Show when={progress()}>
        {(p) => <ProgressBar label="Pushing runs" fraction={p().total ? p().done / p().total : undefined}
          detail={p().total ? `${p().done} of ${p().total} runs` : 'Matching experiments and runs on the server…'} />}
      </Show>
      <Show when={result()}>
        {(r) => (
          <div class="banner banner-success" role="status">
            <b>Pushed to {props.serverUrl}.</b> {Object.keys(r().runs).length} run(s) in sync: {r().experimentsCreated} experiment(s)
            and {r().runsCreated} run(s) created, {r().pointsSent.toLocaleString()} metric point(s) in {r().requests} batch
            request(s), {r().artifactsSent} artifact file(s) sent.
            <Show when={r().warnings.length > 0}>
              <ul><For each={r().warnings}>{(w) => <li>{w}</li>}</For></ul>
            </Show>
          </div>
        )}
      </Show>
      <Show when={error()}>{(e) => <SyncErrorBanner error={e()} action="Push" />}</Show>
    </section>
  );
}
