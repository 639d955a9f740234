/** Backup and restore of the whole database as one zip (format.ts describes the file). */
export { exportBackup, type BackupProgress, type ExportOptions } from './export';
export { openBackup, type BackupSummary } from './read';
export { restoreBackup, type RestoreMode, type RestoreOptions, type RestoreResult, type TableRestoreStats } from './restore';
export { MERGE_RULES } from './merge-rules';
