import { createSignal, createUniqueId, For, Show } from 'solid-js';
import type { KeyValue } from '../../../registry';
import { errorMessage } from '../../download';

/** Key/value tags with an add row and a remove button each; the registry's validation messages show inline. */
export function TagsEditor(props: {
  tags: KeyValue[];
  onSet: (key: string, value: string) => Promise<void>;
  onDelete: (key: string) => Promise<void>;
}) {
  const ids = { key: createUniqueId(), value: createUniqueId(), error: createUniqueId() };
  const [key, setKey] = createSignal('');
  const [value, setValue] = createSignal('');
  const [error, setError] = createSignal<string>();
  const run = async (action: () => Promise<void>) => {
    setError(undefined);
    try {
      await action();
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    }
  };
  const add = async (e: SubmitEvent) => {
    e.preventDefault();
    if (await run(() => props.onSet(key().trim(), value()))) {
      setKey('');
      setValue('');
    }
  };
  return (
    <div class="tags-editor">
      <Show when={props.tags.length} fallback={<p class="muted small">No tags.</p>}>
        <ul class="tag-list">
          <For each={props.tags}>
            {(t) => (
              <li class="tag-chip">
                <span class="tag-key">{t.key}</span>
                <span class="tag-value">{t.value}</span>
                <button type="button" class="chip-remove" aria-label={`Remove tag ${t.key}`} onClick={() => run(() => props.onDelete(t.key))}>×</button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <form class="inline-form" onSubmit={add} novalidate>
        <label class="visually-hidden" for={ids.key}>Tag key</label>
        <input id={ids.key} type="text" placeholder="key" value={key()} onInput={(e) => setKey(e.currentTarget.value)} autocomplete="off" />
        <label class="visually-hidden" for={ids.value}>Tag value</label>
        <input id={ids.value} type="text" placeholder="value" value={value()} onInput={(e) => setValue(e.currentTarget.value)} autocomplete="off" />
        <button type="submit" class="button button-small" disabled={!key().trim()}>Add tag</button>
      </form>
      <Show when={error()}>{(m) => <p id={ids.error} class="field-error" role="alert">{m()}</p>}</Show>
    </div>
  );
}
