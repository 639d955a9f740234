/**
 * searchExperimentRows against mlflow 3.17 SearchExperimentsUtils (expected ids and messages from
 * MLflow over the same four experiments). One deliberate difference: experiment ids sort as integers,
 * as in MLflow's SQL store (an INTEGER column); the FileStore compares them as strings.
 */
import { describe, expect, it } from 'vitest';
import type { ExperimentRow } from '../../storage/rows';
import { parseExperimentFilter, searchExperimentRows, validateExperimentOrderBy } from './index';

const exp = (experimentId: string, name: string, tags: Record<string, string>, creationTime: number, lastUpdateTime: number): ExperimentRow => ({
  experimentId, name, artifactLocation: 'a', lifecycleStage: 'active', creationTime, lastUpdateTime, tags: new Map(Object.entries(tags)),
});

const EXPS = [
  exp('1', 'Default', { owner: 'ml-team' }, 100, 100),
  exp('2', 'prod-churn', { owner: 'ml-team', k: 'v' }, 300, 500),
  exp('10', 'prod-ltv', {}, 300, 400),
  exp('3', 'dev', { owner: 'Bob' }, 200, 200),
];
const ids = (filter?: string, orderBy?: string[]): string[] =>
  searchExperimentRows(EXPS, { filter, orderBy }).rows.map((e) => e.experimentId);
const messageOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('experiment filters', () => {
  it.each([
    ["name LIKE 'prod-%' AND tags.owner = 'ml-team'", ['2']],
    ["name ILIKE '%PROD%'", ['2', '10']],
    ['creation_time >= 200', ['2', '10', '3']],
    ['last_update_time < 400', ['3', '1']],
    ["tags.owner != 'ml-team'", ['3']],
    ['tags.k IS NULL', ['10', '3', '1']],
    ["experiment_id IN ('1', '10')", ['10', '1']],
    ["experiment_id = '2'", ['2']],
    ["name != 'dev'", ['2', '10', '1']],
    ['tags.owner IS NOT NULL', ['2', '3', '1']],
    // MLflow: test_like_pattern_with_plus_character (regex specials are literal)
    ['name LIKE "prod-%"', ['2', '10']],
  ])('%s', (filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });

  const KEYS = "'{'name', 'experiment_id', 'creation_time', 'last_update_time'}'";
  it.each([
    ['metrics.x > 1', "Invalid entity type 'metrics'. Valid entity types are ('attribute', 'tag', 'tags')"],
    ['foo = 1', `Invalid attribute key 'foo' specified. Valid keys are ${KEYS}`],
    ["name IN ('a')", "Only ['experiment_id'] attributes support comparison with a list of quoted string values."],
    ['tags.x > 1', "Expected a quoted string value for tag (e.g. 'my-value'). Got value 1"],
    ["name = 'a' OR name = 5", "Expected a quoted string value for attributes. Got value 5"],
    ['creation_time LIKE 1', "Invalid comparator 'LIKE' not one of '{'!=', '=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'}"],
    ['name IS NULL', "IS NULL / IS NOT NULL is only supported for tags, not for attribute 'name'"],
    ["tags.x = 'a' foo", 'Invalid clause(s) in filter string: tags.x = \'a\' foo'],
  ])('rejects %j', (filter, message) => {
    expect(messageOf(() => parseExperimentFilter(filter))).toBe(message);
  });

  it('accepts OR and parentheses as an extension', () => {
    expect(ids("name = 'dev' OR (tags.owner = 'ml-team' AND creation_time > 100)")).toEqual(['2', '3']);
  });
});

describe('experiment order_by', () => {
  it.each([
    // Ties on creation_time: ids as integers (SQL store); the FileStore would give '10' before '2'.
    [undefined, ['2', '10', '3', '1']],
    [['name'], ['1', '3', '2', '10']],
    [['name DESC'], ['10', '2', '3', '1']],
    // The implicit tie-break is experiment_id DESC, as in MLflow.
    [['creation_time'], ['1', '3', '10', '2']],
    [['last_update_time DESC'], ['2', '10', '3', '1']],
    [['experiment_id'], ['1', '2', '3', '10']],
    [['experiment_id DESC'], ['10', '3', '2', '1']],
  ])('%j', (orderBy, expected) => {
    expect(ids(undefined, orderBy)).toEqual(expected);
  });

  it.each([
    ['tags.owner', 'Invalid order_by entity: tag'],
    ['metrics.x', "Invalid entity type 'metrics'. Valid entity types are ('attribute', 'tag', 'tags')"],
    ['lifecycle_stage', "Invalid attribute key 'lifecycle_stage' specified. Valid keys are '{'name', 'experiment_id', 'creation_time', 'last_update_time'}'"],
  ])('rejects %j', (orderBy, message) => {
    expect(messageOf(() => validateExperimentOrderBy([orderBy]))).toBe(message);
  });
});
