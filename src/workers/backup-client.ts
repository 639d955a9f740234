/**
 * The page's handle on the backup worker: a typed Comlink proxy (progress callbacks proxied) plus `terminate`.
 * Blobs and Files cross by reference, not by copy.
 */
import * as Comlink from 'comlink';
import type { BackupApi } from './backup-api';
import { installErrorHandler } from './error-handler';

export type { BackupApi, BackupProgress, BackupSummary, RestoreMode, RestoreResult, StorageReport } from './backup-api';

/** The worker's API plus its lifetime. */
export interface BackupClient extends BackupApi {
  /** Stops the worker (an export or restore in flight is abandoned; a restore then writes nothing). */
  terminate(): void;
}

/** Starts a backup worker. */
export function startBackupWorker(): BackupClient {
  installErrorHandler();
  const worker = new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module', name: 'flowpad-backup' });
  const remote = Comlink.wrap<BackupApi>(worker);
  const cb = <T>(f: ((p: T) => void) | undefined) => (f ? Comlink.proxy(f) : undefined);
  return {
    storageReport: () => remote.storageReport(),
    exportBackup: (onProgress) => remote.exportBackup(cb(onProgress)),
    inspectBackup: (file, onProgress) => remote.inspectBackup(file, cb(onProgress)),
    restoreBackup: (file, mode, onProgress) => remote.restoreBackup(file, mode, cb(onProgress)),
    terminate: () => {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
