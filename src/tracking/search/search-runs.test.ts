/**
 * searchRunRows against MLflow's own in-memory evaluation: the expected run ids below were computed by
 * mlflow 3.17 SearchUtils.filter / SearchUtils.sort over the same six runs (built from the same data),
 * covering NaN/±inf metrics, missing keys, LIKE wildcards, aliases and dataset inputs.
 */
import { describe, expect, it } from 'vitest';
import type { RunRow } from '../../storage/rows';
import type { RunStatus } from '../entities';
import { searchRunRows } from './index';

interface Spec {
  id: string; name: string; user: string; status: RunStatus; start: number; end: number | null; uri: string;
  metrics: Record<string, number>; params: Record<string, string>; tags: Record<string, string>;
  ds: Array<{ name: string; digest: string; ctx?: string }>;
}

/** Test factory: a RunRow from a compact spec. */
function makeRunRow(s: Spec): RunRow {
  return {
    runId: s.id, experimentId: '0', runName: s.name, userId: s.user, status: s.status,
    startTime: s.start, endTime: s.end, artifactUri: s.uri, lifecycleStage: 'active', deletedTime: null,
    params: new Map(Object.entries(s.params)), tags: new Map(Object.entries(s.tags)),
    metrics: new Map(Object.entries(s.metrics).map(([k, value]) => [k, { value, timestamp: 1, step: 0, min: value, max: value, count: 1 }])),
    datasetInputs: s.ds.map((d) => ({
      dataset: { name: d.name, digest: d.digest, sourceType: 'x', source: 'y' },
      tags: d.ctx ? [{ key: 'mlflow.data.context', value: d.ctx }] : [],
    })),
  };
}

const SPECS: Spec[] = [
  { id: 'r1', name: 'baseline', user: 'alice', status: 'FINISHED', start: 100, end: 200, uri: 'mlflow-artifacts:/1/r1',
    metrics: { acc: 0.9, a: 1, 'f 1': 0.5, x: NaN }, params: { lr: '0.01', x: 'adam', 'run name': 'p' },
    tags: { t: 'a', 'mlflow.user': 'alice', 'a b': 'A' }, ds: [{ name: 'name1', digest: 'd1', ctx: 'train' }] },
  { id: 'r2', name: 'Baseline-2', user: 'bob', status: 'FAILED', start: 300, end: null, uri: 's3://b/r2',
    metrics: { acc: 0.7, a: -2, x: Infinity }, params: { lr: '0.1', x: 'sgd' }, tags: { t: 'b', 'x-y': '1' },
    ds: [{ name: 'Train', digest: 'd2' }] },
  { id: 'r3', name: '', user: 'alice', status: 'RUNNING', start: 300, end: 400, uri: 'file:///x',
    metrics: { x: -Infinity, a: 1e3, start_time: 5 }, params: { lr: '%x_' }, tags: { t: "it''s" }, ds: [] },
  { id: 'r4', name: "it's", user: 'carol', status: 'KILLED', start: 50, end: 60, uri: 'mlflow-artifacts:/2',
    metrics: { acc: 0.9, a: 1.5, x: 0 }, params: { x: 'ADAM', lr: '0.01' }, tags: { t: 'A', 'mlflow.user': 'carol' },
    ds: [{ name: 'name2', digest: 'digest2', ctx: 'eval' }, { name: 'name1', digest: 'd1', ctx: 'train' }] },
  { id: 'r5', name: 'abc', user: 'bob', status: 'FINISHED', start: 100, end: 150, uri: 'x',
    metrics: { acc: NaN, a: 0.5 }, params: {}, tags: {}, ds: [{ name: 'b', digest: 'x', ctx: 'a' }] },
  { id: 'a', name: 'a', user: 'dave', status: 'SCHEDULED', start: 0, end: 0, uri: '%',
    metrics: { x: 1000, a: -1 }, params: { lr: '1e3', x: 'b' }, tags: { t: '%x_' }, ds: [] },
];
const RUNS: RunRow[] = SPECS.map(makeRunRow);

const INPUT_ORDER = RUNS.map((r) => r.runId);
const ids = (rows: RunRow[]): string[] => rows.map((r) => r.runId);

