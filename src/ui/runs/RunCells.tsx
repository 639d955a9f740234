import { type Accessor, type JSX, Show } from 'solid-js';
import type { Run } from '../../tracking/entities';
import type { RunColumn } from './columns';
import type { GroupRow, RunRow } from './display-rows';
import { durationOf, formatDuration, formatMetric, formatSource, metricOf, paramOf, tagOf, userOf } from './run-values';
import type { Aggregate } from './view-state';

/**
 * Cells of the runs table. A row is rebuilt whenever its run object changes (live queries replace runs, never
 * mutate them), so cells are plain renderings of values, not reactive components: a fast scroll creates dozens of
 * rows per frame, and each costs a few DOM nodes and no reactive graph. Only a running run's duration and the
 * group aggregate (chosen in the toolbar) react.
 */

/** What a cell needs beyond its row: the clock for live durations and experiment names for the combined view. */
export interface CellContext {
  now: Accessor<number>;
  experimentName: (id: string) => string;
  aggregate: Accessor<Aggregate>;
}

/** `/experiments/:expId/runs/:runId`, the run page (another route owns it). */
export const runHref = (run: Run) =>
  `/experiments/${encodeURIComponent(run.info.experimentId)}/runs/${encodeURIComponent(run.info.runId)}`;

const STATUS_LABELS: Record<string, string> = {
  RUNNING: 'Running', SCHEDULED: 'Scheduled', FINISHED: 'Finished', FAILED: 'Failed', KILLED: 'Killed',
};

const dateShort = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const dateYear = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const thisYear = new Date().getFullYear();

const EMPTY = '—';

/** A drawn cell: one div whose text is the value (cut by the column width; full value in the tooltip). */
function cell(text: string | undefined, opts: { numeric?: boolean; mono?: boolean; title?: string; colIndex: number }): JSX.Element {
  const missing = text === undefined || text === '';
  const cls = `grid-cell plain${opts.numeric ? ' numeric num' : ''}${opts.mono ? ' mono' : ''}${missing ? ' muted' : ''}`;
  const shown = missing ? EMPTY : text;
  const title = missing ? undefined : (opts.title ?? text);
  return <div class={cls} role="cell" aria-colindex={opts.colIndex} title={title}>{shown}</div>;
}

/** A cell holding an element rather than text (status pill, live duration). */
function boxed(content: JSX.Element, colIndex: number, numeric = false): JSX.Element {
  const cls = numeric ? 'grid-cell numeric num' : 'grid-cell';
  return <div class={cls} role="cell" aria-colindex={colIndex}>{content}</div>;
}

function timeText(ms: number): { text?: string; iso?: string } {
  if (!Number.isFinite(ms) || ms <= 0) return {};
  const d = new Date(ms);
  return { text: (d.getFullYear() === thisYear ? dateShort : dateYear).format(d), iso: d.toISOString() };
}

/** A running run's duration, ticking with the shared clock. */
function LiveDuration(props: { run: Run; now: Accessor<number> }) {
  return <>{formatDuration(durationOf(props.run, props.now()) ?? 0)}</>;
}

function attribute(name: string, run: Run, ctx: CellContext, colIndex: number): JSX.Element {
  const info = run.info;
  switch (name) {
    case 'status': {
      const cls = `badge badge-${info.status.toLowerCase()}`;
      const label = STATUS_LABELS[info.status] ?? info.status;
      return boxed(<span class={cls}>{label}</span>, colIndex);
    }
    case 'created': {
      const t = timeText(info.startTime);
      return cell(t.text, { title: t.iso, colIndex });
    }
    case 'duration': {
      if (info.status === 'RUNNING' && !info.endTime) return boxed(<LiveDuration run={run} now={ctx.now} />, colIndex, true);
      const ms = durationOf(run, 0);
      return cell(ms === undefined ? undefined : formatDuration(ms), { numeric: true, colIndex });
    }
    case 'experiment':
      return cell(ctx.experimentName(info.experimentId), { colIndex });
    case 'user':
      return cell(userOf(run), { colIndex });
    case 'source':
      return cell(formatSource(run), { colIndex });
    case 'version':
      return cell(tagOf(run, 'mlflow.source.git.commit')?.slice(0, 7), { mono: true, colIndex });
    case 'run_id':
      return cell(info.runId, { mono: true, colIndex });
    default:
      return cell(undefined, { colIndex });
  }
}

