/**
 * Filter and order_by strings for the differential search test: valid and invalid, for runs and experiments.
 * `{id:N}` stands for the N-th spec run's id. Flowpad's OR / parentheses extension is left out on purpose.
 */
export interface Query {
  kind: 'runs' | 'experiments';
  filter: string;
  order_by: string[];
  view?: 'ACTIVE_ONLY' | 'DELETED_ONLY' | 'ALL';
  /** Page through all results this many at a time, comparing each page and its token. */
  page_size?: number;
  /** Set when Flowpad deliberately differs from MLflow's SQLite store on this query: the reason. */
  differs?: string;
}

/** Filters on which Flowpad and MLflow's SQLite store knowingly disagree (both accept them). */
export const DOCUMENTED_DIFFERENCES: Record<string, string> = {
  "attributes.run_name ILIKE 'ΔELTA'":
    "SQLite's lower() folds ASCII only; Flowpad folds Unicode like MLflow's FileStore and PostgreSQL store",
  "tags.note ILIKE 'ÜNÏCÖDÉ'": "same: Unicode case folding in ILIKE",
  'metrics.loss = 1.7976931348623157e308':
    'the SQL store saves ±Infinity as ±1.7976931348623157e308; Flowpad keeps Infinity, as the FileStore does',
};

const RUN_FILTERS = [
  '',
  'metrics.loss < 0.5',
  'metrics.loss >= 0.5',
  'metrics.loss = 0.5',
  'metrics.loss != 0.2',
  'metrics.loss > 1e308',
  'metrics.loss < -1e308',
  'metrics.loss != 0',
  'metrics.loss <= -0.5',
  'metrics.`f1 score` >= 0.9',
  'metrics."f1 score" < 0',
  'metrics.acc > -1 and metrics.loss < 1',
  'metrics.`val.loss` <= 0',
  'metrics.acc >= 0',
  'metrics.loss > 0.5 AND metrics.loss < 2',
  "params.lr = '0.01'",
  "params.lr != '0.01'",
  'params.lr = "0.01"',
  "params.model LIKE 'r%'",
  "params.model ILIKE 'r%'",
  "params.model LIKE 'linear_%'",
  "params.model LIKE 'linear%'",
  "params.model LIKE '%p'",
  "params.`my key` = ''",
  "params.`my key` = 'a b'",
  "params.\"a.b\" = '1'",
  "params.opt ILIKE 'ADAM%'",
  "params.depth = '3' AND params.opt = 'adam'",
  "params.opt IS NULL",
  "params.opt IS NOT NULL",
  "tags.team = 'nlp'",
  "tags.team ILIKE 'nlp'",
  "tags.team LIKE 'Vision%'",
  "tags.team LIKE '%\\_x'",
  "tags.team != 'nlp'",
  "tags.team IS NULL",
  "tags.`mlflow.user` = 'alice'",
  "tags.mlflow.user = 'bob'",
  "tags.`mlflow.parentRunId` != ''",
  "tags.`mlflow.parentRunId` = '{id:3}'",
  'tags.note = "it\'s"',
  "tags.note LIKE 'it%'",
  "tags.note ILIKE '%HI%'",
  "tags.note LIKE 'multi%'",
  "attributes.status = 'FINISHED'",
  "attributes.status != 'RUNNING'",
  "run.status = 'SCHEDULED'",
  "status LIKE 'F%'",
  "attr.status ILIKE 'killed'",
  "attributes.run_name = 'alpha'",
  "attributes.run_name ILIKE 'alpha'",
  "run_name LIKE '%run%'",
  "attributes.`Run name` = 'beta-1'",
  "`run name` = 'gamma run'",
  "attributes.run_name = 'δelta'",
  'attributes.start_time >= 1700000050000',
  'attributes.start_time < 1700000010000',
  'attributes.start_time = 1700000050000',
  'created > 1700000100000',
  'Created <= 1700000100000',
  'attributes.end_time > 1700000050000',
  'attributes.end_time != 0',
  "attributes.user_id = 'alice'",
  "attributes.artifact_uri LIKE '%artifacts'",
  "attributes.run_id IN ('{id:0}', '{id:1}', '{id:2}')",
  "attributes.run_id NOT IN ('{id:0}')",
  "run_id = '{id:5}'",
  "attributes.run_id LIKE '{id:7}'",
  "metrics.loss > 0 AND params.model = 'rf' AND tags.team = 'nlp'",
  "datasets.name = 'x'",
  "tags.team = 'nlp' and params.lr = '0.1' and metrics.loss < 1",
  "tags.note LIKE '%line'",
  "tags.note LIKE 'multi_line'",
  "attributes.run_name ILIKE 'ΔELTA'",
  "attributes.run_name LIKE '_elta'",
  "tags.note ILIKE 'ÜNÏCÖDÉ'",
  "params.model LIKE 'linear\\%'",
  "params.model LIKE 'linear[%]'",
  'metrics.loss = 1.7976931348623157e308',
  'metrics.loss >= 1.7976931348623157e308',
  // invalid
  'params.lr = 0.01',
  'params.opt = adam',
  "metrics.acc = 'high'",
  'acc > 0.9',
  'm.acc > 0.9',
  "params.opt > 'adam'",
  "attributes.start_time LIKE '17%'",
  "attributes.status IN ('FINISHED','FAILED')",
  'metrics.a > 1; metrics.b < 2',
  "dataset.profile = 'x'",
  '1 = 1',
  'metrics.loss',
  'metrics.loss >',
  '= 0.5',
  "attributes.experiment_id = '1'",
  "attributes.lifecycle_stage = 'active'",
  "params.lr == '0.1'",
  'metrics.loss < 0.5 AND',
  'AND metrics.loss < 0.5',
  "metrics.loss < 0.5 AND AND params.lr = '0.1'",
  'tags.team LIKE nlp',
  'attributes.run_id IN ()',
  "attributes.run_id IN ('a', 1)",
  "attributes.start_time > '170'",
  'metrics.loss <> 1',
  "params.lr RLIKE '0.*'",
  "tags.team NOT LIKE 'n%'",
  'metrics.loss IN (1, 2)',
  "tags.team = 'nlp' metrics.loss > 0",
  "params.lr = '0.1",
  "run_name = 'a' -- comment",
  "status = 'FINISHED' /* c */",
  "metrics.loss IS NULL",
  "attributes.run_name IS NULL",
];

