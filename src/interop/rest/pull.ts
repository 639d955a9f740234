/**
 * Pull: copies experiments and runs from an MLflow tracking server into Flowpad, keeping the server's run ids,
 * times, statuses and full metric histories, plus artifacts when the server proxies them. Everything goes
 * through `restoreMlflowDump`, so it is validated first and written in one transaction; runs already present
 * are skipped (pulling twice creates nothing new), and so are runs that were pushed from this Flowpad
 * (`flowpad.sourceRunId` naming a local run).
 */
import type { TrackingClient } from '../../tracking';
import type { Run } from '../../tracking/entities';
import type { DumpArtifact, DumpRun, MlflowDump } from '../dump';
import { emptyDump } from '../dump';
import { restoreMlflowDump, type RestoreResult } from '../restore';
import { isProxied, type MlflowRestClient } from './client';
import { SOURCE_RUN_TAG, type SyncProgress } from './push';

export interface PullOptions {
  /** Download artifacts through the server's proxy (default true). */
  artifacts?: boolean;
  onProgress?: (p: SyncProgress) => void;
}

/** Pulls the given server experiments (all runs, active and deleted) into Flowpad. */
export async function pullExperiments(
  remote: MlflowRestClient, local: TrackingClient, experimentIds: string[], opts: PullOptions = {},
): Promise<RestoreResult> {
  const dump = emptyDump();
  const runs: Run[] = [];
  for (const id of experimentIds) {
    const e = await remote.getExperiment(id);
    dump.experiments.push({ ...e, creationTime: e.creationTime || null, lastUpdateTime: e.lastUpdateTime || null });
    runs.push(...(await remote.searchAllRuns([id], { runViewType: 'ALL' })));
  }
  let done = 0;
  for (const run of runs) {
    if (await isOwnRun(local, run)) dump.warnings.push(`run ${run.info.runId} was pushed from this Flowpad; not pulled back`);
    else dump.runs.push(await pullRun(remote, run, opts.artifacts ?? true, dump));
    opts.onProgress?.({ done: ++done, total: runs.length, runId: run.info.runId });
  }
  return restoreMlflowDump(local, dump);
}

async function isOwnRun(local: TrackingClient, run: Run): Promise<boolean> {
  const source = run.data.tags.find((t) => t.key === SOURCE_RUN_TAG)?.value;
  if (!source) return false;
  try {
    await local.getRun(source);
    return true;
  } catch {
    return false;
  }
}

async function pullRun(remote: MlflowRestClient, run: Run, withArtifacts: boolean, dump: MlflowDump): Promise<DumpRun> {
  const i = run.info;
  const metrics: DumpRun['metrics'] = {};
  for (const m of run.data.metrics) {
    metrics[m.key] = (await remote.getMetricHistory(i.runId, m.key)).map(({ value, timestamp, step }) => ({ value, timestamp, step }));
  }
  const artifacts: DumpArtifact[] = [];
  if (withArtifacts && isProxied(i.artifactUri)) {
    const walk = async (dir: string): Promise<void> => {
      for (const f of await remote.listArtifacts(i.runId, dir)) {
        if (f.isDir) await walk(f.path);
        else artifacts.push({ path: f.path, data: await remote.getArtifact(i.artifactUri, f.path) });
      }
    };
    await walk('');
  } else if (withArtifacts) {
    dump.warnings.push(`run ${i.runId}: artifacts not pulled: the server does not proxy them (${i.artifactUri})`);
  }
  return {
    runId: i.runId, experimentId: i.experimentId, runName: i.runName, userId: i.userId, status: i.status,
    startTime: i.startTime, endTime: i.endTime, artifactUri: i.artifactUri, lifecycleStage: i.lifecycleStage,
    deletedTime: null, params: run.data.params, tags: run.data.tags, metrics,
    datasetInputs: run.inputs.datasetInputs, artifacts,
  };
}
