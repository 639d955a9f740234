/**
 * One tracked training run: create the run, log params, tags and the dataset, train while logging per-batch
 * and per-epoch metrics, log the model, and end the run FINISHED — or KILLED when stopped (no model), or
 * FAILED with the error in `mlflow.note.content`.
 *
 * Metric names follow MLflow's Keras autologging: epoch metrics `loss`, `accuracy`|`mae`, `val_loss`,
 * `val_accuracy`|`val_mae` at step = epoch (from 0); per-batch `batch_loss`, `batch_accuracy`|`batch_mae` at
 * step = batches seen so far (from 0).
 */
import type { ErrorCode } from '../core/errors';
import type { RunId } from '../core/ids';
import type { FitCallbacks, TrainJob, TrainOutput, Trainer } from '../models/flavors/tfjs/trainer';
import type { BackendName } from '../models/flavors/tfjs/options';
import type { Metric, RunStatus, TrackingClient } from '../tracking';
import type { LoadedData } from './load';
import { logModelFolder, modelFolderOptions } from './model-logging';
import { paramsToLog, type HyperParams, type TrainingRequest } from './spec';

/** Run tags written by the trainer. */
export const BACKEND_TAG = 'flowpad.tfjs.backend';
export const BACKEND_REASON_TAG = 'flowpad.tfjs.backend_reason';
export const NOTE_TAG = 'mlflow.note.content';

/** What the UI shows while a job runs; sent at most every PROGRESS_INTERVAL_MS and at each epoch end. */
export interface TrainingProgress {
  runId: RunId;
  /** Sweeps: the parent run and this trial's position. */
  parentRunId?: RunId;
  trial?: { index: number; count: number };
  phase: 'training' | 'saving';
  epoch: number;
  epochs: number;
  samplesDone: number;
  samplesTotal: number;
  /** Of the whole job (a sweep counts all its trials), in [0, 1]. */
  fraction: number;
  elapsedMs: number;
  /** Estimated time left for the whole job, or null before there is anything to go by. */
  etaMs: number | null;
  loss: number | null;
  metric: number | null;
}

/** Least time between two progress reports of a run, ms (epoch ends are always reported). */
export const PROGRESS_INTERVAL_MS = 100;

export interface RunOutcome {
  runId: RunId;
  status: RunStatus;
  /** Final epoch metrics by MLflow key (empty when killed before an epoch ended). */
  metrics: Record<string, number>;
  params: HyperParams;
  error?: { code: ErrorCode | 'INTERNAL_ERROR'; message: string };
  /** Trainer throughput, samples per second of wall time inside the training loop. */
  samplesPerSecond: number;
}

/** Shared by every run of a job. */
export interface JobContext {
  client: TrackingClient;
  trainer: Trainer;
  request: TrainingRequest;
  data: LoadedData;
  backend: { backend: BackendName; reason: string };
  /** True once the user pressed Stop. */
  stopped(): boolean;
  onProgress?(p: TrainingProgress): void;
  /** Job start (ms) and the share of the job before this run, for ETA and the overall fraction. */
  startedAt: number;
  trial?: { index: number; count: number };
  parentRunId?: RunId;
  /** Extra tags/params for this run (sweep trials). */
  runName?: string;
}

/** `accuracy` for classification, `mae` for regression. */
export const metricNameOf = (task: 'classification' | 'regression'): string => (task === 'classification' ? 'accuracy' : 'mae');

const plain = (e: unknown): { code: ErrorCode | 'INTERNAL_ERROR'; message: string } => {
  const err = e as { code?: ErrorCode; message?: string };
  return { code: err?.code ?? 'INTERNAL_ERROR', message: err?.message ?? String(e) };
};

function epochMetrics(m: string, e: { loss: number; metric: number; valLoss: number | null; valMetric: number | null }): Record<string, number> {
  const out: Record<string, number> = { loss: e.loss, [m]: e.metric };
  if (e.valLoss !== null) out.val_loss = e.valLoss;
  if (e.valMetric !== null) out[`val_${m}`] = e.valMetric;
  return out;
}

async function startRun(job: JobContext): Promise<RunId> {
  const run = await job.client.createRun(job.request.experimentId, {
    runName: job.runName ?? job.request.runName,
    parentRunId: job.parentRunId,
    tags: {
      'mlflow.source.type': 'LOCAL',
      'mlflow.source.name': 'Flowpad trainer',
      [BACKEND_TAG]: job.backend.backend,
      [BACKEND_REASON_TAG]: job.backend.reason,
    },
  });
  return run.info.runId;
}

/** Hyperparameters (plus dataset, target and task type) as params, and the dataset as the run's input. */
async function logRunInputs(job: JobContext, runId: RunId, params: HyperParams): Promise<void> {
  const { client, data } = job;
  const p = data.prepared;
  const logged = { ...paramsToLog(params, p.inputKind === 'image'), dataset: data.name, target: p.target, task_type: p.task };
  await client.logBatch(runId, { params: Object.entries(logged).map(([key, value]) => ({ key, value })) });
  await client.logInputs(runId, [data.datasetInput]);
}

