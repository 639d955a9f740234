import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { errorText } from '../error-text';
import { registry } from '../../registry';

/**
 * The aliases of one version. Adding an alias another version holds moves it here (aliases are unique per
 * model); `latest` and `v<number>` are reserved, as in MLflow.
 */
export function AliasEditor(props: { name: string; version: string; aliases: string[]; taken: Map<string, string> }) {
  const inputId = createUniqueId();
  const errorId = createUniqueId();
  const [alias, setAlias] = createSignal('');
  const [error, setError] = createSignal<string>();
  const moving = () => {
    const from = props.taken.get(alias().trim());
    return from && from !== props.version ? from : undefined;
  };
  const act = async (action: () => Promise<void>) => {
    setError(undefined);
    try {
      await action();
      setAlias('');
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <div class="alias-editor">
      <Show when={props.aliases.length} fallback={<p class="muted small">No aliases point at this version.</p>}>
        <ul class="tag-list">
          <For each={props.aliases}>
            {(a) => (
              <li class="tag-chip alias-chip">
                <span>@{a}</span>
                <button type="button" class="chip-remove" aria-label={`Remove alias ${a}`}
                  onClick={() => act(() => registry.deleteRegisteredModelAlias(props.name, a))}>×</button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <form class="inline-form" novalidate onSubmit={(e) => {
        e.preventDefault();
        void act(() => registry.setRegisteredModelAlias(props.name, alias().trim(), props.version));
      }}>
        <label class="visually-hidden" for={inputId}>New alias</label>
        <input id={inputId} type="text" placeholder="e.g. champion" value={alias()} autocomplete="off" spellcheck={false}
          onInput={(e) => { setAlias(e.currentTarget.value); setError(undefined); }}
          aria-invalid={error() ? 'true' : undefined} aria-describedby={error() ? errorId : undefined} />
        <button type="submit" class="button button-small" disabled={!alias().trim()}>{moving() ? `Move from v${moving()}` : 'Add alias'}</button>
      </form>
      <Show when={error()}>{(m) => <p id={errorId} class="field-error" role="alert">{m()}</p>}</Show>
    </div>
  );
}
