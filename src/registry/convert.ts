/** Row ↔ entity conversions: storage keeps Maps and numbers, the API speaks MLflow's REST shapes. */
import type { ModelVersionRow, RegisteredModelRow } from '../storage';
import { mapToKeyValues } from '../tracking/convert';
import type { ModelVersion, ModelVersionStage, RegisteredModel } from './entities';

/** The aliases of `model` that point at `version`, in the order they were set. */
export function aliasesOf(model: RegisteredModelRow, version: number): string[] {
  const out: string[] = [];
  for (const [alias, v] of model.aliases) if (v === version) out.push(alias);
  return out;
}

export function versionFromRow(row: ModelVersionRow, model: RegisteredModelRow): ModelVersion {
  return {
    name: model.name,
    version: String(row.version),
    creationTimestamp: row.creationTimestamp,
    lastUpdatedTimestamp: row.lastUpdatedTimestamp,
    userId: row.userId,
    currentStage: row.currentStage as ModelVersionStage,
    description: row.description,
    source: row.source,
    runId: row.runId ?? '',
    status: row.status,
    statusMessage: row.statusMessage,
    tags: mapToKeyValues(row.tags),
    runLink: row.runLink,
    aliases: aliasesOf(model, row.version),
    storageLocation: row.storageLocation,
    fileCount: row.fileCount,
    sizeBytes: row.sizeBytes,
  };
}

/**
 * MLflow's `latest_versions`: for each stage, the version with the highest number, ordered by the stage's
 * first appearance among the versions in number order. Deleted versions are skipped.
 */
export function latestPerStage(versions: readonly ModelVersionRow[]): ModelVersionRow[] {
  const latest = new Map<string, ModelVersionRow>();
  for (const v of [...versions].sort((a, b) => a.version - b.version)) {
    if (v.currentStage === 'Deleted_Internal') continue;
    const seen = latest.get(v.currentStage);
    if (!seen || seen.version < v.version) latest.set(v.currentStage, v);
  }
  return [...latest.values()];
}

export function modelFromRow(row: RegisteredModelRow, versions: readonly ModelVersionRow[]): RegisteredModel {
  return {
    name: row.name,
    creationTimestamp: row.creationTimestamp,
    lastUpdatedTimestamp: row.lastUpdatedTimestamp,
    description: row.description,
    latestVersions: latestPerStage(versions).map((v) => versionFromRow(v, row)),
    tags: mapToKeyValues(row.tags),
    aliases: [...row.aliases].map(([alias, version]) => ({ alias, version: String(version) })),
  };
}