const FILTERS: Array<[string, string[]]> = [
  ["metrics.acc > 0.8", ["r1", "r4"]],
  ["metrics.acc != 0.9", ["r2", "r5"]],
  ["metrics.acc = 0.9", ["r1", "r4"]],
  ["metrics.x != 0", ["r1", "r2", "r3", "a"]],
  ["metrics.x > 0", ["r2", "a"]],
  ["metrics.x < 0", ["r3"]],
  ["metrics.x >= -1e400", ["r2", "r3", "r4", "a"]],
  ["metrics.x = 1000", ["a"]],
  ["metrics.x != 5", ["r1", "r2", "r3", "r4", "a"]],
  ["metrics.a <= 1", ["r1", "r2", "r5", "a"]],
  ["metrics.created > 1", ["r3"]],
  ["metrics.start_time > 1", ["r3"]],
  ["params.lr = '0.01'", ["r1", "r4"]],
  ["params.lr != '0.01'", ["r2", "r3", "a"]],
  ["params.lr LIKE '0.%'", ["r1", "r2", "r4"]],
  ["params.lr LIKE '%x_'", ["r3"]],
  ["params.lr LIKE '\\%x\\_'", []],
  ["params.x ILIKE 'adam'", ["r1", "r4"]],
  ["params.x LIKE 'adam'", ["r1"]],
  ["params.x LIKE 'a_am'", ["r1"]],
  ["params.x ILIKE '%A%'", ["r1", "r4"]],
  ["params.`run name` = 'p'", []],
  ["params.lr IS NULL", ["r5"]],
  ["params.lr IS NOT NULL", ["r1", "r2", "r3", "r4", "a"]],
  ["tags.t = 'a'", ["r1"]],
  ["tags.t != 'a'", ["r2", "r3", "r4", "a"]],
  ["tags.t LIKE '%'", ["r1", "r2", "r3", "r4", "a"]],
  ["tags.t LIKE '_'", ["r1", "r2", "r4"]],
  ["tags.t ILIKE 'a'", ["r1", "r4"]],
  ["tags.\"a b\" = 'A'", ["r1"]],
  ["tags.mlflow.user = 'alice'", ["r1"]],
  ["tags.`mlflow.user` != 'alice'", ["r4"]],
  ["tags.t = 'it''s'", ["r3"]],
  ["tags.t LIKE '\\%x\\_'", []],
  ["tags.t LIKE '%x\\_'", []],
  ["tags.t IS NULL", ["r5"]],
  ["attributes.status = 'FINISHED'", ["r1", "r5"]],
  ["status != 'FINISHED'", ["r2", "r3", "r4", "a"]],
  ["run_id IN ('r1', 'r3')", ["r1", "r3"]],
  ["run_id NOT IN ('r1', 'R3')", ["r2", "r3", "r4", "r5", "a"]],
  ["run_id = ('r1',)", []],
  ["run_id != ('r1',)", ["r1", "r2", "r3", "r4", "r5", "a"]],
  ["run_id LIKE 'r%'", ["r1", "r2", "r3", "r4", "r5"]],
  ["run_id ILIKE 'R_'", ["r1", "r2", "r3", "r4", "r5"]],
  ["run_name = 'baseline'", ["r1"]],
  ["run_name ILIKE '%baseline%'", ["r1", "r2"]],
  ["run_name LIKE '%aseline%'", ["r1", "r2"]],
  ["`Run name` = ''", ["r3"]],
  ["attributes.`run name` LIKE 'it%'", ["r4"]],
  ["user_id = 'alice'", ["r1", "r3"]],
  ["artifact_uri LIKE 'mlflow-artifacts:%'", ["r1", "r4"]],
  ["artifact_uri LIKE '\\%'", []],
  ["artifact_uri = '%'", ["a"]],
  ["start_time > 100", ["r2", "r3"]],
  ["start_time >= 100", ["r1", "r2", "r3", "r5"]],
  ["created = 300", ["r2", "r3"]],
  ["Created < 300", ["r1", "r4", "r5", "a"]],
  ["end_time > 0", ["r1", "r3", "r4", "r5"]],
  ["end_time != 200", ["r3", "r4", "r5", "a"]],
  ["end_time <= 1e9", ["r1", "r3", "r4", "r5", "a"]],
  ["start_time = 100.0", ["r1", "r5"]],
  ["datasets.name = 'name1'", ["r1", "r4"]],
  ["datasets.name != 'name1'", ["r2", "r4", "r5"]],
  ["datasets.name IN ('Train')", ["r2"]],
  ["datasets.name NOT IN ('name1')", ["r2", "r4", "r5"]],
  ["datasets.digest LIKE 'd%'", ["r1", "r2", "r4"]],
  ["datasets.context = 'train'", ["r1", "r4"]],
  ["datasets.context != 'train'", ["r4", "r5"]],
  ["datasets.context IN ('eval', 'a')", ["r4", "r5"]],
  ["datasets.name ILIKE 'train'", ["r2"]],
  ["datasets.name = 'name1' AND datasets.context = 'eval'", ["r4"]],
  ["metrics.acc > 0.8 AND params.lr = '0.01'", ["r1", "r4"]],
  ["metrics.a > 0 and tags.t != 'b' and status != 'KILLED'", ["r1", "r3"]],
  ["params.lr IS NULL AND tags.t IS NULL", ["r5"]],
];

