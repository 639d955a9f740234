import { For, type JSX, Show } from 'solid-js';
import type { ImportPreview, PreviewExperiment } from '../../workers/import-client';
import { RunStatusBadge } from './RunStatusBadge';

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;
const fmt = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(6))) : String(v));

function ExperimentPreview(props: { experiment: PreviewExperiment }) {
  const e = () => props.experiment;
  return (
    <details class="preview-exp" open>
      <summary>
        <span class="preview-exp-name">{e().name}</span>
        <span class="muted mono">id {e().experimentId}</span>
        <span class="muted">{plural(e().runs, 'run')}</span>
        <Show when={e().lifecycleStage === 'deleted'}><span class="badge">deleted</span></Show>
      </summary>
      <Show when={e().sample.length > 0} fallback={<p class="muted preview-none">No runs.</p>}>
        <table class="table table-compact">
          <caption class="visually-hidden">Runs of {e().name} to import</caption>
          <thead>
            <tr><th scope="col">Run</th><th scope="col">Status</th><th scope="col">Params</th><th scope="col">Metrics (last value)</th></tr>
          </thead>
          <tbody>
            <For each={e().sample}>
              {(r) => (
                <tr>
                  <td class="mono" title={r.runId}>{r.runName || r.runId.slice(0, 8)}</td>
                  <td><RunStatusBadge status={r.status} /></td>
                  <td class="preview-kv">
                    <For each={r.params}>{(p) => <span class="kv"><b>{p.key}</b>={p.value.slice(0, 24)}</span>}</For>
                  </td>
                  <td class="preview-kv">
                    <For each={r.metrics}>
                      {(m) => <span class="kv" title={`${m.points} points`}><b>{m.key}</b>={fmt(m.value)}</span>}
                    </For>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <Show when={e().runs > e().sample.length}>
          <p class="muted preview-none">…and {plural(e().runs - e().sample.length, 'more run')}.</p>
        </Show>
      </Show>
    </details>
  );
}

/** What an import will write: totals, each experiment with a sample of its runs, and the reader's warnings. */
export function ImportPreviewPanel(props: { preview: ImportPreview; actions?: JSX.Element }) {
  const p = () => props.preview;
  return (
    <section class="card" aria-labelledby="preview-heading">
      <div class="card-header">
        <h2 id="preview-heading">Preview of {p().source}</h2>
        {props.actions}
      </div>
      <p class="muted">
        {plural(p().experiments.length, 'experiment')} · {plural(p().runs, 'run')} · {plural(p().metricPoints, 'metric point')}
        {' · '}{plural(p().artifacts, 'artifact file')}
        {p().registeredModels > 0 ? ` · ${plural(p().registeredModels, 'registered model')}` : ''}
      </p>
      <Show when={p().warnings.length > 0}>
        <div class="banner banner-warning" role="status">
          <b>{plural(p().warnings.length, 'warning')}</b>
          <ul><For each={p().warnings.slice(0, 10)}>{(w) => <li>{w}</li>}</For></ul>
          <Show when={p().warnings.length > 10}><p>…and {p().warnings.length - 10} more.</p></Show>
        </div>
      </Show>
      <For each={p().experiments}>{(e) => <ExperimentPreview experiment={e} />}</For>
      <Show when={p().models.length > 0}>
        <table class="table table-compact">
          <caption>Registered models to import</caption>
          <thead>
            <tr><th scope="col">Model</th><th scope="col">Versions</th><th scope="col">Stages</th><th scope="col">Aliases</th><th scope="col">With files</th></tr>
          </thead>
          <tbody>
            <For each={p().models}>
              {(m) => (
                <tr>
                  <td>{m.name}</td>
                  <td>{m.versions}</td>
                  <td>{[...new Set(m.stages)].join(', ')}</td>
                  <td class="preview-kv">
                    <For each={Object.entries(m.aliases)}>{([a, v]) => <span class="kv"><b>@{a}</b>=v{v}</span>}</For>
                  </td>
                  <td>{m.withFiles}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}
