/**
 * The training worker: TF.js lives here and only here (the main thread never imports it). It writes runs,
 * params, metrics and model artifacts through its own tracking client on the same IndexedDB; Dexie broadcasts
 * each commit, so open pages (and other tabs) update through their live queries, not through messages.
 */
import '@tensorflow/tfjs-backend-webgpu';
import '../models/flavors/tfjs/wasm-backend';
import '../models/flavors/tfjs/wasm-conv-grad';
import { expose, type ProxyOrClone } from 'comlink';
import { MlflowError } from '../core/errors';
import { probeBackends, type BackendProbe } from '../models/flavors/tfjs/backends';
import { tfjsTrainer } from '../models/flavors/tfjs/trainer';
import { openTracking } from '../tracking';
import { inspectCsv, type CsvInspection } from '../training/dataset';
import { sweepJob, trainJob, type JobHooks, type SweepOutcome } from '../training/jobs';
import type { RunOutcome, TrainingProgress } from '../training/run-training';
import type { TrainingRequest } from '../training/spec';
import type { SweepSpec } from '../training/sweep';
import { installErrorHandler } from './error-handler';

installErrorHandler();

/** Metric points reach IndexedDB (and so the open charts) within this time. */
const FLUSH_INTERVAL_MS = 50;

let client = openTracking({ flushIntervalMs: FLUSH_INTERVAL_MS });
let running = false;
let stopRequested = false;

async function loadDemo(file: string): Promise<string> {
  const url = new URL(`${import.meta.env.BASE_URL}datasets/${file}`, self.location.href);
  const res = await fetch(url);
  if (!res.ok) throw new MlflowError('RESOURCE_DOES_NOT_EXIST', `The demo dataset ${file} could not be read (HTTP ${res.status}).`);
  return res.text();
}

async function exclusive<T>(onProgress: ProxyOrClone<(p: TrainingProgress) => void> | undefined, job: (hooks: JobHooks) => Promise<T>): Promise<T> {
  if (running) throw new MlflowError('INVALID_STATE', 'A training job is already running in this tab; stop it or wait for it to finish.');
  running = true;
  stopRequested = false;
  try {
    return await job({ loadDemo, stopped: () => stopRequested, onProgress: onProgress ? (p) => void onProgress(p) : undefined });
  } finally {
    running = false;
  }
}

const api = {
  /** Column kinds and the suggested target of a CSV; INVALID_PARAMETER_VALUE with a plain message if unusable. */
  inspectCsv(text: string, name: string): CsvInspection {
    return inspectCsv(text, name).inspection;
  },
  /** What each TF.js backend can do in this browser. */
  probeBackends(): Promise<BackendProbe[]> {
    return probeBackends();
  },
  /** Trains one run; resolves when it ended (FINISHED, KILLED or FAILED). */
  train(request: TrainingRequest, onProgress?: (p: TrainingProgress) => void): Promise<RunOutcome> {
    return exclusive(onProgress, (hooks) => trainJob(client, tfjsTrainer, request, hooks));
  },
  /** Runs a sweep of child runs under one parent run. */
  sweep(request: TrainingRequest, spec: SweepSpec, onProgress?: (p: TrainingProgress) => void): Promise<SweepOutcome> {
    return exclusive(onProgress, (hooks) => sweepJob(client, tfjsTrainer, request, spec, hooks));
  },
  /** Switches to another IndexedDB database (benchmarks and tests; the app uses the default one). */
  async useDatabase(dbName: string): Promise<void> {
    if (running) throw new MlflowError('INVALID_STATE', 'Cannot switch databases while a job runs.');
    await client.close();
    client = openTracking({ dbName, flushIntervalMs: FLUSH_INTERVAL_MS });
  },
  /** Asks the running job to stop after its current batch. */
  stop(): void {
    if (running) stopRequested = true;
  },
};

/** The worker's API, for `wrap<TrainingWorkerApi>` in the typed client. */
export type TrainingWorkerApi = typeof api;

expose(api);
