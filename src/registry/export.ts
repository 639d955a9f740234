/** Reading what a bundle export needs: models, their live versions and each version's files. */
import { versionFiles } from '../storage';
import { compareStrings } from '../tracking/search';
import type { RegistryContext } from './context';
import { modelFromRow, versionFromRow } from './convert';
import type { ModelVersion, RegisteredModel } from './entities';
import { getModelRow, versionRowsOf } from './models';
import { getVersionRows } from './versions';

/** The whole registry, one registered model (all versions) or one version. */
export type ExportScope = { kind: 'registry' } | { kind: 'model'; name: string } | { kind: 'version'; name: string; version: string | number };

export interface ExportedVersion {
  version: ModelVersion;
  files: Array<{ path: string; data: Blob }>;
}

export interface ExportedModel {
  /** For a one-version export, only the aliases of that version. */
  model: RegisteredModel;
  versions: ExportedVersion[];
}

/** Everything in `scope`, models by name and versions by number; deleted versions are left out. */
export async function collectExport(ctx: RegistryContext, scope: ExportScope): Promise<ExportedModel[]> {
  const { db } = ctx;
  return db.transaction('r', db.registeredModels, db.modelVersions, db.modelVersionFiles, async () => {
    const models = scope.kind === 'registry' ? await db.registeredModels.toArray() : [await getModelRow(ctx, scope.name)];
    models.sort((a, b) => compareStrings(a.name, b.name));
    const only = scope.kind === 'version' ? (await getVersionRows(ctx, scope.name, scope.version)).row.version : null;
    const out: ExportedModel[] = [];
    for (const row of models) {
      const all = await versionRowsOf(db, row.id);
      const live = all.filter((v) => v.currentStage !== 'Deleted_Internal' && (only === null || v.version === only));
      live.sort((a, b) => a.version - b.version);
      const model = modelFromRow(row, all);
      if (only !== null) model.aliases = model.aliases.filter((a) => Number(a.version) === only);
      const versions = await Promise.all(live.map(async (v) => ({
        version: versionFromRow(v, row),
        files: (await versionFiles(db, v.id).toArray()).map((f) => ({ path: f.path, data: f.data })),
      })));
      out.push({ model, versions });
    }
    return out;
  });
}
