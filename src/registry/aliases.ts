/** Registered model aliases: one version per alias per model; `latest` and `v<digits>` are reserved. */
import { MlflowError, notFound } from '../core/errors';
import type { RegistryContext } from './context';
import { versionFromRow } from './convert';
import type { ModelVersion } from './entities';
import { getModelRow, registryTables } from './models';
import { getLatestVersions, getVersionRows } from './versions';
import { LATEST_ALIAS, validateAliasName, validateAliasNotReserved, validateModelName, validateModelVersion } from './validation';

/** Points `alias` at a live version; an alias already on another version moves (SQL store `merge`). */
export async function setRegisteredModelAlias(ctx: RegistryContext, name: string, alias: string, version: unknown): Promise<void> {
  validateModelName(name);
  validateAliasName(alias);
  validateAliasNotReserved(alias);
  const n = validateModelVersion(version);
  const { db } = ctx;
  await db.transaction('rw', registryTables(db), async () => {
    const { model } = await getVersionRows(ctx, name, n);
    model.aliases.delete(alias); // re-inserting keeps "order set" meaningful
    model.aliases.set(alias, n);
    await db.registeredModels.put(model);
  });
}

/** Removes an alias; a missing alias is not an error, a missing model is. */
export async function deleteRegisteredModelAlias(ctx: RegistryContext, name: string, alias: string): Promise<void> {
  validateModelName(name);
  validateAliasName(alias);
  const { db } = ctx;
  await db.transaction('rw', registryTables(db), async () => {
    const model = await getModelRow(ctx, name);
    if (model.aliases.delete(alias)) await db.registeredModels.put(model);
  });
}

/** The version an alias names; `latest` (any case) is the newest live version. */
export async function getModelVersionByAlias(ctx: RegistryContext, name: string, alias: string): Promise<ModelVersion> {
  validateModelName(name);
  validateAliasName(alias);
  if (alias.toLowerCase() === LATEST_ALIAS) {
    const versions = await getLatestVersions(ctx, name);
    if (versions.length === 0) throw notFound(`Latest version not found for model ${name}.`);
    return versions.reduce((a, b) => (Number(b.version) > Number(a.version) ? b : a));
  }
  const model = await getModelRow(ctx, name);
  const version = model.aliases.get(alias);
  if (version === undefined) throw new MlflowError('INVALID_PARAMETER_VALUE', `Registered model alias ${alias} not found.`);
  const { row } = await getVersionRows(ctx, name, version);
  return versionFromRow(row, model);
}