const ORDERS: Array<[string[], string[]]> = [
  [[], ["r2", "r3", "r1", "r5", "r4", "a"]],
  [["metrics.acc"], ["r2", "r1", "r4", "r5", "r3", "a"]],
  [["metrics.acc DESC"], ["r1", "r4", "r2", "r5", "r3", "a"]],
  [["metrics.x"], ["r3", "r4", "a", "r2", "r1", "r5"]],
  [["metrics.x desc"], ["r2", "a", "r4", "r3", "r1", "r5"]],
  [["params.lr"], ["r3", "r1", "r4", "r2", "a", "r5"]],
  [["params.lr DESC"], ["a", "r2", "r1", "r4", "r3", "r5"]],
  [["tags.t"], ["a", "r4", "r1", "r2", "r3", "r5"]],
  [["tags.t desc"], ["r3", "r2", "r1", "r4", "a", "r5"]],
  [["attributes.end_time"], ["a", "r4", "r5", "r1", "r3", "r2"]],
  [["end_time DESC"], ["r3", "r1", "r5", "r4", "a", "r2"]],
  [["start_time"], ["a", "r4", "r1", "r5", "r2", "r3"]],
  [["created DESC"], ["r2", "r3", "r1", "r5", "r4", "a"]],
  [["run_name"], ["r3", "r2", "a", "r5", "r1", "r4"]],
  [["run_name DESC", "metrics.a"], ["r4", "r1", "r5", "a", "r2", "r3"]],
  [["status", "metrics.a DESC"], ["r2", "r1", "r5", "r4", "r3", "a"]],
  [["user_id", "params.x DESC"], ["r1", "r3", "r2", "r5", "r4", "a"]],
  [["metrics.nope"], ["r2", "r3", "r1", "r5", "r4", "a"]],
  [["tags.mlflow.user DESC", "run_id"], ["r4", "r1", "a", "r2", "r3", "r5"]],
  [["artifact_uri"], ["a", "r3", "r1", "r4", "r2", "r5"]],
  [["params.x"], ["r4", "r1", "a", "r2", "r3", "r5"]],
  [["metrics.created"], ["r3", "r2", "r1", "r5", "r4", "a"]],
  [["metrics.start_time DESC"], ["r3", "r2", "r1", "r5", "r4", "a"]],
  [["run_id DESC"], ["r5", "r4", "r3", "r2", "r1", "a"]],
];

describe('filtering matches MLflow SearchUtils.filter', () => {
  it.each(FILTERS)('%s', (filter, expected) => {
    const got = ids(searchRunRows(RUNS, { filter }).rows);
    expect(got.sort((x, y) => INPUT_ORDER.indexOf(x) - INPUT_ORDER.indexOf(y))).toEqual(expected);
  });
});

describe('sorting matches MLflow SearchUtils.sort', () => {
  it.each(ORDERS)('%j', (orderBy, expected) => {
    expect(ids(searchRunRows(RUNS, { orderBy }).rows)).toEqual(expected);
  });

  // MLflow: test_order_by_metric_with_nans_infs_nones
  it('puts NaN after every number and missing values last, in both directions', () => {
    const vals: Array<[string, number | undefined]> = [
      ['nan', NaN], ['inf', Infinity], ['-inf', -Infinity], ['-1000', -1000], ['0', 0], ['1000', 1000], ['None', undefined],
    ];
    const rows = vals.map(([id, v]) => makeRunRow({
      id, name: '', user: 'u', status: 'FINISHED', start: 0, end: 1, uri: '', params: {}, tags: {}, ds: [],
      metrics: v === undefined ? {} : { x: v },
    }));
    expect(ids(searchRunRows(rows, { orderBy: ['metrics.x asc'] }).rows)).toEqual(['-inf', '-1000', '0', '1000', 'inf', 'nan', 'None']);
    expect(ids(searchRunRows(rows, { orderBy: ['metrics.x desc'] }).rows)).toEqual(['inf', '1000', '0', '-1000', '-inf', 'nan', 'None']);
  });

  it('compares strings by code point, as Python does', () => {
    const mk = (id: string, name: string): RunRow => makeRunRow({ id, name, user: 'u', status: 'FINISHED', start: 0, end: 0, uri: '', metrics: {}, params: {}, tags: {}, ds: [] });
    const rows = [mk('1', '\u{1F600}'), mk('2', '\uFF21'), mk('3', 'Z'), mk('4', 'a')];
    expect(ids(searchRunRows(rows, { orderBy: ['run_name'] }).rows)).toEqual(['3', '4', '2', '1']);
  });
});
