/**
 * "Download CSV" exactly as MLflow's UI writes it (experiment-tracking/utils/CsvUtils.ts `runInfosToCsv`):
 * columns `Start Time, Duration, Run ID, Name, Source Type, Source Name, User, Status`, then every param key,
 * latest-metric key and tag key; every cell double-quoted, quotes doubled, and a cell whose text starts with
 * `= + - @ \t \r` prefixed with `'` against CSV (formula) injection. Rows end with `\n`, the last one too.
 */
import type { Run } from '../../tracking/entities';
import type { RunKeys } from './columns';
import { formatTimestamp, metricOf, mlflowDuration, paramOf, tagOf, userOf } from './run-values';

export const CSV_BASE_COLUMNS = ['Start Time', 'Duration', 'Run ID', 'Name', 'Source Type', 'Source Name', 'User', 'Status'];

/** MLflow's `csvEscape`: '' for null/undefined; quotes doubled before the formula check, as MLflow does. */
export function csvEscape(x: string | number | null | undefined): string {
  if (x === null || x === undefined) return '';
  let s = String(x).replace(/"/g, '""');
  if (/^[=+\-@\r\t]/.test(s)) s = `'${s}`;
  return `"${s}"`;
}

function runCells(run: Run, keys: RunKeys): (string | number)[] {
  const { startTime, endTime } = run.info;
  return [
    formatTimestamp(startTime),
    // MLflow's getDuration: only when both times are set (falsy 0 included), else ''.
    startTime && endTime ? mlflowDuration(endTime - startTime) : '',
    run.info.runId,
    run.info.runName || (tagOf(run, 'mlflow.runName') ?? ''),
    tagOf(run, 'mlflow.source.type') ?? '',
    tagOf(run, 'mlflow.source.name') ?? '',
    userOf(run),
    run.info.status,
    ...keys.params.map((k) => paramOf(run, k) ?? ''),
    // JS's String(number), as MLflow's `toString` on the JSON value: NaN, Infinity and 1e-7 forms included.
    ...keys.metrics.map((k) => metricOf(run, k) ?? ''),
    ...keys.tags.map((k) => tagOf(run, k) ?? ''),
  ];
}

/** The CSV text for `runs`, with one column per key in `keys` (MLflow exports params, metrics, then tags). */
export function runsToCsv(runs: readonly Run[], keys: RunKeys): string {
  const lines = [[...CSV_BASE_COLUMNS, ...keys.params, ...keys.metrics, ...keys.tags].map(csvEscape).join(',')];
  for (const run of runs) lines.push(runCells(run, keys).map(csvEscape).join(','));
  return `${lines.join('\n')}\n`;
}
