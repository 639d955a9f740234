import { createSignal, createUniqueId, Show } from 'solid-js';
import { errorMessage } from '../../download';
import { registry } from '../../registry';
import { Dialog } from '../Dialog';

/** "Rename model": versions, aliases and files follow; links to the old name stop working, as in MLflow. */
export function RenameModelDialog(props: { name: string; onClose: () => void; onRenamed: (name: string) => void }) {
  const inputId = createUniqueId();
  const errorId = createUniqueId();
  const [name, setName] = createSignal(props.name);
  const [error, setError] = createSignal<string>();
  const [pending, setPending] = createSignal(false);
  let input!: HTMLInputElement;
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (pending()) return;
    setPending(true);
    setError(undefined);
    try {
      props.onRenamed((await registry.renameRegisteredModel(props.name, name())).name);
    } catch (err) {
      setError(errorMessage(err));
      input.focus();
    } finally {
      setPending(false);
    }
  };
  return (
    <Dialog title="Rename model" onClose={props.onClose} initialFocus={() => input}>
      <form class="form" onSubmit={submit} novalidate>
        <div class="field">
          <label for={inputId}>New name</label>
          <input ref={input} id={inputId} type="text" autocomplete="off" spellcheck={false} value={name()}
            onInput={(e) => { setName(e.currentTarget.value); setError(undefined); }}
            aria-invalid={error() ? 'true' : undefined} aria-describedby={error() ? errorId : undefined} />
          <Show when={error()}>{(m) => <p id={errorId} class="field-error" role="alert">{m()}</p>}</Show>
        </div>
        <div class="dialog-actions">
          <button type="button" class="button" onClick={() => props.onClose()}>Cancel</button>
          <button type="submit" class="button button-primary" disabled={pending()}>{pending() ? 'Renaming…' : 'Rename'}</button>
        </div>
      </form>
    </Dialog>
  );
}
