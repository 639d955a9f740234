import { createSignal, createUniqueId, Show } from 'solid-js';
import type { Experiment } from '../../tracking/entities';
import { client } from '../client';
import { errorText } from '../components/error-text';
import { Markdown } from '../components/Markdown';

/** MLflow keeps an experiment's (and a run's) description in this tag, as markdown. */
export const NOTE_TAG = 'mlflow.note.content';

/** An experiment's description (markdown), or ''. */
export const descriptionOf = (e: Experiment): string => e.tags.find((t) => t.key === NOTE_TAG)?.value ?? '';

/**
 * The experiment's description: rendered markdown (sanitised), edited in place with a live preview. Saving an
 * empty text removes the tag, as MLflow's editor does.
 */
export function DescriptionPanel(props: { experiment: Experiment }) {
  const id = createUniqueId();
  const [editing, setEditing] = createSignal(false);
  const [draft, setDraft] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [more, setMore] = createSignal(false);
  const long = () => text().length > 220 || text().split('\n').length > 4;
  const text = () => descriptionOf(props.experiment);
  const editable = () => props.experiment.lifecycleStage === 'active';

  const start = () => {
    setDraft(text());
    setError(undefined);
    setEditing(true);
  };
  const save = async () => {
    const id = props.experiment.experimentId;
    try {
      if (draft().trim()) await client.setExperimentTag(id, NOTE_TAG, draft());
      else if (text()) await client.deleteExperimentTag(id, NOTE_TAG);
      setEditing(false);
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <section class="about-block" aria-labelledby={`${id}-h`}>
      <div class="about-heading">
        <h2 id={`${id}-h`}>Description</h2>
        <Show when={editable() && !editing()}>
          <button type="button" class="link-button" onClick={start}>{text() ? 'Edit' : 'Add'}<span class="visually-hidden"> description</span></button>
        </Show>
      </div>
      <Show
        when={editing()}
        fallback={
          <Show when={text()} fallback={<p class="muted">No description. Descriptions are markdown.</p>}>
            <Markdown source={text()} class={`exp-description ${long() && !more() ? 'clamped' : ''}`} />
            <Show when={long()}>
              <button type="button" class="link-button" aria-expanded={more()} onClick={() => setMore(!more())}>
                {more() ? 'Show less' : 'Show more'}
              </button>
            </Show>
          </Show>
        }
      >
        <label for={id} class="visually-hidden">Description (markdown)</label>
        <textarea
          id={id}
          class="description-input mono"
          rows={5}
          value={draft()}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setEditing(false);
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
          }}
          ref={(el) => queueMicrotask(() => el.focus())}
        />
        <Show when={error()}>{(m) => <p class="field-error" role="alert">{m()}</p>}</Show>
        <div class="inline-actions">
          <button type="button" class="button button-primary" onClick={save}>Save</button>
          <button type="button" class="button" onClick={() => setEditing(false)}>Cancel</button>
          <span class="muted hint">Markdown · Ctrl+Enter saves</span>
        </div>
        <Show when={draft().trim()}>
          <div class="preview" aria-label="Preview">
            <Markdown source={draft()} class="exp-description" />
          </div>
        </Show>
      </Show>
    </section>
  );
}
