/**
 * Reads an MLflow SQL-store database file (`mlflow.db`, SQLite; any schema from MLflow 1.x to 3.x) into an
 * {@link MlflowDump}, with sql.js. Columns added by later migrations (creation_time, step, is_nan,
 * deleted_time, …) are used when present. Values come back exactly as MlflowClient reports them from that
 * store: a metric stored with `is_nan = 1` is NaN; ±Infinity stays ±1.7976931348623157e308, the value
 * SqlAlchemyStore.sanitize_metric_value saved, because MLflow's SqlMetric.to_mlflow_entity does not map it back
 * either (checked against MLflow 3.17). Histories are ordered by (timestamp, step, value) like the SQL store's
 * get_metric_history. Non-features: traces, LoggedModels, evaluation datasets, webhooks.
 * The caller supplies the sql.js module (see `sqlite-wasm.ts` for the browser, `initSqlJs` in Node).
 */
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { invalidParam } from '../core/errors';
import type { KeyValue, RunStatus } from '../tracking/entities';
import { emptyDump } from './dump';
import type { DumpDatasetInput, DumpMetricPoint, DumpRegisteredModel, DumpRun, MlflowDump } from './dump';

/** The largest finite double: how the SQL store saves ±Infinity (and what MLflow then reports). */
export const SQL_INFINITY = 1.7976931348623157e308;

type Row = Record<string, SqlValue>;

/** Reads an mlflow.db file's bytes. Throws INVALID_PARAMETER_VALUE when it is not an MLflow database. */
export function readMlflowDb(SQL: SqlJsStatic, data: Uint8Array): MlflowDump {
  let db: Database;
  try {
    db = new SQL.Database(data);
    db.exec('SELECT count(*) FROM sqlite_master');
  } catch (e) {
    throw invalidParam(`mlflow.db: not a SQLite database (${(e as Error).message})`);
  }
  try {
    return readDb(db);
  } finally {
    db.close();
  }
}

function rows(db: Database, sql: string): Row[] {
  const stmt = db.prepare(sql);
  const out: Row[] = [];
  try {
    while (stmt.step()) out.push(stmt.getAsObject());
  } finally {
    stmt.free();
  }
  return out;
}

function columns(db: Database, table: string): Set<string> {
  return new Set(rows(db, `PRAGMA table_info(${table})`).map((r) => String(r.name)));
}

const str = (v: SqlValue | undefined, fallback = ''): string => (v === null || v === undefined ? fallback : String(v));
const optStr = (v: SqlValue | undefined): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: SqlValue | undefined): number | null => (typeof v === 'number' ? v : v == null ? null : Number(v));
const col = (cols: Set<string>, name: string, fallback = 'NULL'): string => (cols.has(name) ? name : `${fallback} AS ${name}`);

/** The stored double as MLflow returns it: NaN when `is_nan` is set, otherwise the value as stored. */
export function metricValue(value: SqlValue, isNan: SqlValue): number {
  if (isNan === 1 || isNan === '1' || isNan === 'true') return NaN;
  return Number(value);
}

function readDb(db: Database): MlflowDump {
  const tables = new Set(rows(db, "SELECT name FROM sqlite_master WHERE type = 'table'").map((r) => String(r.name)));
  for (const t of ['experiments', 'runs']) {
    if (!tables.has(t)) throw invalidParam(`mlflow.db: table '${t}' is missing; this is not an MLflow tracking database`);
  }
  const dump = emptyDump();
  const expTags = groupKeyValues(tables.has('experiment_tags') ? rows(db, 'SELECT key, value, experiment_id AS id FROM experiment_tags') : []);
  const ec = columns(db, 'experiments');
  for (const r of rows(db, `SELECT experiment_id, name, artifact_location, lifecycle_stage, ${col(ec, 'creation_time')},
      ${col(ec, 'last_update_time')} FROM experiments ORDER BY experiment_id`)) {
    const id = str(r.experiment_id);
    dump.experiments.push({
      experimentId: id,
      name: str(r.name),
      artifactLocation: str(r.artifact_location),
      lifecycleStage: r.lifecycle_stage === 'deleted' ? 'deleted' : 'active',
      creationTime: num(r.creation_time),
      lastUpdateTime: num(r.last_update_time),
      tags: expTags.get(id) ?? [],
    });
  }
  dump.runs = readRuns(db, tables);
  if (tables.has('registered_models')) dump.registeredModels = readRegistry(db, tables);
  return dump;
}

function groupKeyValues(list: Row[]): Map<string, KeyValue[]> {
  const out = new Map<string, KeyValue[]>();
  for (const r of list) {
    const id = str(r.id);
    let l = out.get(id);
    if (!l) out.set(id, (l = []));
    l.push({ key: str(r.key), value: str(r.value) });
  }
  return out;
}

