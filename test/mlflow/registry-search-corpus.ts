/**
 * The registry half of the differential search test: a fixed list of registry operations, each at a fixed clock
 * time (ties on purpose), replayed on MLflow's SQLite store and on Flowpad; then filter + order_by strings for
 * search_registered_models and search_model_versions, valid and invalid. `{id:N}` is the N-th spec run's id.
 * Flowpad's OR / parentheses extension is left out on purpose.
 */
import { T0 } from './search-spec';

export type RegistryOp =
  | { op: 'model'; name: string; t: number; tags: Record<string, string>; description?: string }
  | { op: 'version'; name: string; t: number; source: string; run: number | null; tags: Record<string, string> }
  | { op: 'stage'; name: string; version: number; stage: string; t: number }
  | { op: 'describe_model'; name: string; description: string; t: number }
  | { op: 'describe_version'; name: string; version: number; description: string; t: number }
  | { op: 'model_tag'; name: string; key: string; value: string; t: number }
  | { op: 'delete_version'; name: string; version: number; t: number };

export interface RegistryQuery {
  kind: 'models' | 'versions';
  filter: string;
  order_by: string[];
  /** Page through all results this many at a time, comparing each page and its token. */
  page_size?: number;
}

const t = (dt: number) => T0 + dt;
const v = (name: string, dt: number, source: string, run: number | null, tags: Record<string, string> = {}): RegistryOp =>
  ({ op: 'version', name, t: t(dt), source, run, tags });

export const REGISTRY_OPS: RegistryOp[] = [
  { op: 'model', name: 'alpha', t: t(10), tags: { team: 'nlp', env: 'prod' }, description: 'first' },
  { op: 'model', name: 'Alpha-2', t: t(10), tags: { team: 'NLP' } },
  { op: 'model', name: 'beta_model', t: t(20), tags: { env: 'dev' } },
  { op: 'model', name: 'gamma 100%', t: t(5), tags: { owner: "o'neil" } },
  { op: 'model', name: 'delta.v1', t: t(30), tags: {} },
  { op: 'model', name: 'épsilon', t: t(40), tags: { team: 'vision', note: 'ÜNÏ' } },
  { op: 'model', name: 'zeta', t: t(40), tags: {} },
  { op: 'model', name: 'my-prompt', t: t(50), tags: { 'mlflow.prompt.is_prompt': 'true' } },
  { op: 'model', name: 'eta', t: t(60), tags: { 'key with space': 'v' } },
  v('alpha', 100, 's3://b/alpha/1', 0, { stage: 'a' }),
  v('alpha', 110, 's3://b/alpha/2', 1),
  v('alpha', 110, '/local/alpha', 1, { validated: 'true' }),
  v('Alpha-2', 110, 's3://b/alpha2', 2),
  v('beta_model', 120, 'file:///m/beta/1', 3, { note: 'ÜNÏ' }),
  v('beta_model', 130, 'file:///m/beta/2', 3),
  v('beta_model', 140, 'file:///m/beta/3', 4),
  v('beta_model', 150, 'file:///m/beta/4', null, { validated: 'false' }),
  v('gamma 100%', 105, 'gs://g/gamma', null, { note: 'üni' }),
  v('zeta', 160, 's3://b/zeta', 5),
  v('delta.v1', 100, 'file:///m/delta', 5),
  v('my-prompt', 170, 's3://b/prompt', null),
  { op: 'model_tag', name: 'beta_model', key: 'late', value: '1', t: t(200) },
  { op: 'describe_model', name: 'zeta', description: 'updated', t: t(210) },
  { op: 'stage', name: 'alpha', version: 1, stage: 'Production', t: t(220) },
  { op: 'describe_version', name: 'beta_model', version: 2, description: 'second', t: t(230) },
  { op: 'delete_version', name: 'beta_model', version: 3, t: t(240) },
  { op: 'stage', name: 'Alpha-2', version: 1, stage: 'Staging', t: t(220) },
];

