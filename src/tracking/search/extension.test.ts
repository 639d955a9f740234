/**
 * Flowpad's extension (mlflow/mlflow#6075): OR and parentheses, AND binding tighter than OR.
 * It must never change a filter MLflow accepts, and must still reject what MLflow rejects for
 * other reasons; structural errors keep MLflow's message and add where/what was expected.
 */
import { describe, expect, it } from 'vitest';
import type { RunRow } from '../../storage/rows';
import { parseRunFilter, searchRunRows, searchSyntaxOf } from './index';

const run = (runId: string, metrics: Record<string, number>, params: Record<string, string> = {}): RunRow => ({
  runId, experimentId: '0', runName: runId, userId: 'u', status: 'FINISHED', startTime: 0, endTime: 1,
  artifactUri: '', lifecycleStage: 'active', deletedTime: null, params: new Map(Object.entries(params)), tags: new Map(),
  datasetInputs: [],
  metrics: new Map(Object.entries(metrics).map(([k, value]) => [k, { value, timestamp: 0, step: 0, min: value, max: value, count: 1 }])),
});

const RUNS = [
  run('a', { acc: 0.95, loss: 0.1 }, { opt: 'adam' }),
  run('b', { acc: 0.5, loss: 0.9 }, { opt: 'sgd' }),
  run('c', { acc: 0.8 }, { opt: 'adam' }),
  run('d', { loss: 0.05 }, {}),
];
const ids = (filter: string): string[] => searchRunRows(RUNS, { filter, orderBy: ['run_id'] }).rows.map((r) => r.runId);
const errorOf = (filter: string): { message: string; position?: number; expected?: string } => {
  try {
    parseRunFilter(filter);
  } catch (e) {
    const s = searchSyntaxOf(e);
    return { message: (e as Error).message, position: s?.position, expected: s?.expected };
  }
  return { message: 'no error' };
};

describe('OR and parentheses', () => {
  it.each([
    ['metrics.acc > 0.9 OR params.opt = \'sgd\'', ['a', 'b']],
    ['metrics.acc > 0.9 or metrics.loss < 0.06', ['a', 'd']],
    // AND binds tighter than OR: a OR (b AND c)
    ["metrics.acc > 0.9 OR params.opt = 'adam' AND metrics.acc < 0.9", ['a', 'c']],
    ["(metrics.acc > 0.9 OR params.opt = 'adam') AND metrics.acc < 0.9", ['c']],
    ["params.opt = 'adam' AND (metrics.loss < 0.5 OR metrics.acc < 0.9)", ['a', 'c']],
    ['((metrics.loss > 0.5))', ['b']],
    ["metrics.acc > 0.9 OR(params.opt = 'sgd')", ['a', 'b']],
    ["metrics.acc > 0.9 AND(params.opt = 'adam')", ['a']],
    ['params.opt IS NULL OR metrics.acc < 0.6', ['b', 'd']],
    ["run_id IN ('a') OR run_id IN ('d')", ['a', 'd']],
    // a missing key still never matches, inside OR as well
    ["params.opt != 'adam' OR metrics.acc != 0.95", ['b', 'c']],
  ])('%s', (filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });

  it('builds an and/or tree', () => {
    const f = parseRunFilter("metrics.a > 1 OR params.b = 'x' AND tags.c = 'y'");
    expect(f.op).toBe('or');
    if (f.op !== 'or') return;
    expect(f.items.map((n) => n.op)).toEqual(['cmp', 'and']);
  });
});

describe('filters MLflow accepts keep their meaning', () => {
  it.each([
    ["metrics.acc > 0.5 AND params.opt = 'adam'", ['a', 'c']],
    // sqlparse quirks MLflow accepts: juxtaposition and stray ANDs mean AND
    ["metrics.acc > 0.5 params.opt = 'adam'", ['a', 'c']],
    ["and metrics.acc > 0.5 and and params.opt = 'adam' and", ['a', 'c']],
    // quoted OR is a value, not an operator
    ["params.opt = 'adam OR sgd'", []],
    ['params.`OR` = \'x\'', []],
  ])('%s', (filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });
});

describe('rejections', () => {
  it.each([
    // structure: MLflow's message, our position and expectation
    ["metrics.a > 1 OR", "Invalid clause(s) in filter string: 'OR'", 16],
    ["OR metrics.a > 1", "Invalid clause(s) in filter string: 'OR'", 0],
    ["metrics.a > 1 OR OR metrics.b > 1", "Invalid clause(s) in filter string: 'OR', 'OR'", 17],
    ["(metrics.a > 1", "Invalid clause(s) in filter string: '('", 0],
    ["metrics.a > 1)", "Invalid clause(s) in filter string: ')'", 13],
    ["metrics.a > 1 AND ()", "Invalid clause(s) in filter string: '()'", 19],
    ["(metrics.a > 1, metrics.b > 2)", "Invalid clause(s) in filter string: '(metrics.a > 1, metrics.b > 2)'", 1],
    ["metrics.a > 1 OR NOT metrics.b > 2", "Invalid clause(s) in filter string: 'OR', 'NOT'", 17],
    ["metrics.a > 1 OR params.b = 'x' c", "Invalid clause(s) in filter string: 'OR', 'params.b = 'x' c'", 17],
    ["metrics.a > 1 OR params.b = 'x'; metrics.c > 1", "Search filter contained multiple expression \"metrics.a > 1 OR params.b = 'x'; metrics.c > 1\". Provide AND-ed expression list.", 31],
    // a bad comparison inside an extended filter gets MLflow's message for that comparison
    ['metrics.a > 1 OR params.b = 5', "Expected a quoted string value for parameter (e.g. 'my-value'). Got value 5", 28],
    ['(m.a > 1) OR metrics.b > 1', "Invalid entity type 'm'. Valid values are ['metric', 'parameter', 'tag', 'attribute', 'dataset']", 1],
    ["metrics.a > 1 OR params.b > 'x'", "Invalid comparator '>' not one of '{'!=', '=', 'LIKE', 'ILIKE', 'IS NULL', 'IS NOT NULL'}'", 17],
  ])('%s', (filter, message, position) => {
    const e = errorOf(filter);
    expect(e.message).toBe(message);
    expect(e.position).toBe(position);
    expect(e.expected).toBeTruthy();
  });
});
