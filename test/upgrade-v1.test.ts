// Schema version 1 → 2: a database written by version 1 (test/fixtures/flowpad-v1, made by that version's code)
// opens with the current code, every value reads back unchanged, and writing to it (appending to a version-1
// chunk) works.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openRegistry } from '../src/registry';
import { openDb } from '../src/storage';
import { openTracking } from '../src/tracking';
import { dumpDatabase } from './dump-database';
import { loadDatabase, type DatabaseFixture } from './fixture-json';
import { ARTIFACTS, DB_NAME, MODEL, PARAMS, SERIES, T0, TAGS } from './fixtures/flowpad-v1/content';

const FIXTURE = JSON.parse(readFileSync(join(__dirname, 'fixtures/flowpad-v1/database.json'), 'utf8')) as DatabaseFixture;

async function v1Database(): Promise<IDBFactory> {
  const indexedDB = new IDBFactory();
  await loadDatabase(FIXTURE, indexedDB);
  return indexedDB;
}

/** Same numbers, telling NaN, -0 and 0 apart. */
const same = (a: ArrayLike<number>, b: ArrayLike<number>) => expect(Array.from(a, String)).toEqual(Array.from(b, (x) => (Object.is(x, -0) ? '0' : String(x))));

describe('upgrade from schema version 1', () => {
  it('is the fixture of version 1 (IndexedDB version 10, plain Float64Array columns)', () => {
    expect(FIXTURE.version).toBe(10);
    const chunks = FIXTURE.stores.find((s) => s.name === 'metricChunks')!.rows;
    expect(chunks.map((r) => (r.value as { steps: { $typed: string } }).steps.$typed)).toEqual(Array(6).fill('Float64Array'));
  });

  it('opens at version 2 with every experiment, run, param, tag, metric, artifact and model intact', async () => {
    const indexedDB = await v1Database();
    const c = openTracking({ dbName: DB_NAME, indexedDB, IDBKeyRange });
    const exp = (await c.getExperimentByName('fixture experiment'))!;
    expect(exp.tags).toEqual([{ key: 'purpose', value: 'upgrade test' }]);
    expect((await c.getExperimentByName('deleted experiment'))?.lifecycleStage).toBe('deleted');
    const runs = (await c.searchRuns([exp.experimentId], { orderBy: ['attributes.start_time ASC'] })).items;
    expect(runs.map((r) => r.info.runName)).toEqual(['parent', 'child']);
    const [parent, child] = runs;
    expect(parent.info).toMatchObject({ status: 'FINISHED', startTime: T0, endTime: T0 + 60_000, userId: 'fixture' });
    expect(Object.fromEntries(parent.data.params.map((p) => [p.key, p.value]))).toEqual(PARAMS);
    expect(Object.fromEntries(parent.data.tags.map((t) => [t.key, t.value]))).toMatchObject(TAGS);
    expect(child.data.tags).toContainEqual({ key: 'mlflow.parentRunId', value: parent.info.runId });

    for (const s of SERIES) {
      const h = await c.getMetricHistory(parent.info.runId, s.key);
      expect(h.map((m) => m.key)).toEqual(Array(s.steps.length).fill(s.key));
      same(h.map((m) => m.step), s.steps);
      same(h.map((m) => m.timestamp), s.timestamps);
      expect(h.map((m) => Object.is(m.value, -0) ? '-0' : String(m.value))).toEqual(s.values.map((v) => Object.is(v, -0) ? '-0' : String(v)));
      const cols = await c.getMetricSeries(parent.info.runId, s.key);
      same(cols.steps, s.steps);
      same(cols.timestamps, s.timestamps);
    }
    expect((await c.getMetricHistory(child.info.runId, 'loss')).map((m) => m.value)).toEqual([0.5]);
    for (const a of ARTIFACTS) expect(await (await c.downloadArtifact(parent.info.runId, a.path)).text()).toBe(a.text);

    const r = openRegistry({ dbName: DB_NAME, indexedDB, IDBKeyRange });
    expect((await r.getRegisteredModel(MODEL.name)).description).toBe(MODEL.description);
    expect((await r.getModelVersionByAlias(MODEL.name, MODEL.alias)).version).toBe('2');
    expect((await r.getModelVersion(MODEL.name, 1)).currentStage).toBe('Production');
    r.close();
    await c.close();
    expect(JSON.parse(await dumpDatabase(DB_NAME, indexedDB)).version).toBe(20);
  });

  it('appends to a version-1 chunk: old and new points read back in order, the rewritten chunk packed', async () => {
    const indexedDB = await v1Database();
    const c = openTracking({ dbName: DB_NAME, indexedDB, IDBKeyRange });
    const exp = (await c.getExperimentByName('fixture experiment'))!;
    const parent = (await c.searchRuns([exp.experimentId], { filter: "attributes.run_name = 'parent'" })).items[0];
    const loss = SERIES[0];
    const more = Array.from({ length: 500 }, (_, i) => ({ key: 'loss', value: i / 1000, timestamp: T0 + 100_000 + i, step: 9000 + i }));
    await c.logBatch(parent.info.runId, { metrics: more });
    await c.flush();
    const h = await c.getMetricHistory(parent.info.runId, 'loss');
    same(h.map((m) => m.step), [...loss.steps, ...more.map((m) => m.step)]);
    same(h.map((m) => m.value), [...loss.values, ...more.map((m) => m.value)]);
    await c.close();

    const db = openDb({ name: DB_NAME, indexedDB, IDBKeyRange });
    const last = await db.metricChunks.get([parent.info.runId, 'loss', 2]);
    expect(last?.n).toBe(808 + 500);
    expect(last?.steps).toEqual({ base: 8192, stride: 1 });
    expect(last?.timestamps).not.toBeInstanceOf(Float64Array);
    db.close();
  });
});
