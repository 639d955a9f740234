/**
 * The transport under the REST client: JSON over `fetch` to an MLflow tracking server, an optional
 * `Authorization` header, and MLflow's error bodies (`{"error_code", "message"}`) turned into MlflowError.
 */
import { HTTP_STATUS, MlflowError, type ErrorCode } from '../../core/errors';

export interface RestOptions {
  /** Server root, e.g. `http://127.0.0.1:5000` (no trailing `/api`). */
  baseUrl: string;
  /** Sent as the `Authorization` header, e.g. `Bearer …` or `Basic …`. */
  authorization?: string;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
}

/** URL query parameters; arrays repeat the key (`?run_ids=a&run_ids=b`), undefined values are left out. */
export type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

/** MlflowError from a failed response: the server's own code when it is one of MLflow's, else one by HTTP status. */
export async function errorFrom(res: Response, what: string): Promise<MlflowError> {
  const text = await res.text().catch(() => '');
  let body: { error_code?: unknown; message?: unknown } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // not JSON: proxies and unknown routes answer with HTML or nothing
  }
  const remote = typeof body.error_code === 'string' ? body.error_code : '';
  const message = typeof body.message === 'string' ? body.message : text.slice(0, 500) || `${res.status} ${res.statusText}`;
  if (remote in HTTP_STATUS) return new MlflowError(remote as ErrorCode, message);
  const byStatus: ErrorCode =
    res.status === 404 ? 'RESOURCE_DOES_NOT_EXIST' : res.status === 403 || res.status === 401 ? 'PERMISSION_DENIED'
      : res.status === 429 ? 'RESOURCE_EXHAUSTED' : res.status < 500 ? 'BAD_REQUEST' : 'INTERNAL_ERROR';
  return new MlflowError(byStatus, `${what}: ${remote ? `${remote}: ` : ''}${message}`);
}

/**
 * True when the request never got an answer (fetch threw: server down, wrong URL, or CORS blocked it in a
 * browser), as opposed to an MLflow error response.
 */
export function isUnreachable(e: unknown): boolean {
  const cause = (e as { cause?: unknown } | null)?.cause;
  return typeof cause === 'object' && cause !== null && (cause as { name?: unknown }).name === 'TypeError';
}

/** A small fetch wrapper bound to one server. */
export class Http {
  private readonly base: string;
  private readonly fetchFn: typeof fetch;

  constructor(private readonly opts: RestOptions) {
    this.base = opts.baseUrl.replace(/\/+$/, '');
    this.fetchFn = opts.fetch ?? ((input, init) => fetch(input, init));
  }

  url(path: string, query?: Query): string {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v === undefined) continue;
      if (Array.isArray(v)) for (const x of v) q.append(k, x);
      else q.append(k, String(v));
    }
    const s = q.toString();
    return `${this.base}${path}${s ? `?${s}` : ''}`;
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { ...(this.opts.authorization ? { Authorization: this.opts.authorization } : {}), ...extra };
  }

  /** Sends a request; throws MlflowError for any non-2xx answer. */
  async send(method: string, path: string, init: { query?: Query; json?: unknown; body?: BodyInit; type?: string } = {}): Promise<Response> {
    const headers = this.headers(init.json !== undefined ? { 'Content-Type': 'application/json' } : init.type ? { 'Content-Type': init.type } : {});
    let res: Response;
    try {
      res = await this.fetchFn(this.url(path, init.query), {
        method, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
      });
    } catch (e) {
      // fetch rejects with a TypeError for a refused connection, a DNS failure or a blocked CORS request.
      const err = new MlflowError('INTERNAL_ERROR', `${method} ${path}: cannot reach the MLflow server (${(e as Error).message})`);
      throw Object.assign(err, { cause: e });
    }
    if (!res.ok) throw await errorFrom(res, `${method} ${path}`);
    return res;
  }

  /** A JSON API call under /api/2.0/mlflow. */
  async call<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload: Query | object = {}): Promise<T> {
    const full = `/api/2.0/mlflow${path}`;
    const res = method === 'GET'
      ? await this.send(method, full, { query: payload as Query })
      : await this.send(method, full, { json: payload });
    const text = await res.text();
    return (text ? JSON.parse(text) : {}) as T;
  }
}