type Report = (phase: TrainingProgress['phase'], epoch: number, samplesDone: number, loss: number | null, metric: number | null, force?: boolean) => void;

/** A progress reporter for one run, throttled to PROGRESS_INTERVAL_MS unless forced. */
function progressReporter(job: JobContext, runId: RunId, params: HyperParams): Report {
  const samplesTotal = job.data.prepared.nTrain * params.epochs;
  const count = job.trial?.count ?? 1;
  const before = job.trial?.index ?? 0;
  let lastSent = 0;
  return (phase, epoch, samplesDone, loss, metric, force = false) => {
    const now = Date.now();
    if (!job.onProgress || (!force && now - lastSent < PROGRESS_INTERVAL_MS)) return;
    lastSent = now;
    const fraction = Math.min(1, (before + samplesDone / samplesTotal) / count);
    const elapsedMs = now - job.startedAt;
    const etaMs = fraction > 0.01 ? (elapsedMs / fraction) * (1 - fraction) : null;
    job.onProgress({ runId, parentRunId: job.parentRunId, trial: job.trial, phase, epoch, epochs: params.epochs,
      samplesDone, samplesTotal, fraction, elapsedMs, etaMs, loss, metric });
  };
}

/** What the trainer gets: the model and fit settings from the hyperparameters, the data, the folder to save. */
function trainJobOf(job: JobContext, runId: RunId, params: HyperParams): TrainJob {
  const p = job.data.prepared;
  return {
    model: {
      task: p.task, sampleShape: p.sampleShape, outputs: p.classes?.length ?? 1, hiddenUnits: params.hidden_units,
      activation: params.activation, dropout: params.dropout, convFilters: p.inputKind === 'image' ? params.conv_filters : 0,
      optimizer: params.optimizer, learningRate: params.learning_rate, seed: params.seed,
    },
    data: p,
    fit: { epochs: params.epochs, batchSize: params.batch_size, seed: params.seed, task: p.task },
    shift: p.shift,
    scale: p.scale,
    folder: modelFolderOptions(runId, job.data),
  };
}

/**
 * The trainer's callbacks: each batch's and epoch's metrics go to `logBatch` in order (buffered by the client,
 * so a batch costs no database write); an epoch end waits for its points to be accepted.
 */
function metricCallbacks(job: JobContext, runId: RunId, report: Report) {
  const p = job.data.prepared;
  const m = metricNameOf(p.task);
  const final: Record<string, number> = {};
  let pending: Promise<void> = Promise.resolve();
  const queue = (metrics: Metric[]) => void (pending = pending.then(() => job.client.logBatch(runId, { metrics })));
  const callbacks: FitCallbacks = {
    onBatchEnd: (b) => {
      const timestamp = Date.now();
      queue([{ key: 'batch_loss', value: b.loss, timestamp, step: b.step }, { key: `batch_${m}`, value: b.metric, timestamp, step: b.step }]);
      report('training', b.epoch, b.samplesDone, b.loss, b.metric);
    },
    onEpochEnd: async (e) => {
      const timestamp = Date.now();
      const em = epochMetrics(m, e);
      Object.assign(final, em);
      queue(Object.entries(em).map(([key, value]) => ({ key, value, timestamp, step: e.epoch })));
      await pending;
      report('training', e.epoch + 1, (e.epoch + 1) * p.nTrain, e.loss, e.metric, true);
    },
    shouldStop: job.stopped,
  };
  return { callbacks, final, drain: () => pending };
}

/** Trains one run inside a job. Never throws for a training error: the run ends FAILED and the outcome says why. */
export async function runTraining(job: JobContext, params: HyperParams): Promise<RunOutcome> {
  const { client } = job;
  const runId = await startRun(job);
  const report = progressReporter(job, runId, params);
  const { callbacks, final: metrics, drain } = metricCallbacks(job, runId, report);
  let output: TrainOutput | null = null;
  try {
    await logRunInputs(job, runId, params);
    report('training', 0, 0, null, null, true);
    output = await job.trainer.train(trainJobOf(job, runId, params), callbacks);
    await drain();
    if (output.result.stopped) {
      await client.setTerminated(runId, 'KILLED');
      return { runId, status: 'KILLED', metrics, params, samplesPerSecond: rate(output) };
    }
    // Every metric point is stored before the model: a full disk fails the run here, with no model logged.
    await client.flush();
    report('saving', params.epochs, job.data.prepared.nTrain * params.epochs, null, null, true);
    await logModelFolder(client, runId, output.files!);
    await client.setTerminated(runId, 'FINISHED');
    return { runId, status: 'FINISHED', metrics, params, samplesPerSecond: rate(output) };
  } catch (e) {
    const error = plain(e);
    await drain().catch(() => {});
    await client.setTag(runId, NOTE_TAG, `Training failed: ${error.message}`).catch(() => {});
    await client.setTerminated(runId, 'FAILED').catch(() => {});
    return { runId, status: 'FAILED', metrics, params, error, samplesPerSecond: output ? rate(output) : 0 };
  }
}

const rate = (o: TrainOutput): number => (o.result.trainMs > 0 ? (o.result.samplesDone * 1000) / o.result.trainMs : 0);
