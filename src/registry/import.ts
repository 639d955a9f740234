/**
 * Writing registered models that came from elsewhere (a bundle zip, a Python MLflow model folder, an mlruns
 * registry) in ONE transaction: everything is validated first, and any failure leaves the database as it was.
 *
 * Policy: a model whose name is new keeps its version numbers, stages, aliases, tags and times. A model whose
 * name exists gets the imported versions appended as new numbers (max + 1, in bundle order); its own
 * description and tags stay, imported tags are added only where the key is unset, and an imported alias is
 * set only if the model does not already use it (others are reported as skipped, never stolen).
 *
 * With `onExisting: 'same-or-refuse'` (imports of MLflow stores, which carry their own version numbers) a model
 * whose name exists is never merged: if it is the same model (same creation time, and every imported version
 * present with the same number, creation time and source) it is left as it is, so a repeated import creates
 * nothing; otherwise the whole import fails with RESOURCE_ALREADY_EXISTS naming the model.
 */
import { invalidParam, MlflowError } from '../core/errors';
import { nowMs } from '../core/time';
import { REGISTRY_SCHEME, type ModelVersionRow, type ModelVersionStageRow, type RegisteredModelRow } from '../storage';
import { guessContentType, normalizeArtifactPath } from '../tracking/artifacts';
import type { KeyValue } from '../tracking/entities';
import type { RegistryContext } from './context';
import { registryTables, versionRowsOf } from './models';
import {
  canonicalStage, validateAliasName, validateAliasNotReserved, validateModelName, validateModelVersionTag,
  validateRegisteredModelTag,
} from './validation';

/** One file of an imported version's model folder. */
export interface ImportedFile {
  /** Relative to the model folder, '/'-separated. */
  path: string;
  data: Blob | Uint8Array;
  contentType?: string;
}

export interface ImportedModelVersion {
  /** The number in the source registry; kept when the model is new. */
  version?: number;
  creationTimestamp?: number | null;
  lastUpdatedTimestamp?: number | null;
  description?: string | null;
  userId?: string | null;
  /** None / Staging / Production / Archived (any case); default None. `Deleted_Internal`: a soft-deleted version,
   * kept hidden so its number is never reused (as MLflow's SQL store keeps it). */
  currentStage?: string | null;
  /** READY (default), PENDING_REGISTRATION or FAILED_REGISTRATION. */
  status?: string | null;
  statusMessage?: string | null;
  source?: string | null;
  runId?: string | null;
  runLink?: string | null;
  tags?: KeyValue[];
  files: ImportedFile[];
}

export interface ImportedRegisteredModel {
  name: string;
  creationTimestamp?: number | null;
  lastUpdatedTimestamp?: number | null;
  description?: string | null;
  tags?: KeyValue[];
  /** alias → version number in the source registry. */
  aliases?: Record<string, number>;
  versions: ImportedModelVersion[];
}

/** What an import did, model by model. */
export interface ImportSummary {
  models: Array<{
    name: string;
    /** False when the versions were appended to an existing model, or it was left unchanged. */
    created: boolean;
    /** True when an identical model was already there and nothing was written ('same-or-refuse'). */
    unchanged: boolean;
    versions: Array<{ from: number | null; to: number }>;
    /** Aliases the existing model already used, left where they were. */
    skippedAliases: string[];
  }>;
}

export interface ImportOptions {
  /** What happens to a model whose name exists (see the module doc); default 'append'. */
  onExisting?: 'append' | 'same-or-refuse';
}

const STATUSES = ['READY', 'PENDING_REGISTRATION', 'FAILED_REGISTRATION'] as const;
const DELETED = 'Deleted_Internal';

const at = (where: string, e: unknown): Error => invalidParam(`${where}: ${(e as Error).message}`);

/** Every registry rule an import must pass, checked before anything is written. Messages name the model. */
export function validateImport(models: readonly ImportedRegisteredModel[]): void {
  const seen = new Set<string>();
  for (const m of models) {
    try {
      validateModelName(m.name);
    } catch (e) {
      throw at(`Registered model ${JSON.stringify(m.name)}`, e);
    }
    if (seen.has(m.name)) throw invalidParam(`Registered model '${m.name}' appears twice in the import.`);
    seen.add(m.name);
    const where = `Registered model '${m.name}'`;
    try {
      for (const t of m.tags ?? []) validateRegisteredModelTag(t.key, t.value);
    } catch (e) {
      throw at(where, e);
    }
    const numbers = new Set<number>();
    for (const v of m.versions) {
      const vw = `${where}, version ${v.version ?? '(new)'}`;
      if (v.version !== undefined) {
        if (!Number.isSafeInteger(v.version) || v.version < 1) throw invalidParam(`${vw}: version numbers must be positive integers.`);
        if (numbers.has(v.version)) throw invalidParam(`${where}: version ${v.version} appears twice.`);
        numbers.add(v.version);
      }
      try {
        if (v.currentStage && v.currentStage !== DELETED) canonicalStage(v.currentStage);
        if (v.status && !(STATUSES as readonly string[]).includes(v.status)) {
          throw invalidParam(`Invalid model version status '${v.status}'. Value must be one of ${STATUSES.join(', ')}.`);
        }
        for (const t of v.tags ?? []) validateModelVersionTag(t.key, t.value);
        for (const f of v.files) normalizeArtifactPath(f.path);
      } catch (e) {
        throw at(vw, e);
      }
      if (new Set(v.files.map((f) => f.path)).size !== v.files.length) throw invalidParam(`${vw}: a file appears twice.`);
    }
    for (const [alias, version] of Object.entries(m.aliases ?? {})) {
      try {
        validateAliasName(alias);
        validateAliasNotReserved(alias);
      } catch (e) {
        throw at(where, e);
      }
      const target = m.versions.find((v) => v.version === version);
      if (!target || target.currentStage === DELETED) {
        throw invalidParam(`${where}: alias '${alias}' points at version ${version}, which the import does not contain.`);
      }
    }
  }
}

