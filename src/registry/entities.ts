/**
 * Registry entities, shaped like MLflow's REST JSON (mlflow/protos/model_registry.proto) with camelCase keys.
 * Plain data only. Strings MLflow leaves unset (description, run_id, …) are '' here.
 */
import type { KeyValue, PagedList } from '../tracking/entities';

export type { KeyValue, PagedList };

/** MLflow's model version stages (deprecated upstream in favour of aliases, still fully supported). */
export type ModelVersionStage = 'None' | 'Staging' | 'Production' | 'Archived';
export const MODEL_VERSION_STAGES: readonly ModelVersionStage[] = ['None', 'Staging', 'Production', 'Archived'];
/** DEFAULT_STAGES_FOR_GET_LATEST_VERSIONS: the only stages `archiveExistingVersions` may be used with. */
export const ACTIVE_STAGES: readonly ModelVersionStage[] = ['Staging', 'Production'];

export type ModelVersionStatus = 'PENDING_REGISTRATION' | 'FAILED_REGISTRATION' | 'READY';

export interface RegisteredModelAlias {
  alias: string;
  /** The version number, as a string (REST). */
  version: string;
}

export interface ModelVersion {
  name: string;
  /** The version number as a string, as in MLflow's REST API ("1", "2", …). */
  version: string;
  /** ms since epoch */
  creationTimestamp: number;
  lastUpdatedTimestamp: number;
  userId: string;
  currentStage: ModelVersionStage;
  description: string;
  /** Where the model came from: the run's artifact URI for `runs:/` registrations. */
  source: string;
  runId: string;
  status: ModelVersionStatus;
  statusMessage: string;
  tags: KeyValue[];
  runLink: string;
  aliases: string[];
  /** Where this registry keeps the files (`flowpad-registry:/<id>`); '' when none were stored. */
  storageLocation: string;
  /** Flowpad: number and total bytes of the stored files. */
  fileCount: number;
  sizeBytes: number;
}

export interface RegisteredModel {
  name: string;
  creationTimestamp: number;
  lastUpdatedTimestamp: number;
  description: string;
  /** The newest version in each stage (MLflow's `latest_versions`). */
  latestVersions: ModelVersion[];
  tags: KeyValue[];
  aliases: RegisteredModelAlias[];
}

/** A model URI resolved: either a registry version or a run's artifact folder. */
export type ResolvedModelUri =
  | { kind: 'model-version'; name: string; version: string }
  | { kind: 'run'; runId: string; artifactPath: string };

/** One file of a model version's folder. */
export interface ModelFileInfo {
  /** Relative to the model folder, '/'-separated. */
  path: string;
  size: number;
}
