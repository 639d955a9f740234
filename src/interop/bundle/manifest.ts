/**
 * `manifest.json`, the registry metadata of a Flowpad bundle. Keys and shapes are those of MLflow's REST JSON
 * for RegisteredModel and ModelVersion (snake_case, tags as key/value lists, versions as strings), plus each
 * version's `path`: the folder in the zip holding its MLmodel files, loadable by `mlflow.pyfunc.load_model`.
 */
import { invalidParam } from '../../core/errors';
import type { ExportedModel, ImportedRegisteredModel, ImportedModelVersion } from '../../registry';

export const MANIFEST = 'manifest.json';
/** Bumped on incompatible changes; readers refuse versions they do not know. */
export const BUNDLE_FORMAT_VERSION = 1;

export interface ManifestVersion {
  version: string;
  /** Folder of the version's files in the zip, e.g. `models/churn/version-3`. */
  path: string;
  creation_timestamp?: number;
  last_updated_timestamp?: number;
  current_stage?: string;
  description?: string;
  source?: string;
  run_id?: string;
  run_link?: string;
  user_id?: string;
  status?: string;
  tags?: { key: string; value: string }[];
}

export interface ManifestModel {
  name: string;
  creation_timestamp?: number;
  last_updated_timestamp?: number;
  description?: string;
  tags?: { key: string; value: string }[];
  aliases?: { alias: string; version: string }[];
  model_versions: ManifestVersion[];
}

export interface Manifest {
  flowpad_bundle: number;
  /** ms since epoch */
  created_at: number;
  registered_models: ManifestModel[];
}

/** Folder names from model names: characters outside `[\w .-]` become `_`, and clashes get `-2`, `-3`… */
export function folderNames(names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const name of names) {
    const base = name.replace(/[^\p{L}\p{N}_ .-]/gu, '_').replace(/^[ .]+|[ .]+$/g, '_') || '_';
    let folder = base;
    for (let i = 2; used.has(folder.toLowerCase()); i++) folder = `${base}-${i}`;
    used.add(folder.toLowerCase());
    out.set(name, folder);
  }
  return out;
}

/** The manifest of an export; `paths` maps `name` → folder. */
export function buildManifest(models: readonly ExportedModel[], paths: Map<string, string>, now: number): Manifest {
  return {
    flowpad_bundle: BUNDLE_FORMAT_VERSION,
    created_at: now,
    registered_models: models.map(({ model, versions }) => ({
      name: model.name,
      creation_timestamp: model.creationTimestamp,
      last_updated_timestamp: model.lastUpdatedTimestamp,
      description: model.description,
      tags: model.tags,
      aliases: model.aliases,
      model_versions: versions.map(({ version: v }) => ({
        version: v.version,
        path: `models/${paths.get(model.name)}/version-${v.version}`,
        creation_timestamp: v.creationTimestamp,
        last_updated_timestamp: v.lastUpdatedTimestamp,
        current_stage: v.currentStage,
        description: v.description,
        source: v.source,
        run_id: v.runId,
        run_link: v.runLink,
        user_id: v.userId,
        status: v.status,
        tags: v.tags,
      })),
    })),
  };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const fail = (what: string) => invalidParam(`manifest.json: ${what}.`);

function optional<T>(o: Record<string, unknown>, key: string, type: 'string' | 'number', where: string): T | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== type || (type === 'number' && !Number.isSafeInteger(v))) throw fail(`${where}: '${key}' must be a ${type === 'number' ? 'whole number' : 'string'}`);
  return v as T;
}

function keyValues(o: Record<string, unknown>, where: string): { key: string; value: string }[] {
  const v = o.tags ?? [];
  if (!Array.isArray(v) || !v.every((t) => isObj(t) && typeof t.key === 'string' && typeof t.value === 'string')) {
    throw fail(`${where}: 'tags' must be a list of {"key", "value"} strings`);
  }
  return v as { key: string; value: string }[];
}

/**
 * Parses manifest.json into import records whose files are still to be filled in, with each version's
 * folder. Shapes are checked here; registry rules (names, stages, aliases) by the registry's validateImport.
 */
export function parseManifest(text: string): Array<{ model: ImportedRegisteredModel; folders: string[] }> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw invalidParam(`manifest.json is not valid JSON: ${(e as Error).message}.`);
  }
  if (!isObj(raw)) throw fail('expected a JSON object');
  if (raw.flowpad_bundle !== BUNDLE_FORMAT_VERSION) {
    throw fail(`unknown bundle format ${JSON.stringify(raw.flowpad_bundle ?? null)} (this Flowpad reads format ${BUNDLE_FORMAT_VERSION})`);
  }
  if (!Array.isArray(raw.registered_models)) throw fail("'registered_models' must be a list");
  return raw.registered_models.map((m, i) => {
    if (!isObj(m) || typeof m.name !== 'string') throw fail(`registered_models[${i}] needs a 'name' string`);
    const where = `model '${m.name}'`;
    if (!Array.isArray(m.model_versions)) throw fail(`${where}: 'model_versions' must be a list`);
    const aliases: Record<string, number> = {};
    const rawAliases = m.aliases ?? [];
    if (!Array.isArray(rawAliases)) throw fail(`${where}: 'aliases' must be a list`);
    for (const a of rawAliases) {
      if (!isObj(a) || typeof a.alias !== 'string' || !/^\d+$/.test(String(a.version))) throw fail(`${where}: each alias needs 'alias' and a 'version' number`);
      aliases[a.alias] = Number(a.version);
    }
    const folders: string[] = [];
    const versions = m.model_versions.map((v): ImportedModelVersion => {
      if (!isObj(v) || !/^\d+$/.test(String(v.version)) || typeof v.path !== 'string') {
        throw fail(`${where}: each version needs a 'version' number and a 'path'`);
      }
      const vw = `${where} version ${v.version}`;
      folders.push(v.path.replace(/\/+$/, ''));
      return {
        version: Number(v.version),
        creationTimestamp: optional(v, 'creation_timestamp', 'number', vw),
        lastUpdatedTimestamp: optional(v, 'last_updated_timestamp', 'number', vw),
        currentStage: optional(v, 'current_stage', 'string', vw),
        description: optional(v, 'description', 'string', vw),
        source: optional(v, 'source', 'string', vw),
        runId: optional(v, 'run_id', 'string', vw),
        runLink: optional(v, 'run_link', 'string', vw),
        userId: optional(v, 'user_id', 'string', vw),
        tags: keyValues(v, vw),
        files: [],
      };
    });
    const model: ImportedRegisteredModel = {
      name: m.name,
      creationTimestamp: optional(m, 'creation_timestamp', 'number', where),
      lastUpdatedTimestamp: optional(m, 'last_updated_timestamp', 'number', where),
      description: optional(m, 'description', 'string', where),
      tags: keyValues(m, where),
      aliases,
      versions,
    };
    return { model, folders };
  });
}
