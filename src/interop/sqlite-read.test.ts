import { readFileSync } from 'node:fs';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorOf, makeClient } from '../../test/helpers';
import { restoreMlflowDump } from './restore';
import { readMlflowDb, SQL_INFINITY } from './sqlite-read';

const dir = new URL('../../test/fixtures/mlflow/sqlite/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8'));
let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await initSqlJs();
});

describe('readMlflowDb on MLflow 1.2 database fixture', () => {
  const name = 'db_version_7ac759974ad8_with_metrics.sql';
  const expected = manifest[name];

  it('reads every experiment, run, tag and metric row', () => {
    const dump = readMlflowDb(SQL, new Uint8Array(readFileSync(new URL(name, dir))));
    expect(dump.experiments).toHaveLength(expected.experiments);
    expect(dump.experiments[0]).toMatchObject({ experimentId: '0', name: 'Default', artifactLocation: './mlruns/0', creationTime: null });
    expect(dump.runs).toHaveLength(expected.runs);
    expect(dump.runs.reduce((n, r) => n + r.tags.length, 0)).toBe(expected.tags);
    const points = dump.runs.reduce((n, r) => n + Object.values(r.metrics).reduce((m, p) => m + p.length, 0), 0);
    expect(points).toBe(expected.metricRows);
  });

  it('restores into Flowpad with the latest values MLflow expects', async () => {
    const dump = readMlflowDb(SQL, new Uint8Array(readFileSync(new URL(name, dir))));
    const latest = JSON.parse(readFileSync(new URL(expected.latestValues, dir), 'utf8')) as Record<string, Record<string, number>>;
    const client = makeClient();
    const res = await restoreMlflowDump(client, dump);
    expect(res.runsCreated).toBe(expected.runs);
    for (const [runId, metrics] of Object.entries(latest)) {
      const run = await client.getRun(runId);
      expect(Object.fromEntries(run.data.metrics.map((m) => [m.key, m.value]))).toEqual(metrics);
      expect(run.info.status).toBe('FINISHED');
    }
    // Importing again creates nothing new.
    const again = await restoreMlflowDump(client, dump);
    expect(again.runsCreated).toBe(0);
    expect(again.runsSkipped).toHaveLength(expected.runs);
    await client.close();
  });
});

describe('readMlflowDb on the current schema', () => {
  function currentDb(): Uint8Array {
    const db = new SQL.Database();
    db.exec(readFileSync(new URL('latest_schema.sql', dir), 'utf8').replace(/^\)$/gm, ');'));
    db.exec(`INSERT INTO experiments VALUES (1, 'e', 'file:///x/1', 'active', 10, 20);
      INSERT INTO experiment_tags VALUES ('team', 'a', 1);
      INSERT INTO runs (run_uuid, name, user_id, status, start_time, end_time, lifecycle_stage, artifact_uri, experiment_id)
        VALUES ('r1', 'run one', 'me', 'FAILED', 100, 200, 'active', 'file:///x/1/r1/artifacts', 1);
      INSERT INTO params VALUES ('lr', '0.1', 'r1');
      INSERT INTO metrics VALUES ('m', 0, 2, 'r1', 1, 1), ('m', ${SQL_INFINITY}, 1, 'r1', 0, 0), ('m', -${SQL_INFINITY}, 3, 'r1', 2, 0);
      INSERT INTO latest_metrics VALUES ('m', -${SQL_INFINITY}, 3, 2, 0, 'r1');
      INSERT INTO registered_models VALUES ('model', 5, 6, 'desc');
      INSERT INTO model_versions (name, version, creation_time, last_updated_time, current_stage, source, run_id, status)
        VALUES ('model', 1, 7, 8, 'None', 'runs:/r1/m', 'r1', 'READY');
      INSERT INTO registered_model_aliases VALUES ('champion', 1, 'model');`);
    const out = db.export();
    db.close();
    return out;
  }

  it('maps is_nan to NaN and keeps the sanitized infinities as MLflow reports them, in get_metric_history order', () => {
    const dump = readMlflowDb(SQL, currentDb());
    expect(dump.experiments[0]).toMatchObject({ experimentId: '1', creationTime: 10, lastUpdateTime: 20, tags: [{ key: 'team', value: 'a' }] });
    const [run] = dump.runs;
    expect(run).toMatchObject({ runId: 'r1', runName: 'run one', status: 'FAILED', endTime: 200, params: [{ key: 'lr', value: '0.1' }] });
    expect(run.metrics.m).toEqual([
      { value: SQL_INFINITY, timestamp: 1, step: 0 },
      { value: NaN, timestamp: 2, step: 1 },
      { value: -SQL_INFINITY, timestamp: 3, step: 2 },
    ]);
    expect(run.latestMetrics).toEqual({ m: { value: -SQL_INFINITY, timestamp: 3, step: 2 } });
    expect(dump.registeredModels).toMatchObject([{ name: 'model', aliases: { champion: 1 }, versions: [{ version: 1, source: 'runs:/r1/m' }] }]);
  });

  it('rejects files that are not MLflow databases', async () => {
    expect((await errorOf(() => readMlflowDb(SQL, new TextEncoder().encode('hello')))).code).toBe('INVALID_PARAMETER_VALUE');
    const empty = new SQL.Database().export();
    expect((await errorOf(() => readMlflowDb(SQL, empty))).message).toMatch(/table 'experiments' is missing/);
  });
});
