import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { StorageReport } from '../../workers/backup-client';
import { countOf, formatBytes } from './format';

/** What each experiment and registered model holds, largest first, and the totals by table. */
export function UsageTables(props: { report: StorageReport }) {
  return (
    <>
      <section class="usage-section" aria-labelledby="exp-usage-title">
        <div class="section-header">
          <h2 id="exp-usage-title">Experiments</h2>
          <span class="muted count">{formatBytes(props.report.experiments.reduce((s, e) => s + e.totalBytes, 0))} in all</span>
        </div>
        <div class="table-wrap">
          <table class="table" aria-label="Storage by experiment">
            <thead>
              <tr>
                <th>Experiment</th><th class="num">Runs</th><th class="num">Metric points</th><th class="num">Metrics</th>
                <th class="num">Artifacts</th><th class="num">Runs &amp; params</th><th class="num">Total</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.report.experiments}>
                {(e) => (
                  <tr>
                    <td class="cell-name">
                      <Show when={e.name} fallback={<span class="muted">(missing experiment {e.experimentId})</span>}>
                        <A href={`/experiments/${encodeURIComponent(e.experimentId)}`}>{e.name}</A>
                      </Show>
                      <Show when={e.lifecycleStage === 'deleted'}> <span class="badge">deleted</span></Show>
                    </td>
                    <td class="num">{e.runs.toLocaleString('en')}</td>
                    <td class="num">{e.metricPoints.toLocaleString('en')}</td>
                    <td class="num">{formatBytes(e.metricBytes)}</td>
                    <td class="num" title={countOf('artifacts', e.artifactFiles)}>{formatBytes(e.artifactBytes)}</td>
                    <td class="num">{formatBytes(e.runBytes)}</td>
                    <td class="num strong">{formatBytes(e.totalBytes)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </section>

      <section class="usage-section" aria-labelledby="model-usage-title">
        <div class="section-header">
          <h2 id="model-usage-title">Registered models</h2>
        </div>
        <Show when={props.report.models.length > 0} fallback={<p class="muted">No registered models yet.</p>}>
          <div class="table-wrap">
            <table class="table" aria-label="Storage by registered model">
              <thead>
                <tr><th>Model</th><th class="num">Versions</th><th class="num">Files</th><th class="num">Total</th></tr>
              </thead>
              <tbody>
                <For each={props.report.models}>
                  {(m) => (
                    <tr>
                      <td class="cell-name">{m.name || <span class="muted">(missing model {m.modelId})</span>}</td>
                      <td class="num">{m.versions.toLocaleString('en')}</td>
                      <td class="num">{m.files.toLocaleString('en')}</td>
                      <td class="num strong">{formatBytes(m.totalBytes)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </section>

      <details class="usage-section">
        <summary>By table ({formatBytes(props.report.totalBytes)} of data in all)</summary>
        <div class="table-wrap">
          <table class="table" aria-label="Storage by table">
            <thead><tr><th>Table</th><th class="num">Rows</th><th class="num">Size</th></tr></thead>
            <tbody>
              <For each={props.report.tables}>
                {(t) => (
                  <tr><td class="mono">{t.name}</td><td class="num">{t.rows.toLocaleString('en')}</td><td class="num">{formatBytes(t.bytes)}</td></tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
