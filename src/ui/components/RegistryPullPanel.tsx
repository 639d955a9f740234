import { createSignal, For, Show } from 'solid-js';
import type { RestoreResult } from '../../interop';
import { pullRegisteredModels, type RegistryPushTargets } from '../../interop/rest';
import { client } from '../client';
import { registry } from '../registry';
import { SyncErrorBanner } from './SyncErrorBanner';

/** Lists the server's registered models and pulls the chosen ones (versions, stages, tags, aliases) into Flowpad. */
export function RegistryPullPanel(props: { remote: RegistryPushTargets }) {
  const [list, setList] = createSignal<string[] | null>(null);
  const [chosen, setChosen] = createSignal<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = createSignal(false);
  const [result, setResult] = createSignal<RestoreResult | null>(null);
  const [error, setError] = createSignal<{ action: string; error: unknown } | null>(null);

  async function load() {
    setError(null);
    try {
      setList(await props.remote.registry.listRegisteredModelNames());
    } catch (e) {
      setError({ action: 'Listing models', error: e });
    }
  }

  async function pull() {
    setError(null);
    setResult(null);
    setBusy(true);
    try {
      setResult(await pullRegisteredModels(props.remote, { tracking: client, registry }, [...chosen()]));
    } catch (e) {
      setError({ action: 'Model pull', error: e });
    } finally {
      setBusy(false);
    }
  }

  const toggle = (name: string, on: boolean) => {
    const next = new Set(chosen());
    if (on) next.add(name);
    else next.delete(name);
    setChosen(next);
  };

  return (
    <section class="card" aria-labelledby="pull-models-heading">
      <h2 id="pull-models-heading">Pull registered models</h2>
      <p class="muted">
        Versions keep their numbers, stages, tags and sources (files stay on the server). A model this browser has
        identically is left as it is; a different one of the same name is refused.
      </p>
      <div class="actions">
        <button type="button" class="button" onClick={() => void load()}>{list() ? 'Refresh server models' : 'List server models'}</button>
      </div>
      <Show when={list()}>
        {(names) => (
          <fieldset class="checklist">
            <legend class="visually-hidden">Server models to pull</legend>
            <For each={names()} fallback={<p class="muted">The server has no registered models.</p>}>
              {(name) => (
                <label class="check">
                  <input type="checkbox" checked={chosen().has(name)} onChange={(ev) => toggle(name, ev.currentTarget.checked)} />
                  <span>{name}</span>
                </label>
              )}
            </For>
          </fieldset>
        )}
      </Show>
      <div class="actions">
        <button type="button" class="button button-primary" disabled={chosen().size === 0 || busy()} onClick={() => void pull()}>
          Pull {chosen().size === 1 ? '1 model' : `${chosen().size || ''} models`.trim()}
        </button>
      </div>
      <Show when={result()}>
        {(r) => (
          <div class="banner banner-success" role="status">
            <b>Pulled models.</b> {r().registry.filter((m) => m.created).length} model(s) created,{' '}
            {r().registry.filter((m) => m.unchanged).length} already here.
            <Show when={r().warnings.length > 0}>
              <ul><For each={r().warnings}>{(w) => <li>{w}</li>}</For></ul>
            </Show>
          </div>
        )}
      </Show>
      <Show when={error()}>{(e) => <SyncErrorBanner error={e().error} action={e().action} />}</Show>
    </section>
  );
}
