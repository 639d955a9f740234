import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { errorOf, makeClient } from '../../test/helpers';

/** Storage-fault injection: every put/add fails as a full disk does in a browser. */
const realPut = IDBObjectStore.prototype.put;
const realAdd = IDBObjectStore.prototype.add;
function fillDisk(): void {
  const full = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  IDBObjectStore.prototype.put = full;
  IDBObjectStore.prototype.add = full;
}
afterEach(() => {
  IDBObjectStore.prototype.put = realPut;
  IDBObjectStore.prototype.add = realAdd;
});

describe('a full disk', () => {
  it('gives QUOTA_EXCEEDED and writes nothing, for params, tags, artifacts and experiments', async () => {
    const c = makeClient();
    const { info } = await c.createRun('0');
    fillDisk();
    expect((await errorOf(c.logParam(info.runId, 'p', '1'))).code).toBe('QUOTA_EXCEEDED');
    expect((await errorOf(c.logText(info.runId, 'x', 'a.txt'))).code).toBe('QUOTA_EXCEEDED');
    const err = await errorOf(c.createExperiment('e'));
    expect(err.code).toBe('QUOTA_EXCEEDED');
    expect(err.message).toContain('Browser storage is full');
    IDBObjectStore.prototype.put = realPut;
    IDBObjectStore.prototype.add = realAdd;
    const run = await c.getRun(info.runId);
    expect(run.data.params).toEqual([]);
    expect(await c.listArtifacts(info.runId)).toEqual([]);
    expect(await c.getExperimentByName('e')).toBeNull();
  });

  it('keeps buffered metrics when a flush fails, and writes them once space is back', async () => {
    const errors: unknown[] = [];
    const c = makeClient({ flushIntervalMs: 60_000, onFlushError: (e) => errors.push(e) });
    const { info } = await c.createRun('0');
    for (let i = 0; i < 10; i++) await c.logMetric(info.runId, 'm', i, { step: i });
    fillDisk();
    expect((await errorOf(c.flush())).code).toBe('QUOTA_EXCEEDED');
    IDBObjectStore.prototype.put = realPut;
    IDBObjectStore.prototype.add = realAdd;
    expect((await c.getMetricHistory(info.runId, 'm')).map((m) => m.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await c.flush();
    expect((await c.getMetricHistory(info.runId, 'm')).length).toBe(10);
  });
});

describe('logArtifacts (a model folder)', () => {
  it('writes all files or none: a full disk half-way through leaves no file', async () => {
    const { armQuotaFault, clearFaults } = await import('../storage');
    const c = makeClient();
    const { info } = await c.createRun('0');
    const files = [1, 2, 3].map((i) => ({ path: `model/f${i}.bin`, data: new Uint8Array(10_000) }));
    armQuotaFault({ afterBytes: 25_000, tables: ['artifacts'] }); // the third file does not fit
    try {
      expect((await errorOf(c.logArtifacts(info.runId, files))).code).toBe('QUOTA_EXCEEDED');
    } finally {
      clearFaults();
    }
    expect(await c.listArtifacts(info.runId)).toEqual([]);
    await c.logArtifacts(info.runId, files);
    expect((await c.listArtifacts(info.runId, 'model')).map((f) => f.path)).toEqual(['model/f1.bin', 'model/f2.bin', 'model/f3.bin']);
  });

  it('refuses the whole folder when one path is bad', async () => {
    const c = makeClient();
    const { info } = await c.createRun('0');
    const err = await errorOf(c.logArtifacts(info.runId, [{ path: 'model/a', data: new Uint8Array(1) }, { path: 'model/a/b', data: new Uint8Array(1) }]));
    expect(err.code).toBe('INVALID_PARAMETER_VALUE');
    expect(await c.listArtifacts(info.runId)).toEqual([]);
  });
});

describe('ending a run on a full disk', () => {
  it('FINISHED refuses (its history would be incomplete); FAILED ends the run and keeps the points buffered', async () => {
    const { armQuotaFault, clearFaults } = await import('../storage');
    const c = makeClient({ flushIntervalMs: 60_000, onFlushError: () => undefined });
    const { info } = await c.createRun('0');
    await c.logMetric(info.runId, 'loss', 1, { step: 0 });
    armQuotaFault({ tables: ['metricChunks'] });
    try {
      expect((await errorOf(c.setTerminated(info.runId, 'FINISHED'))).code).toBe('QUOTA_EXCEEDED');
      expect((await c.getRun(info.runId)).info.status).toBe('RUNNING');
      await c.setTerminated(info.runId, 'FAILED');
      expect((await c.getRun(info.runId)).info.status).toBe('FAILED');
    } finally {
      clearFaults();
    }
    await c.flush();
    expect((await c.getMetricHistory(info.runId, 'loss')).map((m) => m.value)).toEqual([1]);
  });
});
