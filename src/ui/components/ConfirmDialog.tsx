import { createSignal, type JSX, Show } from 'solid-js';
import { Dialog } from './Dialog';
import { errorText } from './error-text';

export interface ConfirmDialogProps {
  title: string;
  children: JSX.Element;
  /** The confirming button's label, e.g. "Delete 3 runs". */
  confirmLabel: string;
  /** Styles the confirming button as destructive. */
  danger?: boolean;
  /** The action; the dialog stays open showing the error if it rejects, and closes when it resolves. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/** "Are you sure?" before a destructive action. Focus starts on Cancel, so Enter alone never destroys. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const [error, setError] = createSignal<string>();
  const [pending, setPending] = createSignal(false);
  let cancel!: HTMLButtonElement;
  const confirm = async () => {
    setPending(true);
    setError(undefined);
    try {
      await props.onConfirm();
      props.onClose();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setPending(false);
    }
  };
  return (
    <Dialog title={props.title} onClose={props.onClose} initialFocus={() => cancel}>
      <div class="dialog-body">{props.children}</div>
      <Show when={error()}>{(message) => <p class="field-error" role="alert">{message()}</p>}</Show>
      <div class="dialog-actions">
        <button ref={cancel} type="button" class="button" onClick={() => props.onClose()}>Cancel</button>
        <button
          type="button"
          class="button"
          classList={{ 'button-danger': props.danger, 'button-primary': !props.danger }}
          disabled={pending()}
          onClick={confirm}
        >
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
