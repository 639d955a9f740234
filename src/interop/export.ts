/**
 * Reads experiments out of Flowpad, through the tracking client only, into the neutral {@link MlflowDump}
 * (full metric histories and artifact bytes included), ready for `writeMlruns` or a REST push.
 */
import type { TrackingClient } from '../tracking';
import type { Run } from '../tracking/entities';
import type { DumpArtifact, DumpRun, MlflowDump } from './dump';
import { emptyDump } from './dump';

/** Every run of the experiment, active and deleted, in MLflow's default order. */
export async function allRuns(client: TrackingClient, experimentId: string): Promise<Run[]> {
  const runs: Run[] = [];
  let pageToken: string | undefined;
  do {
    const page = await client.searchRuns([experimentId], { runViewType: 'ALL', maxResults: 50_000, pageToken });
    runs.push(...page.items);
    pageToken = page.nextPageToken;
  } while (pageToken);
  return runs;
}

/** Every artifact file of a run, depth first, with its bytes. */
export async function runArtifacts(client: TrackingClient, runId: string, dir = ''): Promise<DumpArtifact[]> {
  const out: DumpArtifact[] = [];
  for (const f of await client.listArtifacts(runId, dir)) {
    if (f.isDir) out.push(...(await runArtifacts(client, runId, f.path)));
    else out.push({ path: f.path, data: new Uint8Array(await (await client.downloadArtifact(runId, f.path)).arrayBuffer()) });
  }
  return out;
}

/** One run with its full metric histories and artifacts. */
export async function dumpRun(client: TrackingClient, run: Run): Promise<DumpRun> {
  const metrics: DumpRun['metrics'] = {};
  for (const m of run.data.metrics) {
    metrics[m.key] = (await client.getMetricHistory(run.info.runId, m.key)).map(({ value, timestamp, step }) => ({ value, timestamp, step }));
  }
  const i = run.info;
  return {
    runId: i.runId, experimentId: i.experimentId, runName: i.runName, userId: i.userId, status: i.status,
    startTime: i.startTime, endTime: i.endTime, artifactUri: i.artifactUri, lifecycleStage: i.lifecycleStage,
    deletedTime: null, params: run.data.params, tags: run.data.tags, metrics,
    datasetInputs: run.inputs.datasetInputs, artifacts: await runArtifacts(client, i.runId),
  };
}

/** The given experiments with all their runs. */
export async function dumpExperiments(client: TrackingClient, experimentIds: string[]): Promise<MlflowDump> {
  const dump = emptyDump();
  for (const id of experimentIds) {
    const e = await client.getExperiment(id);
    dump.experiments.push({ ...e, tags: e.tags });
    for (const run of await allRuns(client, id)) dump.runs.push(await dumpRun(client, run));
  }
  return dump;
}
