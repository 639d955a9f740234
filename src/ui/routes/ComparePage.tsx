/**
 * `#/compare?runs=<id>,<id>,…&view=charts|bar|scatter|parallel|contour|table`: the selected runs side by side.
 * Every choice (view, fields, chart settings) is a URL search param, so a comparison can be reloaded and shared.
 */
import { A, useSearchParams } from '@solidjs/router';
import { createMemo, For, Match, Show, Switch } from 'solid-js';
import { isMlflowError } from '../../tracking';
import type { Run } from '../../tracking/entities';
import { ChartControls, settingsFromParams, settingsToParams } from '../charts/ChartControls';
import { runColor } from '../charts/colors';
import { type ColoredRun, MetricChartGrid } from '../charts/MetricChartGrid';
import { sameStrings } from '../charts/chart-state';
import { client } from '../client';
import { EmptyState } from '../components/EmptyState';
import { RunLink } from '../components/RunLink';
import { keysOf } from '../compare/compare-data';
import { CompareTable } from '../compare/CompareTable';
import { BarView, ContourView, ParallelView, ScatterView } from '../compare/CompareViews';
import { createDocumentTitle } from '../primitives/create-document-title';
import { createLiveQuery } from '../primitives/create-live-query';
import './run-compare.css';

const VIEWS = [
  { id: 'charts', label: 'Line charts' },
  { id: 'bar', label: 'Bar chart' },
  { id: 'scatter', label: 'Scatter' },
  { id: 'parallel', label: 'Parallel coordinates' },
  { id: 'contour', label: 'Contour' },
  { id: 'table', label: 'Table' },
] as const;

/** Runs of the URL, in URL order; an unknown id is null (shown as a warning, not an error page). */
async function loadRuns(ids: string[]): Promise<(Run | null)[]> {
  return Promise.all(ids.map((id) => client.getRun(id).catch((e) => (isMlflowError(e) && e.code === 'RESOURCE_DOES_NOT_EXIST' ? null : Promise.reject(e)))));
}

/** The compare page (see the module comment). */
export function ComparePage() {
  const [sp, setSp] = useSearchParams<Record<string, string>>();
  const ids = createMemo(() => [...new Set((sp.runs ?? '').split(',').map((s) => s.trim()).filter(Boolean))], [], { equals: sameStrings });
  const loaded = createLiveQuery(ids, loadRuns);
  const runs = createMemo<ColoredRun[]>(() => (loaded() ?? []).flatMap((run, i) => (run ? [{ run, color: runColor(i) }] : [])));
  const missing = () => (loaded() ?? []).map((r, i) => (r ? null : ids()[i])).filter((x): x is string => x !== null);
  const experiments = createLiveQuery(
    () => [...new Set(runs().map((r) => r.run.info.experimentId))].join(','),
    async (list) => Promise.all(list.split(',').filter(Boolean).map((id) => client.getExperiment(id).catch(() => null))),
  );
  const view = () => VIEWS.find((v) => v.id === sp.view)?.id ?? 'charts';
  const settings = createMemo(() => settingsFromParams(sp), undefined, {
    equals: (a, b) => a.xAxis === b.xAxis && a.logY === b.logY && a.smoothing === b.smoothing,
  });
  const set = (patch: Record<string, string | undefined>) => setSp(patch, { replace: true });
  const hrefFor = (v: string) => {
    const q = new URLSearchParams();
    for (const [k, val] of Object.entries(sp)) if (typeof val === 'string' && k !== 'view') q.set(k, val);
    if (v !== 'charts') q.set('view', v);
    return `/compare?${q.toString().replace(/%2C/g, ',')}`;
  };
  createDocumentTitle(() => `Compare ${runs().length} runs`);

  return (
    <>
      <nav class="breadcrumbs" aria-label="Breadcrumb">
        <A href="/">Experiments</A>
        <span aria-hidden="true">/</span>
      </nav>
      <div class="page-header">
        <div>
          <h1>Compare runs</h1>
          <p class="subtitle">
            <Show when={loaded()} fallback="Loading runs…">
              Comparing {runs().length} run{runs().length === 1 ? '' : 's'}
              <Show when={(experiments() ?? []).filter(Boolean).length > 0}>
                {' '}from {(experiments() ?? []).filter(Boolean).map((e) => e!.name).join(', ')}
              </Show>
            </Show>
          </p>
        </div>
      </div>
      <Show when={missing().length > 0}>
        <p class="banner banner-warning" role="status">
          {missing().length} run{missing().length === 1 ? ' was' : 's were'} not found in this browser: <span class="mono">{missing().join(', ')}</span>
        </p>
      </Show>
      <Switch>
        <Match when={ids().length === 0}>
          <EmptyState title="No runs selected" action={<A href="/" class="button button-primary">Go to experiments</A>}>
            Select runs in an experiment's table and press Compare, or open #/compare?runs=id1,id2.
          </EmptyState>
        </Match>
        <Match when={loaded.error()}>{(e) => <p class="banner banner-error" role="alert">Could not load the runs: {e().message}</p>}</Match>
        <Match when={loaded() && runs().length > 0}>
          <ul class="run-chips" aria-label="Compared runs">
            <For each={runs()}>
              {(c) => (
                <li>
                  <span class="swatch" style={{ background: c.color }} />
                  <RunLink run={c.run} />
                </li>
              )}
            </For>
          </ul>
          <nav class="tabs" aria-label="Compare views">
            <For each={VIEWS}>
              {(v) => <A href={hrefFor(v.id)} class="tab" classList={{ active: view() === v.id }} aria-current={view() === v.id ? 'page' : undefined}>{v.label}</A>}
            </For>
          </nav>
          <Switch>
            <Match when={view() === 'charts'}>
              <ChartControls settings={settings()} onChange={(p) => set(settingsToParams(p))} />
              <MetricChartGrid runs={runs()} keys={keysOf(runs().map((r) => r.run), 'metric')} settings={settings()} />
            </Match>
            <Match when={view() === 'bar'}><BarView runs={runs()} params={sp} set={set} /></Match>
            <Match when={view() === 'scatter'}><ScatterView runs={runs()} params={sp} set={set} /></Match>
            <Match when={view() === 'parallel'}><ParallelView runs={runs()} params={sp} set={set} /></Match>
            <Match when={view() === 'contour'}><ContourView runs={runs()} params={sp} set={set} /></Match>
            <Match when={view() === 'table'}><CompareTable runs={runs()} /></Match>
          </Switch>
        </Match>
      </Switch>
    </>
  );
}
