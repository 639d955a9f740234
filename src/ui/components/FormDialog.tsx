import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { Dialog } from './Dialog';
import { errorText } from './error-text';

export interface FormField {
  name: string;
  label: string;
  value?: string;
  /** A multi-line field (textarea). */
  multiline?: boolean;
  placeholder?: string;
}

export interface FormDialogProps {
  title: string;
  fields: FormField[];
  submitLabel: string;
  /** The submit button's label while the action runs (default: `submitLabel`). */
  pendingLabel?: string;
  /** Receives the values by field name; a rejection is shown in the dialog, which then stays open. */
  onSubmit: (values: Record<string, string>) => Promise<void>;
  onClose: () => void;
}

/**
 * A small form in a dialog (rename, add tag, …). The action's error, usually the tracking client's validation
 * message, is shown under the fields and focus returns to the first field.
 */
export function FormDialog(props: FormDialogProps) {
  const errorId = createUniqueId();
  const [values, setValues] = createSignal<Record<string, string>>(
    Object.fromEntries(props.fields.map((f) => [f.name, f.value ?? ''])),
  );
  const [error, setError] = createSignal<string>();
  const [pending, setPending] = createSignal(false);
  let first: HTMLInputElement | HTMLTextAreaElement | undefined;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (pending()) return;
    setPending(true);
    setError(undefined);
    try {
      await props.onSubmit(values());
      props.onClose();
    } catch (err) {
      setError(errorText(err));
      first?.focus();
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog title={props.title} onClose={props.onClose} initialFocus={() => first}>
      <form class="form" onSubmit={submit} novalidate>
        <For each={props.fields}>
          {(field, i) => {
            const id = createUniqueId();
            // Getters: the spread below reads them reactively, so the error state reaches the field as it changes.
            const common = {
              id,
              placeholder: field.placeholder,
              get value() { return values()[field.name]; },
              get 'aria-invalid'() { return error() ? ('true' as const) : undefined; },
              get 'aria-describedby'() { return error() ? errorId : undefined; },
              onInput: (e: InputEvent & { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
                setValues({ ...values(), [field.name]: e.currentTarget.value });
                setError(undefined);
              },
            };
            const setRef = (el: HTMLInputElement | HTMLTextAreaElement) => {
              if (i() === 0) first = el;
            };
            return (
              <div class="field">
                <label for={id}>{field.label}</label>
                <Show when={field.multiline} fallback={<input ref={setRef} type="text" autocomplete="off" spellcheck={false} {...common} />}>
                  <textarea ref={setRef} rows={8} {...common} />
                </Show>
              </div>
            );
          }}
        </For>
        <Show when={error()}>
          {(message) => <p id={errorId} class="field-error" role="alert">{message()}</p>}
        </Show>
        <div class="dialog-actions">
          <button type="button" class="button" onClick={() => props.onClose()}>Cancel</button>
          <button type="submit" class="button button-primary" disabled={pending()}>{pending() ? props.pendingLabel ?? props.submitLabel : props.submitLabel}</button>
        </div>
      </form>
    </Dialog>
  );
}
