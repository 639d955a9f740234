import { createSignal, type JSX, Show } from 'solid-js';
import { errorMessage } from '../download';
import { Dialog } from './Dialog';

/**
 * "Are you sure?" for destructive actions: the confirm button names the action, errors from it are shown
 * in place, and Cancel is focused first so Enter does not destroy anything.
 */
export function ConfirmDialog(props: {
  title: string;
  confirmLabel: string;
  children: JSX.Element;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<string>();
  let cancel!: HTMLButtonElement;
  const confirm = async () => {
    setPending(true);
    setError(undefined);
    try {
      await props.onConfirm();
    } catch (err) {
      setError(errorMessage(err));
      setPending(false);
    }
  };
  return (
    <Dialog title={props.title} onClose={props.onClose} initialFocus={() => cancel}>
      <div class="dialog-body">{props.children}</div>
      <Show when={error()}>{(m) => <p class="field-error" role="alert">{m()}</p>}</Show>
      <div class="dialog-actions">
        <button ref={cancel} type="button" class="button" onClick={() => props.onClose()}>Cancel</button>
        <button type="button" class="button button-danger" disabled={pending()} onClick={confirm}>
          {pending() ? 'Working…' : props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