const toBlob = (f: ImportedFile): Blob =>
  f.data instanceof Blob ? f.data : new Blob([f.data as BlobPart], { type: f.contentType ?? guessContentType(f.path) });

/** True when `row` (with its version rows) is the model `m` describes: same creation time and versions. */
function isSameModel(row: RegisteredModelRow, versions: readonly ModelVersionRow[], m: ImportedRegisteredModel): boolean {
  if (m.creationTimestamp != null && row.creationTimestamp !== m.creationTimestamp) return false;
  return m.versions.every((v) => {
    const have = versions.find((r) => r.version === v.version);
    if (!have || (v.creationTimestamp != null && have.creationTimestamp !== v.creationTimestamp)) return false;
    return v.currentStage === DELETED ? have.currentStage === DELETED : have.source === (v.source ?? '');
  });
}

/**
 * Validates, then writes every model in one transaction (see the policy above). Called inside a caller's
 * transaction over these tables (restoreMlflowDump), it joins that transaction instead.
 */
export async function importRegisteredModels(
  ctx: RegistryContext, models: readonly ImportedRegisteredModel[], opts: ImportOptions = {},
): Promise<ImportSummary> {
  validateImport(models);
  // Blobs are built before the transaction: an IndexedDB transaction must not wait on anything else.
  const blobs = models.map((m) => m.versions.map((v) => v.files.map(toBlob)));
  const { db } = ctx;
  return db.transaction('rw', registryTables(db), async () => {
    const summary: ImportSummary = { models: [] };
    for (const [i, m] of models.entries()) {
      const now = nowMs();
      let model = await db.registeredModels.where('name').equals(m.name).first();
      const created = !model;
      if (model && opts.onExisting === 'same-or-refuse') {
        if (!isSameModel(model, await versionRowsOf(db, model.id), m)) {
          throw new MlflowError('RESOURCE_ALREADY_EXISTS', `Registered Model (name=${m.name}) already exists in Flowpad with ` +
            'other versions; nothing was imported. Rename or delete it, then import again.');
        }
        summary.models.push({ name: m.name, created: false, unchanged: true, versions: [], skippedAliases: [] });
        continue;
      }
      if (!model) {
        model = {
          id: crypto.randomUUID(), name: m.name, creationTimestamp: m.creationTimestamp ?? now,
          lastUpdatedTimestamp: m.lastUpdatedTimestamp ?? now, description: m.description ?? '', tags: new Map(), aliases: new Map(),
        };
      }
      for (const t of m.tags ?? []) if (created || !model.tags.has(t.key)) model.tags.set(t.key, t.value);
      const provided = m.versions.flatMap((v) => (v.version === undefined ? [] : [v.version]));
      let next = created
        ? Math.max(0, ...provided) + 1
        : (await versionRowsOf(db, model.id)).reduce((n, v) => Math.max(n, v.version), 0) + 1;
      const numbers = new Map<number, number>();
      const entry: ImportSummary['models'][number] = { name: m.name, created, unchanged: false, versions: [], skippedAliases: [] };
      for (const [j, v] of m.versions.entries()) {
        const number = created && v.version !== undefined ? v.version : next++;
        if (v.version !== undefined) numbers.set(v.version, number);
        entry.versions.push({ from: v.version ?? null, to: number });
        await addVersion(ctx, model, v, number, blobs[i][j], now);
      }
      for (const [alias, version] of Object.entries(m.aliases ?? {})) {
        if (!created && model.aliases.has(alias)) entry.skippedAliases.push(alias);
        else model.aliases.set(alias, numbers.get(version)!);
      }
      if (!created && m.versions.length) model.lastUpdatedTimestamp = now;
      await db.registeredModels.put(model);
      summary.models.push(entry);
    }
    return summary;
  });
}

async function addVersion(
  ctx: RegistryContext, model: RegisteredModelRow, v: ImportedModelVersion, number: number, blobs: Blob[], now: number,
): Promise<void> {
  const id = crypto.randomUUID();
  const deleted = v.currentStage === DELETED;
  const files = deleted ? [] : v.files.map((f, k) => ({ versionId: id, path: normalizeArtifactPath(f.path), data: blobs[k], size: blobs[k].size, contentType: blobs[k].type || guessContentType(f.path) }));
  const row: ModelVersionRow = {
    id, modelId: model.id, version: number,
    creationTimestamp: v.creationTimestamp ?? now, lastUpdatedTimestamp: v.lastUpdatedTimestamp ?? now,
    description: v.description ?? '', userId: v.userId ?? '',
    currentStage: deleted ? DELETED : ((v.currentStage ? canonicalStage(v.currentStage) : 'None') as ModelVersionStageRow),
    source: v.source || (files.length ? `${REGISTRY_SCHEME}/${id}` : ''), runId: v.runId || null, runLink: v.runLink ?? '',
    status: (v.status as ModelVersionRow['status'] | null | undefined) ?? 'READY', statusMessage: v.statusMessage ?? '', storageLocation: files.length ? `${REGISTRY_SCHEME}/${id}` : '',
    tags: new Map((v.tags ?? []).map((t) => [t.key, t.value])),
    fileCount: files.length, sizeBytes: files.reduce((n, f) => n + f.size, 0),
  };
  await ctx.db.modelVersions.add(row);
  await ctx.db.modelVersionFiles.bulkAdd(files);
}
