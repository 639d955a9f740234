/** Runs whose `mlflow.parentRunId` is this run (nested runs, e.g. the trials of a sweep). */
import { For, Show } from 'solid-js';
import type { Run } from '../../tracking/entities';
import { client } from '../client';
import { RunLink } from '../components/RunLink';
import { RunStatusBadge } from '../components/RunStatusBadge';
import { Time } from '../components/Time';
import { createLiveQuery } from '../primitives/create-live-query';

/** Child runs listed; the experiment's table shows them all. */
const SHOWN = 100;

/** The child runs table; nothing when the run has none. */
export function ChildRuns(props: { run: Run }) {
  const children = createLiveQuery(
    () => [props.run.info.experimentId, props.run.info.runId] as const,
    ([exp, id]) => client.searchRuns([exp], { filter: `tags.mlflow.parentRunId = '${id}'`, maxResults: SHOWN }),
  );
  return (
    <Show when={(children()?.items.length ?? 0) > 0}>
      <section class="panel-card" aria-labelledby="run-children">
        <div class="section-header">
          <h2 id="run-children">Child runs</h2>
          <span class="muted count">{children()!.items.length}{children()!.nextPageToken ? '+' : ''}</span>
        </div>
        <div class="kv-scroll">
          <table class="table kv-table">
            <caption class="visually-hidden">Child runs</caption>
            <thead><tr><th scope="col">Run</th><th scope="col">Status</th><th scope="col">Started</th></tr></thead>
            <tbody>
              <For each={children()!.items}>
                {(c) => (
                  <tr>
                    <td class="cell-name"><RunLink run={c} /></td>
                    <td><RunStatusBadge status={c.info.status} /></td>
                    <td><Time ms={c.info.startTime} /></td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </section>
    </Show>
  );
}
