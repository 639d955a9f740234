import { createSignal, For, Match, Show, Switch } from 'solid-js';

/** What the last Predict gave: MLflow's answer body and warnings, or its error. `ms` is timed from the page. */
export type Outcome =
  | { kind: 'ok'; predictions: unknown; warnings: string[]; ms: number; /** rows of a DataFrame request */ inputRows?: number }
  | { kind: 'error'; code: string; message: string };

const ROWS_SHOWN = 200;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Predictions as a table: records (a DataFrame's rows) or columns (a dict of equally long lists); else null. */
export function predictionsTable(p: unknown): { columns: string[]; rows: unknown[][] } | null {
  if (Array.isArray(p) && p.length && p.every(isObj)) {
    const columns = [...new Set(p.flatMap((r) => Object.keys(r)))];
    return { columns, rows: p.map((r) => columns.map((c) => (r as Record<string, unknown>)[c])) };
  }
  if (isObj(p)) {
    const cols = Object.entries(p);
    const n = Array.isArray(cols[0]?.[1]) ? (cols[0][1] as unknown[]).length : -1;
    if (n < 0 || !cols.every(([, v]) => Array.isArray(v) && v.length === n)) return null;
    return { columns: cols.map(([k]) => k), rows: Array.from({ length: n }, (_, i) => cols.map(([, v]) => (v as unknown[])[i])) };
  }
  return null;
}

/** A cell's text: numbers to 6 significant digits, lists and maps as compact JSON. */
export function cellText(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  return JSON.stringify(v, (_, x) => (typeof x === 'number' && !Number.isInteger(x) ? Number(x.toPrecision(6)) : x));
}

/** Rows of a DataFrame request (`dataframe_split`/`dataframe_records`), from its object or JSON text. */
export function dataframeRows(request: unknown): number | undefined {
  let r = request;
  if (typeof r === 'string') {
    if (r.length > 100_000) return undefined;
    try {
      r = JSON.parse(r);
    } catch {
      return undefined;
    }
  }
  if (!isObj(r)) return undefined;
  const split = r.dataframe_split;
  if (isObj(split) && Array.isArray(split.data)) return split.data.length;
  return Array.isArray(r.dataframe_records) ? r.dataframe_records.length : undefined;
}

/** The answer to the last request: a table where predictions have rows, JSON always one click away. */
export function ResponseView(props: { outcome?: Outcome; busy: boolean }) {
  const [view, setView] = createSignal<'table' | 'json'>('table');
  const ok = () => (props.outcome?.kind === 'ok' ? props.outcome : undefined);
  const table = () => (ok() ? predictionsTable(ok()!.predictions) : null);
  return (
    <section class="serve-card" aria-labelledby="response-heading" aria-busy={props.busy}>
      <div class="serve-card-header">
        <h2 id="response-heading">Response</h2>
        <Show when={ok()}>
          {(o) => <span class="badge badge-finished" title="Timed from this page: request, worker, model and answer">200 · {o().ms.toFixed(1)} ms</span>}
        </Show>
        <Show when={props.outcome?.kind === 'error'}><span class="badge badge-failed">400 · error</span></Show>
        <Show when={table()}>
          <div class="serve-tabs toolbar-end" role="tablist" aria-label="Response view">
            <button type="button" role="tab" class="serve-tab" aria-selected={view() === 'table'} classList={{ active: view() === 'table' }} onClick={() => setView('table')}>Table</button>
            <button type="button" role="tab" class="serve-tab" aria-selected={view() === 'json'} classList={{ active: view() === 'json' }} onClick={() => setView('json')}>JSON</button>
          </div>
        </Show>
      </div>
      <div class="serve-card-body">
        <Switch fallback={<p class="muted">Predictions appear here, as <code>{'{"predictions": …}'}</code> like <code>mlflow models serve</code> answers.</p>}>
          <Match when={props.outcome?.kind === 'error' && props.outcome}>
            {(e) => (
              <div class="banner banner-error response-error" role="alert">
                <strong class="mono">{(e() as { code: string }).code}</strong>
                <p>{(e() as { message: string }).message}</p>
              </div>
            )}
          </Match>
          <Match when={ok()}>
            {(o) => (
              <>
                <For each={o().warnings}>{(w) => <p class="banner banner-warning small response-warning">{w}</p>}</For>
                <Show when={o().inputRows && Array.isArray(o().predictions) && (o().predictions as unknown[]).length > o().inputRows!}>
                  <p class="muted small">
                    {o().inputRows} input row{o().inputRows === 1 ? '' : 's'} gave {(o().predictions as unknown[]).length} rows: for a DataFrame request MLflow's ONNX
                    model flattens each output into one column (<code>reshape(-1)</code>). Send <code>inputs</code> to get one list per row.
                  </p>
                </Show>
                <Show when={table() && view() === 'table'} fallback={
                  <pre class="json-view mono" aria-label="Predictions JSON">{JSON.stringify({ predictions: o().predictions }, null, 2)}</pre>
                }>
                  <div class="table-wrap predictions-wrap">
                    <table class="table table-compact">
                      <caption class="visually-hidden">Predictions</caption>
                      <thead><tr><th scope="col">#</th><For each={table()!.columns}>{(c) => <th scope="col" class="mono">{c}</th>}</For></tr></thead>
                      <tbody>
                        <For each={table()!.rows.slice(0, ROWS_SHOWN)}>
                          {(row, i) => (
                            <tr>
                              <td class="muted">{i()}</td>
                              <For each={row}>{(v) => <td class="mono cell-value" title={JSON.stringify(v)}>{cellText(v)}</td>}</For>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </div>
                  <Show when={table()!.rows.length > ROWS_SHOWN}>
                    <p class="muted small">First {ROWS_SHOWN} of {table()!.rows.length} rows; the JSON view has them all.</p>
                  </Show>
                </Show>
              </>
            )}
          </Match>
        </Switch>
      </div>
    </section>
  );
}
