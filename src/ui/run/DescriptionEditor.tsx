/**
 * The run description: MLflow keeps it in the tag `mlflow.note.content` (markdown).
 * TODO(ui-table merge): render it with the shared sanitised Markdown component (marked + DOMPurify) that the
 * experiments page adds; until then it is shown as plain preformatted text, which is inert.
 */
import { createSignal, Show } from 'solid-js';
import type { Run } from '../../tracking/entities';
import { client } from '../client';

/** MLflow's description tag (runs and experiments). */
export const NOTE_TAG = 'mlflow.note.content';

/** Shows the description and edits it in place (Save writes the tag; empty deletes it). */
export function DescriptionEditor(props: { run: Run }) {
  const text = () => props.run.data.tags.find((t) => t.key === NOTE_TAG)?.value ?? '';
  const [editing, setEditing] = createSignal(false);
  const [draft, setDraft] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  let area!: HTMLTextAreaElement;
  const start = () => {
    setDraft(text());
    setError(undefined);
    setEditing(true);
    area?.focus();
  };
  const save = async () => {
    setBusy(true);
    try {
      const v = draft();
      if (v.trim() === '') { if (text()) await client.deleteTag(props.run.info.runId, NOTE_TAG); }
      else await client.setTag(props.run.info.runId, NOTE_TAG, v);
      setEditing(false);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel-card" aria-labelledby="run-description">
      <div class="section-header">
        <h2 id="run-description">Description</h2>
        <Show when={!editing()}>
          <button type="button" class="icon-button push-right" onClick={start}>{text() ? 'Edit' : 'Add description'}</button>
        </Show>
      </div>
      <Show
        when={editing()}
        fallback={<Show when={text()} fallback={<p class="muted empty-line">No description. Notes written here are saved as the tag mlflow.note.content, as in MLflow.</p>}><pre class="description">{text()}</pre></Show>}
      >
        <form class="stack" onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <textarea
            ref={(el) => { area = el; queueMicrotask(() => el.focus()); }}
            class="textarea"
            aria-label="Description"
            rows="6"
            value={draft()}
            onInput={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
          />
          <Show when={error()}><p class="field-error" role="alert">{error()}</p></Show>
          <div class="row-actions">
            <button type="submit" class="button button-primary" disabled={busy()}>Save</button>
            <button type="button" class="button" onClick={() => setEditing(false)}>Cancel</button>
          </div>
        </form>
      </Show>
    </section>
  );
}
