import { createEffect, createSignal, createUniqueId, For, on, Show } from 'solid-js';
import type { SearchSyntax } from '../../tracking/search';
import type { RunKeys } from './columns';
import { type Suggestion, suggest, wordAt } from './filter-suggest';

export interface FilterError {
  message: string;
  syntax?: SearchSyntax;
}

export interface FilterBoxProps {
  /** The applied filter (from the URL). */
  value: string;
  keys: RunKeys;
  /** The applied filter's parse error, shown under the box at its position. */
  error: FilterError | undefined;
  onApply: (filter: string) => void;
}

/**
 * MLflow's search box: a combobox that completes `metrics.`/`params.`/`tags.`/`attributes.` keys at the caret,
 * applies the filter on Enter, and shows a parse error inline with the offending part marked.
 */
export function FilterBox(props: FilterBoxProps) {
  const listId = createUniqueId();
  const errorId = createUniqueId();
  const [text, setText] = createSignal(props.value);
  const [items, setItems] = createSignal<Suggestion[]>([]);
  const [active, setActive] = createSignal(0);
  let input!: HTMLInputElement;
  // The URL is the truth: back/forward or a cleared filter replaces what is typed.
  createEffect(on(() => props.value, (v) => setText(v), { defer: true }));

  const refresh = () => {
    const w = wordAt(input.value, input.selectionStart ?? input.value.length);
    setItems(suggest(props.keys, w.word));
    setActive(0);
  };
  const close = () => setItems([]);
  const pick = (s: Suggestion) => {
    const caret = input.selectionStart ?? input.value.length;
    const w = wordAt(input.value, caret);
    const next = input.value.slice(0, w.start) + s.text + ' ' + input.value.slice(w.end).replace(/^ /, '');
    setText(next);
    input.value = next;
    const at = w.start + s.text.length + 1;
    input.setSelectionRange(at, at);
    close();
    input.focus();
  };
  const apply = () => {
    close();
    props.onApply(text().trim());
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const list = items();
    if (e.key === 'ArrowDown' && list.length) {
      e.preventDefault();
      setActive((active() + 1) % list.length);
    } else if (e.key === 'ArrowUp' && list.length) {
      e.preventDefault();
      setActive((active() - 1 + list.length) % list.length);
    } else if ((e.key === 'Enter' || e.key === 'Tab') && list.length) {
      e.preventDefault();
      pick(list[active()]);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      apply();
    } else if (e.key === 'Escape' && list.length) {
      e.preventDefault();
      close();
    }
  };
  const optionId = (i: number) => `${listId}-${i}`;

  return (
    <div class="filter-box">
      <div class="filter-row">
        <input
          ref={input}
          type="text"
          class="search filter-input mono"
          role="combobox"
          aria-label="Filter runs"
          aria-autocomplete="list"
          aria-expanded={items().length > 0}
          aria-controls={listId}
          aria-activedescendant={items().length ? optionId(active()) : undefined}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={props.error ? errorId : undefined}
          placeholder="metrics.rmse < 1 and params.model = 'tree'"
          spellcheck={false}
          autocomplete="off"
          value={text()}
          onInput={(e) => {
            setText(e.currentTarget.value);
            refresh();
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(close, 150)}
        />
        <button type="button" class="button" onClick={apply}>Search</button>
        <Show when={props.value}>
          <button type="button" class="button button-quiet" onClick={() => props.onApply('')}>Clear</button>
        </Show>
      </div>
      <Show when={items().length > 0}>
        <ul id={listId} class="suggestions" role="listbox" aria-label="Filter keys">
          <For each={items()}>
            {(s, i) => (
              <li
                id={optionId(i())}
                role="option"
                aria-selected={i() === active()}
                classList={{ active: i() === active() }}
                onMouseDown={(e) => {
                  e.preventDefault(); // keep focus in the input
                  pick(s);
                }}
              >
                <span class="mono">{s.text}</span>
                <span class={`suggestion-kind kind-${s.kind}`}>{s.kind}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.error}>{(err) => <FilterErrorView id={errorId} filter={props.value} error={err()} />}</Show>
    </div>
  );
}

/** The error message, then the filter with the offending span marked (a caret where the span is empty). */
function FilterErrorView(props: { id: string; filter: string; error: FilterError }) {
  const parts = () => {
    const s = props.error.syntax;
    if (!s) return undefined;
    const f = props.filter;
    const start = Math.min(s.position, f.length);
    const end = Math.min(Math.max(s.end, start), f.length);
    return { before: f.slice(0, start), bad: f.slice(start, end), after: f.slice(end), expected: s.expected };
  };
  return (
    <div id={props.id} class="filter-error" role="alert">
      <p class="filter-error-message">{props.error.message}</p>
      <Show when={parts()}>
        {(p) => (
          <>
            <pre class="filter-error-source mono">
              {p().before}
              <mark class="filter-error-mark" classList={{ empty: p().bad === '' }}>{p().bad || ' '}</mark>
              {p().after}
            </pre>
            <p class="filter-error-expected">Expected here: {p().expected}</p>
          </>
        )}
      </Show>
    </div>
  );
}
