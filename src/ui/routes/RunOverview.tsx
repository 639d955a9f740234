/** The run page's Overview tab: details, description, params, metrics, tags and child runs. */
import { A, useParams } from '@solidjs/router';
import type { Metric, Param } from '../../tracking/entities';
import { formatValue } from '../charts/chart-options';
import { runHref } from '../components/RunLink';
import { Time } from '../components/Time';
import { ChildRuns } from '../run/ChildRuns';
import { DescriptionEditor } from '../run/DescriptionEditor';
import { RunDetails } from '../run/RunDetails';
import { SearchableTable } from '../run/SearchableTable';
import { TagsEditor } from '../components/TagsEditor';
import { client } from '../client';
import { useRun } from './RunPage';

/** The Overview tab of the run page. */
export function RunOverview() {
  const run = useRun();
  const params = useParams<{ expId: string; runId: string }>();
  const byKey = <T extends { key: string }>(xs: T[]) => [...xs].sort((a, b) => a.key.localeCompare(b.key));
  return (
    <div class="overview">
      <RunDetails run={run()} />
      <DescriptionEditor run={run()} />
      <div class="two-col">
        <SearchableTable<Param>
          title="Parameters"
          rows={byKey(run().data.params)}
          text={(p) => `${p.key} ${p.value}`}
          headers={['Name', 'Value']}
          cells={(p) => [<span class="mono key-cell" title={p.key}>{p.key}</span>, <span class="mono value-cell" title={p.value}>{p.value}</span>]}
          empty="No parameters logged."
        />
        <SearchableTable<Metric>
          title="Metrics"
          rows={byKey(run().data.metrics)}
          text={(m) => m.key}
          headers={['Name', 'Latest', 'Step', 'Logged']}
          cells={(m) => [
            <A class="mono key-cell" href={`${runHref(params.expId, params.runId)}/metrics?filter=${encodeURIComponent(m.key)}`} title={`Chart of ${m.key}`}>{m.key}</A>,
            <span class="mono num">{formatValue(m.value)}</span>,
            <span class="mono num">{m.step.toLocaleString('en-US')}</span>,
            <Time ms={m.timestamp} />,
          ]}
          empty="No metrics logged."
        />
      </div>
      <section class="panel-card" aria-labelledby="run-tags">
        <div class="section-header">
          <h2 id="run-tags">Tags</h2>
          <span class="muted count">{run().data.tags.filter((t) => !t.key.startsWith('mlflow.')).length}</span>
        </div>
        <TagsEditor tags={run().data.tags} systemTags="toggle" onSet={(k, v) => client.setTag(run().info.runId, k, v)}
          onDelete={(k) => client.deleteTag(run().info.runId, k)} />
      </section>
      <ChildRuns run={run()} />
    </div>
  );
}
