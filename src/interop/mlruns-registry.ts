/**
 * The model registry FileStore folder (`mlruns/models/`; mlflow/store/model_registry/file_store.py):
 * `<name>/meta.yaml`, `<name>/tags/<key>`, `<name>/aliases/<alias>` (content: the version number) and
 * `<name>/version-<n>/{meta.yaml,tags/}`. Parsed into the neutral dump; restoreMlflowDump writes it into
 * Flowpad's registry (restore-registry.ts).
 */
import type { DumpModelVersion, DumpRegisteredModel } from './dump';
import { parsePyInt, readYamlMap, type TreeIndex, utf8 } from './files';

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);

function meta(tree: TreeIndex, dir: string, warnings: string[]): Record<string, unknown> | null {
  const path = `${dir}/meta.yaml`;
  const data = tree.get(path);
  if (!data) return null;
  try {
    const m = readYamlMap(data, path);
    if (!m) warnings.push(`${path}: empty or not a mapping, skipped`);
    return m;
  } catch (e) {
    warnings.push(`${(e as Error).message}; skipped`);
    return null;
  }
}

/** Every registered model under `dir` (normally `models`), with its versions, tags and aliases. */
export function readRegistryFolder(tree: TreeIndex, dir: string, warnings: string[]): DumpRegisteredModel[] {
  const out: DumpRegisteredModel[] = [];
  for (const folder of tree.dirs(dir)) {
    const base = `${dir}/${folder}`;
    const m = meta(tree, base, warnings);
    if (!m) continue;
    const aliases: Record<string, number> = {};
    for (const [alias, data] of tree.walk(`${base}/aliases`)) {
      const v = parsePyInt(utf8(data));
      if (v === null) warnings.push(`${base}/aliases/${alias}: not a version number, skipped`);
      else aliases[alias] = v;
    }
    const versions: DumpModelVersion[] = [];
    for (const vdir of tree.dirs(base)) {
      if (!/^version-\d+$/.test(vdir)) continue;
      const v = meta(tree, `${base}/${vdir}`, warnings);
      if (v) versions.push(readVersion(tree, `${base}/${vdir}`, v));
    }
    versions.sort((a, b) => a.version - b.version);
    out.push({
      name: str(m.name) ?? folder,
      creationTimestamp: int(m.creation_timestamp),
      lastUpdatedTimestamp: int(m.last_updated_timestamp),
      description: str(m.description),
      tags: tree.walk(`${base}/tags`).map(([key, d]) => ({ key, value: utf8(d) })),
      aliases,
      versions,
    });
  }
  return out;
}

function readVersion(tree: TreeIndex, dir: string, v: Record<string, unknown>): DumpModelVersion {
  return {
    name: str(v.name) ?? '',
    version: int(v.version) ?? Number(dir.split('-').pop()),
    creationTimestamp: int(v.creation_timestamp),
    lastUpdatedTimestamp: int(v.last_updated_timestamp),
    userId: str(v.user_id),
    currentStage: str(v.current_stage) ?? 'None',
    description: str(v.description),
    source: str(v.source),
    runId: str(v.run_id),
    runLink: str(v.run_link),
    status: str(v.status) ?? 'READY',
    statusMessage: str(v.status_message),
    storageLocation: str(v.storage_location),
    tags: tree.walk(`${dir}/tags`).map(([key, d]) => ({ key, value: utf8(d) })),
  };
}
