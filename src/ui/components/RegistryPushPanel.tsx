import { For, Show } from 'solid-js';
import { pushRegisteredModels, type RegistryPushTargets } from '../../interop/rest';
import { client } from '../client';
import { createLiveQuery } from '../primitives/create-live-query';
import { createPushJob } from '../primitives/create-push-job';
import { registry } from '../registry';
import { ProgressBar } from './ProgressBar';
import { SyncErrorBanner } from './SyncErrorBanner';

/** Choose registered models and push them (versions, stages, tags, aliases, and the runs they came from). */
export function RegistryPushPanel(props: { remote: RegistryPushTargets; serverUrl: string }) {
  const models = createLiveQuery(() => registry.searchRegisteredModels({ maxResults: 1000 }));
  const job = createPushJob((names, onProgress) =>
    client.flush().then(() => pushRegisteredModels({ tracking: client, registry }, props.remote, names, { onProgress })));
  const { chosen, toggle, progress, result, error } = job;

  return (
    <section class="card" aria-labelledby="push-models-heading">
      <h2 id="push-models-heading">Push registered models</h2>
      <p class="muted">
        Models match by name; each version pushed is tagged <code>flowpad.sourceVersion</code>, and the experiments of
        the runs its versions came from are pushed first, so pushing again sends only what changed.
      </p>
      <Show when={(models()?.items.length ?? 0) > 0} fallback={<p class="muted">No registered models in this browser.</p>}>
        <fieldset class="checklist">
          <legend class="visually-hidden">Registered models to push</legend>
          <For each={models()?.items ?? []}>
            {(m) => (
              <label class="check">
                <input type="checkbox" checked={chosen().has(m.name)} onChange={(ev) => toggle(m.name, ev.currentTarget.checked)} />
                <span>{m.name}</span>
              </label>
            )}
          </For>
        </fieldset>
      </Show>
      <div class="actions">
        <button type="button" class="button button-primary" disabled={chosen().size === 0 || progress() !== null}
          onClick={() => void job.start()}>
          Push {chosen().size === 1 ? '1 model' : `${chosen().size || ''} models`.trim()}
        </button>
      </div>
      <Show when={progress()}>
        {(p) => <ProgressBar label="Pushing models" fraction={p().total ? p().done / p().total : undefined}
          detail={p().total ? `${p().done} of ${p().total}` : 'Matching models on the server…'} />}
      </Show>
      <Show when={result()}>
        {(r) => (
          <div class="banner banner-success" role="status">
            <b>Pushed to {props.serverUrl}.</b> {Object.values(r().versions).reduce((n, v) => n + Object.keys(v).length, 0)} version(s)
            in sync: {r().modelsCreated} model(s) and {r().versionsCreated} version(s) created, {r().updates} update(s) sent.
            <Show when={r().warnings.length > 0}>
              <ul><For each={r().warnings}>{(w) => <li>{w}</li>}</For></ul>
            </Show>
          </div>
        )}
      </Show>
      <Show when={error()}>{(e) => <SyncErrorBanner error={e()} action="Model push" />}</Show>
    </section>
  );
}
