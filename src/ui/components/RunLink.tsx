import { A } from '@solidjs/router';
import type { Run } from '../../tracking/entities';

/** `#/experiments/:expId/runs/:runId`: the URL of a run's page. */
export const runHref = (experimentId: string, runId: string): string =>
  `/experiments/${encodeURIComponent(experimentId)}/runs/${encodeURIComponent(runId)}`;

/** A link to a run's page, labelled with its name (its ID when it has none). */
export function RunLink(props: { run: Pick<Run, 'info'> }) {
  return (
    <A href={runHref(props.run.info.experimentId, props.run.info.runId)} title={props.run.info.runId}>
      {props.run.info.runName || props.run.info.runId}
    </A>
  );
}
