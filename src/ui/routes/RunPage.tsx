/**
 * `#/experiments/:expId/runs/:runId[/metrics|/artifacts/…]`: a run's header and tabs around the tab routes
 * (RunOverview, RunMetrics, RunArtifacts), which read the live run from RunContext.
 */
import { A, type RouteSectionProps, useLocation, useParams } from '@solidjs/router';
import { createContext, Match, Show, Switch, useContext } from 'solid-js';
import { PARENT_RUN_TAG } from '../../tracking';
import type { Run } from '../../tracking/entities';
import { client } from '../client';
import { RunStatusBadge } from '../components/RunStatusBadge';
import { runHref } from '../components/RunLink';
import { createDocumentTitle } from '../primitives/create-document-title';
import { createLiveQuery } from '../primitives/create-live-query';
import './run-compare.css';

/** The run every tab of the run page shows (live: it changes as the run logs). */
export const RunContext = createContext<() => Run>();

/** The run of the enclosing RunPage. */
export function useRun(): () => Run {
  const run = useContext(RunContext);
  if (!run) throw new Error('useRun() outside RunPage');
  return run;
}

/** Run header and tabs; the tab routes render as `children`. */
export function RunPage(props: RouteSectionProps) {
  const params = useParams<{ expId: string; runId: string }>();
  const location = useLocation();
  const run = createLiveQuery(() => params.runId, (id) => client.getRun(id));
  const experiment = createLiveQuery(() => params.expId, (id) => client.getExperiment(id).catch(() => undefined));
  createDocumentTitle(() => run()?.info.runName ?? (run.error() ? 'Run not found' : 'Run'));
  const base = () => runHref(params.expId, params.runId);
  const tab = () => (location.pathname.startsWith(`${base()}/artifacts`) ? 'artifacts' : location.pathname.startsWith(`${base()}/metrics`) ? 'metrics' : 'overview');
  const TabLink = (p: { id: string; label: string; href: string; count?: number }) => (
    <A href={p.href} class="tab" classList={{ active: tab() === p.id }} aria-current={tab() === p.id ? 'page' : undefined} end>
      {p.label}
      <Show when={p.count !== undefined}><span class="count">{p.count}</span></Show>
    </A>
  );

  return (
    <>
      <nav class="breadcrumbs" aria-label="Breadcrumb">
        <A href="/">Experiments</A>
        <span aria-hidden="true">/</span>
        <A href={`/experiments/${encodeURIComponent(params.expId)}`}>{experiment()?.name ?? params.expId}</A>
        <span aria-hidden="true">/</span>
      </nav>
      <Switch fallback={<p class="muted loading">Loading run…</p>}>
        <Match when={run.error()?.code === 'RESOURCE_DOES_NOT_EXIST'}>
          <section class="panel not-found">
            <h1>Run not found</h1>
            <p>There is no run with ID <code>{params.runId}</code> in this browser. It may live in another browser profile, or its data may have been cleared.</p>
            <A href={`/experiments/${encodeURIComponent(params.expId)}`} class="button button-primary">Go to the experiment</A>
          </section>
        </Match>
        <Match when={run.error()}>{(e) => <p class="banner banner-error" role="alert">Could not load the run: {e().message}</p>}</Match>
        <Match when={run()}>
          {(r) => (
            <RunContext.Provider value={r}>
              <div class="page-header run-header">
                <div>
                  <h1>
                    {r().info.runName || r().info.runId}
                    <span class="heading-badge"><RunStatusBadge status={r().info.status} /></span>
                    <Show when={r().info.lifecycleStage === 'deleted'}><span class="badge badge-killed heading-badge">Deleted</span></Show>
                  </h1>
                  <p class="subtitle">
                    Run <span class="mono">{r().info.runId}</span>
                    <Show when={r().data.tags.find((t) => t.key === PARENT_RUN_TAG)}>
                      {(t) => <> · child of <A href={runHref(params.expId, t().value)} class="mono">{t().value.slice(0, 8)}</A></>}
                    </Show>
                  </p>
                </div>
                <A href={`/compare?runs=${encodeURIComponent(r().info.runId)}`} class="button">Open in compare</A>
              </div>
              <nav class="tabs" aria-label="Run views">
                <TabLink id="overview" label="Overview" href={base()} />
                <TabLink id="metrics" label="Metrics" href={`${base()}/metrics`} count={r().data.metrics.length} />
                <TabLink id="artifacts" label="Artifacts" href={`${base()}/artifacts`} />
              </nav>
              {props.children}
            </RunContext.Provider>
          )}
        </Match>
      </Switch>
    </>
  );
}
