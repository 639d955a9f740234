import { createSignal, createUniqueId, For, onMount, Show, type JSX } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import { ACTIVATIONS, autoBackend, BACKENDS, OPTIMIZERS, type BackendChoice } from '../../../models/flavors/tfjs/options';
import { trainingWorker, type BackendProbe } from '../../../workers/training-client';
import type { TrainFormState } from './train-form';

type TextKey = 'hidden_units' | 'dropout' | 'conv_filters' | 'learning_rate' | 'epochs' | 'batch_size' | 'validation_split' | 'seed';

const BACKEND_LABELS: Record<BackendChoice, string> = { auto: 'Auto', webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };

/** A labelled text/number input bound to one form key. */
function Field(props: { label: string; placeholder?: string; form: TrainFormState; setForm: SetStoreFunction<TrainFormState>; name: TextKey; numeric?: boolean; step?: string }) {
  const id = createUniqueId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input id={id} type={props.numeric ? 'number' : 'text'} step={props.step} inputmode={props.numeric ? 'decimal' : undefined}
        value={props.form[props.name]} onInput={(e) => props.setForm(props.name, e.currentTarget.value)} autocomplete="off" spellcheck={false}
        placeholder={props.placeholder} />
    </div>
  );
}

function Select<T extends string>(props: { label: string; value: T; options: readonly T[]; onChange: (v: T) => void; labelOf?: (v: T) => string; disabledOf?: (v: T) => boolean }) {
  const id = createUniqueId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as T)}>
        <For each={props.options}>{(o) => <option value={o} disabled={props.disabledOf?.(o)}>{props.labelOf ? props.labelOf(o) : o}</option>}</For>
      </select>
    </div>
  );
}

/** Architecture and training hyperparameters, and the TF.js backend (with what this browser offers). */
export function ParamFields(props: { form: TrainFormState; setForm: SetStoreFunction<TrainFormState>; disabled: boolean; children?: JSX.Element }) {
  const [probes, setProbes] = createSignal<BackendProbe[]>([]);
  onMount(() => void trainingWorker.probeBackends().then(setProbes, () => setProbes([])));
  const probe = (b: BackendChoice) => probes().find((p) => p.name === b);
  const conv = () => f.form.source === 'digits' && Number(f.form.conv_filters) > 0;
  const autoPick = () => autoBackend(probes(), { conv: conv() })?.name;
  const backendLabel = (b: BackendChoice) => {
    if (b === 'auto') return autoPick() ? `Auto (${BACKEND_LABELS[autoPick()!]})` : 'Auto';
    const p = probe(b);
    if (!p) return BACKEND_LABELS[b];
    const note = !p.available ? ' — not available' : conv() && !p.trainsConv ? ' — cannot train conv layers'
      : (b === 'webgpu' || b === 'webgl') && !p.hardware ? ' — software, slow' : '';
    return `${BACKEND_LABELS[b]}${note}`;
  };
  const f = props;
  return (
    <>
      <fieldset class="form-section" disabled={props.disabled}>
        <legend>Model</legend>
        <div class="field-row">
          <Field label="Hidden units" placeholder="e.g. 64,32" form={f.form} setForm={f.setForm} name="hidden_units" />
          <Select label="Activation" value={f.form.activation} options={ACTIVATIONS} onChange={(v) => f.setForm('activation', v)} />
          <Field label="Dropout" form={f.form} setForm={f.setForm} name="dropout" numeric step="0.05" />
          <Show when={f.form.source === 'digits'}>
            <Field label="Conv filters" form={f.form} setForm={f.setForm} name="conv_filters" numeric step="1" />
          </Show>
        </div>
      </fieldset>
      <fieldset class="form-section" disabled={props.disabled}>
        <legend>Training</legend>
        <div class="field-row">
          <Select label="Optimizer" value={f.form.optimizer} options={OPTIMIZERS} onChange={(v) => f.setForm('optimizer', v)} />
          <Field label="Learning rate" form={f.form} setForm={f.setForm} name="learning_rate" numeric step="0.001" />
          <Field label="Epochs" form={f.form} setForm={f.setForm} name="epochs" numeric step="1" />
          <Field label="Batch size" form={f.form} setForm={f.setForm} name="batch_size" numeric step="1" />
          <Field label="Validation split" form={f.form} setForm={f.setForm} name="validation_split" numeric step="0.05" />
          <Field label="Seed" form={f.form} setForm={f.setForm} name="seed" numeric step="1" />
          <Select label="Backend" value={f.form.backend} options={['auto', ...BACKENDS] as BackendChoice[]} onChange={(v) => f.setForm('backend', v)}
            labelOf={backendLabel} disabledOf={(b) => b !== 'auto' && (probe(b)?.available === false || (conv() && probe(b)?.trainsConv === false))} />
        </div>
        {props.children}
      </fieldset>
    </>
  );
}
