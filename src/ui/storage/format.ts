/** Words and numbers of the Storage page. */
import type { BackupProgress } from '../../workers/backup-client';
import { formatBytes } from '../artifacts/preview-kind';

/** Bytes as "1.4 MB" (decimal units), one formatter for the whole UI. */
export { formatBytes } from '../artifacts/preview-kind';

const TABLE_LABELS: Record<string, [string, string]> = {
  experiments: ['experiment', 'experiments'],
  runs: ['run', 'runs'],
  metricChunks: ['metric chunk', 'metric chunks'],
  artifacts: ['artifact file', 'artifact files'],
  registeredModels: ['registered model', 'registered models'],
  modelVersions: ['model version', 'model versions'],
  modelVersionFiles: ['model file', 'model files'],
  meta: ['setting', 'settings'],
};

const ORDER = Object.keys(TABLE_LABELS);
/** Sorts table names as people read them (experiments, runs, metrics, artifacts, models), unknown ones last. */
export function byTableOrder(a: string, b: string): number {
  const ia = ORDER.indexOf(a) < 0 ? ORDER.length : ORDER.indexOf(a);
  const ib = ORDER.indexOf(b) < 0 ? ORDER.length : ORDER.indexOf(b);
  return ia - ib || (a < b ? -1 : a > b ? 1 : 0);
}

/** "3 runs", "1 metric chunk"; an unknown table's camelCase name is split into words. */
export function countOf(table: string, n: number): string {
  const [one, many] = TABLE_LABELS[table] ?? [table.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase(), ''];
  return `${n.toLocaleString('en')} ${n === 1 || !many ? one : many}`;
}

const STAGES: Record<BackupProgress['stage'], string> = {
  reading: 'Reading the database',
  files: 'Packing files',
  checking: 'Checking the backup',
  writing: 'Writing to this browser',
};

/** "Packing files · 12 MB of 40 MB". */
export function progressLabel(p: BackupProgress): string {
  const bytes = p.stage === 'files' || p.stage === 'checking';
  const of = bytes ? `${formatBytes(p.done)} of ${formatBytes(p.total)}` : `${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')} rows`;
  return `${STAGES[p.stage]} · ${of}`;
}

/** The file name of a backup made at `when`: flowpad-backup-2026-11-28-1530.zip (local time). */
export function backupFileName(when = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `flowpad-backup-${when.getFullYear()}-${p(when.getMonth() + 1)}-${p(when.getDate())}-${p(when.getHours())}${p(when.getMinutes())}.zip`;
}
