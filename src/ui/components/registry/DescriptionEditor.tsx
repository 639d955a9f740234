import { createSignal, createUniqueId, Show } from 'solid-js';
import { errorText } from '../error-text';

/** A description shown as text, edited in place in a textarea (plain text; kept exactly as typed). */
export function DescriptionEditor(props: { description: string; label: string; onSave: (text: string) => Promise<void> }) {
  const id = createUniqueId();
  const [editing, setEditing] = createSignal(false);
  const [draft, setDraft] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [pending, setPending] = createSignal(false);
  let area!: HTMLTextAreaElement;
  const start = () => {
    setDraft(props.description);
    setEditing(true);
    queueMicrotask(() => area?.focus());
  };
  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    setPending(true);
    setError(undefined);
    try {
      await props.onSave(draft());
      setEditing(false);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setPending(false);
    }
  };
  return (
    <Show
      when={editing()}
      fallback={
        <div class="description">
          <Show when={props.description} fallback={<p class="muted small">No description.</p>}>
            <p class="description-text">{props.description}</p>
          </Show>
          <button type="button" class="button button-small" onClick={start}>Edit description</button>
        </div>
      }
    >
      <form class="form" onSubmit={save}>
        <label class="visually-hidden" for={id}>{props.label}</label>
        <textarea ref={area} id={id} rows="4" value={draft()} onInput={(e) => setDraft(e.currentTarget.value)} />
        <Show when={error()}>{(m) => <p class="field-error" role="alert">{m()}</p>}</Show>
        <div class="row-actions">
          <button type="submit" class="button button-primary button-small" disabled={pending()}>Save</button>
          <button type="button" class="button button-small" onClick={() => setEditing(false)}>Cancel</button>
        </div>
      </form>
    </Show>
  );
}
