/**
 * search_registered_models / search_model_versions against the SQL registry store's behaviour
 * (SearchModelUtils / SearchModelVersionUtils parsing, the store's comparator checks, ORDER BY and paging).
 */
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../../test/error-of';
import { searchModelVersionRows, searchRegisteredModelRows } from './registry-search';

const model = (name: string, t: number, tags: Record<string, string> = {}) => ({
  name, lastUpdatedTimestamp: t, tags: new Map(Object.entries(tags)),
});
const MODELS = [
  model('churn', 30, { task: 'classification' }),
  model('Churn-EU', 10, { task: 'classification', owner: 'eu' }),
  model('forecast', 20, { task: 'regression' }),
  model('line\nbreak', 5),
  model('my prompt', 40, { 'mlflow.prompt.is_prompt': 'true' }),
];
const names = (f?: string, orderBy?: string[]) => searchRegisteredModelRows(MODELS, { filter: f, orderBy }).rows.map((m) => m.name);
const rmError = (f: string, orderBy?: string[]) => errorOf(() => searchRegisteredModelRows(MODELS, { filter: f, orderBy }));

describe('search_registered_models', () => {
  it('filters by name (= != LIKE ILIKE) and tags, ordered by name, prompts hidden', () => {
    expect(names()).toEqual(['Churn-EU', 'churn', 'forecast', 'line\nbreak']);
    expect(names("name = 'churn'")).toEqual(['churn']);
    expect(names("name != 'churn'")).toEqual(['Churn-EU', 'forecast', 'line\nbreak']);
    expect(names("name LIKE 'c%'")).toEqual(['churn']);
    expect(names("name ILIKE 'c%'")).toEqual(['Churn-EU', 'churn']);
    expect(names("name LIKE 'line_break'")).toEqual(['line\nbreak']); // SQL: `_` matches a newline
    expect(names("tags.task = 'classification' AND tags.owner != 'us'")).toEqual(['Churn-EU']);
    expect(names("tags.`task` ILIKE '%REG%'")).toEqual(['forecast']);
    expect(names('tags."task" = "regression"')).toEqual(['forecast']);
    // MLflow 3.17: LIST_SUPPORTED_KEYS = {'name'} (found by the differential test in test/mlflow/search.test.ts).
    expect(names("name IN ('churn', 'forecast', 'nope')")).toEqual(['churn', 'forecast']);
    expect(names("name NOT IN ('churn')")).toEqual(['Churn-EU', 'forecast', 'line\nbreak']);
  });

  it('ILIKE folds ASCII letters only, like SQLite lower()', () => {
    const rows = [model('École', 1), model('école', 2)];
    expect(searchRegisteredModelRows(rows, { filter: "name ILIKE 'é%'" }).rows.map((m) => m.name)).toEqual(['école']);
  });

  it('shows prompts only when the filter asks for them', () => {
    expect(names("tags.`mlflow.prompt.is_prompt` = 'true'")).toEqual(['my prompt']);
    expect(names("tags.`mlflow.prompt.is_prompt` = 'false'")).toEqual(['Churn-EU', 'churn', 'forecast', 'line\nbreak']);
    expect(names("tags.`mlflow.prompt.is_prompt` != 'true'")).toHaveLength(4);
  });

  it('orders by name, timestamp or last_updated_timestamp, ties by name', () => {
    expect(names(undefined, ['name DESC'])).toEqual(['line\nbreak', 'forecast', 'churn', 'Churn-EU']);
    expect(names(undefined, ['timestamp DESC'])).toEqual(['churn', 'forecast', 'Churn-EU', 'line\nbreak']);
    expect(names(undefined, ['last_updated_timestamp'])).toEqual(['line\nbreak', 'Churn-EU', 'forecast', 'churn']);
    expect(names(undefined, ['`name` desc'])).toEqual(['line\nbreak', 'forecast', 'churn', 'Churn-EU']);
  });

  it('pages with MLflow tokens and limits max_results to 1000', async () => {
    const first = searchRegisteredModelRows(MODELS, { maxResults: 3 });
    expect(first.rows.map((m) => m.name)).toEqual(['Churn-EU', 'churn', 'forecast']);
    expect(first.nextPageToken).toBe(btoa('{"offset": 3}'));
    const second = searchRegisteredModelRows(MODELS, { maxResults: 3, pageToken: first.nextPageToken });
    expect(second.rows.map((m) => m.name)).toEqual(['line\nbreak']);
    expect(second.nextPageToken).toBeUndefined();
    expect(await errorOf(() => searchRegisteredModelRows(MODELS, { maxResults: 1001 }))).toEqual({
      code: 'INVALID_PARAMETER_VALUE', message: 'Invalid value for request parameter max_results. It must be at most 1000, but got value 1001',
    });
    expect((await errorOf(() => searchRegisteredModelRows(MODELS, { pageToken: 'x' }))).message).toBe('Invalid page token, could not base64-decode');
  });

  it.each([
    ["name > 'a'", 'Invalid comparator for attribute: >'],
    ["tags.t > 'a'", 'Invalid comparator for tag: >'],
    ["run_id = 'a'", "Invalid attribute key 'run_id' specified. Valid keys are '{'name'}'"],
    ["`name` = 'a'", "Invalid attribute key '`name`' specified. Valid keys are '{'name'}'"],
    ["attributes.name = 'a'", "Invalid entity type 'attributes'. Valid entity types are ('attribute', 'tag', 'tags')"],
    ["params.x = 'a'", "Invalid entity type 'params'. Valid entity types are ('attribute', 'tag', 'tags')"],
    ['name = 5', 'Expected a quoted string value or a list of quoted string values for attributes. Got value 5'],
    ["tags.t IN ('a')", "Expected a quoted string value for tag (e.g. 'my-value'). Got value ('a')"],
    ['tags.t = 5', "Expected a quoted string value for tag (e.g. 'my-value'). Got value 5"],
    ['name = churn', 'Parameter value is either not quoted or unidentified quote types used for string value churn. Use either single or double quotes.'],
    ["name = 'a' OR", 'Invalid clause(s) in filter string: OR'],
  ])('refuses %s', async (filter, message) => {
    expect(await rmError(filter)).toEqual({ code: 'INVALID_PARAMETER_VALUE', message });
  });

  it('checks order_by keys as the SQL store does (creation_timestamp is not one) and refuses duplicates', async () => {
    expect(await rmError('', ['creation_timestamp'])).toEqual({
      code: 'INVALID_PARAMETER_VALUE', message: "Invalid order by key 'creation_timestamp' specified. Valid keys are '{'name', 'timestamp'}'",
    });
    expect(await rmError('', ['name sideways'])).toEqual({
      code: 'INVALID_PARAMETER_VALUE', message: "Invalid ordering key in order_by clause 'name sideways'.",
    });
    expect(await rmError('', ['timestamp', 'last_updated_timestamp DESC'])).toEqual({
      code: 'INTERNAL_ERROR', message: "`order_by` contains duplicate fields: ['timestamp', 'last_updated_timestamp DESC']",
    });
    // The store reads order_by before it checks comparators.
    expect((await rmError("name > 'a'", ['bogus'])).message).toMatch(/^Invalid order by key 'bogus'/);
  });
});

