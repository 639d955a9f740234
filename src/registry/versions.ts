/** Model versions, stages and tags, with the SQL registry store's rules, messages and codes. */
import { MlflowError, invalidParam, notFound } from '../core/errors';
import { nowMs } from '../core/time';
import { REGISTRY_SCHEME, type ModelVersionRow, type RegisteredModelRow } from '../storage';
import { toKeyValues } from '../tracking/convert';
import { searchModelVersionRows } from '../tracking/search';
import { missingValueMessage, validateTagName } from '../tracking/validation';
import type { CreateModelVersionOptions, RegistrySearchOptions } from './api';
import type { RegistryContext } from './context';
import { latestPerStage, versionFromRow } from './convert';
import { ACTIVE_STAGES, MODEL_VERSION_STAGES, type ModelVersion, type PagedList } from './entities';
import { getModelRow, registryTables, versionRowsOf } from './models';
import { planSource } from './sources';
import {
  canonicalStage, isActiveStage, validateModelName, validateModelVersion, validateModelVersionTag,
} from './validation';

const versionNotFound = (name: string, version: unknown): MlflowError =>
  notFound(`Model Version (name=${name}, version=${String(version)}) not found`);

/** `_get_sql_model_version`: a live (not deleted) version and its model. */
export async function getVersionRows(
  ctx: RegistryContext, name: string, version: unknown,
): Promise<{ model: RegisteredModelRow; row: ModelVersionRow }> {
  validateModelName(name);
  const n = validateModelVersion(version);
  const model = await ctx.db.registeredModels.where('name').equals(name).first();
  const row = model && (await ctx.db.modelVersions.where('[modelId+version]').equals([model.id, n]).first());
  if (!model || !row || row.currentStage === 'Deleted_Internal') throw versionNotFound(name, n);
  return { model, row };
}

export async function createModelVersion(
  ctx: RegistryContext, name: string, source: string, opts: CreateModelVersionOptions,
  resolveVersionId: (uri: string) => Promise<string>,
): Promise<ModelVersion> {
  validateModelName(name);
  const tags = toKeyValues(opts.tags);
  for (const t of tags) validateModelVersionTag(t.key, t.value);
  if (typeof source !== 'string' || source === '') throw invalidParam(missingValueMessage('source'));
  const plan = await planSource(ctx, source, resolveVersionId);
  const { db } = ctx;
  return db.transaction('rw', [...registryTables(db), db.runs, db.artifacts], async () => {
    const model = await getModelRow(ctx, name);
    const files = await plan.files(db);
    const versions = await versionRowsOf(db, model.id);
    const now = nowMs();
    const id = crypto.randomUUID();
    const row: ModelVersionRow = {
      id, modelId: model.id, version: versions.reduce((m, v) => Math.max(m, v.version), 0) + 1,
      creationTimestamp: now, lastUpdatedTimestamp: now, description: opts.description ?? '', userId: ctx.userId,
      currentStage: 'None', source: plan.source, runId: opts.runId || plan.runId, runLink: opts.runLink ?? '',
      status: 'READY', statusMessage: '', storageLocation: files.length ? `${REGISTRY_SCHEME}/${id}` : '',
      tags: new Map(tags.map((t) => [t.key, t.value])),
      fileCount: files.length, sizeBytes: files.reduce((n, f) => n + f.size, 0),
    };
    await db.modelVersions.add(row);
    await db.modelVersionFiles.bulkAdd(files.map((f) => ({ versionId: id, ...f })));
    model.lastUpdatedTimestamp = now;
    await db.registeredModels.put(model);
    return versionFromRow(row, model);
  });
}

export async function getModelVersion(ctx: RegistryContext, name: string, version: unknown): Promise<ModelVersion> {
  const { model, row } = await getVersionRows(ctx, name, version);
  return versionFromRow(row, model);
}

/** Applies `change` to one live version in a write transaction and returns the version as it then is. */
async function updateVersion(
  ctx: RegistryContext, name: string, version: unknown,
  change: (row: ModelVersionRow, model: RegisteredModelRow) => Promise<void> | void,
): Promise<ModelVersion> {
  const { db } = ctx;
  return db.transaction('rw', registryTables(db), async () => {
    const { model, row } = await getVersionRows(ctx, name, version);
    await change(row, model);
    await db.modelVersions.put(row);
    await db.registeredModels.put(model);
    return versionFromRow(row, model);
  });
}

export function updateModelVersion(ctx: RegistryContext, name: string, version: unknown, description: string): Promise<ModelVersion> {
  return updateVersion(ctx, name, version, (row) => {
    row.description = description ?? '';
    row.lastUpdatedTimestamp = nowMs();
  });
}

