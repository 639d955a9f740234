import { createSignal, createUniqueId, For, Show } from 'solid-js';
import type { KeyValue } from '../../tracking/entities';
import { errorText } from './error-text';

export interface TagsEditorProps {
  tags: KeyValue[];
  onSet: (key: string, value: string) => Promise<void>;
  onDelete: (key: string) => Promise<void>;
  /** Whether tags can be changed (not for deleted entities); default true. */
  editable?: boolean;
  /**
   * MLflow's system tags (`mlflow.*`): shown like any other ('show', the registry's default), left out as
   * MLflow's experiment tag editor does ('hide'), or behind a "Show system tags" toggle ('toggle', runs).
   */
  systemTags?: 'show' | 'hide' | 'toggle';
}

const isSystem = (t: KeyValue) => t.key.startsWith('mlflow.');

/**
 * Tags as key/value chips with a remove button each and an add row, for experiments, runs, registered models and
 * model versions. Setting an existing key overwrites it (MLflow's setTag); the client's validation messages show
 * inline and nothing is written.
 */
export function TagsEditor(props: TagsEditorProps) {
  const ids = { key: createUniqueId(), value: createUniqueId() };
  const [key, setKey] = createSignal('');
  const [value, setValue] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [showSystem, setShowSystem] = createSignal(false);
  const mode = () => props.systemTags ?? 'show';
  const editable = () => props.editable ?? true;
  const system = () => props.tags.filter(isSystem);
  const shown = () => {
    if (mode() === 'show' || (mode() === 'toggle' && showSystem())) return [...props.tags].sort((a, b) => a.key.localeCompare(b.key));
    return props.tags.filter((t) => !isSystem(t)).sort((a, b) => a.key.localeCompare(b.key));
  };
  let keyInput!: HTMLInputElement;
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
      keyInput.focus();
    }
  };
  return (
    <div class="tags-editor">
      <Show when={mode() === 'toggle' && system().length > 0}>
        <label class="control-check small tags-editor-system">
          <input type="checkbox" checked={showSystem()} onChange={(e) => setShowSystem(e.currentTarget.checked)} />
          Show system tags ({system().length})
        </label>
      </Show>
      <ul class="tag-list" aria-label="Tags">
        <For each={shown()} fallback={<li class="muted small">No tags.</li>}>
          {(t) => (
            <li class="tag-chip">
              <span class="tag-key" title={t.key}>{t.key}</span>
              <span class="tag-value" title={t.value}>{t.value}</span>
              <Show when={editable()}>
                <button type="button" class="chip-remove" aria-label={`Remove tag ${t.key}`} onClick={() => run(() => props.onDelete(t.key))}>×</button>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={editable()}>
        <form class="inline-form" onSubmit={add} novalidate>
          <label class="visually-hidden" for={ids.key}>Tag key</label>
          <input id={ids.key} ref={keyInput} type="text" placeholder="key" value={key()} autocomplete="off" aria-invalid={error() ? 'true' : undefined}
            onInput={(e) => { setKey(e.currentTarget.value); setError(undefined); }} />
          <label class="visually-hidden" for={ids.value}>Tag value</label>
          <input id={ids.value} type="text" placeholder="value" value={value()} autocomplete="off" onInput={(e) => setValue(e.currentTarget.value)} />
          <button type="submit" class="button button-small" disabled={!key().trim()}>Add tag</button>
        </form>
      </Show>
      <Show when={error()}>{(m) => <p class="field-error" role="alert">{m()}</p>}</Show>
    </div>
  );
}
