/**
 * Row shapes of the model registry (MLflow's `registered_models`, `model_versions`, their tags and aliases,
 * plus the files Flowpad copies into the registry). Keyed collections are Maps, as in the tracking rows.
 */

/** MLflow's stages, plus the SQL store's soft-delete marker (`Deleted_Internal`: hidden, number never reused). */
export type ModelVersionStageRow = 'None' | 'Staging' | 'Production' | 'Archived' | 'Deleted_Internal';

export interface RegisteredModelRow {
  /** Internal id, stable across renames (the name is a unique index, not the key). */
  id: string;
  name: string;
  /** ms since epoch */
  creationTimestamp: number;
  lastUpdatedTimestamp: number;
  /** '' when unset. */
  description: string;
  tags: Map<string, string>;
  /** alias → version number; at most one version per alias (setting an alias moves it). */
  aliases: Map<string, number>;
}

export interface ModelVersionRow {
  /** Internal id: the key of the version's files; stable across renames. */
  id: string;
  /** RegisteredModelRow.id */
  modelId: string;
  /** 1, 2, …: max + 1 over every version ever created, deleted ones included. */
  version: number;
  creationTimestamp: number;
  lastUpdatedTimestamp: number;
  description: string;
  userId: string;
  currentStage: ModelVersionStageRow;
  source: string;
  /** null when the version has no source run (MLflow's NULL: never matches a filter). */
  runId: string | null;
  runLink: string;
  status: 'PENDING_REGISTRATION' | 'FAILED_REGISTRATION' | 'READY';
  statusMessage: string;
  /** Where the version's files are (`flowpad-registry:/<id>`), or '' when none were stored. */
  storageLocation: string;
  tags: Map<string, string>;
  /** Files copied into the registry for this version, and their total size in bytes. */
  fileCount: number;
  sizeBytes: number;
}

/** One file of a model version's folder, copied in at registration so the version outlives its run. */
export interface ModelVersionFileRow {
  /** ModelVersionRow.id */
  versionId: string;
  /** Relative to the model folder, '/'-separated, normalised (`MLmodel`, `model.onnx`, `code/x.py`). */
  path: string;
  data: Blob;
  size: number;
  contentType: string;
}
