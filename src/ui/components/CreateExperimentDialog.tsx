import { createSignal, createUniqueId, Show } from 'solid-js';
import { isMlflowError } from '../../tracking';
import type { ExperimentId } from '../../core/ids';
import { client } from '../client';
import { Dialog } from './Dialog';

/**
 * "Create experiment": one name field. Validation is the tracking client's (MLflow's rules and codes); its
 * message is shown under the field, e.g. for a duplicate or an empty name.
 */
export function CreateExperimentDialog(props: { onClose: () => void; onCreated: (id: ExperimentId) => void }) {
  const inputId = createUniqueId();
  const errorId = createUniqueId();
  const [name, setName] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [pending, setPending] = createSignal(false);
  let input!: HTMLInputElement;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (pending()) return;
    setPending(true);
    setError(undefined);
    try {
      props.onCreated(await client.createExperiment(name()));
    } catch (err) {
      // Coded errors are the user's to fix; anything else is a bug, but the dialog is still the place to say so.
      setError(isMlflowError(err) ? err.message : `Unexpected error: ${err instanceof Error ? err.message : String(err)}`);
      input.focus();
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog title="Create experiment" onClose={props.onClose} initialFocus={() => input}>
      <form class="form" onSubmit={submit} novalidate>
        <div class="field">
          <label for={inputId}>Experiment name</label>
          <input
            ref={input}
            id={inputId}
            type="text"
            autocomplete="off"
            spellcheck={false}
            value={name()}
            onInput={(e) => {
              setName(e.currentTarget.value);
              setError(undefined);
            }}
            aria-invalid={error() ? 'true' : undefined}
            aria-describedby={error() ? errorId : undefined}
          />
          <Show when={error()}>
            {(message) => (
              <p id={errorId} class="field-error" role="alert">
                {message()}
              </p>
            )}
          </Show>
        </div>
        <div class="dialog-actions">
          <button type="button" class="button" onClick={() => props.onClose()}>
            Cancel
          </button>
          <button type="submit" class="button button-primary" disabled={pending()}>
            {pending() ? 'Creating…' : 'Create'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
