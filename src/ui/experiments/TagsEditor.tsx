import { createSignal, createUniqueId, For, Show } from 'solid-js';
import type { KeyValue } from '../../tracking/entities';
import { errorText } from '../components/error-text';

export interface TagsEditorProps {
  tags: KeyValue[];
  /** Whether tags can be changed (not for deleted entities). */
  editable: boolean;
  onSet: (key: string, value: string) => Promise<void>;
  onDelete: (key: string) => Promise<void>;
}

/**
 * Tags as `key = value` chips with a remove button each, and a small add form. System tags (`mlflow.*`) are
 * left out, as MLflow's tag editors leave them out. Errors are the tracking client's validation messages.
 */
export function TagsEditor(props: TagsEditorProps) {
  const keyId = createUniqueId();
  const valueId = createUniqueId();
  const [adding, setAdding] = createSignal(false);
  const [key, setKey] = createSignal('');
  const [value, setValue] = createSignal('');
  const [error, setError] = createSignal<string>();
  const visible = () => props.tags.filter((t) => !t.key.startsWith('mlflow.'));
  const run = async (action: () => Promise<void>) => {
    setError(undefined);
    try {
      await action();
      return true;
    } catch (err) {
      setError(errorText(err));
      return false;
    }
  };
  const add = async (e: SubmitEvent) => {
    e.preventDefault();
    if (await run(() => props.onSet(key().trim(), value()))) {
      setKey('');
      setValue('');
      setAdding(false);
    }
  };

  return (
    <div class="tags-editor">
      <ul class="tag-list" aria-label="Tags">
        <For each={visible()} fallback={<li class="muted">No tags.</li>}>
          {(t) => (
            <li class="tag-chip">
              <span class="tag-key" title={t.key}>{t.key}</span>
              <span class="tag-value" title={t.value}>{t.value}</span>
              <Show when={props.editable}>
                <button type="button" class="chip-remove" aria-label={`Remove tag ${t.key}`} onClick={() => run(() => props.onDelete(t.key))}>
                  ×
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={props.editable}>
        <Show when={adding()} fallback={<button type="button" class="link-button" onClick={() => setAdding(true)}>Add tag</button>}>
          <form class="tag-form" onSubmit={add}>
            <label class="visually-hidden" for={keyId}>Tag key</label>
            <input id={keyId} type="text" placeholder="Key" value={key()} onInput={(e) => setKey(e.currentTarget.value)} ref={(el) => queueMicrotask(() => el.focus())} />
            <label class="visually-hidden" for={valueId}>Tag value</label>
            <input id={valueId} type="text" placeholder="Value" value={value()} onInput={(e) => setValue(e.currentTarget.value)} />
            <button type="submit" class="button button-small button-primary">Add</button>
            <button type="button" class="button button-small" onClick={() => setAdding(false)}>Cancel</button>
          </form>
        </Show>
      </Show>
      <Show when={error()}>{(m) => <p class="field-error" role="alert">{m()}</p>}</Show>
    </div>
  );
}
