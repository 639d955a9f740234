/**
 * A FlowpadDB with the model registry's tables as the registry branch declares them, so table-generic code
 * (backup, storage report) is tested on them before they land in the one schema.
 */
import { FlowpadDB, type OpenDbOptions } from '../src/storage';

export class RegistryShapedDB extends FlowpadDB {
  constructor(opts: OpenDbOptions) {
    super(opts);
    this.version(2).stores({
      registeredModels: 'id, &name',
      modelVersions: 'id, &[modelId+version], modelId, runId',
      modelVersionFiles: '[versionId+path]',
    });
  }
}

/** A registered model with `versions` versions of one 1,000-byte file each. */
export async function putModel(db: FlowpadDB, id: string, name: string, versions: number, creation = 1): Promise<void> {
  await db.table('registeredModels').put({ id, name, creationTimestamp: creation, lastUpdatedTimestamp: creation, description: '', tags: new Map(), aliases: new Map() });
  for (let v = 1; v <= versions; v++) {
    const vid = `${id}-v${v}`;
    await db.table('modelVersions').put({ id: vid, modelId: id, version: v, runId: null, tags: new Map(), fileCount: 1, sizeBytes: 1000 });
    await db.table('modelVersionFiles').put({ versionId: vid, path: 'model.onnx', data: new Blob([new Uint8Array(1000).fill(v)]), size: 1000, contentType: 'application/octet-stream' });
  }
}
