/** Registered models, their tags and aliases, with the SQL registry store's rules, messages and codes. */
import { MlflowError, notFound } from '../core/errors';
import { nowMs } from '../core/time';
import type { FlowpadDB, ModelVersionRow, RegisteredModelRow } from '../storage';
import { toKeyValues } from '../tracking/convert';
import type { KeyValue } from '../tracking/entities';
import { IS_PROMPT_TAG, searchRegisteredModelRows } from '../tracking/search';
import { pyStr } from '../tracking/search/pyfmt';
import { validateTagName } from '../tracking/validation';
import type { RegistrySearchOptions } from './api';
import type { RegistryContext } from './context';
import { modelFromRow } from './convert';
import type { PagedList, RegisteredModel } from './entities';
import { validateModelName, validateModelRenaming, validateRegisteredModelTag } from './validation';

/** The tables a registry write may touch; every write transaction names all of them. */
export const registryTables = (db: FlowpadDB) => [db.registeredModels, db.modelVersions, db.modelVersionFiles];

export const modelNotFound = (name: string): MlflowError => notFound(`Registered Model with name=${name} not found`);

/** `_get_registered_model`: validates the name, then finds the model or answers RESOURCE_DOES_NOT_EXIST. */
export async function getModelRow(ctx: RegistryContext, name: string): Promise<RegisteredModelRow> {
  validateModelName(name);
  const row = await ctx.db.registeredModels.where('name').equals(name).first();
  if (!row) throw modelNotFound(name);
  return row;
}

/** Every version row of a model, deleted ones included. */
export function versionRowsOf(db: FlowpadDB, modelId: string): Promise<ModelVersionRow[]> {
  return db.modelVersions.where('modelId').equals(modelId).toArray();
}

async function toEntity(ctx: RegistryContext, row: RegisteredModelRow): Promise<RegisteredModel> {
  return modelFromRow(row, await versionRowsOf(ctx.db, row.id));
}

const isPromptTags = (tags: ReadonlyMap<string, string> | KeyValue[]): boolean =>
  Array.isArray(tags) ? tags.some((t) => t.key === IS_PROMPT_TAG) : tags.has(IS_PROMPT_TAG);

/** `handle_resource_already_exist_error`: a model, or a prompt, of that name exists. */
function nameTaken(name: string, existing: RegisteredModelRow, newTags: KeyValue[]): MlflowError {
  const oldEntity = isPromptTags(existing.tags) ? 'Prompt' : 'Registered Model';
  const newEntity = isPromptTags(newTags) ? 'Prompt' : 'Registered Model';
  if (oldEntity !== newEntity) {
    return new MlflowError('RESOURCE_ALREADY_EXISTS',
      `Tried to create a ${newEntity.toLowerCase()} with name ${pyStr(name)}, but the name is already taken by a ` +
      `${oldEntity.toLowerCase()}. MLflow does not allow creating a model and a prompt with the same name.`);
  }
  return new MlflowError('RESOURCE_ALREADY_EXISTS', `${newEntity} (name=${name}) already exists.`);
}

export async function createRegisteredModel(
  ctx: RegistryContext, name: string, opts: { tags?: Record<string, string> | KeyValue[]; description?: string } = {},
): Promise<RegisteredModel> {
  validateModelName(name);
  const tags = toKeyValues(opts.tags);
  for (const t of tags) validateRegisteredModelTag(t.key, t.value);
  const { db } = ctx;
  return db.transaction('rw', registryTables(db), async () => {
    const existing = await db.registeredModels.where('name').equals(name).first();
    if (existing) throw nameTaken(name, existing, tags);
    const now = nowMs();
    const row: RegisteredModelRow = {
      id: crypto.randomUUID(), name, creationTimestamp: now, lastUpdatedTimestamp: now,
      description: opts.description ?? '', tags: new Map(tags.map((t) => [t.key, t.value])), aliases: new Map(),
    };
    await db.registeredModels.add(row);
    return modelFromRow(row, []);
  });
}

export async function getRegisteredModel(ctx: RegistryContext, name: string): Promise<RegisteredModel> {
  return toEntity(ctx, await getModelRow(ctx, name));
}

/** Applies `change` to one model in a write transaction and returns the model as it then is. */
async function updateModel(
  ctx: RegistryContext, name: string, change: (row: RegisteredModelRow) => Promise<void> | void,
): Promise<RegisteredModel> {
  const { db } = ctx;
  return db.transaction('rw', registryTables(db), async () => {
    const row = await getModelRow(ctx, name);
    await change(row);
    await db.registeredModels.put(row);
    return toEntity(ctx, row);
  });
}

/** Renames a model; it and every one of its versions get a new last-updated time, as in the SQL store. */
export function renameRegisteredModel(ctx: RegistryContext, name: string, newName: string): Promise<RegisteredModel> {
  validateModelRenaming(newName);
  return updateModel(ctx, name, async (row) => {
    const clash = await ctx.db.registeredModels.where('name').equals(newName).first();
    if (clash && clash.id !== row.id) throw new MlflowError('RESOURCE_ALREADY_EXISTS', `Registered Model (name=${newName}) already exists.`);
    const now = nowMs();
    row.name = newName;
    row.lastUpdatedTimestamp = now;
    await ctx.db.modelVersions.where('modelId').equals(row.id).modify({ lastUpdatedTimestamp: now });
  });
}

export function updateRegisteredModel(ctx: RegistryContext, name: string, description: string): Promise<RegisteredModel> {
  return updateModel(ctx, name, (row) => {
    row.description = description ?? '';
    row.lastUpdatedTimestamp = nowMs();
  });
}

/** Deletes the model, all its versions (a later model of the same name starts again at 1), aliases and files. */
export async function deleteRegisteredModel(ctx: RegistryContext, name: string): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', registryTables(db), async () => {
    const row = await getModelRow(ctx, name);
    const ids = await db.modelVersions.where('modelId').equals(row.id).primaryKeys();
    for (const id of ids) await db.modelVersionFiles.where('[versionId+path]').between([id, ''], [id, '\uffff'], true, true).delete();
    await db.modelVersions.bulkDelete(ids);
    await db.registeredModels.delete(row.id);
  });
}

export async function searchRegisteredModels(ctx: RegistryContext, opts: RegistrySearchOptions = {}): Promise<PagedList<RegisteredModel>> {
  const { db } = ctx;
  const page = await db.transaction('r', db.registeredModels, () => db.registeredModels.toArray())
    .then((rows) => searchRegisteredModelRows(rows, opts));
  const items = await Promise.all(page.rows.map((r) => toEntity(ctx, r)));
  return { items, nextPageToken: page.nextPageToken };
}

export async function setRegisteredModelTag(ctx: RegistryContext, name: string, key: string, value: string): Promise<void> {
  validateModelName(name);
  validateRegisteredModelTag(key, value);
  await updateModel(ctx, name, (row) => void row.tags.set(key, value));
}

/** Removes a tag; a missing tag is not an error (SQL store). */
export async function deleteRegisteredModelTag(ctx: RegistryContext, name: string, key: string): Promise<void> {
  validateModelName(name);
  validateTagName(key);
  await updateModel(ctx, name, (row) => void row.tags.delete(key));
}
