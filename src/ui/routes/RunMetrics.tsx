/** The run page's Metrics tab: a live chart of every metric, settings and key filter in the URL. */
import { useSearchParams } from '@solidjs/router';
import { createMemo } from 'solid-js';
import { ChartControls, settingsFromParams, settingsToParams } from '../charts/ChartControls';
import { runColor } from '../charts/colors';
import { MetricChartGrid } from '../charts/MetricChartGrid';
import { useRun } from './RunPage';

/** The Metrics tab of the run page. */
export function RunMetrics() {
  const run = useRun();
  const [sp, setSp] = useSearchParams<Record<string, string>>();
  const settings = createMemo(() => settingsFromParams(sp), undefined, {
    equals: (a, b) => a.xAxis === b.xAxis && a.logY === b.logY && a.smoothing === b.smoothing,
  });
  const runs = createMemo(() => [{ run: run(), color: runColor(0) }]);
  const keys = createMemo(() => run().data.metrics.map((m) => m.key).sort((a, b) => a.localeCompare(b)), undefined, {
    equals: (a, b) => a.length === b.length && a.every((k, i) => k === b[i]),
  });
  return (
    <>
      <ChartControls settings={settings()} onChange={(p) => setSp(settingsToParams(p), { replace: true })} />
      <MetricChartGrid
        runs={runs()}
        keys={keys()}
        settings={settings()}
        filter={sp.filter ?? ''}
        onFilter={(f) => setSp({ filter: f || undefined }, { replace: true })}
      />
    </>
  );
}
