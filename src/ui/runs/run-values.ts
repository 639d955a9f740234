/**
 * Reading a run's cells: lookups by key (built once per run object, on first use, so only rows that are drawn pay
 * for them) and MLflow's formatting of metrics, durations, timestamps and sources (common/utils/Utils.tsx).
 */
import type { Run } from '../../tracking/entities';

const PARENT_TAG = 'mlflow.parentRunId';

interface RunLookup {
  params: Map<string, string>;
  metrics: Map<string, number>;
  tags: Map<string, string>;
}

// Run objects are replaced, never mutated, when a live query re-runs: a WeakMap keyed by them stays correct.
const lookups = new WeakMap<Run, RunLookup>();

function lookup(run: Run): RunLookup {
  let l = lookups.get(run);
  if (!l) {
    l = {
      params: new Map(run.data.params.map((p) => [p.key, p.value])),
      metrics: new Map(run.data.metrics.map((m) => [m.key, m.value])),
      tags: new Map(run.data.tags.map((t) => [t.key, t.value])),
    };
    lookups.set(run, l);
  }
  return l;
}

export const paramOf = (run: Run, key: string): string | undefined => lookup(run).params.get(key);
export const metricOf = (run: Run, key: string): number | undefined => lookup(run).metrics.get(key);
export const tagOf = (run: Run, key: string): string | undefined => lookup(run).tags.get(key);

/** The parent's run id (tag mlflow.parentRunId), read without building the lookup maps. */
export function parentIdOf(run: Run): string | undefined {
  for (const t of run.data.tags) if (t.key === PARENT_TAG) return t.value;
  return undefined;
}

/** MLflow's `Utils.formatMetric`: 3 decimals below 10, 2 below 100, 1 above; exponent below 1e-3. */
export function formatMetric(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs < 1e-3) return value.toExponential(3);
  if (abs < 10) return String(Math.round(value * 1000) / 1000);
  if (abs < 100) return String(Math.round(value * 100) / 100);
  return String(Math.round(value * 10) / 10);
}

/** MLflow's `Utils.formatDuration` (CSV export): `420ms`, `3.2s`, `4.5min`, `1.2h`, `2.0d`. */
export function mlflowDuration(ms: number): string {
  if (ms < 500) return `${ms}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)}min`;
  if (ms < 86_400_000) return `${(ms / 3_600_000).toFixed(1)}h`;
  return `${(ms / 86_400_000).toFixed(1)}d`;
}

/** A duration for the table: `850ms`, `42s`, `3m 07s`, `1h 04m`, `2d 3h`. */
export function formatDuration(ms: number): string {
  if (!(ms >= 0)) return '—';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (s < 3600) return `${Math.floor(s / 60)}m ${pad(s % 60)}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${pad(Math.floor((s % 3600) / 60))}m`;
  return `${Math.floor(s / 86_400)}d ${Math.floor((s % 86_400) / 3600)}h`;
}

/** A run's duration in ms: to its end, or to `now` while it has none (RUNNING); undefined when unknown. */
export function durationOf(run: Run, now: number): number | undefined {
  const { startTime, endTime, status } = run.info;
  if (!startTime) return undefined;
  if (endTime) return endTime - startTime;
  return status === 'RUNNING' ? Math.max(0, now - startTime) : undefined;
}

/** `yyyy-mm-dd HH:MM:ss` in local time, as MLflow's `Utils.formatTimestamp` writes CSV start times. */
export function formatTimestamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** MLflow's `Utils.formatSource`: the file name of `mlflow.source.name`, without extension for projects. */
export function formatSource(run: Run): string {
  const name = tagOf(run, 'mlflow.source.name') ?? '';
  const base = name.split('/').pop() ?? '';
  if (tagOf(run, 'mlflow.source.type') !== 'PROJECT') return base;
  const entry = tagOf(run, 'mlflow.project.entryPoint');
  const stem = base.replace(/(.*[^/])\.[^/.]+$/, '$1');
  return entry && entry !== 'main' ? `${stem}:${entry}` : stem;
}

/** MLflow's `Utils.getUser`: the mlflow.user tag, else the run's user_id. */
export const userOf = (run: Run): string => tagOf(run, 'mlflow.user') ?? run.info.userId;
