import { createSignal, For, Show } from 'solid-js';
import { client } from '../client';
import { downloadBytes } from '../import-source';
import { createLiveQuery } from '../primitives/create-live-query';
import type { ImportClient } from '../../workers/import-client';

/**
 * "Export experiment as mlruns zip": pick an experiment; the import worker writes its runs, metric histories and
 * artifacts as an MLflow FileStore tree and zips it. Unzip it and point `mlflow ui --backend-store-uri` at `mlruns`.
 */
export function ExportPanel(props: { exporter: () => ImportClient }) {
  const experiments = createLiveQuery(() => client.searchExperiments({ maxResults: 1000 }));
  const [chosen, setChosen] = createSignal('');
  const [state, setState] = createSignal<{ busy?: boolean; message?: string; error?: string }>({});
  const selected = () => chosen() || experiments()?.items[0]?.experimentId || '';

  async function exportZip() {
    const id = selected();
    if (!id) return;
    setState({ busy: true });
    try {
      const zip = await props.exporter().exportMlrunsZip(id);
      downloadBytes(zip.bytes, zip.fileName);
      setState({ message: `Saved ${zip.fileName} (${(zip.bytes.length / 1024).toFixed(1)} kB).` });
    } catch (e) {
      setState({ error: (e as Error).message });
    }
  }

  return (
    <section class="card" aria-labelledby="export-heading">
      <h2 id="export-heading">Export an experiment as an mlruns zip</h2>
      <p class="muted">
        A zip of an MLflow FileStore tree: unzip it and run <code>mlflow ui --backend-store-uri ./mlruns</code>, or
        read it with <code>MlflowClient("file:./mlruns")</code>.
      </p>
      <div class="toolbar form-row">
        <label class="field-inline">
          <span>Experiment</span>
          <select value={selected()} onChange={(e) => setChosen(e.currentTarget.value)} aria-label="Experiment to export">
            <For each={experiments()?.items ?? []}>
              {(e) => <option value={e.experimentId}>{e.name} (id {e.experimentId})</option>}
            </For>
          </select>
        </label>
        <button type="button" class="button" disabled={!selected() || state().busy} onClick={() => void exportZip()}>
          {state().busy ? 'Exporting…' : 'Export mlruns zip'}
        </button>
      </div>
      <Show when={state().message}><p class="muted" role="status">{state().message}</p></Show>
      <Show when={state().error}><p class="banner banner-error" role="alert">Export failed: {state().error}</p></Show>
    </section>
  );
}
