import { createSignal, For, Show } from 'solid-js';
import type { RestoreResult } from '../../interop';
import { pullExperiments, type MlflowRestClient } from '../../interop/rest';
import type { Experiment } from '../../tracking/entities';
import { client } from '../client';
import { ProgressBar } from './ProgressBar';
import { SyncErrorBanner } from './SyncErrorBanner';

/** Lists the server's experiments (search) and pulls the chosen ones, runs and histories, into Flowpad. */
export function PullPanel(props: { remote: MlflowRestClient }) {
  const [list, setList] = createSignal<Experiment[] | null>(null);
  const [chosen, setChosen] = createSignal<ReadonlySet<string>>(new Set());
  const [progress, setProgress] = createSignal<{ done: number; total: number } | null>(null);
  const [result, setResult] = createSignal<RestoreResult | null>(null);
  const [error, setError] = createSignal<{ action: string; error: unknown } | null>(null);

  async function load() {
    setError(null);
    try {
      const all: Experiment[] = [];
      let token: string | undefined;
      do {
        const page = await props.remote.searchExperiments({ pageToken: token });
        all.push(...page.items);
        token = page.nextPageToken;
      } while (token);
      setList(all);
    } catch (e) {
      setError({ action: 'Listing experiments', error: e });
    }
  }

  async function pull() {
    setError(null);
    setResult(null);
    setProgress({ done: 0, total: 0 });
    try {
      setResult(await pullExperiments(props.remote, client, [...chosen()], { onProgress: (p) => setProgress(p) }));
    } catch (e) {
      setError({ action: 'Pull', error: e });
    } finally {
      setProgress(null);
    }
  }

  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen());
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };

  return (
    <section class="card" aria-labelledby="pull-heading">
      <h2 id="pull-heading">Pull from the server</h2>
      <p class="muted">Runs keep their MLflow ids; runs already here, or pushed from here, are skipped.</p>
      <div class="actions">
        <button type="button" class="button" onClick={() => void load()}>
          {list() ? 'Refresh server experiments' : 'List server experiments'}
        </button>
      </div>
      <Show when={list()}>
        {(l) => (
          <fieldset class="checklist">
            <legend class="visually-hidden">Server experiments to pull</legend>
            <Show when={l().length > 0} fallback={<p class="muted">The server has no active experiments.</p>}>
              <For each={l()}>
                {(e) => (
                  <label class="check">
                    <input type="checkbox" checked={chosen().has(e.experimentId)}
                      onChange={(ev) => toggle(e.experimentId, ev.currentTarget.checked)} />
                    <span>{e.name}</span>
                    <span class="muted mono">server id {e.experimentId}</span>
                  </label>
                )}
              </For>
            </Show>
          </fieldset>
        )}
      </Show>
      <Show when={list()}>
        <div class="actions">
          <button type="button" class="button button-primary" disabled={chosen().size === 0 || progress() !== null}
            onClick={() => void pull()}>
            Pull {chosen().size === 0 ? 'experiments' : chosen().size === 1 ? '1 experiment' : `${chosen().size} experiments`}
          </button>
        </div>
      </Show>
      <Show when={progress()}>
        {(p) => <ProgressBar label="Pulling runs" fraction={p().total ? p().done / p().total : undefined}
          detail={p().total ? `${p().done} of ${p().total} runs` : 'Searching runs on the server…'} />}
      </Show>
      <Show when={result()}>
        {(r) => (
          <div class="banner banner-success" role="status">
            <b>Pulled.</b> {r().experimentsCreated} experiment(s) created, {r().experimentsMerged} merged, {r().runsCreated} run(s)
            created{r().runsSkipped.length ? `, ${r().runsSkipped.length} already here` : ''}.
            <Show when={r().warnings.length > 0}>
              <ul><For each={r().warnings.slice(0, 10)}>{(w) => <li>{w}</li>}</For></ul>
            </Show>
          </div>
        )}
      </Show>
      <Show when={error()}>{(e) => <SyncErrorBanner error={e().error} action={e().action} />}</Show>
    </section>
  );
}
