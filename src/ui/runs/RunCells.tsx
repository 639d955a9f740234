import { A } from '@solidjs/router';
import { type Accessor, Match, Show, Switch } from 'solid-js';
import type { Run } from '../../tracking/entities';
import { RunStatusBadge } from '../components/RunStatusBadge';
import { Time } from '../components/Time';
import type { RunColumn } from './columns';
import type { GroupRow, RunRow } from './display-rows';
import { durationOf, formatDuration, formatMetric, formatSource, metricOf, paramOf, tagOf, userOf } from './run-values';
import type { Aggregate } from './view-state';

/** What a cell needs beyond its row: the clock for live durations and experiment names for the combined view. */
export interface CellContext {
  now: Accessor<number>;
  experimentName: (id: string) => string;
  aggregate: Accessor<Aggregate>;
}

/** `#/experiments/:expId/runs/:runId`, the run page (another route owns it). */
export const runHref = (run: Run) =>
  `/experiments/${encodeURIComponent(run.info.experimentId)}/runs/${encodeURIComponent(run.info.runId)}`;

const Empty = () => <span class="muted">—</span>;

/** Text that may be cut by the column width: the full value is in the tooltip. */
const Text = (props: { value: string | undefined; mono?: boolean }) => (
  <Show when={props.value !== undefined && props.value !== ''} fallback={<Empty />}>
    <span class="cell-text" classList={{ mono: props.mono }} title={props.value}>{props.value}</span>
  </Show>
);

/** One attribute, param, metric or tag cell of a run row. */
export function RunCell(props: { column: RunColumn; run: Run; ctx: CellContext }) {
  const run = () => props.run;
  const key = () => props.column.key;
  return (
    <Switch fallback={<Text value={tagOf(run(), key())} />}>
      <Match when={props.column.kind === 'metric'}>
        <MetricValue value={metricOf(run(), key())} />
      </Match>
      <Match when={props.column.kind === 'param'}>
        <Text value={paramOf(run(), key())} />
      </Match>
      <Match when={props.column.kind === 'attr' && key()}>
        {(name) => <AttributeCell name={name()} run={run()} ctx={props.ctx} />}
      </Match>
    </Switch>
  );
}

function AttributeCell(props: { name: string; run: Run; ctx: CellContext }) {
  const info = () => props.run.info;
  switch (props.name) {
    case 'status':
      return <RunStatusBadge status={info().status} />;
    case 'created':
      return <Time ms={info().startTime} short />;
    case 'duration': {
      // Only a running run reads the clock, so finished rows never re-render on its ticks.
      const ms = () => durationOf(props.run, info().status === 'RUNNING' && !info().endTime ? props.ctx.now() : 0);
      return <Show when={ms() !== undefined} fallback={<Empty />}><span class="num">{formatDuration(ms()!)}</span></Show>;
    }
    case 'experiment':
      return <Text value={props.ctx.experimentName(info().experimentId)} />;
    case 'user':
      return <Text value={userOf(props.run)} />;
    case 'source':
      return <Text value={formatSource(props.run)} />;
    case 'version':
      return <Text value={tagOf(props.run, 'mlflow.source.git.commit')?.slice(0, 7)} mono />;
    case 'run_id':
      return <Text value={info().runId} mono />;
    default:
      return <Empty />;
  }
}

function MetricValue(props: { value: number | undefined }) {
  return (
    <Show when={props.value !== undefined} fallback={<Empty />}>
      <span class="num" title={String(props.value)}>{formatMetric(props.value!)}</span>
    </Show>
  );
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

/** The pinned name cell of a run: expander for nested runs, then the link to the run page. */
export function RunNameCell(props: { row: RunRow; onToggle: () => void }) {
  return (
    <div class="name-cell" style={{ 'padding-left': `${props.row.depth * 20}px` }}>
      <Show when={props.row.childCount > 0} fallback={<span class="expander-space" />}>
        <button
          type="button"
          class="expander"
          aria-expanded={props.row.expanded}
          aria-label={`${props.row.expanded ? 'Collapse' : 'Expand'} ${props.row.childCount} child runs of ${props.row.run.info.runName}`}
          onClick={() => props.onToggle()}
        >
          <Chevron open={props.row.expanded} />
        </button>
      </Show>
      <A href={runHref(props.row.run)} class="run-link" title={props.row.run.info.runName}>
        {props.row.run.info.runName || props.row.run.info.runId}
      </A>
      <Show when={props.row.childCount > 0}>
        <span class="child-count" aria-hidden="true">{props.row.childCount}</span>
      </Show>
    </div>
  );
}

/** The pinned cell of a group row: expander, `key = value`, and how many runs it holds. */
export function GroupNameCell(props: { group: GroupRow; label: string; onToggle: () => void }) {
  const value = () => props.group.value ?? '(none)';
  return (
    <div class="name-cell group-name">
      <button
        type="button"
        class="expander"
        aria-expanded={props.group.expanded}
        aria-label={`${props.group.expanded ? 'Collapse' : 'Expand'} group ${props.label} = ${value()}`}
        onClick={() => props.onToggle()}
      >
        <Chevron open={props.group.expanded} />
      </button>
      <span class="cell-text" title={`${props.label} = ${value()}`}>
        <span class="muted">{props.label} =</span> <strong>{value()}</strong>
      </span>
      <span class="child-count">{props.group.runs.length}</span>
    </div>
  );
}

function Chevron(props: { open: boolean }) {
  return (
    <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" classList={{ chevron: true, open: props.open }}>
      <path d="M6 3.5 10.5 8 6 12.5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}
