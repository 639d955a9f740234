import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Experiment } from '../../tracking/entities';
import { Time } from '../components/Time';
import { descriptionOf } from './DescriptionPanel';
import { ExperimentActions } from './ExperimentActions';
import { prefetchRunsOn } from '../runs/prefetch';

export interface ExperimentsTableProps {
  experiments: Experiment[];
  /** Runs per experiment id (active and deleted); undefined while counting. */
  counts: Map<string, number> | undefined;
  selected: ReadonlySet<string>;
  onSelect: (id: string, selected: boolean) => void;
  onSelectAll: (selected: boolean) => void;
}

/** The first line of a markdown description as plain text, for a one-line table cell. */
function summary(markdown: string): string {
  const line = markdown.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '';
  return line.replace(/^#+\s*/, '').replace(/[*_`]/g, '');
}

/** MLflow's experiment list: name, runs, created, last modified, description, tags, plus row actions. */
export function ExperimentsTable(props: ExperimentsTableProps) {
  const all = () => props.experiments.length > 0 && props.experiments.every((e) => props.selected.has(e.experimentId));
  return (
    <div class="table-wrap">
      <table class="table experiments-table">
        <caption class="visually-hidden">Experiments</caption>
        <thead>
          <tr>
            <th scope="col" class="cell-check">
              <input type="checkbox" aria-label="Select all experiments" checked={all()} onChange={(e) => props.onSelectAll(e.currentTarget.checked)} />
            </th>
            <th scope="col">Name</th>
            <th scope="col" class="num">Runs</th>
            <th scope="col">Created</th>
            <th scope="col">Last modified</th>
            <th scope="col">Description</th>
            <th scope="col">Tags</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          <For each={props.experiments}>
            {(e) => {
              const deleted = () => e.lifecycleStage === 'deleted';
              const tags = () => e.tags.filter((t) => !t.key.startsWith('mlflow.'));
              return (
                <tr classList={{ 'row-deleted': deleted() }}>
                  <td class="cell-check">
                    <input
                      type="checkbox"
                      aria-label={`Select experiment ${e.name}`}
                      checked={props.selected.has(e.experimentId)}
                      onChange={(ev) => props.onSelect(e.experimentId, ev.currentTarget.checked)}
                    />
                  </td>
                  <td class="cell-name" title={e.name}>
                    <A href={`/experiments/${encodeURIComponent(e.experimentId)}`} {...prefetchRunsOn(e.experimentId)}>{e.name}</A>
                    <Show when={deleted()}><span class="badge badge-killed inline-badge">Deleted</span></Show>
                  </td>
                  <td class="num">{props.counts?.get(e.experimentId)?.toLocaleString('en-US') ?? '…'}</td>
                  <td><Time ms={e.creationTime} short /></td>
                  <td><Time ms={e.lastUpdateTime} short /></td>
                  <td class="cell-description" title={summary(descriptionOf(e))}>
                    {summary(descriptionOf(e)) || <span class="muted">—</span>}
                  </td>
                  <td class="cell-tags">
                    <For each={tags().slice(0, 2)} fallback={<span class="muted">—</span>}>
                      {(t) => <span class="tag-pill" title={`${t.key} = ${t.value}`}>{t.key}: {t.value}</span>}
                    </For>
                    <Show when={tags().length > 2}>
                      <span class="muted" title={tags().slice(2).map((t) => `${t.key} = ${t.value}`).join('\n')}>+{tags().length - 2}</span>
                    </Show>
                  </td>
                  <td class="cell-actions"><ExperimentActions experiment={e} compact /></td>
                </tr>
              );
            }}
          </For>
        </tbody>
      </table>
    </div>
  );
}
