/**
 * The neutral shape every MLflow reader produces and every writer consumes: plain data, close to MLflow's own
 * entities, with full metric histories and artifact bytes. Readers fill it from an `mlruns/` tree or an
 * `mlflow.db`; `restoreMlflowDump` validates it and writes it into Flowpad; `writeMlruns` turns it into files.
 */
import type { Dataset, KeyValue, RunStatus } from '../tracking/entities';
import type { ImportExperiment } from '../tracking';
import type { RunInfoFields } from '../storage';

/** An experiment as a store holds it: the shape the tracking client imports (times are null when the store did
 * not record them: MLflow < 1.29 SQL, old FileStore). */
export type DumpExperiment = ImportExperiment;

/** One metric point of a history, in the order the store holds them (logging order in both stores). */
export interface DumpMetricPoint {
  value: number;
  /** ms */
  timestamp: number;
  step: number;
}

export interface DumpDatasetInput {
  dataset: Dataset;
  tags: KeyValue[];
}

export interface DumpArtifact {
  /** Relative to the run's artifact root, '/'-separated. */
  path: string;
  data: Uint8Array;
}

export interface DumpRun extends RunInfoFields {
  params: KeyValue[];
  tags: KeyValue[];
  /** Full history per metric key. */
  metrics: Record<string, DumpMetricPoint[]>;
  datasetInputs: DumpDatasetInput[];
  /** The SQL store's `latest_metrics` rows, when the database has that table (restore recomputes them). */
  latestMetrics?: Record<string, DumpMetricPoint>;
  /** Files found under the run's artifact folder (mlruns only; mlflow.db holds no artifacts). */
  artifacts: DumpArtifact[];
}

export interface DumpModelVersion {
  name: string;
  version: number;
  creationTimestamp: number | null;
  lastUpdatedTimestamp: number | null;
  userId: string | null;
  currentStage: string;
  description: string | null;
  source: string | null;
  runId: string | null;
  runLink: string | null;
  status: string;
  statusMessage: string | null;
  storageLocation: string | null;
  tags: KeyValue[];
}

export interface DumpRegisteredModel {
  name: string;
  creationTimestamp: number | null;
  lastUpdatedTimestamp: number | null;
  description: string | null;
  tags: KeyValue[];
  /** alias → version */
  aliases: Record<string, number>;
  versions: DumpModelVersion[];
}

/** What a reader found, plus what it skipped and why (each warning names the file or table). */
export interface MlflowDump {
  experiments: DumpExperiment[];
  runs: DumpRun[];
  /** Written by restore into Flowpad's model registry. */
  registeredModels: DumpRegisteredModel[];
  /** MLflow 3 LoggedModel files (`<exp>/models/m-<id>/artifacts/`, mlruns only) by model id, for versions whose
   * source is `models:/m-<id>`. */
  loggedModelArtifacts?: Record<string, DumpArtifact[]>;
  warnings: string[];
}

export const emptyDump = (): MlflowDump => ({ experiments: [], runs: [], registeredModels: [], warnings: [] });

/** RunStatus by the integer the FileStore writes (mlflow/entities/run_status.py). */
export const STATUS_BY_NUMBER: Readonly<Record<number, RunStatus>> = {
  1: 'RUNNING', 2: 'SCHEDULED', 3: 'FINISHED', 4: 'FAILED', 5: 'KILLED',
};
export const NUMBER_BY_STATUS: Readonly<Record<RunStatus, number>> = {
  RUNNING: 1, SCHEDULED: 2, FINISHED: 3, FAILED: 4, KILLED: 5,
};