const version = (name: string, v: number, t: number, extra: Partial<{ runId: string | null; source: string; tags: Record<string, string> }> = {}) => ({
  name, version: v, creationTimestamp: t, lastUpdatedTimestamp: t, runId: extra.runId === undefined ? `run${v}` : extra.runId,
  source: extra.source ?? `runs:/run${v}/model`, tags: new Map(Object.entries(extra.tags ?? {})),
});
const VERSIONS = [
  version('a', 1, 10), version('a', 2, 30, { tags: { validated: 'yes' } }), version('a', 3, 20, { runId: null, source: 's3://b/x' }),
  version('b', 1, 30), version('p', 1, 50, { tags: { 'mlflow.prompt.is_prompt': 'true' } }), version('p', 2, 60),
];
const mv = (filter?: string, orderBy?: string[]) =>
  searchModelVersionRows(VERSIONS, { filter, orderBy }).rows.map((v) => `${v.name}/${v.version}`);
const mvError = (filter: string, orderBy?: string[]) => errorOf(() => searchModelVersionRows(VERSIONS, { filter, orderBy }));

describe('search_model_versions', () => {
  it('defaults to last_updated DESC, name ASC, version DESC and hides prompt models whole', () => {
    expect(mv()).toEqual(['a/2', 'b/1', 'a/3', 'a/1']);
    expect(mv(undefined, ['version_number ASC'])).toEqual(['a/1', 'b/1', 'a/2', 'a/3']);
    expect(mv(undefined, ['name DESC'])).toEqual(['b/1', 'a/3', 'a/2', 'a/1']);
    expect(mv(undefined, ['tags.name'])).toEqual(['a/3', 'a/2', 'a/1', 'b/1']); // the store reads only the key
  });

  it('filters by name, version_number, run_id, source_path and tags', () => {
    expect(mv("name = 'a' AND version_number > 1")).toEqual(['a/2', 'a/3']);
    expect(mv("version_number = '2'")).toEqual(['a/2']);
    expect(mv("run_id IN ('run1', 'run3')")).toEqual(['b/1', 'a/1']);
    expect(mv("run_id != 'run1'")).toEqual(['a/2']); // NULL run ids never match
    expect(mv("source_path LIKE 's3://%'")).toEqual(['a/3']);
    expect(mv("tags.validated = 'yes'")).toEqual(['a/2']);
    expect(mv("tags.`mlflow.prompt.is_prompt` = 'true'")).toEqual(['p/1']);
    // MLflow 3.17: name lists too, and NOT IN on both list keys.
    expect(mv("name IN ('b', 'x')")).toEqual(['b/1']);
    expect(mv("run_id NOT IN ('run1')")).toEqual(['a/2']); // NULL run ids never match
  });

  it.each([
    ['version_number LIKE 1', 'Invalid comparator for attribute version_number: LIKE'],
    ['version_number = 1.5', "Invalid value for numeric attribute 'version_number': 1.5"],
    ['version_number = 2.0', "Invalid value for numeric attribute 'version_number': 2.0"],
    ["version_number = 'abc'", "Invalid value for numeric attribute 'version_number': 'abc'"],
    ["source_path IN ('a')", "Only ['name', 'run_id'] attributes support comparison with a list of quoted string values."],
    ["name > 'a'", 'Invalid comparator for attribute: >'],
    ["tags.k IN ('a')", "Expected a quoted string value for tag (e.g. 'my-value'). Got value ('a')"],
    ['run_id = 5', "Only the '{'version_number', 'creation_timestamp', 'last_updated_timestamp'}' attributes support comparison with numeric values."],
    ["source_uri = 'x'", "Invalid attribute key 'source_uri' specified. Valid keys are '{'name', 'version_number', 'run_id', 'source_path'}'"],
    ["source = 'x'", "Invalid clause(s) in filter string: source, =, 'x'"], // SOURCE is an SQL keyword to sqlparse
    ['tags.k IS NULL', 'IS NULL / IS NOT NULL is not supported when searching the model registry.'],
  ])('refuses %s', async (filter, message) => {
    expect(await mvError(filter)).toEqual({ code: 'INVALID_PARAMETER_VALUE', message });
  });

  it('checks max_results and order_by keys with the store’s messages', async () => {
    expect(await errorOf(() => searchModelVersionRows(VERSIONS, { maxResults: 0 }))).toEqual({
      code: 'INVALID_PARAMETER_VALUE', message: 'Invalid value for max_results. It must be a positive integer, but got 0',
    });
    expect((await errorOf(() => searchModelVersionRows(VERSIONS, { maxResults: 200_001 }))).message)
      .toBe('Invalid value for request parameter max_results. It must be at most 200000, but got value 200001');
    expect(await mvError('', ['tags.x'])).toEqual({
      code: 'INVALID_PARAMETER_VALUE',
      message: "Invalid order by key 'x' specified. Valid keys are {'name', 'version_number', 'creation_timestamp', 'last_updated_timestamp'}",
    });
    expect((await mvError('', ['run_id'])).message).toMatch(/^Invalid attribute key 'run_id' specified/);
    expect((await mvError('', ['name', 'name DESC'])).code).toBe('INTERNAL_ERROR');
  });
});
