import { createUniqueId, For, type JSX, Show } from 'solid-js';
import { LIFECYCLE_VIEWS, type Aggregate, type LifecycleView, type RunsViewState, TIME_RANGES, type TimeRange } from './view-state';

export interface RunsToolbarProps {
  state: RunsViewState;
  /** Param and tag column ids runs can be grouped by. */
  groupChoices: string[];
  hasNested: boolean;
  allExpanded: boolean;
  onChange: (patch: Partial<Record<'view' | 'since' | 'group' | 'agg', string | undefined>>) => void;
  onExpandAll: (expand: boolean) => void;
  onColumns: () => void;
  onDownload: () => void;
  canDownload: boolean;
  /** "1,234 runs" and similar, announced politely. */
  summary: JSX.Element;
}

/** A labelled native select: keyboard and screen-reader behaviour for free. */
function Select(props: { label: string; value: string; onChange: (v: string) => void; children: JSX.Element }) {
  const id = createUniqueId();
  return (
    <div class="select-field">
      <label for={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {props.children}
      </select>
    </div>
  );
}

const groupLabel = (id: string) => (id.startsWith('param:') ? `params.${id.slice(6)}` : `tags.${id.slice(4)}`);

/** The controls above the runs table: state, time range, grouping, nesting, columns and CSV download. */
export function RunsToolbar(props: RunsToolbarProps) {
  return (
    <div class="runs-toolbar">
      <Select label="State" value={props.state.view} onChange={(v) => props.onChange({ view: v === 'active' ? undefined : (v as LifecycleView) })}>
        <For each={LIFECYCLE_VIEWS}>{(v) => <option value={v.value}>{v.label}</option>}</For>
      </Select>
      <Select label="Time created" value={props.state.since} onChange={(v) => props.onChange({ since: v === 'all' ? undefined : (v as TimeRange) })}>
        <For each={TIME_RANGES}>{(t) => <option value={t.value}>{t.label}</option>}</For>
      </Select>
      <Select label="Group by" value={props.state.groupBy ?? ''} onChange={(v) => props.onChange({ group: v || undefined })}>
        <option value="">None</option>
        <Show when={props.state.groupBy && !props.groupChoices.includes(props.state.groupBy)}>
          <option value={props.state.groupBy}>{groupLabel(props.state.groupBy!)}</option>
        </Show>
        <For each={props.groupChoices}>{(id) => <option value={id}>{groupLabel(id)}</option>}</For>
      </Select>
      <Show when={props.state.groupBy}>
        <Select label="Aggregate" value={props.state.aggregate} onChange={(v) => props.onChange({ agg: v === 'avg' ? undefined : (v as Aggregate) })}>
          <option value="min">Min</option>
          <option value="avg">Average</option>
          <option value="max">Max</option>
        </Select>
      </Show>
      <Show when={props.hasNested && !props.state.groupBy}>
        <button type="button" class="button" aria-pressed={props.allExpanded} onClick={() => props.onExpandAll(!props.allExpanded)}>
          {props.allExpanded ? 'Collapse all' : 'Expand all'}
        </button>
      </Show>
      <span class="toolbar-spacer" />
      <span class="muted count" aria-live="polite">{props.summary}</span>
      <button type="button" class="button" onClick={() => props.onColumns()}>Columns</button>
      <button type="button" class="button" disabled={!props.canDownload} onClick={() => props.onDownload()}>Download CSV</button>
    </div>
  );
}
