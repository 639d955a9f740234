/**
 * A typed client for MLflow's tracking REST API 2.0 (mlflow/protos/service.proto, mlflow_artifacts.proto), the
 * calls push and pull need. It always sends `max_results` (some 3.x servers treat a missing one as 0), pages
 * through searches and metric histories, and throws MlflowError carrying the server's `error_code`.
 */
import type { Experiment, Metric, PagedList, Run, RunInfo, RunStatus, ViewType } from '../../tracking/entities';
import { experimentFromWire, metricFromWire, metricToWire, runFromWire, runInfoFromWire } from './codec';
import type { WireExperiment, WireMetric, WireRun, WireRunInfo } from './codec';
import { Http, type RestOptions } from './http';

export type { RestOptions } from './http';

/** The Python client's page size for metric histories (GET_METRIC_HISTORY_MAX_RESULTS). */
export const HISTORY_PAGE = 25_000;
const SEARCH_PAGE = 1000;

export interface RemoteFile {
  path: string;
  isDir: boolean;
  fileSize?: number;
}

export interface BatchInput {
  metrics?: Metric[];
  params?: { key: string; value: string }[];
  tags?: { key: string; value: string }[];
}

/** Operations on one MLflow tracking server. */
export class MlflowRestClient {
  private readonly http: Http;

  constructor(opts: RestOptions) {
    this.http = new Http(opts);
  }

  async createExperiment(name: string, tags: { key: string; value: string }[] = []): Promise<string> {
    return (await this.http.call<{ experiment_id: string }>('POST', '/experiments/create', { name, tags })).experiment_id;
  }

  async getExperiment(experimentId: string): Promise<Experiment> {
    const r = await this.http.call<{ experiment: WireExperiment }>('GET', '/experiments/get', { experiment_id: experimentId });
    return experimentFromWire(r.experiment);
  }

  /** The experiment with this name, or null (the server answers RESOURCE_DOES_NOT_EXIST). */
  async getExperimentByName(name: string): Promise<Experiment | null> {
    try {
      const r = await this.http.call<{ experiment: WireExperiment }>('GET', '/experiments/get-by-name', { experiment_name: name });
      return experimentFromWire(r.experiment);
    } catch (e) {
      if ((e as { code?: string }).code === 'RESOURCE_DOES_NOT_EXIST') return null;
      throw e;
    }
  }

  async searchExperiments(opts: { filter?: string; viewType?: ViewType; maxResults?: number; pageToken?: string; orderBy?: string[] } = {}): Promise<PagedList<Experiment>> {
    const r = await this.http.call<{ experiments?: WireExperiment[]; next_page_token?: string }>('POST', '/experiments/search', {
      max_results: opts.maxResults ?? SEARCH_PAGE, filter: opts.filter ?? '', view_type: opts.viewType ?? 'ACTIVE_ONLY',
      order_by: opts.orderBy ?? [], ...(opts.pageToken ? { page_token: opts.pageToken } : {}),
    });
    return { items: (r.experiments ?? []).map(experimentFromWire), nextPageToken: r.next_page_token || undefined };
  }

  async setExperimentTag(experimentId: string, key: string, value: string): Promise<void> {
    await this.http.call('POST', '/experiments/set-experiment-tag', { experiment_id: experimentId, key, value });
  }

  async createRun(opts: { experimentId: string; runName?: string; startTime: number; userId?: string; tags?: { key: string; value: string }[] }): Promise<Run> {
    const r = await this.http.call<{ run: WireRun }>('POST', '/runs/create', {
      experiment_id: opts.experimentId, run_name: opts.runName, start_time: opts.startTime, user_id: opts.userId, tags: opts.tags ?? [],
    });
    return runFromWire(r.run);
  }

  async getRun(runId: string): Promise<Run> {
    return runFromWire((await this.http.call<{ run: WireRun }>('GET', '/runs/get', { run_id: runId })).run);
  }

  async updateRun(runId: string, opts: { status?: RunStatus; endTime?: number | null; runName?: string }): Promise<RunInfo> {
    const r = await this.http.call<{ run_info: WireRunInfo }>('POST', '/runs/update', {
      run_id: runId, status: opts.status, end_time: opts.endTime ?? undefined, run_name: opts.runName,
    });
    return runInfoFromWire(r.run_info);
  }

