import { A } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { formatsFor, formFor, formValuesFrom, requestFromForm, requestInFormat, type RequestForm } from '../../models/request-form';
import type { ScoringFormat } from '../../models/scoring';
import { curlForRequest, serveCommand } from '../../models/serving-snippets';
import { signatureFromModelIO, type Schema } from '../../models/signature';
import { AliasBadge, StageBadge } from '../components/registry/StageBadge';
import { modelPath, versionPath } from '../routes/model-paths';
import type { LatencyStats } from '../../workers/latency';
import { BatchScoring } from './BatchScoring';
import { RequestPanel, type RequestTab } from './RequestPanel';
import { dataframeRows, ResponseView, type Outcome } from './ResponseView';
import { LatencyPanel, ModelNotes, PythonPanel, runtimeLine } from './ServingSide';
import { inference, pageLatency, type ServingModel } from './session';

const pretty = (v: unknown): string => JSON.stringify(v, null, 2);

/** The schema the form is built from: the signature's inputs, else the graph's tensors. */
function inputSchema(s: ServingModel): Schema | null {
  return s.info.signature?.inputs ?? signatureFromModelIO(s.info.inputs, s.info.outputs).inputs;
}

/** What a batch CSV needs: the columns (with a template row from the example) or, for tensors, a description. */
function csvShape(form: RequestForm | null, values: Record<string, string>): { columns: string[]; template?: string[][]; hint?: string } {
  if (!form) return { columns: [] };
  if (form.kind === 'column') return { columns: form.fields.map((f) => f.key), template: [form.fields.map((f) => values[f.key] ?? '')] };
  const f = form.fields;
  if (f.length === 1 && f[0].shape?.length === 2 && f[0].shape[1] > 0) {
    return { columns: [], hint: `${f[0].shape[1]} numeric columns, in the order of the tensor's last axis (their names are not used); one row per sample.` };
  }
  if (f.length === 1) return { columns: [], hint: 'One numeric column per value of a sample; one row per sample.' };
  return { columns: f.map((x) => x.key), hint: 'One column per input tensor; the rows together form each tensor along its first axis.' };
}

