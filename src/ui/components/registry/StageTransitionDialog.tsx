import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { ACTIVE_STAGES, MODEL_VERSION_STAGES, type ModelVersionStage } from '../../../registry';
import { errorText } from '../error-text';
import { registry } from '../../registry';
import { Dialog } from '../Dialog';

/**
 * "Transition stage" with MLflow's "archive existing versions" choice, offered (as MLflow allows it) only for
 * Staging and Production: the model's other versions in that stage move to Archived.
 */
export function StageTransitionDialog(props: {
  name: string; version: string; current: ModelVersionStage; others: (stage: ModelVersionStage) => string[]; onClose: () => void;
}) {
  const ids = { stage: createUniqueId(), archive: createUniqueId() };
  const [stage, setStage] = createSignal<ModelVersionStage>(props.current === 'Production' ? 'Archived' : props.current === 'Staging' ? 'Production' : 'Staging');
  const [archive, setArchive] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const [pending, setPending] = createSignal(false);
  let select!: HTMLSelectElement;
  const active = () => ACTIVE_STAGES.includes(stage());
  const affected = () => (active() ? props.others(stage()) : []);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setPending(true);
    setError(undefined);
    try {
      await registry.transitionModelVersionStage(props.name, props.version, stage(), active() && archive());
      props.onClose();
    } catch (err) {
      setError(errorText(err));
      setPending(false);
    }
  };
  return (
    <Dialog title={`Transition version ${props.version}`} onClose={props.onClose} initialFocus={() => select}>
      <form class="form" onSubmit={submit}>
        <div class="field">
          <label for={ids.stage}>New stage</label>
          <select ref={select} id={ids.stage} value={stage()} onChange={(e) => setStage(e.currentTarget.value as ModelVersionStage)}>
            <For each={MODEL_VERSION_STAGES}>{(s) => <option value={s} disabled={s === props.current}>{s}{s === props.current ? ' (current)' : ''}</option>}</For>
          </select>
        </div>
        <label class="checkbox" classList={{ disabled: !active() }}>
          <input id={ids.archive} type="checkbox" checked={active() && archive()} disabled={!active()} onChange={(e) => setArchive(e.currentTarget.checked)} />
          <span>
            Archive existing versions in {active() ? stage() : 'Staging or Production'}
            <span class="field-hint block">
              <Show when={active()} fallback="Only a move to Staging or Production can archive other versions.">
                {affected().length ? `Versions ${affected().join(', ')} will move to Archived.` : `No other version is in ${stage()}.`}
              </Show>
            </span>
          </span>
        </label>
        <Show when={error()}>{(m) => <p class="field-error" role="alert">{m()}</p>}</Show>
        <div class="dialog-actions">
          <button type="button" class="button" onClick={() => props.onClose()}>Cancel</button>
          <button type="submit" class="button button-primary" disabled={pending() || stage() === props.current}>
            {pending() ? 'Moving…' : `Move to ${stage()}`}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
