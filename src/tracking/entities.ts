/**
 * Tracking entities, shaped like MLflow's REST JSON (mlflow/protos/service.proto) with camelCase keys.
 * Plain data only: these cross worker boundaries by structured clone.
 */
import type { ExperimentId, RunId } from '../core/ids';

export type LifecycleStage = 'active' | 'deleted';
export type RunStatus = 'RUNNING' | 'SCHEDULED' | 'FINISHED' | 'FAILED' | 'KILLED';
export const RUN_STATUSES: readonly RunStatus[] = ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'];
export const TERMINAL_STATUSES: readonly RunStatus[] = ['FINISHED', 'FAILED', 'KILLED'];

/** MLflow's ViewType: which lifecycle stages a search returns. */
export type ViewType = 'ACTIVE_ONLY' | 'DELETED_ONLY' | 'ALL';

export interface KeyValue {
  key: string;
  value: string;
}
export type ExperimentTag = KeyValue;
export type Param = KeyValue;
export type RunTag = KeyValue;

export interface Experiment {
  experimentId: ExperimentId;
  name: string;
  artifactLocation: string;
  lifecycleStage: LifecycleStage;
  /** ms since epoch */
  creationTime: number;
  /** ms since epoch */
  lastUpdateTime: number;
  tags: ExperimentTag[];
}

/** One metric point. `value` may be NaN or ±Infinity, as in MLflow. */
export interface Metric {
  key: string;
  value: number;
  /** ms since epoch, ≥ 0 */
  timestamp: number;
  /** integer, default 0 */
  step: number;
}

export interface RunInfo {
  runId: RunId;
  /** Deprecated twin of runId that MLflow still emits. */
  runUuid: RunId;
  runName: string;
  experimentId: ExperimentId;
  userId: string;
  status: RunStatus;
  startTime: number;
  endTime: number | null;
  artifactUri: string;
  lifecycleStage: LifecycleStage;
}

export interface RunData {
  /** Latest value per key, by MLflow's rule: max by (step, timestamp, value). */
  metrics: Metric[];
  params: Param[];
  tags: RunTag[];
}

export interface Dataset {
  name: string;
  digest: string;
  sourceType: string;
  source: string;
  schema?: string;
  profile?: string;
}
export interface DatasetInput {
  tags: KeyValue[];
  dataset: Dataset;
}
export interface RunInputs {
  datasetInputs: DatasetInput[];
}

export interface Run {
  info: RunInfo;
  data: RunData;
  inputs: RunInputs;
}

/** Per-run, per-key summary kept beside the history so tables and search never read histories. */
export interface MetricSummary {
  /** The latest point by MLflow's rule: max by (step, timestamp, value). */
  value: number;
  timestamp: number;
  step: number;
  /** Over non-NaN values; NaN when every value is NaN. */
  min: number;
  max: number;
  /** Number of points logged. */
  count: number;
}

export interface FileInfo {
  /** Relative to the run's artifact root, '/'-separated. */
  path: string;
  isDir: boolean;
  /** Bytes; absent for directories. */
  fileSize?: number;
}

export interface PagedList<T> {
  items: T[];
  /** Opaque; absent on the last page. */
  nextPageToken?: string;
}
