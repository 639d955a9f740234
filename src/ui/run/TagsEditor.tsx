/** The run's tags: add or overwrite (setTag), delete (deleteTag); system tags (`mlflow.*`) behind a toggle. */
import { createSignal, For, Show } from 'solid-js';
import type { Run } from '../../tracking/entities';
import { client } from '../client';

/** The Tags card of the overview. */
export function TagsEditor(props: { run: Run }) {
  const [showSystem, setShowSystem] = createSignal(false);
  const [key, setKey] = createSignal('');
  const [value, setValue] = createSignal('');
  const [error, setError] = createSignal<string>();
  let keyInput!: HTMLInputElement;
  const user = () => props.run.data.tags.filter((t) => !t.key.startsWith('mlflow.'));
  const system = () => props.run.data.tags.filter((t) => t.key.startsWith('mlflow.'));
  const shown = () => [...user(), ...(showSystem() ? system() : [])].sort((a, b) => a.key.localeCompare(b.key));
  const add = async () => {
    try {
      await client.setTag(props.run.info.runId, key().trim(), value());
      setKey('');
      setValue('');
      setError(undefined);
      keyInput.focus();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const remove = async (k: string) => {
    try {
      await client.deleteTag(props.run.info.runId, k);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section class="panel-card" aria-labelledby="run-tags">
      <div class="section-header">
        <h2 id="run-tags">Tags</h2>
        <span class="muted count">{user().length}</span>
        <Show when={system().length > 0}>
          <label class="control-check push-right small">
            <input type="checkbox" checked={showSystem()} onChange={(e) => setShowSystem(e.currentTarget.checked)} />
            Show system tags ({system().length})
          </label>
        </Show>
      </div>
      <Show when={shown().length > 0} fallback={<p class="muted empty-line">No tags yet.</p>}>
        <ul class="tag-list" aria-label="Tags">
          <For each={shown()}>
            {(t) => (
              <li class="tag-item">
                <span class="tag-key mono" title={t.key}>{t.key}</span>
                <span class="tag-value mono" title={t.value}>{t.value}</span>
                <button type="button" class="tag-remove" aria-label={`Delete tag ${t.key}`} title="Delete tag" onClick={() => void remove(t.key)}>×</button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <form class="tag-form" onSubmit={(e) => { e.preventDefault(); void add(); }}>
        <input ref={keyInput} type="text" aria-label="Tag key" placeholder="key" value={key()} onInput={(e) => { setKey(e.currentTarget.value); setError(undefined); }} aria-invalid={error() ? 'true' : undefined} />
        <input type="text" aria-label="Tag value" placeholder="value" value={value()} onInput={(e) => setValue(e.currentTarget.value)} />
        <button type="submit" class="button" disabled={!key().trim()}>Add tag</button>
      </form>
      <Show when={error()}><p class="field-error" role="alert">{error()}</p></Show>
    </section>
  );
}
