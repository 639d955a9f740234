/**
 * Where the serving page gets a model: a URI (`models:/name/3`, `models:/name@champion`, `models:/name/Production`,
 * `runs:/<run_id>/model`) resolved to a model folder, behind a small interface so other sources (a URL, a dropped
 * folder) can plug in. The registry client resolves both URI kinds; this module adds the labels the page shows
 * and the key the inference worker caches the loaded model under.
 */
import type { RegistryClient } from '../../registry';
import type { ModelFiles } from '../../models/model-folder';

/** A resolved model, ready to be read and loaded. */
export interface ServableModel {
  /** The URI as the user gave it. */
  uri: string;
  /**
   * The inference worker's cache key. Registry versions never change, so `models:/name/<version>` (an alias moved
   * to another version gets another key); a run's folder may be rewritten, so its key includes a fingerprint.
   */
  versionKey: string;
  /** What the page title says, e.g. `iris · version 3` or `Run 5f2a… · model`. */
  title: string;
  registry?: { name: string; version: string; stage: string; aliases: string[] };
  run?: { runId: string; artifactPath: string };
  /** Every file of the model folder by relative path. */
  files: ModelFiles;
}

/** Resolves URIs to model folders. */
export interface ModelSource {
  resolve(uri: string): Promise<ServableModel>;
}

async function toFiles(blobs: Map<string, Blob>): Promise<ModelFiles> {
  const entries = await Promise.all([...blobs].map(async ([p, b]) => [p, new Uint8Array(await b.arrayBuffer())] as const));
  return Object.fromEntries(entries);
}

/** FNV-1a over paths and sizes (and MLmodel's bytes): enough to notice a rewritten run folder. */
function fingerprint(files: ModelFiles): string {
  let h = 0x811c9dc5;
  const mix = (n: number) => (h = Math.imul(h ^ n, 0x01000193) >>> 0);
  for (const p of Object.keys(files).sort()) {
    for (let i = 0; i < p.length; i++) mix(p.charCodeAt(i));
    mix(files[p].byteLength);
  }
  for (const b of files.MLmodel ?? []) mix(b);
  return h.toString(16).padStart(8, '0');
}

/** The registry-backed source: `models:/` URIs through versions, aliases and stages; `runs:/` through a run's artifacts. */
export function registryModelSource(registry: RegistryClient): ModelSource {
  return {
    async resolve(uri) {
      const target = await registry.resolveModelUri(uri.trim());
      if (target.kind === 'model-version') {
        const v = await registry.getModelVersion(target.name, target.version);
        const canonical = `models:/${v.name}/${v.version}`;
        const files = await toFiles(await registry.getModelFiles(canonical));
        return {
          uri, versionKey: canonical, title: `${v.name} · version ${v.version}`, files,
          registry: { name: v.name, version: v.version, stage: v.currentStage, aliases: v.aliases },
        };
      }
      const files = await toFiles(await registry.getModelFiles(uri.trim()));
      const path = target.artifactPath || '.';
      return {
        uri, versionKey: `runs:/${target.runId}/${target.artifactPath}#${fingerprint(files)}`,
        title: `Run ${target.runId.slice(0, 8)} · ${path}`, files, run: { runId: target.runId, artifactPath: target.artifactPath },
      };
    },
  };
}
