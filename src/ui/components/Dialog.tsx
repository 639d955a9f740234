import { createUniqueId, type JSX, onCleanup, onMount } from 'solid-js';

export interface DialogProps {
  title: string;
  /** Called on Escape, on a click on the backdrop, and by the content's own Cancel button. */
  onClose: () => void;
  /** The element to focus on open; default: the browser's choice (the first focusable one). */
  initialFocus?: () => HTMLElement | undefined;
  children: JSX.Element;
}

/**
 * A modal dialog on the native `<dialog>`: role=dialog, labelled by its title, focus kept inside while open,
 * inert page behind. Mount it to open and unmount it to close; focus then returns to where it was.
 */
export function Dialog(props: DialogProps) {
  const titleId = createUniqueId();
  const opener = document.activeElement;
  let dialog!: HTMLDialogElement;

  onMount(() => {
    dialog.showModal();
    props.initialFocus?.()?.focus();
  });
  onCleanup(() => {
    if (dialog.open) dialog.close();
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  });

  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault(); // the owner decides; closing is unmounting
        props.onClose();
      }}
      onClick={(e) => {
        if (e.target === dialog) props.onClose(); // the backdrop: the content box has its own element
      }}
    >
      <div class="dialog-content">
        <h2 id={titleId} class="dialog-title">{props.title}</h2>
        {props.children}
      </div>
    </dialog>
  );
}
