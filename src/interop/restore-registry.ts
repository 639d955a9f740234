/**
 * The registry half of `restoreMlflowDump`: an MLflow store's registered models, versions (numbers, stages,
 * descriptions, sources, run ids, statuses, times, tags, soft-deleted ones) and aliases as registry imports.
 * A version whose source names files the dump holds — `runs:/<run>/<path>` or the run's artifact URI for a run
 * in the dump, or `models:/m-<id>` for an MLflow 3 LoggedModel folder of an mlruns tree — gets those files;
 * any other version keeps its metadata and source string only (an mlflow.db holds no artifacts).
 */
import type { ImportedFile, ImportedModelVersion, ImportedRegisteredModel } from '../registry';
import type { DumpArtifact, DumpModelVersion, MlflowDump } from './dump';

/** The registry tables the import writes (FlowpadDB property names). */
export const REGISTRY_TABLE_NAMES = ['registeredModels', 'modelVersions', 'modelVersionFiles'];

/** Every registered model of `dump`, ready for `importRegisteredModels` (which validates it). */
export function toImportedModels(dump: MlflowDump): ImportedRegisteredModel[] {
  const runs = new Map(dump.runs.map((r) => [r.runId, r]));
  const filesOf = (v: DumpModelVersion): ImportedFile[] => {
    const source = v.source ?? '';
    const logged = /^models:\/(m-[0-9a-f]+)\/?$/.exec(source);
    if (logged) return (dump.loggedModelArtifacts?.[logged[1]] ?? []).map(toFile);
    const fromRunsUri = /^runs:\/([^/]+)\/?(.*)$/.exec(source);
    const run = runs.get(fromRunsUri?.[1] ?? v.runId ?? '');
    if (!run) return [];
    let path: string | null = fromRunsUri ? fromRunsUri[2] : null;
    if (path === null && run.artifactUri && source.startsWith(run.artifactUri)) {
      path = source.slice(run.artifactUri.length).replace(/^\/+/, '');
    }
    if (path === null) return [];
    return under(run.artifacts, path.replace(/\/+$/, '')).map(toFile);
  };
  return dump.registeredModels.map((m) => ({
    name: m.name,
    creationTimestamp: m.creationTimestamp,
    lastUpdatedTimestamp: m.lastUpdatedTimestamp,
    description: m.description,
    tags: m.tags,
    aliases: m.aliases,
    versions: m.versions.map((v): ImportedModelVersion => ({
      version: v.version,
      creationTimestamp: v.creationTimestamp,
      lastUpdatedTimestamp: v.lastUpdatedTimestamp,
      description: v.description,
      userId: v.userId,
      currentStage: v.currentStage,
      status: v.status,
      statusMessage: v.statusMessage,
      source: v.source,
      runId: v.runId,
      runLink: v.runLink,
      tags: v.tags,
      files: v.currentStage === 'Deleted_Internal' ? [] : filesOf(v),
    })),
  }));
}

/** Artifacts under folder `dir` ('' = all), with paths relative to it. */
function under(artifacts: readonly DumpArtifact[], dir: string): DumpArtifact[] {
  if (!dir) return [...artifacts];
  return artifacts.filter((a) => a.path.startsWith(`${dir}/`)).map((a) => ({ path: a.path.slice(dir.length + 1), data: a.data }));
}

const toFile = (a: DumpArtifact): ImportedFile => ({ path: a.path, data: a.data });
