/**
 * Row shapes stored in IndexedDB. Keyed collections use Map so that any MLflow-valid key
 * (including `__proto__`, which matches `^[/\w.\- :]*$`) is stored safely.
 */
import type { Dataset, DatasetInput, LifecycleStage, MetricSummary, RunStatus } from '../tracking/entities';
import type { PackedColumn } from './chunk-codec';

export interface ExperimentRow {
  experimentId: string;
  name: string;
  artifactLocation: string;
  lifecycleStage: LifecycleStage;
  creationTime: number;
  lastUpdateTime: number;
  tags: Map<string, string>;
}

/** A run's info fields, as stored; imports and dumps share them. */
export type RunInfoFields = Pick<RunRow, 'runId' | 'experimentId' | 'runName' | 'userId' | 'status' | 'startTime' |
  'endTime' | 'artifactUri' | 'lifecycleStage' | 'deletedTime'>;

/** A run with everything search and the runs table need: no metric history here. */
export interface RunRow {
  runId: string;
  experimentId: string;
  runName: string;
  userId: string;
  status: RunStatus;
  startTime: number;
  endTime: number | null;
  artifactUri: string;
  lifecycleStage: LifecycleStage;
  deletedTime: number | null;
  params: Map<string, string>;
  tags: Map<string, string>;
  metrics: Map<string, MetricSummary>;
  datasetInputs: DatasetInput[];
  /**
   * Name of the Web Lock the creating tab or worker holds while the run is RUNNING (absent for imported runs).
   * A RUNNING run whose lock is free was abandoned by a closed tab or a crash.
   */
  lockName?: string;
}

/**
 * A slice of one metric's history: up to CHUNK_POINTS points in logging order.
 * Chunk numbers start at 0 and are dense; only the last chunk of a (run, key) may be partly filled.
 */
export interface MetricChunkRow {
  runId: string;
  key: string;
  chunk: number;
  /** Points in this chunk (= length of each array). */
  n: number;
  /** Smallest and largest step in the chunk, so ranged reads can skip chunks. */
  minStep: number;
  maxStep: number;
  /** Stored packed (see chunk-codec.ts); decode with unpackColumn. */
  steps: PackedColumn;
  timestamps: PackedColumn;
  values: Float64Array;
}

export interface ArtifactRow {
  runId: string;
  /** Relative, '/'-separated, normalised (no '.', '..', leading '/'). */
  path: string;
  data: Blob;
  size: number;
  contentType: string;
  /** ms since epoch */
  modified: number;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export type { Dataset };
export const CHUNK_POINTS = 4096;
