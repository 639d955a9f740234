import { createSignal, For, Match, onCleanup, Show, Switch } from 'solid-js';
import { csvLine } from '../../models/csv';
import { ProgressBar } from '../components/ProgressBar';
import { saveBlob } from '../download';
import { inference } from './session';
import type { BatchResult } from '../../workers/inference-client';

type Job =
  | { state: 'idle' }
  | { state: 'running'; file: File; rows: number; fraction: number; jobId: string }
  | { state: 'done'; file: File; result: BatchResult }
  | { state: 'failed'; file: File; code: string; message: string };

const PREVIEW_ROWS = 8;
const fmt = new Intl.NumberFormat('en');
let jobs = 0;

/**
 * Batch scoring: a CSV file goes to the inference worker as a Blob and is read, scored and written there in
 * chunks, so this page only hears progress; the predictions CSV comes back as a Blob to download.
 */
export function BatchScoring(props: { versionKey: string; fileStem: string; columns: string[]; template?: string[][]; hint?: string }) {
  const [job, setJob] = createSignal<Job>({ state: 'idle' });
  const [includeInputs, setIncludeInputs] = createSignal(true);
  let input!: HTMLInputElement;
  onCleanup(() => {
    const j = job();
    if (j.state === 'running') void inference().cancelBatch(j.jobId);
  });

  async function score(file: File) {
    const jobId = `batch-${++jobs}`;
    setJob({ state: 'running', file, rows: 0, fraction: 0, jobId });
    try {
      const result = await inference().scoreCsv(props.versionKey, file, { includeInputs: includeInputs(), jobId }, (p) => {
        const j = job();
        if (j.state === 'running' && j.jobId === jobId) setJob({ ...j, rows: p.rows, fraction: p.fraction });
      });
      setJob({ state: 'done', file, result });
    } catch (e) {
      const err = e as { code?: string; message?: string };
      setJob({ state: 'failed', file, code: err.code ?? 'INTERNAL_ERROR', message: err.message ?? String(e) });
    } finally {
      input.value = '';
    }
  }

  const downloadTemplate = () => {
    const rows = [props.columns, ...(props.template ?? [])];
    saveBlob(new Blob(rows.map((r) => csvLine(r)), { type: 'text/csv' }), `${props.fileStem}-template.csv`);
  };
  const running = () => job().state === 'running';
  const done = () => { const j = job(); return j.state === 'done' ? j : undefined; };

  return (
    <section class="serve-card" aria-labelledby="batch-heading">
      <div class="serve-card-header">
        <h2 id="batch-heading">Batch scoring</h2>
        <span class="muted small">CSV in, predictions CSV out — scored in the worker, in chunks.</span>
      </div>
      <div class="serve-card-body batch-body">
        <Show when={props.columns.length}>
          <p class="small">
            Expected columns: <For each={props.columns}>{(c, i) => <>{i() ? ', ' : ''}<code>{c}</code></>}</For>
            <Show when={props.template}>{' '}<button type="button" class="link-button small" onClick={downloadTemplate}>Download a template</button></Show>
          </p>
        </Show>
        <Show when={props.hint}><p class="small muted">{props.hint}</p></Show>
        <div class="batch-controls">
          <label class="button" classList={{ disabled: running() }}>
            Choose CSV file…
            <input ref={input} type="file" accept=".csv,text/csv" class="visually-hidden" aria-label="CSV file to score" disabled={running()}
              onChange={(e) => {
                const f = e.currentTarget.files?.[0];
                if (f) void score(f);
              }} />
          </label>
          <label class="checkbox small">
            <input type="checkbox" checked={includeInputs()} disabled={running()} onChange={(e) => setIncludeInputs(e.currentTarget.checked)} />
            Copy the input columns into the output
          </label>
        </div>
        <Switch>
          <Match when={job().state === 'running' && (job() as Extract<Job, { state: 'running' }>)}>
            {(j) => (
              <div class="batch-progress">
                <ProgressBar label={`Scoring ${j().file.name}…`} name="Batch scoring progress" fraction={j().fraction}
                  status={`${fmt.format(j().rows)} rows · ${Math.round(j().fraction * 100)}%`} />
                <button type="button" class="button button-small" onClick={() => void inference().cancelBatch(j().jobId)}>Cancel</button>
              </div>
            )}
          </Match>
          <Match when={job().state === 'failed' && (job() as Extract<Job, { state: 'failed' }>)}>
            {(j) => (
              <div class="banner banner-error response-error" role="alert">
                <strong class="mono">{j().code === 'INVALID_STATE' ? 'Cancelled' : j().code}</strong>
                <p>{j().file.name}: {j().message}</p>
              </div>
            )}
          </Match>
          <Match when={done()}>
            {(j) => (
              <>
                <div class="batch-summary" role="status">
                  <span>
                    Scored <strong>{fmt.format(j().result.rows)}</strong> rows of {j().file.name} in {(j().result.ms / 1000).toFixed(2)} s
                    {' '}<span class="muted">({fmt.format(Math.round(j().result.rows / Math.max(j().result.ms / 1000, 1e-3)))} rows/s)</span>
                  </span>
                  <button type="button" class="button button-primary button-small"
                    onClick={() => saveBlob(j().result.csv, `${j().file.name.replace(/\.csv$/i, '')}-predictions.csv`)}>
                    Download predictions CSV
                  </button>
                </div>
                <div class="table-wrap predictions-wrap">
                  <table class="table table-compact">
                    <caption class="visually-hidden">Batch predictions preview</caption>
                    <thead><tr><For each={j().result.columns}>{(c) => <th scope="col" class="mono">{c}</th>}</For></tr></thead>
                    <tbody>
                      <For each={j().result.preview.slice(0, PREVIEW_ROWS)}>
                        {(row) => <tr><For each={row}>{(v) => <td class="mono cell-value">{v}</td>}</For></tr>}
                      </For>
                    </tbody>
                  </table>
                </div>
                <Show when={j().result.rows > PREVIEW_ROWS}><p class="muted small">First {PREVIEW_ROWS} rows; the download has all {fmt.format(j().result.rows)}.</p></Show>
              </>
            )}
          </Match>
        </Switch>
      </div>
    </section>
  );
}
