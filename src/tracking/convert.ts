/** Row ↔ entity conversions: storage keeps Maps, the API speaks MLflow's JSON shapes. */
import type { ExperimentRow, RunRow } from '../storage';
import type { Experiment, KeyValue, Metric, Run, RunInfo } from './entities';

export function mapToKeyValues(m: ReadonlyMap<string, string>): KeyValue[] {
  const out: KeyValue[] = [];
  for (const [key, value] of m) out.push({ key, value });
  return out;
}

/** Accepts `{k: v}` or `[{key, value}]`, returning own entries only (never the prototype's). */
export function toKeyValues(tags: Record<string, string> | KeyValue[] | undefined): KeyValue[] {
  if (!tags) return [];
  if (Array.isArray(tags)) return tags.map(({ key, value }) => ({ key, value }));
  return Object.keys(tags).map((key) => ({ key, value: tags[key] }));
}

export function experimentFromRow(r: ExperimentRow): Experiment {
  return {
    experimentId: r.experimentId,
    name: r.name,
    artifactLocation: r.artifactLocation,
    lifecycleStage: r.lifecycleStage,
    creationTime: r.creationTime,
    lastUpdateTime: r.lastUpdateTime,
    tags: mapToKeyValues(r.tags),
  };
}

export function runInfoFromRow(r: RunRow): RunInfo {
  return {
    runId: r.runId,
    runUuid: r.runId,
    runName: r.runName,
    experimentId: r.experimentId,
    userId: r.userId,
    status: r.status,
    startTime: r.startTime,
    endTime: r.endTime,
    artifactUri: r.artifactUri,
    lifecycleStage: r.lifecycleStage,
  };
}

export function runFromRow(r: RunRow): Run {
  const metrics: Metric[] = [];
  for (const [key, s] of r.metrics) metrics.push({ key, value: s.value, timestamp: s.timestamp, step: s.step });
  return {
    info: runInfoFromRow(r),
    data: { metrics, params: mapToKeyValues(r.params), tags: mapToKeyValues(r.tags) },
    inputs: { datasetInputs: r.datasetInputs.map((d) => structuredClone(d)) },
  };
}

