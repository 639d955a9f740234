/**
 * Training jobs as the worker runs them: a single run, or a sweep — a parent run whose trials run one after
 * another as child runs (`mlflow.parentRunId`), after which the parent logs the best trial's metrics and params
 * and a `best_run` tag (as MLflow's hyperparameter-search example does).
 *
 * Bad input (unusable data, out-of-range params, an unavailable backend) throws before any run exists;
 * failures after that end the run FAILED instead.
 */
import type { RunId } from '../core/ids';
import type { Trainer } from '../models/flavors/tfjs/trainer';
import type { RunStatus, TrackingClient } from '../tracking';
import { loadData, type DemoLoader, type LoadedData } from './load';
import { BACKEND_REASON_TAG, BACKEND_TAG, metricNameOf, NOTE_TAG, runTraining, type JobContext, type RunOutcome, type TrainingProgress } from './run-training';
import { paramsToLog, validateParams, type HyperParams, type TrainingRequest } from './spec';
import { expandSweep, type SweepSpec } from './sweep';

export interface JobHooks {
  loadDemo: DemoLoader;
  onProgress?(p: TrainingProgress): void;
  /** True once the user pressed Stop. */
  stopped(): boolean;
}

async function prepareJob(
  client: TrackingClient, trainer: Trainer, request: TrainingRequest, hooks: JobHooks, params: HyperParams, anyConv = params.conv_filters > 0,
): Promise<JobContext> {
  const data = await loadData(request.data, params, hooks.loadDemo);
  const backend = await trainer.selectBackend(request.backend, { conv: data.prepared.inputKind === 'image' && anyConv });
  return { client, trainer, request, data, backend, stopped: hooks.stopped, onProgress: hooks.onProgress, startedAt: Date.now() };
}

/** Trains one run. Resolves with its outcome (FINISHED, KILLED or FAILED). */
export async function trainJob(client: TrackingClient, trainer: Trainer, request: TrainingRequest, hooks: JobHooks): Promise<RunOutcome> {
  const params = validateParams(request.params);
  return runTraining(await prepareJob(client, trainer, request, hooks, params), params);
}

export interface SweepOutcome {
  parentRunId: RunId;
  status: RunStatus;
  trials: RunOutcome[];
  bestRunId: RunId | null;
  /** The metric trials are ranked by: `val_accuracy` (higher is better) or `val_loss` (lower is better). */
  metricKey: string;
}

/** The better of two finished trials by the sweep metric (ties: lower val_loss). */
function better(a: RunOutcome, b: RunOutcome, key: string, higher: boolean): RunOutcome {
  const va = a.metrics[key] ?? NaN;
  const vb = b.metrics[key] ?? NaN;
  if (Number.isNaN(vb)) return a;
  if (Number.isNaN(va)) return b;
  if (va !== vb) return (higher ? vb > va : vb < va) ? b : a;
  return (b.metrics.val_loss ?? Infinity) < (a.metrics.val_loss ?? Infinity) ? b : a;
}

async function createParent(job: JobContext, sweep: SweepSpec, trials: number, metricKey: string, data: LoadedData) {
  const { client, request } = job;
  const parent = await client.createRun(request.experimentId, {
    runName: request.runName,
    tags: { 'mlflow.source.type': 'LOCAL', 'mlflow.source.name': 'Flowpad trainer', [BACKEND_TAG]: job.backend.backend,
      [BACKEND_REASON_TAG]: job.backend.reason },
  });
  const swept = new Set<string>(sweep.dims.map((d) => d.key));
  if (swept.has('hidden_units')) swept.add('hidden_layers');
  const fixed = Object.entries(paramsToLog(request.params, data.prepared.inputKind === 'image')).filter(([k]) => !swept.has(k));
  const params = [...fixed, ['sweep_mode', sweep.mode], ['sweep_trials', String(trials)], ['sweep_metric', metricKey],
    ['dataset', data.name], ['target', data.prepared.target], ['task_type', data.prepared.task]];
  await client.logBatch(parent.info.runId, { params: params.map(([key, value]) => ({ key, value })) });
  await client.logInputs(parent.info.runId, [data.datasetInput]);
  return { parent, swept };
}

/** Runs a sweep. Stop kills the running trial, skips the rest and ends the parent KILLED. */
export async function sweepJob(
  client: TrackingClient, trainer: Trainer, request: TrainingRequest, sweep: SweepSpec, hooks: JobHooks,
): Promise<SweepOutcome> {
  const base = validateParams(request.params);
  const trials = expandSweep(base, sweep);
  const job = await prepareJob(client, trainer, request, hooks, base, trials.some((t) => t.params.conv_filters > 0));
  const metricKey = job.data.prepared.task === 'classification' ? `val_${metricNameOf('classification')}` : 'val_loss';
  const higher = metricKey !== 'val_loss';
  const { parent, swept } = await createParent(job, sweep, trials.length, metricKey, job.data);
  const parentRunId = parent.info.runId;
  const outcomes: RunOutcome[] = [];
  for (const t of trials) {
    if (hooks.stopped()) break;
    const name = `${parent.info.runName}-${t.index + 1}`;
    outcomes.push(await runTraining({ ...job, parentRunId, trial: { index: t.index, count: trials.length }, runName: name }, t.params));
  }
  const done = outcomes.filter((o) => o.status === 'FINISHED');
  const best = done.length ? done.reduce((a, b) => better(a, b, metricKey, higher)) : null;
  if (best) {
    const logged = paramsToLog(best.params, job.data.prepared.inputKind === 'image');
    const timestamp = Date.now();
    await client.logBatch(parentRunId, {
      params: Object.entries(logged).filter(([k]) => swept.has(k)).map(([key, value]) => ({ key, value })),
      metrics: Object.entries(best.metrics).map(([key, value]) => ({ key, value, timestamp, step: 0 })),
      tags: [{ key: 'best_run', value: best.runId }],
    });
  }
  let status: RunStatus = hooks.stopped() ? 'KILLED' : 'FINISHED';
  if (status === 'FINISHED' && !best) {
    status = 'FAILED';
    const first = outcomes.find((o) => o.error)?.error?.message ?? 'no trial finished';
    await client.setTag(parentRunId, NOTE_TAG, `Every trial failed. First error: ${first}`);
  }
  await client.setTerminated(parentRunId, status);
  return { parentRunId, status, trials: outcomes, bestRunId: best?.runId ?? null, metricKey };
}
