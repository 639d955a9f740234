/**
 * order_by validation, pagination, page tokens and max_results, with MLflow's messages
 * (tests/utils/test_search_utils.py and the SQL store's _validate_max_results_param).
 */
import { describe, expect, it } from 'vitest';
import type { RunRow } from '../../storage/rows';
import { decodePageToken, encodePageToken, searchRunRows, validateRunOrderBy } from './index';

const run = (runId: string, startTime = 0): RunRow => ({
  runId, experimentId: '0', runName: '', userId: 'u', status: 'FAILED', startTime, endTime: 1,
  artifactUri: '', lifecycleStage: 'active', deletedTime: null,
  params: new Map(), tags: new Map(), metrics: new Map(), datasetInputs: [],
});

const messageOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

describe('order_by validation', () => {
  const ATTRS = "'{'artifact_uri', 'end_time', 'run_id', 'run_name', 'start_time', 'status', 'user_id', 'created', 'Created'}'";
  // MLflow: test_invalid_order_by_search_runs (messages as MLflow prints them)
  it.each([
    ['m.acc', "Invalid entity type 'm'. Valid values are ['metric', 'parameter', 'tag', 'attribute', 'dataset']"],
    ['acc', `Invalid attribute key 'acc' specified. Valid keys are ${ATTRS}`],
    ['`metrics.A', "Invalid order_by clause '`metrics.A'. Could not be parsed."],
    ['`metrics.A`', "Invalid entity type '`metrics'. Valid values are ['metric', 'parameter', 'tag', 'attribute', 'dataset']"],
    ['attribute.experiment_id', `Invalid attribute key 'experiment_id' specified. Valid keys are ${ATTRS}`],
    ['metrics.A != 1', "Invalid order_by clause 'metrics.A != 1'. Could not be parsed."],
    ['params.my_param ', "Invalid order_by clause 'params.my_param '. Could not be parsed."],
    ['attribute.run_id ACS', "Invalid ordering key in order_by clause 'attribute.run_id ACS'."],
    ['attribute.run_id decs', "Invalid ordering key in order_by clause 'attribute.run_id decs'."],
    ['', "Invalid order_by clause ''. Could not be parsed."],
    ['metrics.a DESC NULLS LAST', "Invalid order_by clause 'metrics.a DESC NULLS LAST'. Could not be parsed."],
    ['run name', "Invalid ordering key in order_by clause 'run name'."],
    // The SQL store's wording (SqlAlchemyStore._get_orderby_clauses); the FileStore's in-memory sort says
    // "Invalid order_by entity type 'dataset'". Flowpad follows the default (SQL) store: test/mlflow/search.test.ts.
    ['datasets.name', "Invalid identifier type 'dataset'"],
  ])('%j', (orderBy, message) => {
    expect(messageOf(() => validateRunOrderBy([orderBy]))).toBe(message);
  });

  // MLflow: test_space_order_by_search_runs, test_correct_sorting (valid spellings)
  it.each([
    'metrics.`Mean Square Error`', 'metrics.`Mean Square Error` ASC', 'metrics.`Mean Square Error` DESC',
    'metrics."key1"  desc', 'params.my_param aSc', 'attributes.status   DESC', 'tags.mlflow.user DESC', "metrics.'a' desc", 'created',
  ])('accepts %j', (orderBy) => {
    expect(() => validateRunOrderBy([orderBy])).not.toThrow();
  });
});

describe('pagination', () => {
  const runs = [run('0'), run('1'), run('2')];
  // MLflow: test_pagination
  it.each([
    [null, 1, ['0'], 1], [null, 2, ['0', '1'], 2], [null, 3, ['0', '1', '2'], null], [null, 5, ['0', '1', '2'], null],
    [1, 1, ['1'], 2], [1, 2, ['1', '2'], null], [1, 3, ['1', '2'], null], [2, 1, ['2'], null], [2, 2, ['2'], null],
    [3, 1, [], null],
  ] as Array<[number | null, number, string[], number | null]>)('offset %j, max %j', (offset, maxResults, expected, next) => {
    const pageToken = offset === null ? undefined : encodePageToken(offset);
    const page = searchRunRows(runs, { maxResults, pageToken });
    expect(page.rows.map((r) => r.runId)).toEqual(expected);
    expect(page.nextPageToken === undefined ? null : decodePageToken(page.nextPageToken)).toBe(next);
  });

  it('makes the same token bytes as MLflow', () => {
    expect(encodePageToken(1000)).toBe('eyJvZmZzZXQiOiAxMDAwfQ==');
    expect(decodePageToken('eyJvZmZzZXQiOiAxMH0=')).toBe(10);
    expect(decodePageToken(b64('{"offset": " 12 "}'))).toBe(12);
  });

  // MLflow: test_invalid_page_tokens (full messages from MLflow)
  it.each([
    [b64('{}'), 'Invalid page token, parsed value={}'],
    [b64('{"offset": "a"}'), 'Invalid page token, not stringable a'],
    [b64('{"offsoot": 7}'), "Invalid page token, parsed value={'offsoot': 7}"],
    [b64('{"offset": 0}'), "Invalid page token, parsed value={'offset': 0}"],
    [b64('not json'), "Invalid page token, decoded value=b'not json'"],
    ['not base64', 'Invalid page token, could not base64-decode'],
  ])('rejects %j', (token, message) => {
    expect(messageOf(() => searchRunRows([], { pageToken: token }))).toBe(message);
  });

  it('walks every page of a sorted result', () => {
    const many = Array.from({ length: 25 }, (_, i) => run(`r${String(i).padStart(2, '0')}`, i % 4));
    const seen: string[] = [];
    let pageToken: string | undefined;
    do {
      const page = searchRunRows(many, { maxResults: 10, pageToken });
      seen.push(...page.rows.map((r) => r.runId));
      pageToken = page.nextPageToken;
    } while (pageToken);
    expect(seen).toEqual(searchRunRows(many, {}).rows.map((r) => r.runId));
    expect(new Set(seen).size).toBe(25);
  });
});

describe('max_results', () => {
  it.each([
    [0, "Invalid value 0 for parameter 'max_results' supplied. It must be a positive integer"],
    [-5, "Invalid value -5 for parameter 'max_results' supplied. It must be a positive integer"],
    [1.5, "Invalid value 1.5 for parameter 'max_results' supplied. It must be a positive integer"],
    [50001, "Invalid value 50001 for parameter 'max_results' supplied. It must be at most 50000"],
  ])('rejects %j', (maxResults, message) => {
    expect(messageOf(() => searchRunRows([], { maxResults }))).toBe(message);
  });

  it('defaults to 1000', () => {
    const many = Array.from({ length: 1001 }, (_, i) => run(String(i)));
    const page = searchRunRows(many, {});
    expect(page.rows).toHaveLength(1000);
    expect(decodePageToken(page.nextPageToken!)).toBe(1000);
  });
});
