import { createUniqueId, For, Index, Show } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import { SWEEP_KEYS, type SweepKey } from '../../../training/sweep';
import type { TrainFormState } from './train-form';

const EXAMPLES: Record<SweepKey, string> = {
  learning_rate: '0.001, 0.01  or  0.0001..0.1', hidden_units: '16 | 32,16', dropout: '0, 0.2  or  0..0.5', batch_size: '16, 32',
  epochs: '20, 40', optimizer: 'adam, sgd', activation: 'relu, tanh', conv_filters: '8, 16',
};

/**
 * Sweep settings: grid or random search over chosen hyperparameters. Each trial becomes a child run of one
 * parent run. `trials` is the size the form currently describes, or the reason it is invalid.
 */
export function SweepEditor(props: { form: TrainFormState; setForm: SetStoreFunction<TrainFormState>; disabled: boolean; trials: number | string }) {
  const toggleId = createUniqueId();
  const trialsId = createUniqueId();
  const s = () => props.form.sweep;
  const unused = () => SWEEP_KEYS.filter((k) => !s().dims.some((d) => d.key === k) && (k !== 'conv_filters' || props.form.source === 'digits'));
  return (
    <fieldset class="form-section sweep" disabled={props.disabled}>
      <legend class="visually-hidden">Sweep</legend>
      <label class="sweep-toggle" for={toggleId}>
        <input id={toggleId} type="checkbox" checked={s().on} onChange={(e) => props.setForm('sweep', 'on', e.currentTarget.checked)} />
        <span><b>Sweep hyperparameters</b> <span class="muted">— each trial is a child run of one parent run</span></span>
      </label>
      <Show when={s().on}>
        <div class="sweep-body">
          <div class="field-row">
            <div class="segmented" role="radiogroup" aria-label="Search">
              <button type="button" role="radio" aria-checked={s().mode === 'grid'} onClick={() => props.setForm('sweep', 'mode', 'grid')}>Grid</button>
              <button type="button" role="radio" aria-checked={s().mode === 'random'} onClick={() => props.setForm('sweep', 'mode', 'random')}>Random</button>
            </div>
            <Show when={s().mode === 'random'}>
              <div class="field field-inline">
                <label for={trialsId}>Trials</label>
                <input id={trialsId} type="number" min="1" max="64" value={s().trials} onInput={(e) => props.setForm('sweep', 'trials', e.currentTarget.value)} />
              </div>
            </Show>
            <span class="sweep-count" classList={{ 'field-error': typeof props.trials === 'string' }}>
              {typeof props.trials === 'number' ? `${props.trials} trial${props.trials === 1 ? '' : 's'}` : props.trials}
            </span>
          </div>
          <Index each={s().dims}>
            {(d, i) => (
              <div class="sweep-dim">
                <select aria-label={`Swept parameter ${i + 1}`} value={d().key} onChange={(e) => props.setForm('sweep', 'dims', i, 'key', e.currentTarget.value as SweepKey)}>
                  <For each={[d().key, ...unused()]}>{(k) => <option value={k}>{k}</option>}</For>
                </select>
                <input type="text" aria-label={`Values of ${d().key}`} value={d().text} placeholder={EXAMPLES[d().key]} spellcheck={false}
                  onInput={(e) => props.setForm('sweep', 'dims', i, 'text', e.currentTarget.value)} />
                <button type="button" class="sweep-remove" aria-label={`Remove ${d().key}`}
                  onClick={() => props.setForm('sweep', 'dims', (dims) => dims.filter((_, j) => j !== i))}>×</button>
              </div>
            )}
          </Index>
          <Show when={unused().length > 0}>
            <button type="button" class="button button-small" onClick={() => props.setForm('sweep', 'dims', (dims) => [...dims, { key: unused()[0], text: '' }])}>
              Add parameter
            </button>
          </Show>
        </div>
      </Show>
    </fieldset>
  );
}
