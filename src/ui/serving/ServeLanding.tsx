import { A, useNavigate } from '@solidjs/router';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { EmptyState } from '../components/EmptyState';
import { AliasBadge, StageBadge } from '../components/registry/StageBadge';
import { createLiveQuery } from '../primitives/create-live-query';
import { registry } from '../registry';
import { modelPath, servePath as href } from '../routes/model-paths';

/** `#/serve` without a URI: type one, or pick a registered model's version or alias. */
export function ServeLanding() {
  const navigate = useNavigate();
  const [uri, setUri] = createSignal('');
  const models = createLiveQuery(() => registry.searchRegisteredModels({ maxResults: 1000 }));
  return (
    <>
      <div class="page-header">
        <div>
          <h1>Serve a model</h1>
          <p class="subtitle">
            Score requests in MLflow's scoring protocol right here, in a worker: one at a time from a form or JSON, or a
            whole CSV file. Nothing leaves this browser.
          </p>
        </div>
      </div>
      <form class="uri-form" onSubmit={(e) => {
        e.preventDefault();
        if (uri().trim()) navigate(href(uri().trim()));
      }}>
        <label for="serve-uri">Model URI</label>
        <div class="inline-form">
          <input id="serve-uri" type="text" class="mono" value={uri()} onInput={(e) => setUri(e.currentTarget.value)}
            placeholder="models:/name/1 · models:/name@champion · models:/name/Production · runs:/<run_id>/model" />
          <button type="submit" class="button button-primary" disabled={!uri().trim()}>Open</button>
        </div>
      </form>
      <section aria-labelledby="serve-models-heading" class="section">
        <div class="section-header"><h2 id="serve-models-heading">Registered models</h2></div>
        <Switch fallback={<p class="muted loading">Loading models…</p>}>
          <Match when={models.error()}>{(e) => <p class="banner banner-error" role="alert">{e().message}</p>}</Match>
          <Match when={models()?.items.length === 0}>
            <EmptyState title="No registered models yet" action={<A href="/models" class="button button-primary">Go to models</A>}>
              Register a model from a run, or import a bundle, an MLflow model folder or a bare .onnx file.
            </EmptyState>
          </Match>
          <Match when={models()}>
            {(page) => (
              <div class="table-wrap">
                <table class="table">
                  <caption class="visually-hidden">Models to serve</caption>
                  <thead><tr><th scope="col">Model</th><th scope="col">Aliases</th><th scope="col">Latest versions</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
                  <tbody>
                    <For each={page().items}>
                      {(m) => (
                        <tr>
                          <td class="cell-name"><A href={modelPath(m.name)}>{m.name}</A></td>
                          <td>
                            <div class="badges">
                              <For each={m.aliases} fallback={<span class="muted">—</span>}>
                                {(a) => <A href={href(`models:/${m.name}@${a.alias}`)} title={`Serve models:/${m.name}@${a.alias}`}><AliasBadge alias={a.alias} /></A>}
                              </For>
                            </div>
                          </td>
                          <td>
                            <div class="badges">
                              <For each={m.latestVersions}>
                                {(v) => (
                                  <A href={href(`models:/${m.name}/${v.version}`)} class="serve-version" aria-label={`Serve ${m.name} version ${v.version}`}>
                                    v{v.version}
                                    <Show when={v.currentStage !== 'None'}> <StageBadge stage={v.currentStage} /></Show>
                                  </A>
                                )}
                              </For>
                            </div>
                          </td>
                          <td>
                            <A href={href(`models:/${m.name}/latest`)} class="button button-small" aria-label={`Serve the latest version of ${m.name}`}>Serve latest</A>
                          </td>
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