/** One attribute, param, metric or tag cell of a run row (the whole cell element). */
export function runCell(column: RunColumn, run: Run, ctx: CellContext, colIndex: number): JSX.Element {
  switch (column.kind) {
    case 'metric': {
      const v = metricOf(run, column.key);
      return cell(v === undefined ? undefined : formatMetric(v), { numeric: true, title: String(v), colIndex });
    }
    case 'param':
      return cell(paramOf(run, column.key), { colIndex });
    case 'tag':
      return cell(tagOf(run, column.key), { colIndex });
    default:
      return attribute(column.key, run, ctx, colIndex);
  }
}

/** A group row's cell: the chosen aggregate of a metric, all three plus the run count in the tooltip. */
export function GroupCell(props: { column: RunColumn; group: GroupRow; ctx: CellContext }) {
  const stats = () => (props.column.kind === 'metric' ? props.group.stats(props.column.key) : undefined);
  return (
    <Show when={stats()} fallback={<span />}>
      {(s) => (
        <span
          class="num group-stat"
          title={`min ${formatMetric(s().min)} · avg ${formatMetric(s().avg)} · max ${formatMetric(s().max)} (${s().count} runs)`}
        >
          {formatMetric(s()[props.ctx.aggregate()])}
        </span>
      )}
    </Show>
  );
}

/** The pinned name cell of a run: expander for nested runs, then the link to the run page (a plain hash link). */
export function runNameCell(row: RunRow, onToggle: () => void): JSX.Element {
  const info = row.run.info;
  const name = info.runName || info.runId;
  const href = `#${runHref(row.run)}`;
  const indent = `${row.depth * 20}px`;
  const { childCount, expanded } = row;
  const label = `${expanded ? 'Collapse' : 'Expand'} ${childCount} child runs of ${name}`;
  const toggle = childCount > 0 ? (
    <button type="button" class="expander" aria-expanded={expanded} aria-label={label} onClick={onToggle}>
      {chevron(expanded)}
    </button>
  ) : (
    <span class="expander-space" />
  );
  const count = childCount > 0 ? <span class="child-count" aria-hidden="true">{childCount}</span> : null;
  return (
    <div class="name-cell" style={{ 'padding-left': indent }}>
      {toggle}
      <a href={href} class="run-link" title={name}>{name}</a>
      {count}
    </div>
  );
}

/** The pinned cell of a group row: expander, `key = value`, and how many runs it holds. */
export function groupNameCell(group: GroupRow, label: string, onToggle: () => void): JSX.Element {
  const value = group.value ?? '(none)';
  const action = `${group.expanded ? 'Collapse' : 'Expand'} group ${label} = ${value}`;
  const title = `${label} = ${value}`;
  const count = group.runs.length;
  const expanded = group.expanded;
  return (
    <div class="name-cell group-name">
      <button type="button" class="expander" aria-expanded={expanded} aria-label={action} onClick={onToggle}>
        {chevron(expanded)}
      </button>
      {/* The toolbar names the grouping key; here it is only for screen readers and the tooltip. */}
      <span class="cell-text" title={title}>
        <span class="visually-hidden">{label} = </span>
        <strong>{value}</strong>
      </span>
      <span class="child-count">{count}</span>
    </div>
  );
}

function chevron(open: boolean): JSX.Element {
  const cls = open ? 'chevron open' : 'chevron';
  return (
    <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" class={cls}>
      <path d="M6 3.5 10.5 8 6 12.5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}
