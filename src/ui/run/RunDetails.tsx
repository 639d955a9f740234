/** The run's facts as MLflow's overview lists them: status, times, duration, user, source, parent, location. */
import { A } from '@solidjs/router';
import { createSignal, onCleanup, Show } from 'solid-js';
import { PARENT_RUN_TAG } from '../../tracking';
import type { Run } from '../../tracking/entities';
import { client } from '../client';
import { formatDuration } from '../charts/chart-options';
import { RunStatusBadge } from '../components/RunStatusBadge';
import { runHref } from '../components/RunLink';
import { Time } from '../components/Time';
import { createLiveQuery } from '../primitives/create-live-query';

const tag = (run: Run, key: string) => run.data.tags.find((t) => t.key === key)?.value;

/** Wall-clock time, ticking once a second while a run is running (display only: no data is polled). */
function createNow(active: () => boolean) {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => active() && setNow(Date.now()), 1000);
  onCleanup(() => clearInterval(timer));
  return now;
}

/** The Details card of the overview. */
export function RunDetails(props: { run: Run }) {
  const info = () => props.run.info;
  const running = () => info().status === 'RUNNING';
  const now = createNow(running);
  const duration = () => {
    const end = info().endTime ?? (running() ? now() : null);
    return end === null ? undefined : formatDuration((end - info().startTime) / 1000);
  };
  const parentId = () => tag(props.run, PARENT_RUN_TAG);
  const parent = createLiveQuery(parentId, (id) => (id ? client.getRun(id).catch(() => undefined) : Promise.resolve(undefined)));
  const source = () => tag(props.run, 'mlflow.source.name');
  const commit = () => tag(props.run, 'mlflow.source.git.commit');
  return (
    <section class="panel-card" aria-label="Details">
      <dl class="details">
        <div><dt>Status</dt><dd><RunStatusBadge status={info().status} /></dd></div>
        <div><dt>Started</dt><dd><Time ms={info().startTime} /></dd></div>
        <div><dt>Ended</dt><dd><Show when={info().endTime} fallback={<span class="muted">{running() ? 'still running' : '—'}</span>}><Time ms={info().endTime} /></Show></dd></div>
        <div><dt>Duration</dt><dd>{duration() ?? '—'}</dd></div>
        <div><dt>Run ID</dt><dd class="mono">{info().runId}</dd></div>
        <div><dt>User</dt><dd>{info().userId || '—'}</dd></div>
        <div>
          <dt>Source</dt>
          <dd>
            <Show when={source()} fallback="—">
              <span class="mono" title={source()}>{source()}</span>
              <Show when={tag(props.run, 'mlflow.source.type')}>{(t) => <span class="muted"> ({t()})</span>}</Show>
            </Show>
            <Show when={commit()}>{(c) => <span class="mono muted" title={c()}> @ {c().slice(0, 8)}</span>}</Show>
          </dd>
        </div>
        <div>
          <dt>Parent run</dt>
          <dd>
            <Show when={parentId()} fallback="—">
              {(id) => <A href={runHref(parent()?.info.experimentId ?? info().experimentId, id())}>{parent()?.info.runName ?? id()}</A>}
            </Show>
          </dd>
        </div>
        <div class="wide"><dt>Artifact location</dt><dd class="mono">{info().artifactUri}</dd></div>
      </dl>
    </section>
  );
}