/** The serving page for one loaded model: request editor, response, batch scoring, latency, Python hand-off. */
export function ModelServer(props: { serving: ServingModel }) {
  const s = props.serving;
  const key = s.model.versionKey;
  const schema = inputSchema(s);
  const form = schema ? formFor(schema) : null;
  const initial = form ? formValuesFrom(form, s.example) : {};
  const [values, setValues] = createStore<Record<string, string>>({ ...initial });
  const [tab, setTab] = createSignal<RequestTab>(form ? 'form' : 'json');
  const firstJson = s.example ?? (form ? safe(() => requestFromForm(form, initial)) : undefined) ?? { inputs: [] };
  const [json, setJson] = createSignal(pretty(firstJson));
  const [outcome, setOutcome] = createSignal<Outcome>();
  const [busy, setBusy] = createSignal(false);
  const [pageStats, setPageStats] = createSignal<LatencyStats>(pageLatency(key).stats());
  const [workerStats, setWorkerStats] = createSignal<LatencyStats>();

  const formResult = createMemo(() => {
    if (!form) return { error: 'This model declares no inputs.' };
    try {
      return { request: requestFromForm(form, { ...values }) };
    } catch (e) {
      return { error: (e as Error).message };
    }
  });
  const body = (): { request?: unknown; error?: string } => (tab() === 'json' ? { request: json() } : formResult());
  const curl = () => { const b = body(); return b.error ? '' : curlForRequest(b.request); };

  let inFlight = false;
  async function predict() {
    const b = body();
    if (b.error !== undefined) {
      setOutcome({ kind: 'error', code: 'INVALID_PARAMETER_VALUE', message: b.error });
      return;
    }
    if (inFlight) return;
    inFlight = true;
    // Show "Predicting…" only for slow requests: changing the page first would make the answer wait for a render.
    const slow = setTimeout(() => setBusy(true), 150);
    const t0 = performance.now();
    try {
      const res = await inference().predict(key, b.request);
      const ms = performance.now() - t0;
      pageLatency(key).record(ms);
      const warnings = res.warnings.filter((w) => !s.info.notes.includes(w));
      setOutcome({ kind: 'ok', predictions: res.predictions, warnings, ms, inputRows: dataframeRows(b.request) });
    } catch (e) {
      const err = e as { code?: string; message?: string };
      setOutcome({ kind: 'error', code: err.code ?? 'INTERNAL_ERROR', message: err.message ?? String(e) });
    } finally {
      clearTimeout(slow);
      inFlight = false;
      setBusy(false);
      setPageStats(pageLatency(key).stats());
      setWorkerStats(await inference().latency(key).catch(() => undefined));
    }
  }

  const rewrite = (format: ScoringFormat) => {
    if (!form) return;
    try {
      setJson(pretty(requestInFormat(form, { ...values }, format)));
    } catch (e) {
      setOutcome({ kind: 'error', code: 'INVALID_PARAMETER_VALUE', message: (e as Error).message });
    }
  };
  const resetExample = s.example ? () => {
    if (form) setValues(formValuesFrom(form, s.example));
    setJson(pretty(s.example));
  } : undefined;
  const reg = s.model.registry;
  const uriForPython = reg ? `models:/${reg.name}/${reg.version}` : s.model.uri;

  return (
    <>
      <nav class="breadcrumbs" aria-label="Breadcrumb">
        <A href="/serve">Serve</A><span aria-hidden="true">/</span>
        <Show when={reg}>{(r) => <><A href={modelPath(r().name)}>{r().name}</A><span aria-hidden="true">/</span></>}</Show>
      </nav>
      <div class="page-header">
        <div>
          <h1>Serve {s.model.title}
            <Show when={reg && reg.stage !== 'None' && reg}>{(r) => <span class="heading-badge"><StageBadge stage={r().stage as never} /></span>}</Show>
          </h1>
          <p class="subtitle mono">{s.model.uri}</p>
          <div class="serve-meta">
            <span class="runtime-chip" data-testid="runtime">{runtimeLine(s.info)}</span>
            <span classList={{ 'coi-chip': true, off: !s.info.crossOriginIsolated }}
              title={s.info.crossOriginIsolated ? 'SharedArrayBuffer is available, so WASM threads run' : 'Without cross-origin isolation WASM runs on one thread'}>
              {s.info.crossOriginIsolated ? 'cross-origin isolated' : 'not cross-origin isolated'}
            </span>
            <span class="muted small">session created in {s.info.loadMs.toFixed(0)} ms</span>
            <Show when={reg?.aliases.length}><span class="badges"><For each={reg!.aliases}>{(a) => <AliasBadge alias={a} />}</For></span></Show>
          </div>
        </div>
        <Show when={reg}>{(r) => <div class="header-actions"><A class="button" href={versionPath(r().name, r().version)}>Version page</A></div>}</Show>
      </div>
      <ModelNotes notes={s.info.notes} />
      <Show when={s.exampleProblem}><p class="banner banner-warning small">The model's input example was not used: {s.exampleProblem}</p></Show>
      <div class="serve-grid">
        <div class="serve-stack">
          <RequestPanel form={form} tab={tab()} onTab={setTab} values={values} onValue={(k, v) => setValues(k, v)} json={json()} onJson={setJson}
            formats={form ? formatsFor(form) : []} onRewrite={rewrite} onResetExample={resetExample}
            formError={tab() === 'form' ? formResult().error : undefined} busy={busy()} onPredict={() => void predict()} />
          <BatchScoring versionKey={key} fileStem={reg ? `${reg.name}-v${reg.version}` : 'model'} {...csvShape(form, initial)} />
        </div>
        <div class="serve-stack">
          <ResponseView outcome={outcome()} busy={busy()} />
          <LatencyPanel page={pageStats()} worker={workerStats()} />
          <PythonPanel serve={serveCommand(uriForPython)} curl={curl()} curlProblem={body().error} />
        </div>
      </div>
    </>
  );
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
