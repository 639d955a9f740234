/**
 * The signature of a registry version, read from its stored MLmodel once per (name, version): a version's
 * files never change, so no live query is needed. `null` when the model has no signature.
 */
import { createResource, type Resource } from 'solid-js';
import { getSignature, parseMlModel } from '../../models/mlmodel';
import type { ModelSignature } from '../../models/signature';
import { registry } from '../registry';

export interface LoadedMlModel {
  signature: ModelSignature | null;
  flavors: string[];
  /** Set when MLmodel is missing or unreadable (the version page says so instead of failing). */
  problem?: string;
}

export async function loadMlModel(name: string, version: string): Promise<LoadedMlModel> {
  try {
    const text = await (await registry.downloadModelVersionFile(name, version, 'MLmodel')).text();
    const model = parseMlModel(text);
    return { signature: getSignature(model), flavors: Object.keys(model.flavors) };
  } catch (err) {
    return { signature: null, flavors: [], problem: (err as Error).message };
  }
}

/** A resource of the MLmodel summary of `source()` = [name, version]; refetches when either changes. */
export function createModelSignature(source: () => [string, string] | undefined): Resource<LoadedMlModel> {
  return createResource(source, ([name, version]) => loadMlModel(name, version))[0];
}
