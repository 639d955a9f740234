import { describe, expect, it } from 'vitest';
import { errorOf } from '../../../test/helpers';
import { splitBatches } from './batches';
import { MlflowRestClient } from './client';
import { decodeDouble, encodeDouble } from './codec';
import { isUnreachable } from './http';
import { resumeOffset } from './push';

/** A fetch that answers from a handler and records requests. */
function fakeFetch(handler: (url: URL, init: RequestInit) => Response) {
  const calls: { url: URL; init: RequestInit }[] = [];
  const f: typeof fetch = async (input, init = {}) => {
    const url = new URL(String(input));
    calls.push({ url, init });
    return handler(url, init);
  };
  return { f, calls };
}
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('REST codec', () => {
  it('encodes NaN and infinities as protobuf JSON strings and reads them back', () => {
    expect([NaN, Infinity, -Infinity, 1.5].map(encodeDouble)).toEqual(['NaN', 'Infinity', '-Infinity', 1.5]);
    expect(['NaN', 'Infinity', '-Infinity', 2, '3'].map(decodeDouble)).toEqual([NaN, Infinity, -Infinity, 2, 3]);
  });
});

describe('splitBatches', () => {
  it("keeps every request within MLflow's log-batch limits, in order", () => {
    const metrics = Array.from({ length: 2500 }, (_, i) => ({ key: 'm', value: i, timestamp: i, step: i }));
    const params = Array.from({ length: 150 }, (_, i) => ({ key: `p${i}`, value: 'v'.repeat(6000) }));
    const tags = Array.from({ length: 3 }, (_, i) => ({ key: `t${i}`, value: 'x' }));
    const batches = splitBatches({ metrics, params, tags });
    for (const b of batches) {
      const n = (b.metrics?.length ?? 0) + (b.params?.length ?? 0) + (b.tags?.length ?? 0);
      expect(n).toBeLessThanOrEqual(1000);
      expect(b.params?.length ?? 0).toBeLessThanOrEqual(100);
      expect(JSON.stringify(b).length).toBeLessThan(1_000_000);
    }
    expect(batches.flatMap((b) => b.metrics ?? [])).toEqual(metrics);
    expect(batches.flatMap((b) => b.params ?? [])).toEqual(params);
    expect(batches.filter((b) => b.metrics).map((b) => b.metrics!.length)).toEqual([1000, 1000, 500]);
  });
});

describe('MlflowRestClient', () => {
  it("sends the Authorization header and max_results, and turns error bodies into MlflowError with the server's code", async () => {
    const { f, calls } = fakeFetch((url) => url.pathname.endsWith('/runs/get')
      ? json({ error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'Run with id=x not found' }, 404)
      : json({ runs: [], next_page_token: '' }));
    const c = new MlflowRestClient({ baseUrl: 'http://127.0.0.1:1/', authorization: 'Bearer t', fetch: f });
    expect(await errorOf(c.getRun('x'))).toEqual({ code: 'RESOURCE_DOES_NOT_EXIST', message: 'Run with id=x not found' });
    await c.searchRuns(['1']);
    const body = JSON.parse(String(calls[1].init.body));
    expect(body).toMatchObject({ experiment_ids: ['1'], max_results: 1000, run_view_type: 'ACTIVE_ONLY' });
    expect(calls.every((c) => new Headers(c.init.headers).get('Authorization') === 'Bearer t')).toBe(true);
    expect(calls[0].url.href).toBe('http://127.0.0.1:1/api/2.0/mlflow/runs/get?run_id=x');
  });

  it('maps non-MLflow failures by HTTP status and unreachable servers to INTERNAL_ERROR', async () => {
    const html = new MlflowRestClient({ baseUrl: 'http://127.0.0.1:1', fetch: fakeFetch(() => new Response('<html>', { status: 403 })).f });
    expect((await errorOf(html.getRun('x'))).code).toBe('PERMISSION_DENIED');
    const down = new MlflowRestClient({ baseUrl: 'http://127.0.0.1:1', fetch: async () => { throw new TypeError('fetch failed'); } });
    const err = await errorOf(down.getRun('x'));
    expect(err).toMatchObject({ code: 'INTERNAL_ERROR', message: expect.stringMatching(/cannot reach the MLflow server/) });
    expect(isUnreachable(await down.getRun('x').catch((e: unknown) => e))).toBe(true);
    expect(isUnreachable(await html.getRun('x').catch((e: unknown) => e))).toBe(false);
  });

  it('pages metric histories with max_results and decodes special values', async () => {
    const { f, calls } = fakeFetch((url) => url.searchParams.get('page_token')
      ? json({ metrics: [{ key: 'm', value: 'NaN', timestamp: 2, step: 1 }] })
      : json({ metrics: [{ key: 'm', value: 'Infinity', timestamp: 1 }], next_page_token: 'abc' }));
    const c = new MlflowRestClient({ baseUrl: 'http://127.0.0.1:1', fetch: f });
    expect(await c.getMetricHistory('r', 'm')).toEqual([
      { key: 'm', value: Infinity, timestamp: 1, step: 0 }, { key: 'm', value: NaN, timestamp: 2, step: 1 },
    ]);
    expect(calls.map((c) => c.url.searchParams.get('max_results'))).toEqual(['25000', '25000']);
  });
});

describe('resumeOffset', () => {
  const p = (timestamp: number, value: number) => ({ key: 'm', value, timestamp, step: 0 });
  it('skips what the server holds, counting points the SQL store keeps once', () => {
    const h = [p(1, 1), p(1, 1), p(2, NaN), p(2, NaN), p(3, 3)];
    expect(resumeOffset(h, 0)).toBe(0);
    expect(resumeOffset(h, 1)).toBe(1);
    expect(resumeOffset(h, 2)).toBe(3);
    expect(resumeOffset(h, 3)).toBe(5); // all distinct points are there: nothing to resend
    expect(resumeOffset(h, 5)).toBe(5);
  });
});
