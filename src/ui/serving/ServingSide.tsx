import { createSignal, For, Show } from 'solid-js';
import type { LatencyStats } from '../../workers/latency';
import type { ModelInfo } from '../../workers/inference-client';

/** The model's runtime in a line: `onnxruntime-web (wasm) · 2 threads` or `TensorFlow.js · wasm`. */
export function runtimeLine(info: ModelInfo): string {
  const r = info.runtime;
  const parts = [String(r.runtime ?? info.flavor)];
  if (typeof r.threads === 'number') parts.push(`${r.threads} thread${r.threads === 1 ? '' : 's'}`);
  if (typeof r.backend === 'string') parts.push(`${r.backend} backend`);
  return parts.join(' · ');
}

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/** Latency of this session's requests, timed from the page (round trip) and, for reference, inside the worker. */
export function LatencyPanel(props: { page: LatencyStats; worker?: LatencyStats }) {
  return (
    <section class="side-panel" aria-labelledby="latency-heading">
      <h2 id="latency-heading">Latency · this session</h2>
      {/* Timed from the page, so it is what the user waits for (worker round trip included). */}
      <Show when={props.page.count} fallback={<p class="muted small">No requests yet. Each Predict is timed from this page, worker round trip included.</p>}>
        <div class="stats">
          <div class="stat"><span class="stat-value" data-testid="latency-p50">{ms(props.page.p50Ms)}</span><span class="stat-label">p50 ms</span></div>
          <div class="stat"><span class="stat-value" data-testid="latency-p95">{ms(props.page.p95Ms)}</span><span class="stat-label">p95 ms</span></div>
          <div class="stat"><span class="stat-value" data-testid="latency-count">{props.page.count}</span><span class="stat-label">requests</span></div>
        </div>
        <Show when={props.worker?.count}>
          <p class="muted small">Of which scoring in the worker: p50 {ms(props.worker!.p50Ms)} ms, p95 {ms(props.worker!.p95Ms)} ms.</p>
        </Show>
      </Show>
    </section>
  );
}

/** A command in a box with a Copy button. */
export function CopyBlock(props: { label: string; text: string }) {
  const [copied, setCopied] = createSignal(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.text);
      setCopied(true);
      clearTimeout(timer);
      timer = setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div class="copy-block">
      <div class="copy-head">
        <span class="small muted">{props.label}</span>
        <button type="button" class="button button-small" onClick={() => void copy()} aria-label={`Copy ${props.label}`}>{copied() ? 'Copied' : 'Copy'}</button>
      </div>
      <pre class="mono copy-text">{props.text}</pre>
    </div>
  );
}

/** Moving the same request to Python: `mlflow models serve`, then the curl of the current request. */
export function PythonPanel(props: { serve: string; curl: string; curlProblem?: string }) {
  return (
    <section class="side-panel" aria-labelledby="python-heading">
      <h2 id="python-heading">Same request, Python server</h2>
      <CopyBlock label="1. Serve the model (MLflow's scoring server)" text={props.serve} />
      <Show when={!props.curlProblem} fallback={<p class="muted small">curl: {props.curlProblem}</p>}>
        <CopyBlock label="2. Copy as curl for mlflow models serve" text={props.curl} />
      </Show>
    </section>
  );
}

/** Notes about the model (e.g. non-tensor outputs left out). */
export function ModelNotes(props: { notes: string[] }) {
  return (
    <For each={props.notes}>
      {(note) => (
        <div class="banner banner-warning model-note" role="note">
          <strong>Part of this model's output can't be returned here</strong>
          <p><CodeSpans text={note} /></p>
        </div>
      )}
    </For>
  );
}

/** Text with `backtick` spans shown as code. */
function CodeSpans(props: { text: string }) {
  return <For each={props.text.split('`')}>{(part, i) => (i() % 2 ? <code>{part}</code> : part)}</For>;
}