const RUN_ORDERS: string[][] = [
  ['metrics.loss'],
  ['metrics.loss DESC'],
  ['metrics.loss ASC'],
  ['metrics.`f1 score` DESC'],
  ['params.lr'],
  ['params.lr DESC', 'metrics.loss ASC'],
  ['tags.team'],
  ['tags.`mlflow.user` DESC'],
  ['attributes.start_time ASC'],
  ['start_time DESC'],
  ['attributes.run_name'],
  ['run_name DESC'],
  ['attributes.status'],
  ['attributes.end_time'],
  ['attributes.end_time DESC'],
  ['attributes.run_id'],
  ['attributes.run_id DESC'],
  ['created ASC'],
  ['attributes.user_id', 'metrics.acc DESC'],
  ['metrics.`val.loss`'],
  ['params.`my key` DESC'],
  ['tags.note'],
  ['metrics.acc desc', 'params.model asc'],
  ['attributes.artifact_uri'],
  // invalid
  ['attribute.run_id decs'],
  ['metrics'],
  ['metrics.loss ASC DESC'],
  ['foo.bar'],
  ['attributes.experiment_id'],
  ['datasets.name'],
  ['metrics.`loss'],
  ['params.lr ASC, metrics.loss'],
];

const EXPERIMENT_FILTERS = [
  '',
  "name = 'search-a'",
  "name LIKE 'search%'",
  "name ILIKE 'search%'",
  "name LIKE '%100%'",
  "name != 'prod_2'",
  "name LIKE 'prod_%' AND tags.owner = 'bob'",
  "attribute.name = 'Search-C'",
  "tags.team = 'nlp'",
  "tags.team ILIKE 'nlp'",
  "tag.owner LIKE '%o%'",
  "tags.`key with space` = 'v'",
  'tags.owner = "o\'neil"',
  'creation_time > 1700000000010',
  'creation_time = 1700000000020',
  'last_update_time >= 1700000000020',
  "tags.owner IS NULL",
  // invalid
  'metrics.x > 1',
  "name > 'a'",
  "creation_time LIKE '1%'",
  "tags.team > 'a'",
  "foo = 'x'",
  'name = search-a',
  "creation_time = 'x'",
  "params.x = 'a'",
];

const EXPERIMENT_ORDERS: string[][] = [
  ['name'],
  ['name DESC'],
  ['creation_time ASC'],
  ['last_update_time DESC', 'name'],
  ['experiment_id DESC'],
  ['experiment_id'],
  // invalid
  ['tags.team'],
  ['name DESC ASC'],
  ['foo'],
];

/** Every query: each filter with the default order, each order_by with no filter, and some combinations. */
export function makeCorpus(ids: string[]): Query[] {
  const fill = (s: string) => s.replace(/\{id:(\d+)\}/g, (_, n: string) => ids[Number(n)]);
  const q: Query[] = [];
  for (const f of RUN_FILTERS) q.push({ kind: 'runs', filter: fill(f), order_by: [] });
  for (const o of RUN_ORDERS) q.push({ kind: 'runs', filter: '', order_by: o });
  RUN_ORDERS.slice(0, 24).forEach((o, i) => q.push({ kind: 'runs', filter: fill(RUN_FILTERS[1 + ((i * 7) % 70)]), order_by: o }));
  for (const view of ['ALL', 'DELETED_ONLY'] as const) {
    q.push({ kind: 'runs', filter: 'metrics.loss < 1', order_by: ['metrics.loss'], view });
    q.push({ kind: 'experiments', filter: '', order_by: [], view });
  }
  for (const f of EXPERIMENT_FILTERS) q.push({ kind: 'experiments', filter: f, order_by: [] });
  for (const o of EXPERIMENT_ORDERS) q.push({ kind: 'experiments', filter: '', order_by: o });
  q.push({ kind: 'experiments', filter: "name LIKE '%a%'", order_by: ['name DESC'] });
  q.push({ kind: 'runs', filter: 'metrics.loss < 1', order_by: ['metrics.loss DESC'], page_size: 17 });
  q.push({ kind: 'runs', filter: '', order_by: [], page_size: 50 });
  q.push({ kind: 'experiments', filter: '', order_by: ['name'], page_size: 2 });
  for (const x of q) if (x.kind === 'runs' && DOCUMENTED_DIFFERENCES[x.filter]) x.differs = DOCUMENTED_DIFFERENCES[x.filter];
  return q;
}
