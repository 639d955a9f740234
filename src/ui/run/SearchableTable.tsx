/** A two-or-more-column key/value table with a search box over keys and values (run params, metrics). */
import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';

/** Rows, how to search and render them, and what to say when there are none. */
export interface SearchableTableProps<T> {
  /** Accessible name of the table and the search box ("Parameters" → "Search parameters"). */
  title: string;
  rows: T[];
  /** The text a search matches against (case-insensitive substring). */
  text: (row: T) => string;
  headers: string[];
  cells: (row: T) => JSX.Element[];
  empty: string;
}

/** A titled card with a search box over a table of `rows`. */
export function SearchableTable<T>(props: SearchableTableProps<T>) {
  const [q, setQ] = createSignal('');
  const shown = createMemo(() => {
    const f = q().trim().toLowerCase();
    return f ? props.rows.filter((r) => props.text(r).toLowerCase().includes(f)) : props.rows;
  });
  return (
    <section class="panel-card kv-card" aria-label={props.title}>
      <div class="section-header">
        <h2>{props.title}</h2>
        <span class="muted count">{props.rows.length}</span>
        <Show when={props.rows.length > 0}>
          <input
            type="search"
            class="search search-small"
            placeholder={`Search ${props.title.toLowerCase()}`}
            aria-label={`Search ${props.title.toLowerCase()}`}
            value={q()}
            onInput={(e) => setQ(e.currentTarget.value)}
          />
        </Show>
      </div>
      <Show when={props.rows.length > 0} fallback={<p class="muted empty-line">{props.empty}</p>}>
        <div class="kv-scroll">
          <table class="table kv-table">
            <caption class="visually-hidden">{props.title}</caption>
            <thead>
              <tr><For each={props.headers}>{(h) => <th scope="col">{h}</th>}</For></tr>
            </thead>
            <tbody>
              <For each={shown()} fallback={<tr><td colSpan={props.headers.length} class="muted">No {props.title.toLowerCase()} match “{q()}”.</td></tr>}>
                {(r) => <tr><For each={props.cells(r)}>{(c) => <td>{c}</td>}</For></tr>}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}
