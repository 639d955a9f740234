/**
 * The page's handle on the import worker: a typed Comlink proxy. Source buffers are transferred (not copied),
 * progress callbacks are proxied, and errors keep their MLflow `code` (error-handler.ts).
 */
import * as Comlink from 'comlink';
import { installErrorHandler } from './error-handler';
import type { ExportedZip, ImportApi, ImportPreview, ImportProgress, ImportSource } from './import-api';
import type { RestoreResult } from '../interop';

export type { ExportedZip, ImportPreview, ImportProgress, ImportSource, PreviewExperiment, PreviewModel, PreviewRun } from './import-api';
export type { RestoreResult } from '../interop';

export interface ImportClient {
  /** Reads and checks `source` in the worker; its buffers move there. Nothing is written. */
  prepare(source: ImportSource, onProgress?: (p: ImportProgress) => void): Promise<ImportPreview>;
  /** Writes what `prepare` read, in one transaction. */
  commit(onProgress?: (p: ImportProgress) => void): Promise<RestoreResult>;
  discard(): Promise<void>;
  exportMlrunsZip(experimentId: string): Promise<ExportedZip>;
  terminate(): void;
}

function buffersOf(source: ImportSource): ArrayBuffer[] {
  const arrays = source.kind === 'folder' ? [...source.files.values()] : [source.bytes];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/** Starts an import worker. */
export function createImportClient(): ImportClient {
  installErrorHandler();
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'flowpad-import' });
  const remote = Comlink.wrap<ImportApi>(worker);
  const cb = (f?: (p: ImportProgress) => void) => (f ? Comlink.proxy(f) : undefined);
  return {
    prepare: (source, onProgress) => remote.prepare(Comlink.transfer(source, buffersOf(source)), cb(onProgress)),
    commit: (onProgress) => remote.commit(cb(onProgress)),
    discard: () => remote.discard(),
    exportMlrunsZip: (id) => remote.exportMlrunsZip(id),
    terminate: () => {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
