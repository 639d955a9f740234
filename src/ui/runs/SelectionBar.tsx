import { useNavigate } from '@solidjs/router';
import { createSignal, Match, Show, Switch } from 'solid-js';
import type { Run } from '../../tracking/entities';
import { client } from '../client';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FormDialog } from '../components/FormDialog';

type Open = 'rename' | 'tag' | 'delete' | undefined;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * What can be done with the selected runs, as MLflow's row-selection actions: compare, rename (one run), add a tag,
 * delete (after confirmation) or restore deleted runs. Each write goes through the tracking client, and the table
 * shows the result through its live query.
 */
export function SelectionBar(props: { runs: Run[]; onClear: () => void }) {
  const navigate = useNavigate();
  const [open, setOpen] = createSignal<Open>();
  const active = () => props.runs.filter((r) => r.info.lifecycleStage === 'active');
  const deleted = () => props.runs.filter((r) => r.info.lifecycleStage === 'deleted');
  const compare = () => navigate(`/compare?runs=${props.runs.map((r) => encodeURIComponent(r.info.runId)).join(',')}`);
  const restore = async () => {
    for (const r of deleted()) await client.restoreRun(r.info.runId);
    props.onClear();
  };

  return (
    <div class="selection-bar" role="toolbar" aria-label="Selected runs">
      <span class="selection-count">{plural(props.runs.length, 'run')} selected</span>
      <button type="button" class="button" disabled={props.runs.length < 2} onClick={compare}
        title={props.runs.length < 2 ? 'Select at least two runs to compare' : undefined}>
        Compare
      </button>
      <button type="button" class="button" disabled={props.runs.length !== 1 || active().length !== 1} onClick={() => setOpen('rename')}>
        Rename
      </button>
      <button type="button" class="button" disabled={active().length === 0} onClick={() => setOpen('tag')}>Add tag</button>
      <Show when={active().length > 0}>
        <button type="button" class="button button-danger-quiet" onClick={() => setOpen('delete')}>Delete</button>
      </Show>
      <Show when={deleted().length > 0}>
        <button type="button" class="button" onClick={restore}>Restore</button>
      </Show>
      <button type="button" class="button button-quiet" onClick={() => props.onClear()}>Clear selection</button>

      <Switch>
        <Match when={open() === 'rename' && active()[0]}>
          {(run) => (
            <FormDialog
              title="Rename run"
              fields={[{ name: 'name', label: 'Run name', value: run().info.runName }]}
              submitLabel="Rename"
              onSubmit={async (v) => void (await client.updateRun(run().info.runId, { runName: v.name.trim() || run().info.runName }))}
              onClose={() => setOpen(undefined)}
            />
          )}
        </Match>
        <Match when={open() === 'tag'}>
          <FormDialog
            title={`Add tag to ${plural(active().length, 'run')}`}
            fields={[{ name: 'key', label: 'Key', placeholder: 'e.g. reviewed' }, { name: 'value', label: 'Value' }]}
            submitLabel="Add tag"
            onSubmit={async (v) => {
              for (const r of active()) await client.setTag(r.info.runId, v.key.trim(), v.value);
            }}
            onClose={() => setOpen(undefined)}
          />
        </Match>
        <Match when={open() === 'delete'}>
          <ConfirmDialog
            title={`Delete ${plural(active().length, 'run')}?`}
            confirmLabel={`Delete ${plural(active().length, 'run')}`}
            danger
            onConfirm={async () => {
              for (const r of active()) await client.deleteRun(r.info.runId);
              props.onClear();
            }}
            onClose={() => setOpen(undefined)}
          >
            <p>
              Deleted runs move to the <strong>Deleted</strong> view, where they can be restored. Their params, metrics
              and artifacts are kept.
            </p>
          </ConfirmDialog>
        </Match>
      </Switch>
    </div>
  );
}
