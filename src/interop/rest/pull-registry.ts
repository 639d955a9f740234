/**
 * Registry pull: copies registered models from an MLflow server into Flowpad's registry — versions with their
 * numbers, stages, descriptions, sources, run ids, statuses, times and tags, and aliases — through
 * `restoreMlflowDump`, so it is validated first, written in one transaction, and follows its policy: a model
 * Flowpad already has identically is left unchanged (pulling twice creates nothing), a different one of that name
 * fails the pull with RESOURCE_ALREADY_EXISTS. Models whose every version was pushed from this Flowpad
 * (`flowpad.sourceVersion`) are not pulled back. A version's run id becomes the Flowpad run it was pushed from
 * when there is one. Files are not downloaded: versions keep their server source string (pull the runs'
 * experiments to have their artifacts here).
 */
import type { RegistryClient } from '../../registry';
import type { DumpModelVersion } from '../dump';
import { emptyDump } from '../dump';
import { restoreMlflowDump, type RestoreResult } from '../restore';
import { SOURCE_RUN_TAG } from './push';
import { SOURCE_VERSION_TAG, type RegistryPushTargets } from './push-registry';
import type { RemoteVersion } from './registry-client';
import type { TrackingClient } from '../../tracking';

/** Pulls the named server models into Flowpad (see the module doc). */
export async function pullRegisteredModels(
  remote: RegistryPushTargets, local: { tracking: TrackingClient; registry: RegistryClient }, names: string[],
): Promise<RestoreResult> {
  const dump = emptyDump();
  const runIds = new Map<string, string>();
  for (const name of names) {
    const model = await remote.registry.getRegisteredModel(name);
    if (!model) continue;
    const versions = (await remote.registry.searchAllModelVersions(name)).sort((a, b) => Number(a.version) - Number(b.version));
    if (versions.length && (await allPushedFromHere(local.registry, name, versions))) {
      dump.warnings.push(`registered model '${name}' was pushed from this Flowpad; not pulled back`);
      continue;
    }
    const out: DumpModelVersion[] = [];
    for (const v of versions) out.push({ ...toDumpVersion(v), runId: await localRunId(remote, local.tracking, v.runId, runIds) });
    dump.registeredModels.push({
      name, creationTimestamp: model.creationTimestamp || null, lastUpdatedTimestamp: model.lastUpdatedTimestamp || null,
      description: model.description, tags: model.tags,
      aliases: Object.fromEntries(Object.entries(model.aliases).map(([a, v]) => [a, Number(v)])), versions: out,
    });
  }
  return restoreMlflowDump(local.tracking, dump);
}

async function allPushedFromHere(registry: RegistryClient, name: string, versions: RemoteVersion[]): Promise<boolean> {
  for (const v of versions) {
    const from = v.tags.find((t) => t.key === SOURCE_VERSION_TAG)?.value;
    if (!from) return false;
    try {
      await registry.getModelVersion(name, from);
    } catch {
      return false;
    }
  }
  return true;
}

/** The Flowpad run a server run was pushed from (its `flowpad.sourceRunId`), or the server's id. */
async function localRunId(remote: RegistryPushTargets, tracking: TrackingClient, runId: string, seen: Map<string, string>): Promise<string | null> {
  if (!runId) return null;
  if (!seen.has(runId)) {
    const source = await remote.tracking.getRun(runId).then((r) => r.data.tags.find((t) => t.key === SOURCE_RUN_TAG)?.value, () => undefined);
    const here = source ? await tracking.getRun(source).then(() => true, () => false) : false;
    seen.set(runId, here ? source! : runId);
  }
  return seen.get(runId)!;
}

const toDumpVersion = (v: RemoteVersion): DumpModelVersion => ({
  name: v.name, version: Number(v.version), creationTimestamp: v.creationTimestamp || null, lastUpdatedTimestamp: v.lastUpdatedTimestamp || null,
  userId: v.userId, currentStage: v.currentStage, description: v.description, source: v.source, runId: v.runId || null,
  runLink: v.runLink, status: v.status, statusMessage: v.statusMessage, storageLocation: null, tags: v.tags,
});
