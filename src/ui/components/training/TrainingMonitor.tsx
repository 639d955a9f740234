import { createMemo, For, Match, Show, Switch } from 'solid-js';
import type { ExperimentId } from '../../../core/ids';
import type { TrainingProgress } from '../../../workers/training-client';
import { client } from '../../client';
import { createLiveQuery } from '../../primitives/create-live-query';
import { dismissJob, stopTraining, trainingJob } from '../../training-job';
import { EmptyState } from '../EmptyState';
import { ProgressBar } from '../ProgressBar';
import { RunStatusBadge } from '../RunStatusBadge';
import { RunLiveView } from './RunLiveView';

/** "1 min 05 s", "12 s". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 60 ? `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
}

function TrainingProgressBar(props: { p: TrainingProgress | null; stopping: boolean }) {
  const label = () => {
    const p = props.p;
    if (props.stopping) return 'Stopping after this batch…';
    if (!p) return 'Preparing data and backend…';
    if (p.phase === 'saving') return 'Saving the model…';
    const eta = p.etaMs === null ? 'estimating time left' : `about ${formatDuration(p.etaMs)} left`;
    const trial = p.trial ? `Trial ${p.trial.index + 1} of ${p.trial.count} · ` : '';
    return `${trial}Epoch ${Math.min(p.epoch + 1, p.epochs)} of ${p.epochs} · ${Math.round(p.fraction * 100)}% · ${eta}`;
  };
  return (
    <div class="train-progress">
      <ProgressBar label={label()} name="Training progress" fraction={props.p?.fraction}
        status={props.p ? `${formatDuration(props.p.elapsedMs)} elapsed` : ''} />
    </div>
  );
}

/** The child runs of a sweep, live, with their status and validation metric. */
function SweepTrials(props: { parentRunId: string; experimentId: ExperimentId; metric?: string; best?: string | null }) {
  const trials = createLiveQuery(() => props.parentRunId, (id) =>
    client.searchRuns([props.experimentId], { filter: `tags.mlflow.parentRunId = '${id}'`, orderBy: ['attributes.start_time ASC'] }));
  const value = (r: { data: { metrics: { key: string; value: number }[] } }, key: string) => r.data.metrics.find((m) => m.key === key)?.value;
  return (
    <div class="table-wrap">
      <table class="table table-compact">
        <caption class="visually-hidden">Sweep trials</caption>
        <thead><tr><th scope="col">Trial run</th><th scope="col">Status</th><th scope="col">val_accuracy / val_loss</th></tr></thead>
        <tbody>
          <For each={trials()?.items ?? []}>
            {(r) => (
              <tr classList={{ 'row-best': r.info.runId === props.best }}>
                <td>{r.info.runName}{r.info.runId === props.best ? ' ★ best' : ''}</td>
                <td><RunStatusBadge status={r.info.status} /></td>
                <td class="mono">{[value(r, 'val_accuracy'), value(r, 'val_loss')].map((v) => (v === undefined ? '–' : v.toPrecision(3))).join(' / ')}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

/** ` <name>` of a run, live. */
function RunName(props: { runId: string }) {
  const run = createLiveQuery(() => props.runId, (id) => client.getRun(id));
  return <Show when={run()}>{(r) => <> <b>{r().info.runName}</b></>}</Show>;
}

/** The newest run the trainer logged to this experiment (from any tab), to show when this tab trains nothing. */
function createLatestTrainerRun(experimentId: () => ExperimentId | null) {
  return createLiveQuery(experimentId, async (id) => {
    if (id === null) return null;
    const page = await client.searchRuns([id], { filter: "tags.`mlflow.source.name` = 'Flowpad trainer'", orderBy: ['attributes.start_time DESC'], maxResults: 20 });
    return page.items.find((r) => !r.data.tags.some((t) => t.key === 'mlflow.parentRunId')) ?? page.items[0] ?? null;
  });
}

/** Which run the monitor charts, and its heading. */
interface Shown {
  runId: string;
  heading: string;
}

/**
 * The right-hand panel: the job's progress, Stop, live charts, and how the job ended.
 *
 * The run's live view sits outside the phase switch, keyed by run ID only: when a run ends (running → done) or
 * its result is dismissed, the same charts stay mounted with their points, instead of a new view whose charts
 * start empty and flash "Waiting for the first points…" until their first query answers.
 */
export function TrainingMonitor(props: { experimentId: ExperimentId }) {
  const job = trainingJob;
  const idle = () => job().phase === 'idle' || job().phase === 'refused';
  // Not subscribed while training here (every metric flush would re-run this search), but already once a job is
  // done, so that dismissing it does not blank the view while the search answers.
  const latest = createLatestTrainerRun(() => (job().phase === 'running' ? null : props.experimentId));
  const shown = createMemo((): Shown | null => {
    const j = job();
    if (j.phase === 'running') return j.progress ? { runId: j.progress.runId, heading: j.kind === 'sweep' ? 'Current trial' : 'Training' } : null;
    if (j.phase === 'done') {
      const o = j.outcome;
      if ('parentRunId' in o) return o.bestRunId ? { runId: o.bestRunId, heading: `Best trial by ${o.metricKey}` } : null;
      return { runId: o.runId, heading: 'Training run' };
    }
    const run = latest();
    return run ? { runId: run.info.runId, heading: run.info.status === 'RUNNING' ? 'Running (started elsewhere)' : 'Latest training run' } : null;
  });
  const runId = createMemo(() => shown()?.runId ?? null);
  const sweep = createMemo(() => {
    const j = job();
    if (j.phase === 'running') return j.progress?.parentRunId ? { parentRunId: j.progress.parentRunId, experimentId: j.experimentId, best: null } : null;
    if (j.phase === 'done' && 'parentRunId' in j.outcome) return { parentRunId: j.outcome.parentRunId, experimentId: j.experimentId, best: j.outcome.bestRunId };
    return null;
  });
  return (
    <div class="monitor">
      <Switch>
        <Match when={job().phase === 'running' ? job() as Extract<ReturnType<typeof job>, { phase: 'running' }> : null}>
          {(j) => (
            <div class="monitor-bar">
              <TrainingProgressBar p={j().progress} stopping={j().stopping} />
              <button type="button" class="button button-danger-quiet" onClick={() => void stopTraining()} disabled={j().stopping}>Stop</button>
            </div>
          )}
        </Match>
        <Match when={job().phase === 'refused' ? job() as Extract<ReturnType<typeof job>, { phase: 'refused' }> : null}>
          {(j) => <div class="banner banner-error" role="alert"><b>Could not start {j().kind === 'sweep' ? 'the sweep' : 'training'}.</b> {j().message}</div>}
        </Match>
        <Match when={job().phase === 'done' ? job() as Extract<ReturnType<typeof job>, { phase: 'done' }> : null}>
          {(j) => {
            const o = j().outcome;
            const sweep = 'parentRunId' in o ? o : null;
            const run = 'runId' in o ? o : null;
            return (
              <div class="monitor-done">
                <p>
                  {sweep ? <>Sweep {sweep.status === 'FINISHED' ? 'finished' : sweep.status === 'KILLED' ? 'stopped' : 'failed'}: {sweep.trials.length} trial runs under one parent run<RunName runId={sweep.parentRunId} />.</>
                    : run!.status === 'FINISHED' ? 'Training finished; the model is logged as the run\'s model/ artifact.'
                    : run!.status === 'KILLED' ? 'Training stopped. The run is marked KILLED and no model was logged.'
                    // The run's card below shows the message (it is the run's note), so it is not repeated here.
                    : 'Training failed. The run is marked FAILED and no model was logged; its note below says why.'}
                </p>
                <button type="button" class="button" onClick={dismissJob}>Dismiss</button>
              </div>
            );
          }}
        </Match>
      </Switch>
      <Show when={sweep()?.parentRunId} keyed>
        {(parentRunId) => <SweepTrials parentRunId={parentRunId} experimentId={sweep()?.experimentId ?? props.experimentId} best={sweep()?.best} />}
      </Show>
      <Show when={runId()} keyed fallback={
        <Show when={idle() && !latest.loading()}>
          <EmptyState title="No training runs yet">Choose a task and press Train. Loss and accuracy are charted live while the model trains in a background worker.</EmptyState>
        </Show>
      }>
        {(id) => <RunLiveView runId={id} heading={shown()?.heading} />}
      </Show>
    </div>
  );
}
