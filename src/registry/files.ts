/** Reading a model's files: a registry version's stored copy, or a run's artifact folder. */
import { notFound } from '../core/errors';
import { runArtifacts, versionFiles } from '../storage';
import { normalizeArtifactPath } from '../tracking/artifacts';
import type { RegistryContext } from './context';
import type { ModelFileInfo, ResolvedModelUri } from './entities';
import { getVersionRows } from './versions';

/** The files of one version, sorted by path. */
export async function listModelVersionFiles(ctx: RegistryContext, name: string, version: unknown): Promise<ModelFileInfo[]> {
  const { row } = await getVersionRows(ctx, name, version);
  const rows = await versionFiles(ctx.db, row.id).toArray();
  return rows.map((f) => ({ path: f.path, size: f.size }));
}

export async function downloadModelVersionFile(ctx: RegistryContext, name: string, version: unknown, path: string): Promise<Blob> {
  const { row } = await getVersionRows(ctx, name, version);
  const clean = normalizeArtifactPath(path);
  const file = await ctx.db.modelVersionFiles.get([row.id, clean]);
  if (!file) throw notFound(`File '${clean}' not found in model version ${row.version} of '${name}'`);
  return file.data;
}

/** Every file of a resolved model, by path relative to the model folder. */
export async function filesOf(ctx: RegistryContext, target: ResolvedModelUri): Promise<Map<string, Blob>> {
  if (target.kind === 'model-version') {
    const { row } = await getVersionRows(ctx, target.name, target.version);
    const rows = await versionFiles(ctx.db, row.id).toArray();
    return new Map(rows.map((f) => [f.path, f.data]));
  }
  if (!(await ctx.db.runs.get(target.runId))) throw notFound(`Run with id=${target.runId} not found`);
  const prefix = target.artifactPath ? target.artifactPath + '/' : '';
  const rows = await runArtifacts(ctx.db, target.runId, prefix).toArray();
  return new Map(rows.map((a) => [a.path.slice(prefix.length), a.data]));
}
