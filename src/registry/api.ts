/**
 * The registry client: MLflow's `MlflowClient` registry methods (mlflow/tracking/client.py) in camelCase, over
 * IndexedDB, with the SQL registry store's rules, messages and codes. Every method is async and rejects with
 * `MlflowError`. A version's files are copied into the registry when it is created, so it outlives its run.
 */
import type { KeyValue } from '../tracking/entities';
import type { ExportedModel, ExportScope } from './export';
import type { ImportedRegisteredModel, ImportOptions, ImportSummary } from './import';
import type {
  ModelFileInfo, ModelVersion, ModelVersionStage, PagedList, RegisteredModel, ResolvedModelUri,
} from './entities';

/** Options of searchRegisteredModels / searchModelVersions (MLflow's filter grammar and paging). */
export interface RegistrySearchOptions {
  /** e.g. `name ILIKE '%churn%' AND tags.task = 'classification'`. */
  filter?: string;
  /** Registered models: `name`, `timestamp`, `last_updated_timestamp` [ASC|DESC]; versions: `name`,
   * `version_number`, `creation_timestamp`, `last_updated_timestamp`. */
  orderBy?: string[];
  /** Registered models: default 100, at most 1000. Versions: default 10,000, at most 200,000. */
  maxResults?: number;
  pageToken?: string;
}

export interface CreateModelVersionOptions {
  /** Default: the run of a `runs:/` or `flowpad-artifacts:` source. */
  runId?: string;
  tags?: Record<string, string> | KeyValue[];
  runLink?: string;
  description?: string;
}

export interface RegistryClient {
  // registered models
  createRegisteredModel(name: string, opts?: { tags?: Record<string, string> | KeyValue[]; description?: string }): Promise<RegisteredModel>;
  getRegisteredModel(name: string): Promise<RegisteredModel>;
  renameRegisteredModel(name: string, newName: string): Promise<RegisteredModel>;
  updateRegisteredModel(name: string, description: string): Promise<RegisteredModel>;
  /** Deletes the model with all its versions, tags, aliases and files. */
  deleteRegisteredModel(name: string): Promise<void>;
  searchRegisteredModels(opts?: RegistrySearchOptions): Promise<PagedList<RegisteredModel>>;
  setRegisteredModelTag(name: string, key: string, value: string): Promise<void>;
  deleteRegisteredModelTag(name: string, key: string): Promise<void>;
  /** The newest version in each of `stages` (all stages when omitted or empty). */
  getLatestVersions(name: string, stages?: string[]): Promise<ModelVersion[]>;

  // aliases
  /** Points `alias` at `version`, moving it from any other version of the model. */
  setRegisteredModelAlias(name: string, alias: string, version: string | number): Promise<void>;
  deleteRegisteredModelAlias(name: string, alias: string): Promise<void>;
  /** `latest` (any case) resolves to the newest version. */
  getModelVersionByAlias(name: string, alias: string): Promise<ModelVersion>;

  // versions
  /**
   * A new version numbered max + 1. A `runs:/<run_id>/<path>`, `flowpad-artifacts:` or `models:/` source has
   * its MLmodel folder copied into the registry; any other source is recorded without files, as MLflow does.
   */
  createModelVersion(name: string, source: string, opts?: CreateModelVersionOptions): Promise<ModelVersion>;
  /** `mlflow.register_model`: creates the registered model if needed, then a version from `modelUri`. */
  registerModel(modelUri: string, name: string, opts?: Omit<CreateModelVersionOptions, 'runId'>): Promise<ModelVersion>;
  getModelVersion(name: string, version: string | number): Promise<ModelVersion>;
  updateModelVersion(name: string, version: string | number, description: string): Promise<ModelVersion>;
  /** Soft delete like the SQL store: hidden, aliases removed, files freed; its number is never reused. */
  deleteModelVersion(name: string, version: string | number): Promise<void>;
  /** `archiveExistingVersions` moves the model's other versions in `stage` to Archived (Staging/Production only). */
  transitionModelVersionStage(
    name: string, version: string | number, stage: ModelVersionStage | string, archiveExistingVersions?: boolean,
  ): Promise<ModelVersion>;
  searchModelVersions(opts?: RegistrySearchOptions): Promise<PagedList<ModelVersion>>;
  setModelVersionTag(name: string, version: string | number, key: string, value: string): Promise<void>;
  deleteModelVersionTag(name: string, version: string | number, key: string): Promise<void>;
  getModelVersionDownloadUri(name: string, version: string | number): Promise<string>;

  // files and URIs
  /** `models:/name/3`, `models:/name/Production`, `models:/name/latest`, `models:/name@alias`, `runs:/<id>/path`. */
  resolveModelUri(uri: string): Promise<ResolvedModelUri>;
  /** Every file of the model a URI names, by path relative to the model folder. */
  getModelFiles(uri: string): Promise<Map<string, Blob>>;
  listModelVersionFiles(name: string, version: string | number): Promise<ModelFileInfo[]>;
  downloadModelVersionFile(name: string, version: string | number, path: string): Promise<Blob>;

  // bundles
  /** Validates everything, then writes in one transaction (see import.ts for the merge policy). */
  importRegisteredModels(models: ImportedRegisteredModel[], opts?: ImportOptions): Promise<ImportSummary>;
  /** Models, live versions and files in `scope`, for a bundle export. */
  collectExport(scope: ExportScope): Promise<ExportedModel[]>;

  close(): void;
}
