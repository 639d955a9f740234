/**
 * The tracking client: MLflow's `MlflowClient` (mlflow/tracking/client.py) in camelCase, over IndexedDB.
 * Every method is async and throws `MlflowError` with MLflow's codes on bad input.
 */
import type { ExperimentId, RunId } from '../core/ids';
import type { ImportAlongside, ImportBatch, ImportResult } from './import';
import type { ArtifactFile } from './artifacts';
import type {
  DatasetInput, Experiment, FileInfo, Metric, Param, PagedList, Run, RunInfo, RunStatus, RunTag, ViewType,
} from './entities';

export interface SearchExperimentsOptions {
  /** MLflow filter, e.g. `name LIKE 'prod-%' AND tags.owner = 'ml-team'`. */
  filter?: string;
  orderBy?: string[];
  /** Default 1000, at most 50,000 (MLflow's SEARCH_MAX_RESULTS_THRESHOLD). */
  maxResults?: number;
  pageToken?: string;
  /** Default ACTIVE_ONLY. */
  viewType?: ViewType;
}

export interface SearchRunsOptions {
  filter?: string;
  orderBy?: string[];
  /** Default 1000, at most 50,000. */
  maxResults?: number;
  pageToken?: string;
  /** Default ACTIVE_ONLY. */
  runViewType?: ViewType;
}

export interface CreateRunOptions {
  /** Default: an MLflow-style generated name such as `brave-owl-417`. */
  runName?: string;
  /** ms; default now. */
  startTime?: number;
  tags?: Record<string, string> | RunTag[];
  /** Sets the `mlflow.parentRunId` tag. */
  parentRunId?: RunId;
  userId?: string;
}

export interface UpdateRunOptions {
  status?: RunStatus;
  endTime?: number;
  runName?: string;
}

export interface LogBatchInput {
  metrics?: Metric[];
  params?: Param[];
  tags?: RunTag[];
}

export interface HistoryRange {
  /** Inclusive step bounds; either may be omitted. */
  minStep?: number;
  maxStep?: number;
  /** If the range holds more points, return at most about this many, keeping each bucket's min and max. */
  maxPoints?: number;
}

/** Columnar history for charts: one typed array per field, in logging order (or step order after decimation). */
export interface MetricSeries {
  key: string;
  steps: Float64Array;
  timestamps: Float64Array;
  values: Float64Array;
  /** Points the stored series holds in the range, before decimation. */
  totalPoints: number;
}

export interface TrackingClient {
  // experiments
  createExperiment(name: string, opts?: { artifactLocation?: string; tags?: Record<string, string> | RunTag[] }): Promise<ExperimentId>;
  getExperiment(experimentId: ExperimentId): Promise<Experiment>;
  getExperimentByName(name: string): Promise<Experiment | null>;
  searchExperiments(opts?: SearchExperimentsOptions): Promise<PagedList<Experiment>>;
  renameExperiment(experimentId: ExperimentId, newName: string): Promise<void>;
  deleteExperiment(experimentId: ExperimentId): Promise<void>;
  restoreExperiment(experimentId: ExperimentId): Promise<void>;
  setExperimentTag(experimentId: ExperimentId, key: string, value: string): Promise<void>;
  deleteExperimentTag(experimentId: ExperimentId, key: string): Promise<void>;

  // runs
  createRun(experimentId: ExperimentId, opts?: CreateRunOptions): Promise<Run>;
  getRun(runId: RunId): Promise<Run>;
  updateRun(runId: RunId, opts: UpdateRunOptions): Promise<RunInfo>;
  setTerminated(runId: RunId, status?: RunStatus, endTime?: number): Promise<void>;
  deleteRun(runId: RunId): Promise<void>;
  restoreRun(runId: RunId): Promise<void>;
  logParam(runId: RunId, key: string, value: string | number | boolean): Promise<void>;
  /** Buffered: durable within 500 ms, at run end, or on `flush()`. Validation errors throw at once. */
  logMetric(runId: RunId, key: string, value: number, opts?: { timestamp?: number; step?: number }): Promise<void>;
  logBatch(runId: RunId, batch: LogBatchInput): Promise<void>;
  setTag(runId: RunId, key: string, value: string): Promise<void>;
  deleteTag(runId: RunId, key: string): Promise<void>;
  logInputs(runId: RunId, datasets: DatasetInput[]): Promise<void>;
  /** Every point of one metric, in logging order, as MLflow's Metric entities. */
  getMetricHistory(runId: RunId, key: string): Promise<Metric[]>;
  /** Columnar, optionally step-ranged and decimated, for charts. */
  getMetricSeries(runId: RunId, key: string, range?: HistoryRange): Promise<MetricSeries>;
  searchRuns(experimentIds: ExperimentId[], opts?: SearchRunsOptions): Promise<PagedList<Run>>;
  /** Runs of one experiment in a view (default ACTIVE_ONLY), without reading them. Flowpad's; not in MLflow. */
  countRuns(experimentId: ExperimentId, runViewType?: ViewType): Promise<number>;

  // artifacts
  logArtifact(runId: RunId, path: string, data: Blob | Uint8Array | ArrayBuffer, contentType?: string): Promise<void>;
  /** Several files in one transaction: all or none (a model folder is never half written). Flowpad's. */
  logArtifacts(runId: RunId, files: ArtifactFile[]): Promise<void>;
  logText(runId: RunId, text: string, artifactFile: string): Promise<void>;
  logDict(runId: RunId, dict: unknown, artifactFile: string): Promise<void>;
  /** Direct children of `path` (root when omitted), directories first-class like MLflow's list_artifacts. */
  listArtifacts(runId: RunId, path?: string): Promise<FileInfo[]>;
  downloadArtifact(runId: RunId, path: string): Promise<Blob>;

  /**
   * Bulk import of existing experiments and runs keeping their ids, times, statuses and histories, in one
   * transaction; runs already present are skipped. Validate first (interop's restore* functions do).
   */
  importRuns(batch: ImportBatch, alongside?: ImportAlongside): Promise<ImportResult>;

  /**
   * Marks RUNNING runs whose creating tab or worker is gone (closed, crashed) as KILLED with a note; returns their
   * ids. Call once at start-up. No-op where the Web Locks API is missing.
   */
  recoverAbandonedRuns(): Promise<string[]>;

  /** Writes every buffered metric point now. */
  flush(): Promise<void>;
  /** Flushes and closes the database. */
  close(): Promise<void>;
}
