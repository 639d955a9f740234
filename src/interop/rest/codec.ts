/**
 * MLflow REST JSON ↔ Flowpad entities. The wire uses protobuf's JSON mapping with snake_case names: doubles
 * that are NaN or ±Infinity travel as the strings "NaN", "Infinity", "-Infinity"; int64 fields are numbers;
 * enums are names; empty repeated fields are omitted, so every list defaults to [].
 */
import type { DatasetInput, Experiment, KeyValue, Metric, Run, RunInfo, RunStatus } from '../../tracking/entities';

/** A double as protobuf JSON writes it. */
export const encodeDouble = (x: number): number | string =>
  Number.isNaN(x) ? 'NaN' : x === Infinity ? 'Infinity' : x === -Infinity ? '-Infinity' : x;

/** A double read from protobuf JSON (a number or one of the special strings). */
export function decodeDouble(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return Number(v);
}

const int = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));
const kvs = (v: unknown): KeyValue[] =>
  ((v as { key: string; value?: string }[] | undefined) ?? []).map((t) => ({ key: t.key, value: t.value ?? '' }));

/** `Experiment` as the REST API sends it (service.proto). */
export interface WireExperiment {
  experiment_id: string; name: string; artifact_location?: string; lifecycle_stage?: string;
  creation_time?: number; last_update_time?: number; tags?: { key: string; value?: string }[];
}

/** Wire experiment → entity; omitted lists and times default to [] and 0. */
export function experimentFromWire(e: WireExperiment): Experiment {
  return {
    experimentId: e.experiment_id, name: e.name, artifactLocation: e.artifact_location ?? '',
    lifecycleStage: e.lifecycle_stage === 'deleted' ? 'deleted' : 'active',
    creationTime: int(e.creation_time), lastUpdateTime: int(e.last_update_time), tags: kvs(e.tags),
  };
}

/** `RunInfo` as the REST API sends it; `end_time` is absent while the run has none. */
export interface WireRunInfo {
  run_id: string; run_name?: string; experiment_id: string; user_id?: string; status?: string;
  start_time?: number; end_time?: number; artifact_uri?: string; lifecycle_stage?: string;
}

/** Wire run info → entity (`runUuid` = `runId`; absent `end_time` → null). */
export function runInfoFromWire(i: WireRunInfo): RunInfo {
  return {
    runId: i.run_id, runUuid: i.run_id, runName: i.run_name ?? '', experimentId: i.experiment_id, userId: i.user_id ?? '',
    status: (i.status ?? 'RUNNING') as RunStatus, startTime: int(i.start_time), endTime: i.end_time === undefined ? null : int(i.end_time),
    artifactUri: i.artifact_uri ?? '', lifecycleStage: i.lifecycle_stage === 'deleted' ? 'deleted' : 'active',
  };
}

/** `Metric` on the wire: `value` may be "NaN", "Infinity" or "-Infinity"; `step` defaults to 0. */
export interface WireMetric { key: string; value?: number | string; timestamp?: number; step?: number }

/** Wire metric → entity, decoding the special values. */
export const metricFromWire = (m: WireMetric): Metric =>
  ({ key: m.key, value: decodeDouble(m.value ?? 0), timestamp: int(m.timestamp), step: int(m.step) });
/** Entity → wire metric, encoding NaN and ±Infinity as strings. */
export const metricToWire = (m: Metric): WireMetric =>
  ({ key: m.key, value: encodeDouble(m.value), timestamp: m.timestamp, step: m.step });

/** `Run` on the wire: info, data (latest metrics, params, tags) and dataset inputs. */
export interface WireRun {
  info: WireRunInfo;
  data?: { metrics?: WireMetric[]; params?: { key: string; value?: string }[]; tags?: { key: string; value?: string }[] };
  inputs?: { dataset_inputs?: { tags?: { key: string; value?: string }[]; dataset: Record<string, string> }[] };
}

/** Wire run → entity. */
export function runFromWire(r: WireRun): Run {
  const datasetInputs: DatasetInput[] = (r.inputs?.dataset_inputs ?? []).map((d) => ({
    tags: kvs(d.tags),
    dataset: {
      name: d.dataset.name ?? '', digest: d.dataset.digest ?? '', sourceType: d.dataset.source_type ?? '', source: d.dataset.source ?? '',
      ...(d.dataset.schema !== undefined ? { schema: d.dataset.schema } : {}),
      ...(d.dataset.profile !== undefined ? { profile: d.dataset.profile } : {}),
    },
  }));
  return {
    info: runInfoFromWire(r.info),
    data: { metrics: (r.data?.metrics ?? []).map(metricFromWire), params: kvs(r.data?.params), tags: kvs(r.data?.tags) },
    inputs: { datasetInputs },
  };
}
