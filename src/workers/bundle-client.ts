/**
 * The main thread's handle on the bundle worker: one fresh worker per job (its memory goes when the job ends),
 * progress through a Comlink proxy, MLflow error codes kept (error-handler.ts).
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { ExportScope } from '../registry';
import type { BundleWorkerApi, ExportResult, ImportResult, Progress } from './bundle.worker';
import { installErrorHandler } from './error-handler';

export type { ExportResult, ImportResult, Progress };

installErrorHandler();

async function withWorker<T>(job: (api: Remote<BundleWorkerApi>) => Promise<T>): Promise<T> {
  const worker = new Worker(new URL('./bundle.worker.ts', import.meta.url), { type: 'module', name: 'bundle' });
  try {
    return await job(wrap<BundleWorkerApi>(worker));
  } finally {
    worker.terminate();
  }
}

/** Exports `scope` as a zip (built in a worker). */
export function exportBundle(scope: ExportScope, onProgress?: Progress, dbName?: string): Promise<ExportResult> {
  return withWorker((api) => api.exportBundle(scope, { dbName }, onProgress && proxy(onProgress)));
}

/** Imports a bundle zip, an MLflow model folder zip or a .onnx file (checked and written in a worker). */
export function importBundle(file: File, opts: { name?: string; dbName?: string } = {}, onProgress?: Progress): Promise<ImportResult> {
  return withWorker((api) => api.importBundle(file, file.name, opts, onProgress && proxy(onProgress)));
}
