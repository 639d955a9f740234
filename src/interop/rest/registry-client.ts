/**
 * A typed client for MLflow's model registry REST API 2.0 (mlflow/protos/model_registry.proto): the calls a
 * registry push needs. Errors are MlflowError carrying the server's `error_code`, as in client.ts.
 */
import type { KeyValue } from '../../tracking/entities';
import { Http, type RestOptions } from './http';

/** A registered model as the server reports it (only the fields push reads). */
export interface RemoteModel {
  name: string;
  /** ms */
  creationTimestamp: number;
  lastUpdatedTimestamp: number;
  description: string;
  tags: KeyValue[];
  /** alias → version number (as a string, like the REST API). */
  aliases: Record<string, string>;
}

export interface RemoteVersion {
  name: string;
  version: string;
  /** ms */
  creationTimestamp: number;
  lastUpdatedTimestamp: number;
  userId: string;
  status: string;
  statusMessage: string;
  runLink: string;
  description: string;
  currentStage: string;
  source: string;
  runId: string;
  tags: KeyValue[];
}

interface WireModel {
  name: string;
  creation_timestamp?: string | number;
  last_updated_timestamp?: string | number;
  description?: string;
  tags?: KeyValue[];
  aliases?: { alias: string; version: string }[];
}
interface WireVersion {
  name: string;
  version: string;
  creation_timestamp?: string | number;
  last_updated_timestamp?: string | number;
  user_id?: string;
  status?: string;
  status_message?: string;
  run_link?: string;
  description?: string;
  current_stage?: string;
  source?: string;
  run_id?: string;
  tags?: KeyValue[];
}

const PAGE = 1000;

const modelFromWire = (m: WireModel): RemoteModel => ({
  name: m.name, creationTimestamp: Number(m.creation_timestamp ?? 0), lastUpdatedTimestamp: Number(m.last_updated_timestamp ?? 0), description: m.description ?? '', tags: m.tags ?? [],
  aliases: Object.fromEntries((m.aliases ?? []).map((a) => [a.alias, String(a.version)])),
});
const versionFromWire = (v: WireVersion): RemoteVersion => ({
  name: v.name, version: String(v.version), description: v.description ?? '', currentStage: v.current_stage ?? 'None',
  source: v.source ?? '', runId: v.run_id ?? '', tags: v.tags ?? [],
  creationTimestamp: Number(v.creation_timestamp ?? 0), lastUpdatedTimestamp: Number(v.last_updated_timestamp ?? 0),
  userId: v.user_id ?? '', status: v.status ?? 'READY', statusMessage: v.status_message ?? '', runLink: v.run_link ?? '',
});

/** `'` inside a quoted filter value, escaped as MLflow's filter grammar reads it. */
const quote = (s: string): string => `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/** Operations on one MLflow server's model registry. */
export class MlflowRegistryRestClient {
  private readonly http: Http;

  constructor(opts: RestOptions) {
    this.http = new Http(opts);
  }

  /** The model, or null when the server answers RESOURCE_DOES_NOT_EXIST. */
  async getRegisteredModel(name: string): Promise<RemoteModel | null> {
    try {
      return modelFromWire((await this.http.call<{ registered_model: WireModel }>('GET', '/registered-models/get', { name })).registered_model);
    } catch (e) {
      if ((e as { code?: string }).code === 'RESOURCE_DOES_NOT_EXIST') return null;
      throw e;
    }
  }

  async createRegisteredModel(name: string, tags: KeyValue[], description: string): Promise<RemoteModel> {
    const r = await this.http.call<{ registered_model: WireModel }>('POST', '/registered-models/create', { name, tags, description });
    return modelFromWire(r.registered_model);
  }

  async updateRegisteredModel(name: string, description: string): Promise<void> {
    await this.http.call('PATCH', '/registered-models/update', { name, description });
  }

  async setRegisteredModelTag(name: string, key: string, value: string): Promise<void> {
    await this.http.call('POST', '/registered-models/set-tag', { name, key, value });
  }

  async setRegisteredModelAlias(name: string, alias: string, version: string): Promise<void> {
    await this.http.call('POST', '/registered-models/alias', { name, alias, version });
  }

  /** Every registered model's name on the server (all pages), for choosing what to pull. */
  async listRegisteredModelNames(): Promise<string[]> {
    const out: string[] = [];
    let pageToken: string | undefined;
    do {
      const r = await this.http.call<{ registered_models?: WireModel[]; next_page_token?: string }>('GET', '/registered-models/search', {
        max_results: PAGE, ...(pageToken ? { page_token: pageToken } : {}),
      });
      out.push(...(r.registered_models ?? []).map((m) => m.name));
      pageToken = r.next_page_token || undefined;
    } while (pageToken);
    return out;
  }

  /** Every version of a model (all pages). */
  async searchAllModelVersions(name: string): Promise<RemoteVersion[]> {
    const out: RemoteVersion[] = [];
    let pageToken: string | undefined;
    do {
      const r = await this.http.call<{ model_versions?: WireVersion[]; next_page_token?: string }>('GET', '/model-versions/search', {
        filter: `name = ${quote(name)}`, max_results: PAGE, ...(pageToken ? { page_token: pageToken } : {}),
      });
      out.push(...(r.model_versions ?? []).map(versionFromWire));
      pageToken = r.next_page_token || undefined;
    } while (pageToken);
    return out;
  }

  async createModelVersion(opts: { name: string; source: string; runId?: string; tags: KeyValue[]; description: string }): Promise<RemoteVersion> {
    const r = await this.http.call<{ model_version: WireVersion }>('POST', '/model-versions/create', {
      name: opts.name, source: opts.source, ...(opts.runId ? { run_id: opts.runId } : {}), tags: opts.tags, description: opts.description,
    });
    return versionFromWire(r.model_version);
  }

  async updateModelVersion(name: string, version: string, description: string): Promise<void> {
    await this.http.call('PATCH', '/model-versions/update', { name, version, description });
  }

  async setModelVersionTag(name: string, version: string, key: string, value: string): Promise<void> {
    await this.http.call('POST', '/model-versions/set-tag', { name, version, key, value });
  }

  async transitionModelVersionStage(name: string, version: string, stage: string): Promise<void> {
    await this.http.call('POST', '/model-versions/transition-stage', { name, version, stage, archive_existing_versions: false });
  }
}
