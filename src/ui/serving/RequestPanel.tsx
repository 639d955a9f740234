import { For, Match, Show, Switch } from 'solid-js';
import type { FormField, RequestForm } from '../../models/request-form';
import type { ScoringFormat } from '../../models/scoring';

/** Which editor is showing: the generated form or the JSON body. */
export type RequestTab = 'form' | 'json';

/** State the panel edits; owned by ModelServer so the curl snippet and Predict see the same request. */
export interface RequestPanelProps {
  form: RequestForm | null;
  tab: RequestTab;
  onTab(tab: RequestTab): void;
  values: Record<string, string>;
  onValue(key: string, value: string): void;
  json: string;
  onJson(text: string): void;
  /** Formats the JSON box can be rewritten in from the form's values. */
  formats: ScoringFormat[];
  onRewrite(format: ScoringFormat): void;
  /** Set when the model carries an example; resets both tabs to it. */
  onResetExample?: () => void;
  /** A form value that can't be read, shown under the form. */
  formError?: string;
  busy: boolean;
  onPredict(): void;
}

/** The request editor: a form generated from the signature, or MLflow's JSON body. */
export function RequestPanel(props: RequestPanelProps) {
  const tabButton = (tab: RequestTab, label: string) => (
    <button type="button" role="tab" id={`request-tab-${tab}`} aria-controls={`request-panel-${tab}`} aria-selected={props.tab === tab}
      class="serve-tab" classList={{ active: props.tab === tab }} disabled={tab === 'form' && !props.form} onClick={() => props.onTab(tab)}>
      {label}
    </button>
  );
  return (
    <section class="serve-card" aria-labelledby="request-heading">
      <div class="serve-card-header">
        <h2 id="request-heading">Request</h2>
        <div class="serve-tabs" role="tablist" aria-label="Request editor">
          {tabButton('form', 'Form')}
          {tabButton('json', 'JSON')}
        </div>
        <Show when={props.onResetExample}>
          <button type="button" class="link-button small toolbar-end" onClick={() => props.onResetExample?.()}>Reset to the model's example</button>
        </Show>
      </div>
      <form class="serve-card-body" onSubmit={(e) => {
        e.preventDefault();
        props.onPredict();
      }}>
        <Switch>
          <Match when={props.tab === 'form' && props.form}>
            {(form) => (
              <div id="request-panel-form" role="tabpanel" aria-labelledby="request-tab-form">
                <p class="muted small form-intro">
                  {form().kind === 'column'
                    ? `One row, one field per column of the signature; sent as dataframe_split.`
                    : `One JSON array per input tensor (-1 = any size); sent as inputs.`}
                </p>
                <div class={form().kind === 'column' ? 'field-grid' : 'form'}>
                  <For each={form().fields}>{(f) => <FieldInput field={f} value={props.values[f.key] ?? ''} onInput={(v) => props.onValue(f.key, v)} />}</For>
                </div>
                <Show when={props.formError}><p class="field-error form-error" role="alert">{props.formError}</p></Show>
              </div>
            )}
          </Match>
          <Match when={props.tab === 'json'}>
            <div id="request-panel-json" role="tabpanel" aria-labelledby="request-tab-json" class="json-panel">
              <label for="request-json" class="visually-hidden">Request body (JSON)</label>
              <textarea id="request-json" class="mono json-box" rows={Math.min(18, Math.max(8, props.json.split('\n').length + 1))} spellcheck={false} value={props.json}
                onInput={(e) => props.onJson(e.currentTarget.value)} />
              <div class="format-row">
                <span class="muted small">Form values as</span>
                <For each={props.formats}>
                  {(f) => <button type="button" class="button button-small mono" onClick={() => props.onRewrite(f)}>{f}</button>}
                </For>
              </div>
            </div>
          </Match>
        </Switch>
        <div class="serve-card-actions">
          <button type="submit" class="button button-primary" disabled={props.busy}>{props.busy ? 'Predicting…' : 'Predict'}</button>
          <span class="muted small">Body of <code>POST /invocations</code>: one of dataframe_split, dataframe_records, instances or inputs, and optional params.</span>
        </div>
      </form>
    </section>
  );
}

/** One field: a control for the column's type, or a JSON box for a tensor. */
function FieldInput(props: { field: FormField; value: string; onInput(v: string): void }) {
  const id = () => `field-${props.field.key || 'input'}`;
  const f = () => props.field;
  return (
    <div class="field serve-field">
      <label for={id()}>
        <span class="mono">{f().label}</span>
        <span class="type-chip mono">{f().typeLabel}</span>
        <Show when={!f().required}><span class="muted small">optional</span></Show>
      </label>
      <Switch fallback={
        <input id={id()} type="text" class={f().kind === 'json' ? 'mono' : undefined} value={props.value}
          onInput={(e) => props.onInput(e.currentTarget.value)} placeholder={f().kind === 'datetime' ? '2024-01-31T12:00:00' : undefined} />
      }>
        <Match when={f().kind === 'number' || f().kind === 'integer'}>
          <input id={id()} type="text" inputmode={f().kind === 'integer' ? 'numeric' : 'decimal'} class="mono" value={props.value}
            onInput={(e) => props.onInput(e.currentTarget.value)} />
        </Match>
        <Match when={f().kind === 'boolean'}>
          <select id={id()} value={props.value} onChange={(e) => props.onInput(e.currentTarget.value)}>
            <option value="">—</option>
            <option value="true">true</option>
            <option value="false">false</option>
          </select>
        </Match>
        <Match when={f().shape}>
          <textarea id={id()} class="mono" rows={3} spellcheck={false} value={props.value} onInput={(e) => props.onInput(e.currentTarget.value)} />
        </Match>
      </Switch>
    </div>
  );
}
