/**
 * Flowpad's view of its data in the JSON shape test/mlflow/py/common.py dumps MlflowClient's view in,
 * so the two compare with one `toEqual`.
 */
import type { RegistryClient } from '../../src/registry';
import type { TrackingClient } from '../../src/tracking';
import { allRuns, runArtifacts } from '../../src/interop/export';

export type Num = number | 'NaN' | 'Infinity' | '-Infinity';
export const num = (x: number): Num => (Number.isNaN(x) ? 'NaN' : x === Infinity ? 'Infinity' : x === -Infinity ? '-Infinity' : x);
const obj = (kv: { key: string; value: string }[]): Record<string, string> => Object.fromEntries(kv.map((t) => [t.key, t.value]));

export interface StoreJson {
  experiments: Record<string, unknown>[];
  runs: { info: Record<string, unknown>; [k: string]: unknown }[];
  registered_models: unknown[];
}

/** Experiments (all lifecycle stages) and their runs, as MlflowClient would report them. */
export async function flowpadJson(client: TrackingClient, opts: { artifacts?: boolean; only?: string[] } = {}): Promise<StoreJson> {
  const exps = (await client.searchExperiments({ viewType: 'ALL', maxResults: 50_000 })).items
    .filter((e) => !opts.only || opts.only.includes(e.experimentId))
    .sort((a, b) => (a.experimentId < b.experimentId ? -1 : 1));
  const out: StoreJson = { experiments: [], runs: [], registered_models: [] };
  for (const e of exps) {
    out.experiments.push({
      experiment_id: e.experimentId, name: e.name, artifact_location: e.artifactLocation, lifecycle_stage: e.lifecycleStage,
      creation_time: e.creationTime, last_update_time: e.lastUpdateTime, tags: obj(e.tags),
    });
    for (const r of await allRuns(client, e.experimentId)) {
      const i = r.info;
      const history: Record<string, [number, Num, number][]> = {};
      for (const m of r.data.metrics) {
        history[m.key] = (await client.getMetricHistory(i.runId, m.key)).map((p) => [p.timestamp, num(p.value), p.step]);
      }
      const artifacts: Record<string, string> = {};
      if (opts.artifacts !== false) {
        for (const a of await runArtifacts(client, i.runId)) artifacts[a.path] = Buffer.from(a.data).toString('base64');
      }
      out.runs.push({
        info: {
          run_id: i.runId, run_name: i.runName, experiment_id: i.experimentId, user_id: i.userId, status: i.status,
          start_time: i.startTime, end_time: i.endTime, artifact_uri: i.artifactUri, lifecycle_stage: i.lifecycleStage,
        },
        params: obj(r.data.params),
        tags: obj(r.data.tags),
        metrics: Object.fromEntries(r.data.metrics.map((m) => [m.key, num(m.value)])),
        history,
        inputs: r.inputs.datasetInputs.map((d) => ({
          name: d.dataset.name, digest: d.dataset.digest, source_type: d.dataset.sourceType, source: d.dataset.source,
          schema: d.dataset.schema ?? null, profile: d.dataset.profile ?? null, tags: obj(d.tags),
        })).sort((a, b) => (a.name + a.digest < b.name + b.digest ? -1 : 1)),
        artifacts,
      });
    }
  }
  out.runs.sort((a, b) => ((a.info.run_id as string) < (b.info.run_id as string) ? -1 : 1));
  return out;
}

/**
 * Flowpad's registry in common.dump_registry's shape. Flowpad reports strings MLflow leaves unset (a
 * description, a version's run id) as '' (see registry/entities.ts), so `unset` maps '' back to null first.
 */
export async function flowpadRegistryJson(registry: RegistryClient): Promise<unknown[]> {
  const unset = (s: string): string | null => (s === '' ? null : s);
  const out = [];
  for (const m of (await registry.searchRegisteredModels({ maxResults: 1000 })).items) {
    const versions = (await registry.searchModelVersions({ filter: `name = '${m.name.replaceAll("'", "\\'")}'` })).items;
    out.push({
      name: m.name, creation_timestamp: m.creationTimestamp, last_updated_timestamp: m.lastUpdatedTimestamp,
      description: unset(m.description), tags: obj(m.tags), aliases: Object.fromEntries(m.aliases.map((a) => [a.alias, Number(a.version)])),
      versions: versions.map((v) => ({
        version: Number(v.version), creation_timestamp: v.creationTimestamp, last_updated_timestamp: v.lastUpdatedTimestamp,
        current_stage: v.currentStage, description: unset(v.description), source: v.source, run_id: unset(v.runId), status: v.status,
        tags: obj(v.tags),
      })).sort((a, b) => a.version - b.version),
    });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}