const MODEL_FILTERS = [
  '', "name = 'alpha'", "name != 'alpha'", "name LIKE 'alpha%'", "name LIKE 'Alpha%'", "name ILIKE 'alpha%'",
  "name ILIKE '%MODEL%'", "name LIKE 'gamma 100%'", "name LIKE '_eta'", "name LIKE '%.%'", "tags.team = 'nlp'",
  "tags.team ILIKE 'nlp'", "tags.team LIKE 'N%'", 'tags.`key with space` = \'v\'', "tags.\"key with space\" = 'v'",
  "tag.env = 'prod'", "tags.env != 'prod'", "name ILIKE 'a%' AND tags.team = 'NLP'", "tags.`mlflow.prompt.is_prompt` = 'true'",
  "tags.`mlflow.prompt.is_prompt` = 'false'", "name = 'épsilon'", "tags.note ILIKE 'üni'", "name = \"zeta\"",
  "attribute.name = 'alpha'", "tags.owner = 'o''neil'", "name IN ('alpha', 'Alpha-2', 'nope')", "name NOT IN ('alpha', 'zeta')",
  "name IN ('alpha') AND tags.team = 'nlp'",
  // invalid
  // `tags.team IS NULL` makes MLflow 3.17's SearchModelUtils raise a bare ValueError (a 500 from its server).
  'name = alpha', "name > 'a'", "tags.team > 'x'", 'version_number = 1', "run_id = 'x'", "attributes.name = 'alpha'",
  "name IN ('alpha')", 'tags.team IS NULL', "name LIKE 'a%' AND", 'creation_timestamp > 5', 'name = 5', "metrics.x = 'a'",
  "tags.team IN ('nlp')", 'name IN ()',
];
const MODEL_ORDERS = [
  ['name DESC'], ['timestamp'], ['timestamp DESC'], ['last_updated_timestamp DESC'], ['last_updated_timestamp', 'name DESC'],
  ['timestamp ASC', 'name DESC'],
  // invalid
  ['creation_timestamp'], ['name', 'name'], ['name sideways'], ['tags.team'],
];

const VERSION_FILTERS = [
  '', "name = 'alpha'", "name LIKE 'alpha%'", "name ILIKE 'ALPHA%'", 'version_number = 2', 'version_number > 1',
  "version_number >= 2 AND name = 'beta_model'", "version_number = '2'", "run_id = '{id:1}'", "run_id IN ('{id:1}', '{id:3}')",
  "run_id != '{id:1}'", "source_path = 's3://b/alpha/1'", "source_path LIKE 's3://%'", "source_path ILIKE 'FILE:%'",
  "tags.stage = 'a'", "tags.validated = 'true'", "tags.validated != 'true'", "tags.note ILIKE 'üni'", `creation_timestamp > ${t(110)}`,
  `last_updated_timestamp >= ${t(200)}`, "name = 'alpha' AND version_number < 3", "tags.`mlflow.prompt.is_prompt` = 'true'",
  "name = 'beta_model' AND tags.note LIKE 'Ü%'", "name != 'alpha'", "name IN ('alpha', 'zeta')", "name NOT IN ('alpha')",
  "run_id NOT IN ('{id:1}')", "name IN ('beta_model') AND run_id IN ('{id:3}', '{id:4}')",
  // invalid
  'version_number = 2.0', "current_stage = 'Production'", "tags.x > 'a'", "version_number LIKE '1'", "name IN ('alpha')",
  'run_id = abc', 'source_path = 1', "source_path IN ('s3://b/zeta')", "tags.k NOT IN ('v')", "tag.k = 'v' AND", "run_id IN ('a', 'b'", "version_number = 'two'", 'version_number IN (1, 2)',
];
const VERSION_ORDERS = [
  ['name', 'version_number DESC'], ['creation_timestamp DESC'], ['last_updated_timestamp'], ['version_number'],
  ['name DESC', 'creation_timestamp'],
  // invalid
  ['timestamp'], ['run_id'], ['name ASC', 'name DESC'], ['version_number upward'],
];

/** Filters × no order, then a valid filter with every order; ids substituted; one paged query per kind. */
export function makeRegistryCorpus(runIds: string[]): RegistryQuery[] {
  const sub = (f: string) => f.replace(/\{id:(\d+)\}/g, (_, n: string) => runIds[Number(n)]);
  const out: RegistryQuery[] = [];
  for (const filter of MODEL_FILTERS) out.push({ kind: 'models', filter: sub(filter), order_by: [] });
  for (const order_by of MODEL_ORDERS) out.push({ kind: 'models', filter: "name != 'nothing'", order_by });
  for (const filter of VERSION_FILTERS) out.push({ kind: 'versions', filter: sub(filter), order_by: [] });
  for (const order_by of VERSION_ORDERS) out.push({ kind: 'versions', filter: "source_path LIKE '%'", order_by });
  out.push({ kind: 'models', filter: '', order_by: ['timestamp DESC'], page_size: 3 });
  out.push({ kind: 'versions', filter: "name != 'zeta'", order_by: ['creation_timestamp', 'name'], page_size: 4 });
  return out;
}
