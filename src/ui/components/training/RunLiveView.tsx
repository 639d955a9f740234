import { A } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import type { Run } from '../../../tracking/entities';
import { LiveMetricChart } from '../../charts/LiveMetricChart';
import { client } from '../../client';
import { createLiveQuery } from '../../primitives/create-live-query';
import { RunStatusBadge } from '../RunStatusBadge';

const TRAIN = '#1f6feb';
const VAL = '#d1670b';

/** The run page (`#/experiments/:id/runs/:runId`). */
export const runPageHref = (run: Run): string => `/experiments/${run.info.experimentId}/runs/${run.info.runId}`;

const tag = (run: Run, key: string) => run.data.tags.find((t) => t.key === key)?.value;
const param = (run: Run, key: string) => run.data.params.find((p) => p.key === key)?.value;
const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(1) : v.toPrecision(3));

/** Metrics shown as the run's summary, in this order when present. */
const SUMMARY = ['val_accuracy', 'accuracy', 'val_mae', 'mae', 'val_loss', 'loss'];

/**
 * One run's live view: name, status, backend, latest metrics, and charts of its epoch and batch metrics. All of
 * it is read from IndexedDB, so it works the same for a run trained in this tab, another tab or a worker.
 */
export function RunLiveView(props: { runId: string; heading?: string }) {
  const run = createLiveQuery(() => props.runId, (id) => client.getRun(id));
  const metric = createMemo(() => (run() && param(run()!, 'task_type') === 'regression' ? 'mae' : 'accuracy'));
  const summary = createMemo(() => {
    const r = run();
    if (!r) return [];
    const byKey = new Map(r.data.metrics.map((m) => [m.key, m.value]));
    return SUMMARY.filter((k) => byKey.has(k)).slice(0, 4).map((k) => [k, byKey.get(k)!] as const);
  });
  return (
    <section class="run-live" aria-label={`Run ${run()?.info.runName ?? ''}`} data-run-id={props.runId}>
      <Show when={run()} fallback={<p class="muted">{run.error()?.message ?? 'Loading run…'}</p>}>
        {(r) => (
          <>
            <header class="run-live-header">
              <div>
                <Show when={props.heading}><p class="eyebrow">{props.heading}</p></Show>
                <h2 class="run-live-name">
                  {r().info.runName} <RunStatusBadge status={r().info.status} />
                </h2>
                <p class="muted run-live-meta">
                  {param(r(), 'dataset')} · {param(r(), 'task_type')} · backend <code>{tag(r(), 'flowpad.tfjs.backend') ?? '?'}</code>
                </p>
              </div>
              <A class="button" href={runPageHref(r())}>Open run</A>
            </header>
            <Show when={summary().length > 0}>
              <dl class="metric-tiles">
                <For each={summary()}>{([k, v]) => <div><dt>{k}</dt><dd class="mono">{fmt(v)}</dd></div>}</For>
              </dl>
            </Show>
            <Show when={r().info.status === 'FAILED' && tag(r(), 'mlflow.note.content')}>
              {(note) => <p class="banner banner-error" role="alert">{note()}</p>}
            </Show>
          </>
        )}
      </Show>
      <div class="train-chart-grid">
        <LiveMetricChart runId={props.runId} title="Loss per epoch" xLabel="epoch" height={170}
          series={[{ key: 'loss', label: 'train', color: TRAIN }, { key: 'val_loss', label: 'validation', color: VAL, dashed: true }]} />
        <Show when={metric()} keyed>
          {(m) => (
            <LiveMetricChart runId={props.runId} title={m === 'accuracy' ? 'Accuracy per epoch' : 'Mean absolute error per epoch'} xLabel="epoch" height={170}
              series={[{ key: m, label: 'train', color: TRAIN }, { key: `val_${m}`, label: 'validation', color: VAL, dashed: true }]} />
          )}
        </Show>
      </div>
      <LiveMetricChart runId={props.runId} title="Loss per batch" xLabel="step" height={120} series={[{ key: 'batch_loss', label: 'batch loss', color: '#8250df' }]} />
    </section>
  );
}