function readRuns(db: Database, tables: Set<string>): DumpRun[] {
  const params = groupKeyValues(tables.has('params') ? rows(db, 'SELECT key, value, run_uuid AS id FROM params') : []);
  const tags = groupKeyValues(tables.has('tags') ? rows(db, 'SELECT key, value, run_uuid AS id FROM tags') : []);
  const metrics = readMetrics(db, tables, 'metrics', 'timestamp, step, value');
  const latest = readMetrics(db, tables, 'latest_metrics', 'key');
  const inputs = readInputs(db, tables);
  const rc = columns(db, 'runs');
  return rows(db, `SELECT run_uuid, ${col(rc, 'name')}, user_id, status, start_time, end_time, lifecycle_stage,
      artifact_uri, experiment_id, ${col(rc, 'deleted_time')} FROM runs ORDER BY start_time DESC, run_uuid`).map((r) => {
    const id = str(r.run_uuid);
    const runTags = tags.get(id) ?? [];
    return {
      runId: id,
      experimentId: str(r.experiment_id),
      runName: str(r.name) || (runTags.find((t) => t.key === 'mlflow.runName')?.value ?? ''),
      userId: str(r.user_id),
      status: (str(r.status, 'RUNNING') as RunStatus),
      startTime: num(r.start_time) ?? 0,
      endTime: num(r.end_time),
      artifactUri: str(r.artifact_uri),
      lifecycleStage: r.lifecycle_stage === 'deleted' ? 'deleted' : 'active',
      deletedTime: num(r.deleted_time),
      params: params.get(id) ?? [],
      tags: runTags,
      metrics: metrics.get(id) ?? {},
      ...(tables.has('latest_metrics') ? { latestMetrics: Object.fromEntries(
        Object.entries(latest.get(id) ?? {}).map(([k, pts]) => [k, pts[0]])) } : {}),
      datasetInputs: inputs.get(id) ?? [],
      artifacts: [],
    };
  });
}

/** run → key → points of `table` (metrics or latest_metrics), each key's points in `order`. */
function readMetrics(db: Database, tables: Set<string>, table: string, order: string): Map<string, Record<string, DumpMetricPoint[]>> {
  const out = new Map<string, Record<string, DumpMetricPoint[]>>();
  if (!tables.has(table)) return out;
  const mc = columns(db, table);
  const stmt = db.prepare(`SELECT run_uuid, key, value, timestamp, ${col(mc, 'step', '0')}, ${col(mc, 'is_nan', '0')}
      FROM ${table} ORDER BY run_uuid, key, ${order}`);
  try {
    while (stmt.step()) {
      const [run, key, value, timestamp, step, isNan] = stmt.get();
      let byKey = out.get(String(run));
      if (!byKey) out.set(String(run), (byKey = {}));
      (byKey[String(key)] ??= []).push({ value: metricValue(value, isNan), timestamp: Number(timestamp), step: Number(step) });
    }
  } finally {
    stmt.free();
  }
  return out;
}

function readInputs(db: Database, tables: Set<string>): Map<string, DumpDatasetInput[]> {
  const out = new Map<string, DumpDatasetInput[]>();
  if (!tables.has('inputs') || !tables.has('datasets')) return out;
  const tagRows = tables.has('input_tags') ? rows(db, 'SELECT input_uuid AS id, name AS key, value FROM input_tags') : [];
  const inputTags = groupKeyValues(tagRows);
  for (const r of rows(db, `SELECT i.input_uuid, i.destination_id, d.name, d.digest, d.dataset_source_type,
      d.dataset_source, d.dataset_schema, d.dataset_profile FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id
      WHERE i.source_type = 'DATASET' AND i.destination_type = 'RUN' ORDER BY i.rowid`)) {
    const run = str(r.destination_id);
    let list = out.get(run);
    if (!list) out.set(run, (list = []));
    list.push({
      dataset: {
        name: str(r.name), digest: str(r.digest), sourceType: str(r.dataset_source_type), source: str(r.dataset_source),
        ...(r.dataset_schema != null ? { schema: str(r.dataset_schema) } : {}),
        ...(r.dataset_profile != null ? { profile: str(r.dataset_profile) } : {}),
      },
      tags: inputTags.get(str(r.input_uuid)) ?? [],
    });
  }
  return out;
}

function readRegistry(db: Database, tables: Set<string>): DumpRegisteredModel[] {
  const tags = groupKeyValues(tables.has('registered_model_tags') ? rows(db, 'SELECT key, value, name AS id FROM registered_model_tags') : []);
  const vtags = groupKeyValues(tables.has('model_version_tags')
    ? rows(db, "SELECT key, value, name || char(0) || version AS id FROM model_version_tags") : []);
  const aliases = tables.has('registered_model_aliases') ? rows(db, 'SELECT name, alias, version FROM registered_model_aliases') : [];
  const vc = columns(db, 'model_versions');
  const versions = tables.has('model_versions') ? rows(db, `SELECT name, version, creation_time, last_updated_time, description,
      user_id, current_stage, source, run_id, status, status_message, run_link, ${col(vc, 'storage_location')}
      FROM model_versions ORDER BY name, version`) : [];
  return rows(db, 'SELECT name, creation_time, last_updated_time, description FROM registered_models ORDER BY name').map((m) => {
    const name = str(m.name);
    return {
      name,
      creationTimestamp: num(m.creation_time),
      lastUpdatedTimestamp: num(m.last_updated_time),
      description: optStr(m.description),
      tags: tags.get(name) ?? [],
      aliases: Object.fromEntries(aliases.filter((a) => a.name === name).map((a) => [str(a.alias), Number(a.version)])),
      versions: versions.filter((v) => v.name === name).map((v) => ({
        name,
        version: Number(v.version),
        creationTimestamp: num(v.creation_time),
        lastUpdatedTimestamp: num(v.last_updated_time),
        userId: optStr(v.user_id),
        currentStage: str(v.current_stage, 'None'),
        description: optStr(v.description),
        source: optStr(v.source),
        runId: optStr(v.run_id),
        runLink: optStr(v.run_link),
        status: str(v.status, 'READY'),
        statusMessage: optStr(v.status_message),
        storageLocation: optStr(v.storage_location),
        tags: vtags.get(`${name}\0${String(v.version)}`) ?? [],
      })),
    };
  });
}