  async deleteRun(runId: string): Promise<void> {
    await this.http.call('POST', '/runs/delete', { run_id: runId });
  }

  /** One log-batch request; the caller keeps within MLflow's limits (1000 metrics, 100 params, 100 tags, 1 MB). */
  async logBatch(runId: string, batch: BatchInput): Promise<void> {
    await this.http.call('POST', '/runs/log-batch', {
      run_id: runId, metrics: (batch.metrics ?? []).map(metricToWire), params: batch.params ?? [], tags: batch.tags ?? [],
    });
  }

  /** One page of search_runs. */
  async searchRuns(experimentIds: string[], opts: { filter?: string; runViewType?: ViewType; maxResults?: number; orderBy?: string[]; pageToken?: string } = {}): Promise<PagedList<Run>> {
    const r = await this.http.call<{ runs?: WireRun[]; next_page_token?: string }>('POST', '/runs/search', {
      experiment_ids: experimentIds, filter: opts.filter ?? '', run_view_type: opts.runViewType ?? 'ACTIVE_ONLY',
      max_results: opts.maxResults ?? SEARCH_PAGE, order_by: opts.orderBy ?? [], ...(opts.pageToken ? { page_token: opts.pageToken } : {}),
    });
    return { items: (r.runs ?? []).map(runFromWire), nextPageToken: r.next_page_token || undefined };
  }

  /** Every run matching, all pages. */
  async searchAllRuns(experimentIds: string[], opts: { filter?: string; runViewType?: ViewType } = {}): Promise<Run[]> {
    const out: Run[] = [];
    let pageToken: string | undefined;
    do {
      const page = await this.searchRuns(experimentIds, { ...opts, pageToken });
      out.push(...page.items);
      pageToken = page.nextPageToken;
    } while (pageToken);
    return out;
  }

  /** The whole history of one metric, all pages. */
  async getMetricHistory(runId: string, key: string): Promise<Metric[]> {
    const out: Metric[] = [];
    let pageToken: string | undefined;
    do {
      const r = await this.http.call<{ metrics?: WireMetric[]; next_page_token?: string }>('GET', '/metrics/get-history', {
        run_id: runId, metric_key: key, max_results: HISTORY_PAGE, page_token: pageToken,
      });
      out.push(...(r.metrics ?? []).map(metricFromWire));
      pageToken = r.next_page_token || undefined;
    } while (pageToken);
    return out;
  }

  /** Direct children of `path` in a run's artifacts. */
  async listArtifacts(runId: string, path = ''): Promise<RemoteFile[]> {
    const r = await this.http.call<{ files?: { path: string; is_dir?: boolean; file_size?: number }[] }>('GET', '/artifacts/list', {
      run_id: runId, ...(path ? { path } : {}),
    });
    return (r.files ?? []).map((f) => ({ path: f.path, isDir: !!f.is_dir, ...(f.file_size !== undefined ? { fileSize: Number(f.file_size) } : {}) }));
  }

  /** Uploads through the server's artifact proxy (`mlflow-artifacts:` artifact URIs only). */
  async putArtifact(artifactUri: string, path: string, data: Uint8Array): Promise<void> {
    await this.http.send('PUT', `/api/2.0/mlflow-artifacts/artifacts/${proxyPath(artifactUri, path)}`, {
      body: data as BodyInit, type: 'application/octet-stream',
    });
  }

  /** Downloads through the server's artifact proxy. */
  async getArtifact(artifactUri: string, path: string): Promise<Uint8Array> {
    const res = await this.http.send('GET', `/api/2.0/mlflow-artifacts/artifacts/${proxyPath(artifactUri, path)}`);
    return new Uint8Array(await res.arrayBuffer());
  }
}

/** True when the server proxies this run's artifacts (`mlflow-artifacts:/…`). */
export const isProxied = (artifactUri: string): boolean => /^mlflow-artifacts:/.test(artifactUri);

/** `mlflow-artifacts:/1/abc/artifacts` + `dir/f.txt` → `1/abc/artifacts/dir/f.txt`, each segment URL-encoded. */
function proxyPath(artifactUri: string, path: string): string {
  const root = artifactUri.replace(/^mlflow-artifacts:(\/\/[^/]*)?/, '').replace(/^\/+|\/+$/g, '');
  return [...root.split('/'), ...path.split('/')].filter(Boolean).map(encodeURIComponent).join('/');
}
