import type { RunStatus } from '../../tracking/entities';

const LABELS: Record<RunStatus, string> = {
  RUNNING: 'Running', SCHEDULED: 'Scheduled', FINISHED: 'Finished', FAILED: 'Failed', KILLED: 'Killed',
};

/** A run's status as a coloured pill; the colour comes from `.badge-<status>` in app.css. */
export function RunStatusBadge(props: { status: RunStatus }) {
  return <span class={`badge badge-${props.status.toLowerCase()}`}>{LABELS[props.status] ?? props.status}</span>;
}
