/** `openRegistry()`: the RegistryClient (see api.ts) over one IndexedDB database. */
import { guardStorage, openDb, type FlowpadDB, type OpenDbOptions } from '../storage';
import * as aliases from './aliases';
import type { RegistryClient } from './api';
import type { RegistryContext } from './context';
import { collectExport } from './export';
import * as files from './files';
import { importRegisteredModels } from './import';
import * as models from './models';
import { resolveModelUri } from './uri';
import * as versions from './versions';

export interface OpenRegistryOptions {
  /** IndexedDB database name; default 'flowpad' (the tracking client's). */
  dbName?: string;
  indexedDB?: OpenDbOptions['indexedDB'];
  IDBKeyRange?: OpenDbOptions['IDBKeyRange'];
  /** An already open database to share (e.g. the tracking client's); `close()` then leaves it open. */
  db?: FlowpadDB;
  /** `user_id` of new versions; default '' as in MLflow's open-source server. */
  userId?: string;
}

/** A registry client over its own context; exported for workers that already hold a context. */
export function registryClient(ctx: RegistryContext, onClose: () => void = () => undefined): RegistryClient {
  const client: RegistryClient = {
    createRegisteredModel: async (name, o) => models.createRegisteredModel(ctx, name, o),
    getRegisteredModel: async (name) => models.getRegisteredModel(ctx, name),
    renameRegisteredModel: async (name, newName) => models.renameRegisteredModel(ctx, name, newName),
    updateRegisteredModel: async (name, d) => models.updateRegisteredModel(ctx, name, d),
    deleteRegisteredModel: async (name) => models.deleteRegisteredModel(ctx, name),
    searchRegisteredModels: async (o) => models.searchRegisteredModels(ctx, o),
    setRegisteredModelTag: async (name, k, v) => models.setRegisteredModelTag(ctx, name, k, v),
    deleteRegisteredModelTag: async (name, k) => models.deleteRegisteredModelTag(ctx, name, k),
    getLatestVersions: async (name, stages) => versions.getLatestVersions(ctx, name, stages),

    setRegisteredModelAlias: async (name, a, v) => aliases.setRegisteredModelAlias(ctx, name, a, v),
    deleteRegisteredModelAlias: async (name, a) => aliases.deleteRegisteredModelAlias(ctx, name, a),
    getModelVersionByAlias: async (name, a) => aliases.getModelVersionByAlias(ctx, name, a),

    createModelVersion: async (name, source, o) => versions.createModelVersion(ctx, name, source, o ?? {}, versionIdOf),
    registerModel: async (uri, name, o) => {
      try {
        await models.createRegisteredModel(ctx, name);
      } catch (e) {
        // mlflow.register_model: an existing model just gets a new version.
        if ((e as { code?: string }).code !== 'RESOURCE_ALREADY_EXISTS') throw e;
      }
      return versions.createModelVersion(ctx, name, uri, o ?? {}, versionIdOf);
    },
    getModelVersion: async (name, v) => versions.getModelVersion(ctx, name, v),
    updateModelVersion: async (name, v, d) => versions.updateModelVersion(ctx, name, v, d),
    deleteModelVersion: async (name, v) => versions.deleteModelVersion(ctx, name, v),
    transitionModelVersionStage: async (name, v, stage, archive) => versions.transitionModelVersionStage(ctx, name, v, stage, archive),
    searchModelVersions: async (o) => versions.searchModelVersions(ctx, o),
    setModelVersionTag: async (name, v, k, value) => versions.setModelVersionTag(ctx, name, v, k, value),
    deleteModelVersionTag: async (name, v, k) => versions.deleteModelVersionTag(ctx, name, v, k),
    getModelVersionDownloadUri: async (name, v) => versions.getModelVersionDownloadUri(ctx, name, v),

    resolveModelUri: async (uri) => resolveModelUri(client, uri),
    getModelFiles: async (uri) => files.filesOf(ctx, await resolveModelUri(client, uri)),
    listModelVersionFiles: async (name, v) => files.listModelVersionFiles(ctx, name, v),
    downloadModelVersionFile: async (name, v, p) => files.downloadModelVersionFile(ctx, name, v, p),

    importRegisteredModels: async (m, o) => importRegisteredModels(ctx, m, o),
    collectExport: async (scope) => collectExport(ctx, scope),

    close: onClose,
  };
  // A full disk gives QUOTA_EXCEEDED with advice, as the tracking client does.
  guardStorage(client);
  /** The internal id of the version a `models:/` URI names (a source to copy files from). */
  async function versionIdOf(uri: string): Promise<string> {
    const target = await resolveModelUri(client, uri);
    if (target.kind !== 'model-version') throw new Error(`${uri} does not name a model version`);
    return (await versions.getVersionRows(ctx, target.name, target.version)).row.id;
  }
  return client;
}

export function openRegistry(opts: OpenRegistryOptions = {}): RegistryClient {
  const db = opts.db ?? openDb({ name: opts.dbName, indexedDB: opts.indexedDB, IDBKeyRange: opts.IDBKeyRange });
  return registryClient({ db, userId: opts.userId ?? '' }, () => {
    if (!opts.db) db.close();
  });
}
