/**
 * The main thread's handle on the training worker: one worker per tab, created on first use and kept while
 * the tab lives, so a job keeps running when the user leaves the training page. Only types come from the
 * worker module, so TF.js stays out of the main bundle.
 */
import { proxy, wrap, type Remote } from 'comlink';
import { MlflowError } from '../core/errors';
import type { BackendProbe } from '../models/flavors/tfjs/backends';
import type { CsvInspection } from '../training/dataset';
import type { SweepOutcome } from '../training/jobs';
import type { RunOutcome, TrainingProgress } from '../training/run-training';
import type { TrainingRequest } from '../training/spec';
import type { SweepSpec } from '../training/sweep';
import { installErrorHandler } from './error-handler';
import type { TrainingWorkerApi } from './training.worker';

export type { BackendProbe, CsvInspection, RunOutcome, SweepOutcome, TrainingProgress };

installErrorHandler();

let worker: Worker | null = null;
let remote: Remote<TrainingWorkerApi> | null = null;
/** Rejects every pending call when the worker dies (Comlink alone would leave them pending forever). */
let crashed: Promise<never> = new Promise(() => {});

function api(): Remote<TrainingWorkerApi> {
  if (remote) return remote;
  const w = new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module', name: 'flowpad-training' });
  crashed = new Promise<never>((_, reject) => {
    w.addEventListener('error', (e) => {
      e.preventDefault();
      worker = null;
      remote = null;
      reject(new MlflowError('INTERNAL_ERROR', `The training worker stopped: ${e.message || 'it failed to load'}.`));
    });
  });
  crashed.catch(() => {});
  worker = w;
  remote = wrap<TrainingWorkerApi>(w);
  return remote;
}

const call = <T>(p: Promise<T>): Promise<T> => Promise.race([p, crashed]);

/** Typed, promise-returning calls into the training worker. Errors keep their MLflow `code`. */
export const trainingWorker = {
  inspectCsv: (text: string, name: string): Promise<CsvInspection> => call(api().inspectCsv(text, name)),
  probeBackends: (): Promise<BackendProbe[]> => call(api().probeBackends()),
  train: (request: TrainingRequest, onProgress: (p: TrainingProgress) => void): Promise<RunOutcome> =>
    call(api().train(request, proxy(onProgress))),
  sweep: (request: TrainingRequest, spec: SweepSpec, onProgress: (p: TrainingProgress) => void): Promise<SweepOutcome> =>
    call(api().sweep(request, spec, proxy(onProgress))),
  stop: (): Promise<void> => call(api().stop()),
  useDatabase: (dbName: string): Promise<void> => call(api().useDatabase(dbName)),
  /** Ends the worker (a running job's run stays RUNNING). For tests and benchmarks. */
  terminate(): void {
    worker?.terminate();
    worker = null;
    remote = null;
  },
};
