/**
 * The backup worker's API: the storage report, export and restore of the whole database, built from domain
 * functions and free of Comlink so it runs (and is tested) in Node. Progress goes to a callback at most
 * every 100 ms (and at the end), so a million-row export sends a handful of messages, not a million.
 */
import {
  exportBackup, openBackup, restoreBackup, type BackupProgress, type BackupSummary, type RestoreMode, type RestoreResult,
} from '../interop/backup';
import { schemaVersion, storageReport, tableSpecs, type FlowpadDB, type StorageReport } from '../storage';

export type { BackupProgress, BackupSummary, RestoreMode, RestoreResult, StorageReport };

/** What the backup worker offers (plain data and Blobs in and out). */
export interface BackupApi {
  /** Sizes of every experiment, registered model and table. */
  storageReport(): Promise<StorageReport>;
  /** The whole database as one zip Blob (`application/zip`). */
  exportBackup(onProgress?: (p: BackupProgress) => void): Promise<Blob>;
  /** Validates a backup file completely and says what it holds; writes nothing. */
  inspectBackup(file: Blob, onProgress?: (p: BackupProgress) => void): Promise<BackupSummary>;
  /** Restores a backup file: replace everything, or merge (merge-rules.ts). Nothing is written if it fails. */
  restoreBackup(file: Blob, mode: RestoreMode, onProgress?: (p: BackupProgress) => void): Promise<RestoreResult>;
}

/** Calls `fn` at most every `ms`, always for the last stage's final value. */
function throttle(fn: ((p: BackupProgress) => void) | undefined, ms = 100): (p: BackupProgress) => void {
  if (!fn) return () => {};
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last >= ms || p.done >= p.total) {
      last = now;
      fn(p);
    }
  };
}

/** The API over the database `db()` opens (once, lazily). */
export function makeBackupApi(db: () => FlowpadDB): BackupApi {
  return {
    storageReport: () => storageReport(db()),
    exportBackup: (onProgress) => exportBackup(db(), { onProgress: throttle(onProgress) }),
    inspectBackup: async (file, onProgress) => {
      const d = db();
      return (await openBackup(file, tableSpecs(d), schemaVersion(d), throttle(onProgress))).summary;
    },
    restoreBackup: (file, mode, onProgress) => restoreBackup(db(), file, { mode, onProgress: throttle(onProgress) }),
  };
}
