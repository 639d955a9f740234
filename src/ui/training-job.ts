/**
 * The tab's training job as view state: which job runs, its latest progress, and how it ended. It lives at
 * module level so a job keeps reporting while the user visits other pages. Runs, params and metrics are not
 * copied here: pages read them from IndexedDB through live queries.
 */
import { createSignal } from 'solid-js';
import type { ExperimentId } from '../core/ids';
import type { TrainingRequest } from '../training/spec';
import type { SweepSpec } from '../training/sweep';
import { trainingWorker, type RunOutcome, type SweepOutcome, type TrainingProgress } from '../workers/training-client';

export type JobKind = 'run' | 'sweep';

export type JobState =
  | { phase: 'idle' }
  | { phase: 'running'; kind: JobKind; experimentId: ExperimentId; progress: TrainingProgress | null; stopping: boolean }
  | { phase: 'done'; kind: 'run'; experimentId: ExperimentId; outcome: RunOutcome }
  | { phase: 'done'; kind: 'sweep'; experimentId: ExperimentId; outcome: SweepOutcome }
  /** Refused before any run existed (unusable data, bad params, missing backend). */
  | { phase: 'refused'; kind: JobKind; message: string };

const [job, setJob] = createSignal<JobState>({ phase: 'idle' });

/** The current job, reactive. */
export const trainingJob = job;

const message = (e: unknown): string => (e as { message?: string })?.message ?? String(e);

function onProgress(p: TrainingProgress): void {
  setJob((s) => (s.phase === 'running' ? { ...s, progress: p } : s));
}

/** Starts one training run in the worker. */
export async function startTraining(request: TrainingRequest): Promise<void> {
  setJob({ phase: 'running', kind: 'run', experimentId: request.experimentId, progress: null, stopping: false });
  try {
    const outcome = await trainingWorker.train(request, onProgress);
    setJob({ phase: 'done', kind: 'run', experimentId: request.experimentId, outcome });
  } catch (e) {
    setJob({ phase: 'refused', kind: 'run', message: message(e) });
  }
}

/** Starts a sweep (a parent run with one child run per trial) in the worker. */
export async function startSweep(request: TrainingRequest, spec: SweepSpec): Promise<void> {
  setJob({ phase: 'running', kind: 'sweep', experimentId: request.experimentId, progress: null, stopping: false });
  try {
    const outcome = await trainingWorker.sweep(request, spec, onProgress);
    setJob({ phase: 'done', kind: 'sweep', experimentId: request.experimentId, outcome });
  } catch (e) {
    setJob({ phase: 'refused', kind: 'sweep', message: message(e) });
  }
}

/** Asks the running job to stop after its current batch; the run ends KILLED. */
export async function stopTraining(): Promise<void> {
  setJob((s) => (s.phase === 'running' ? { ...s, stopping: true } : s));
  await trainingWorker.stop();
}

/** Clears a finished or refused job from view. */
export function dismissJob(): void {
  if (job().phase !== 'running') setJob({ phase: 'idle' });
}
