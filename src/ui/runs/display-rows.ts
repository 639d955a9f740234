/**
 * The table's rows from the searched runs (already in order): nested runs under their parent (tag
 * mlflow.parentRunId, when the parent is among the loaded runs, as MLflow nests them), or groups of runs that share
 * a param or tag value, each with min/avg/max of every metric. Pure data; the table virtualizes the flat list.
 */
import type { Run } from '../../tracking/entities';
import { isSystemTag } from './columns';
import { metricOf, paramOf, parentIdOf, tagOf } from './run-values';

export interface RunRow {
  kind: 'run';
  /** `run:<runId>`; unique in the list. */
  id: string;
  run: Run;
  depth: number;
  /** Loaded children (nested runs); 0 for leaves and inside groups. */
  childCount: number;
  expanded: boolean;
}

export interface MetricStats {
  min: number;
  avg: number;
  max: number;
  /** Runs that have the metric with a non-NaN value. */
  count: number;
}

export interface GroupRow {
  kind: 'group';
  /** `group:<value>` (`group:` + NUL for runs without the key). */
  id: string;
  /** The shared value; null for runs that lack the param or tag. */
  value: string | null;
  runs: Run[];
  expanded: boolean;
  stats(metricKey: string): MetricStats | undefined;
}

export type DisplayRow = RunRow | GroupRow;

const NO_VALUE = '\u0000';

/** Runs nested under their parents; `expanded` holds the parent run ids whose children show. */
export function nestedRows(runs: readonly Run[], expanded: ReadonlySet<string>): RunRow[] {
  const ids = new Set<string>();
  for (const r of runs) ids.add(r.info.runId);
  const children = new Map<string, Run[]>();
  const roots: Run[] = [];
  for (const r of runs) {
    const parent = parentIdOf(r);
    // A run whose parent is not loaded (filtered out, deleted) stays at the top level; so does a self-parent.
    if (parent !== undefined && parent !== r.info.runId && ids.has(parent)) {
      const list = children.get(parent);
      if (list) list.push(r);
      else children.set(parent, [r]);
    } else roots.push(r);
  }
  const out: RunRow[] = [];
  // Iterative depth-first walk: a deep chain of nested runs must not overflow the stack. `seen` guards cycles.
  const seen = new Set<string>();
  const stack: { run: Run; depth: number }[] = roots.map((run) => ({ run, depth: 0 })).reverse();
  while (stack.length) {
    const { run, depth } = stack.pop()!;
    const id = run.info.runId;
    if (seen.has(id)) continue;
    seen.add(id);
    const kids = children.get(id) ?? [];
    const open = kids.length > 0 && expanded.has(id);
    out.push({ kind: 'run', id: `run:${id}`, run, depth, childCount: kids.length, expanded: open });
    if (open) for (let i = kids.length - 1; i >= 0; i--) stack.push({ run: kids[i], depth: depth + 1 });
  }
  return out;
}

/** Run ids that have loaded children: what "Expand all" opens. */
export function parentIds(runs: readonly Run[]): Set<string> {
  const ids = new Set(runs.map((r) => r.info.runId));
  const out = new Set<string>();
  for (const r of runs) {
    const p = parentIdOf(r);
    if (p !== undefined && ids.has(p)) out.add(p);
  }
  return out;
}

/** The value a grouping column (`param:<key>` or `tag:<key>`) gives a run. */
export function groupValueOf(run: Run, groupBy: string): string | undefined {
  const key = groupBy.slice(groupBy.indexOf(':') + 1);
  return groupBy.startsWith('param:') ? paramOf(run, key) : tagOf(run, key);
}

/**
 * Groups in order of their first run (so sorting by a metric sorts groups by their best run), runs inside a group
 * flat and in search order; `collapsed` holds group ids whose runs are hidden.
 */
export function groupedRows(runs: readonly Run[], groupBy: string, collapsed: ReadonlySet<string>): DisplayRow[] {
  const groups = new Map<string, Run[]>();
  for (const r of runs) {
    const v = groupValueOf(r, groupBy) ?? NO_VALUE;
    const list = groups.get(v);
    if (list) list.push(r);
    else groups.set(v, [r]);
  }
  const out: DisplayRow[] = [];
  for (const [v, members] of groups) {
    const id = `group:${v}`;
    const expanded = !collapsed.has(id);
    out.push(groupRow(id, v === NO_VALUE ? null : v, members, expanded));
    if (expanded) for (const run of members) out.push({ kind: 'run', id: `run:${run.info.runId}`, run, depth: 1, childCount: 0, expanded: false });
  }
  return out;
}

function groupRow(id: string, value: string | null, runs: Run[], expanded: boolean): GroupRow {
  const cache = new Map<string, MetricStats | undefined>();
  return {
    kind: 'group', id, value, runs, expanded,
    stats(key) {
      if (!cache.has(key)) cache.set(key, statsOf(runs, key));
      return cache.get(key);
    },
  };
}

/** min/avg/max of a metric's latest values over runs, skipping runs without it and NaN values. */
export function statsOf(runs: readonly Run[], key: string): MetricStats | undefined {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let count = 0;
  for (const r of runs) {
    const v = metricOf(r, key);
    if (v === undefined || Number.isNaN(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    count++;
  }
  return count ? { min, max, avg: sum / count, count } : undefined;
}

/** Param keys and non-system tag keys runs can be grouped by, as column ids. */
export function groupingChoices(params: readonly string[], tags: readonly string[]): string[] {
  return [...params.map((k) => `param:${k}`), ...tags.filter((k) => !isSystemTag(k)).map((k) => `tag:${k}`)];
}