/**
 * The SQL store's soft delete: the row stays (so its number is never reused) as `Deleted_Internal` with its
 * source, run and description redacted and its aliases removed. Flowpad also frees the stored files.
 */
export async function deleteModelVersion(ctx: RegistryContext, name: string, version: unknown): Promise<void> {
  const n = validateModelVersion(version);
  await updateVersion(ctx, name, n, async (row, model) => {
    const now = nowMs();
    model.lastUpdatedTimestamp = now;
    for (const [alias, v] of [...model.aliases]) if (v === n) model.aliases.delete(alias);
    Object.assign(row, {
      currentStage: 'Deleted_Internal', lastUpdatedTimestamp: now, description: '', userId: '',
      source: 'REDACTED-SOURCE-PATH', runId: 'REDACTED-RUN-ID', runLink: 'REDACTED-RUN-LINK', statusMessage: '',
      storageLocation: '', fileCount: 0, sizeBytes: 0,
    } satisfies Partial<ModelVersionRow>);
    await ctx.db.modelVersionFiles.where('[versionId+path]').between([row.id, ''], [row.id, '\uffff'], true, true).delete();
  });
}

/** `transition_model_version_stage`; archiving is refused (as MLflow does, without a code) for None/Archived. */
export function transitionModelVersionStage(
  ctx: RegistryContext, name: string, version: unknown, stage: string, archiveExisting = false,
): Promise<ModelVersion> {
  const target = canonicalStage(stage);
  if (archiveExisting && !isActiveStage(target)) {
    throw new MlflowError('INTERNAL_ERROR',
      `Model version transition cannot archive existing model versions because '${stage}' is not an Active stage. ` +
      `Valid stages are ['${ACTIVE_STAGES.join("', '")}']`);
  }
  return updateVersion(ctx, name, version, async (row, model) => {
    const now = nowMs();
    if (archiveExisting) {
      await ctx.db.modelVersions.where('modelId').equals(model.id)
        .filter((v) => v.version !== row.version && v.currentStage === target)
        .modify({ currentStage: 'Archived', lastUpdatedTimestamp: now });
    }
    row.currentStage = target;
    row.lastUpdatedTimestamp = now;
    model.lastUpdatedTimestamp = now;
  });
}

/** The newest live version per requested stage (every stage when `stages` is empty). */
export async function getLatestVersions(ctx: RegistryContext, name: string, stages?: string[]): Promise<ModelVersion[]> {
  const model = await getModelRow(ctx, name);
  const wanted = new Set(stages && stages.length ? stages.map(canonicalStage) : MODEL_VERSION_STAGES);
  const latest = latestPerStage(await versionRowsOf(ctx.db, model.id));
  return latest.filter((v) => wanted.has(v.currentStage as never)).map((v) => versionFromRow(v, model));
}

export async function searchModelVersions(ctx: RegistryContext, opts: RegistrySearchOptions = {}): Promise<PagedList<ModelVersion>> {
  const { db } = ctx;
  const [models, versions] = await Promise.all([db.registeredModels.toArray(), db.modelVersions.toArray()]);
  const byId = new Map(models.map((m) => [m.id, m]));
  const live = versions
    .filter((v) => v.currentStage !== 'Deleted_Internal' && byId.has(v.modelId))
    .map((row) => ({ ...row, name: byId.get(row.modelId)!.name, row }));
  const page = searchModelVersionRows(live, opts);
  return { items: page.rows.map((v) => versionFromRow(v.row, byId.get(v.modelId)!)), nextPageToken: page.nextPageToken };
}

export async function setModelVersionTag(ctx: RegistryContext, name: string, version: unknown, key: string, value: string): Promise<void> {
  validateModelName(name);
  validateModelVersion(version);
  validateModelVersionTag(key, value);
  await updateVersion(ctx, name, version, (row) => void row.tags.set(key, value));
}

/** Removes a tag; a missing tag is not an error (SQL store). */
export async function deleteModelVersionTag(ctx: RegistryContext, name: string, version: unknown, key: string): Promise<void> {
  validateModelName(name);
  validateModelVersion(version);
  validateTagName(key);
  await updateVersion(ctx, name, version, (row) => void row.tags.delete(key));
}

/** `get_model_version_download_uri`: the storage location, else the source. */
export async function getModelVersionDownloadUri(ctx: RegistryContext, name: string, version: unknown): Promise<string> {
  const { row } = await getVersionRows(ctx, name, version);
  return row.storageLocation || row.source;
}
