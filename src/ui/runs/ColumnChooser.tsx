import { createSignal, For, Show } from 'solid-js';
import { Dialog } from '../components/Dialog';
import type { ColumnKind, RunColumn } from './columns';

/** Checkboxes drawn per group before "refine the search" (a run may have thousands of metrics: MLflow #11927). */
const MAX_LISTED = 200;

const GROUPS: { kind: ColumnKind; title: string }[] = [
  { kind: 'attr', title: 'Attributes' },
  { kind: 'metric', title: 'Metrics' },
  { kind: 'param', title: 'Parameters' },
  { kind: 'tag', title: 'Tags' },
];

export interface ColumnChooserProps {
  available: Record<ColumnKind, RunColumn[]>;
  /** Visible column ids, in order. */
  visible: string[];
  onChange: (ids: string[]) => void;
  onReset: () => void;
  onClose: () => void;
}

/** "Columns": which attributes, metrics, params and tags the table shows; changes apply at once (and to the URL). */
export function ColumnChooser(props: ColumnChooserProps) {
  const [query, setQuery] = createSignal('');
  let search!: HTMLInputElement;
  const shown = () => new Set(props.visible);
  const matches = (c: RunColumn) => c.label.toLowerCase().includes(query().trim().toLowerCase());
  const toggle = (id: string, on: boolean) =>
    props.onChange(on ? [...props.visible.filter((v) => v !== id), id] : props.visible.filter((v) => v !== id));
  const setGroup = (cols: RunColumn[], on: boolean) => {
    const ids = new Set(cols.map((c) => c.id));
    const rest = props.visible.filter((v) => !ids.has(v));
    props.onChange(on ? [...rest, ...cols.map((c) => c.id)] : rest);
  };

  return (
    <Dialog title="Columns" onClose={props.onClose} initialFocus={() => search}>
      <input
        ref={search}
        type="search"
        class="search chooser-search"
        placeholder="Search columns"
        aria-label="Search columns"
        value={query()}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      <div class="chooser-groups">
        <For each={GROUPS}>
          {(group) => {
            const cols = () => props.available[group.kind].filter(matches);
            return (
              <Show when={cols().length > 0}>
                <fieldset class="chooser-group">
                  <legend>
                    {group.title} <span class="muted">({cols().filter((c) => shown().has(c.id)).length}/{cols().length})</span>
                  </legend>
                  <div class="chooser-group-actions">
                    <button type="button" class="link-button" onClick={() => setGroup(cols(), true)}>Show all</button>
                    <button type="button" class="link-button" onClick={() => setGroup(cols(), false)}>Hide all</button>
                  </div>
                  <For each={cols().slice(0, MAX_LISTED)}>
                    {(c) => (
                      <label class="check" title={c.label}>
                        <input type="checkbox" checked={shown().has(c.id)} onChange={(e) => toggle(c.id, e.currentTarget.checked)} />
                        <span class="cell-text">{c.label}</span>
                      </label>
                    )}
                  </For>
                  <Show when={cols().length > MAX_LISTED}>
                    <p class="muted">{cols().length - MAX_LISTED} more: refine the search to list them.</p>
                  </Show>
                </fieldset>
              </Show>
            );
          }}
        </For>
      </div>
      <div class="dialog-actions">
        <button type="button" class="button" onClick={() => props.onReset()}>Reset to defaults</button>
        <button type="button" class="button button-primary" onClick={() => props.onClose()}>Done</button>
      </div>
    </Dialog>
  );
}
