import { createSignal, createUniqueId, Show } from 'solid-js';
import { errorMessage } from '../../download';
import { registry } from '../../registry';
import { Dialog } from '../Dialog';

/** "Create model": an empty registered model (versions come from runs or imports). MLflow's name rules apply. */
export function CreateModelDialog(props: { onClose: () => void; onCreated: (name: string) => void }) {
  const nameId = createUniqueId();
  const descId = createUniqueId();
  const errorId = createUniqueId();
  const [name, setName] = createSignal('');
  const [description, setDescription] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [pending, setPending] = createSignal(false);
  let input!: HTMLInputElement;

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (pending()) return;
    setPending(true);
    setError(undefined);
    try {
      const model = await registry.createRegisteredModel(name(), { description: description().trim() });
      props.onCreated(model.name);
    } catch (err) {
      setError(errorMessage(err));
      input.focus();
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog title="Create model" onClose={props.onClose} initialFocus={() => input}>
      <form class="form" onSubmit={submit} novalidate>
        <div class="field">
          <label for={nameId}>Model name</label>
          <input ref={input} id={nameId} type="text" autocomplete="off" spellcheck={false} value={name()}
            onInput={(e) => { setName(e.currentTarget.value); setError(undefined); }}
            aria-invalid={error() ? 'true' : undefined} aria-describedby={error() ? errorId : undefined} />
          <Show when={error()}>{(m) => <p id={errorId} class="field-error" role="alert">{m()}</p>}</Show>
        </div>
        <div class="field">
          <label for={descId}>Description <span class="muted">(optional)</span></label>
          <textarea id={descId} rows="3" value={description()} onInput={(e) => setDescription(e.currentTarget.value)} />
        </div>
        <div class="dialog-actions">
          <button type="button" class="button" onClick={() => props.onClose()}>Cancel</button>
          <button type="submit" class="button button-primary" disabled={pending()}>{pending() ? 'Creating…' : 'Create'}</button>
        </div>
      </form>
    </Dialog>
  );
}
