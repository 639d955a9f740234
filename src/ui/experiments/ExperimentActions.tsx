import { createSignal, Match, Show, Switch } from 'solid-js';
import type { Experiment } from '../../tracking/entities';
import { client } from '../client';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FormDialog } from '../components/FormDialog';

/**
 * Rename, delete (after confirmation) and restore for one experiment. `compact` draws small buttons for a table
 * row; their accessible names carry the experiment's name.
 */
export function ExperimentActions(props: { experiment: Experiment; compact?: boolean; onDeleted?: () => void }) {
  const [open, setOpen] = createSignal<'rename' | 'delete'>();
  const name = () => props.experiment.name;
  const id = () => props.experiment.experimentId;
  const cls = () => (props.compact ? 'button button-small button-icon' : 'button');
  const label = (verb: string) => (props.compact ? `${verb} experiment ${name()}` : undefined);
  return (
    <div class="exp-actions">
      <Show
        when={props.experiment.lifecycleStage === 'active'}
        fallback={
          <button type="button" class={props.compact ? 'button button-small' : 'button'} aria-label={label('Restore')} onClick={() => client.restoreExperiment(id())}>
            Restore
          </button>
        }
      >
        <button type="button" class={cls()} aria-label={label('Rename')} title="Rename" onClick={() => setOpen('rename')}>
          {props.compact ? <Icon d="M11.5 2.5l2 2L6 12H4v-2l7.5-7.5z" /> : 'Rename'}
        </button>
        <button type="button" class={`${cls()} button-danger-quiet`} aria-label={label('Delete')} title="Delete" onClick={() => setOpen('delete')}>
          {props.compact ? <Icon d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.7 8.5h5.6l.7-8.5" /> : 'Delete'}
        </button>
      </Show>
      <Switch>
        <Match when={open() === 'rename'}>
          <FormDialog
            title="Rename experiment"
            fields={[{ name: 'name', label: 'Experiment name', value: name() }]}
            submitLabel="Rename"
            onSubmit={(v) => client.renameExperiment(id(), v.name)}
            onClose={() => setOpen(undefined)}
          />
        </Match>
        <Match when={open() === 'delete'}>
          <ConfirmDialog
            title={`Delete experiment “${name()}”?`}
            confirmLabel="Delete experiment"
            danger
            onConfirm={async () => {
              await client.deleteExperiment(id());
              props.onDeleted?.();
            }}
            onClose={() => setOpen(undefined)}
          >
            <p>
              The experiment and all its runs move to the deleted list (“Show deleted” on the experiments page), where
              they can be restored. Nothing is erased.
            </p>
          </ConfirmDialog>
        </Match>
      </Switch>
    </div>
  );
}

function Icon(props: { d: string }) {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path d={props.d} fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}
