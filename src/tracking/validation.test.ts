// Cases follow mlflow tests/utils/test_validation.py (3.6.1.dev0); messages are MLflow's exact text.
import { describe, expect, it } from 'vitest';
import { isMlflowError } from '../core/errors';
import {
  BAD_CHARACTERS_MESSAGE, MAX_PARAM_VAL_LENGTH, MAX_TAG_VAL_LENGTH, badPathMessage, coerceParamValue,
  experimentNotActiveForTagsMessage, experimentNotActiveStateMessage, invalidValueMessage, isValidEntityName,
  paramChangedMessage, paramsChangedMessage, pathNotUnique, posixNormpath, pythonFloatStr, runNameConflictMessage,
  runNotActiveMessage, runNotActiveStateMessage, validateBatchLimits, validateBatchRequestSize,
  validateExperimentArtifactLocation, validateExperimentArtifactLocationLength, validateExperimentId,
  validateExperimentName, validateExperimentTag, validateLogBatch, validateMetric, validateMetricName, validateParam,
  validateParamKeysUnique, validateParamName, validateRunId, validateTag, validateTagName,
} from './validation';

function expectInvalid(fn: () => unknown, message: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(isMlflowError(caught, 'INVALID_PARAMETER_VALUE'), `expected INVALID_PARAMETER_VALUE: ${message}`).toBe(true);
  expect((caught as Error).message).toBe(message);
}

const FILES_MSG = 'Names may be treated as files in certain cases, and must not resolve to other names when treated as such.';
const resolvesTo = (norm: string): string => `${FILES_MSG} This name would resolve to '${norm}'`;

// GOOD_METRIC_OR_PARAM_NAMES, plus JS-sensitive and Unicode keys.
const GOOD_NAMES = [
  'a', 'Ab-5_', 'a/b/c', 'a.b.c', '.a', 'b.', 'a..a/._./o_O/.e.', 'a b/c d',
  '__proto__', 'constructor', 'hasOwnProperty', 'a:b', 'system/cpu_utilization_percentage', 'é', 'Ⅳ', '数据',
  'loss\n', // Python's `$` matches before a final newline, so MLflow accepts this
];
// BAD_METRIC_OR_PARAM_NAMES → what each resolves to, or null for a bad character.
const BAD_NAMES: [string, string | null][] = [
  ['', '.'], ['.', '.'], ['/', '/'], ['..', '..'], ['//', '//'], ['a//b', 'a/b'], ['a/./b', 'a/b'], ['/a', '/a'],
  ['a/', 'a'], ['\\', null], ['./', '.'], ['/./', '/'], ['./a', 'a'], ['../a', '../a'], ['..a', '..a'],
  ['a/b/../c', 'a/c'], ['a\n\n', null], ['a\nb', null], ['e\u0301', null], ['a\u00a0b', null], ['a*b', null],
];

describe('names (test_validate_{metric,param,tag}_name_good/_bad)', () => {
  it.each(GOOD_NAMES)('accepts %j', (name) => {
    validateMetricName(name);
    validateParamName(name);
    validateTagName(name);
    expect(isValidEntityName(name)).toBe(true);
  });

  it.each(BAD_NAMES)('rejects %j with the metric/param/tag message', (name, norm) => {
    const detail = norm === null ? BAD_CHARACTERS_MESSAGE : resolvesTo(norm);
    const json = JSON.stringify(name).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expectInvalid(() => validateMetricName(name), `Invalid value ${json} for parameter 'name' supplied: ${detail}`);
    expectInvalid(() => validateParamName(name), `Invalid value ${json} for parameter 'key' supplied: ${detail}`);
    expectInvalid(() => validateTagName(name, 'tags[4].key'), `Invalid value ${json} for parameter 'tags[4].key' supplied: ${detail}`);
    expect(isValidEntityName(name)).toBe(false);
  });

  it('spells the backslash case as MLflow does (_bad_parameter_pattern)', () => {
    expectInvalid(() => validateMetricName('\\'), `Invalid value "\\\\" for parameter 'name' supplied: ${BAD_CHARACTERS_MESSAGE}`);
  });

  it('reports a missing name per entity', () => {
    expectInvalid(() => validateMetricName(null), "Invalid value null for parameter 'name' supplied: Metric name cannot be None. A key name must be provided.");
    expectInvalid(() => validateParamName(undefined), 'Invalid value "" for parameter \'key\' supplied: A key name must be provided.');
    expectInvalid(() => validateTagName(null), "Missing value for required parameter 'key'.");
  });

  it('rejects a non-string name as bad characters', () => {
    expectInvalid(() => validateMetricName(5), `Invalid value 5 for parameter 'name' supplied: ${BAD_CHARACTERS_MESSAGE}`);
  });

  it.each([
    ['a', false], ['a/b/c', false], ['a.b/c', false], ['.a', false],
    ['./a', true], ['a/b/../c', true], ['.', true], ['../a/b', true], ['/a/b/c', true],
  ] as const)('path_not_unique(%j) is %s (test_path_not_unique)', (path, expected) => {
    expect(pathNotUnique(path)).toBe(expected);
  });

  it.each([
    ['', '.'], ['.', '.'], ['/', '/'], ['..', '..'], ['//', '//'], ['///a', '/a'], ['//a', '//a'], ['a//b', 'a/b'],
    ['a/./b', 'a/b'], ['a/', 'a'], ['./', '.'], ['/./', '/'], ['a/..', '.'], ['a/../..', '..'], ['/../a', '/a'],
  ])('posixNormpath(%j) = %j, as posixpath.normpath', (path, norm) => {
    expect(posixNormpath(path)).toBe(norm);
  });

  it('quotes the resolved name with Python repr', () => {
    expect(badPathMessage('a//b')).toBe(resolvesTo('a/b'));
  });
});

describe('validateMetric (test_validate_batch_log_data, metric cases)', () => {
  it('accepts NaN, ±Infinity, negative and zero values, negative steps', () => {
    for (const v of [NaN, Infinity, -Infinity, -1.5, 0, 1e308]) validateMetric('m', v, 0, 0);
    validateMetric('m', 1, 1_700_000_000_000, -3);
  });

  it('rejects a non-number value, naming the timestamp', () => {
    expectInvalid(() => validateMetric('m', true, 12, 0),
      "Invalid value true for parameter 'value' supplied: (timestamp=12). Please specify value as a valid double (64-bit floating point)");
    expectInvalid(() => validateMetric('m', 'not-a-double-val', 0, 0),
      'Invalid value "not-a-double-val" for parameter \'value\' supplied: (timestamp=0). Please specify value as a valid double (64-bit floating point)');
    expectInvalid(() => validateMetric('m', 10n, 0, 0),
      "Invalid value 10 for parameter 'value' supplied: (timestamp=0). Please specify value as a valid double (64-bit floating point)");
  });

  it('reports a missing value', () => {
    expectInvalid(() => validateMetric('m', undefined, 0, 0), "Missing value for required parameter 'value'.");
    expectInvalid(() => validateMetric('m', null, 0, 0, 'metrics[2]'), "Missing value for required parameter 'metrics[2].value'.");
  });

  it('rejects a negative, fractional or non-number timestamp', () => {
    const tail = "metric 'm' (value=1.0). Timestamp must be a nonnegative long (64-bit integer) ";
    expectInvalid(() => validateMetric('m', 1, -123, 0), `Invalid value -123 for parameter 'timestamp' supplied: ${tail}`);
    expectInvalid(() => validateMetric('m', 1, 1.5, 0), `Invalid value 1.5 for parameter 'timestamp' supplied: ${tail}`);
    expectInvalid(() => validateMetric('m', 1, NaN, 0), `Invalid value NaN for parameter 'timestamp' supplied: ${tail}`);
    expectInvalid(() => validateMetric('m', 1, 'not-a-timestamp', 0),
      `Invalid value "not-a-timestamp" for parameter 'timestamp' supplied: ${tail}`);
  });

  it('rejects a non-integer step', () => {
    const tail = "metric 'm' (value=0.1). Step must be a valid long (64-bit integer).";
    expectInvalid(() => validateMetric('m', 0.1, 0, 1.5), `Invalid value 1.5 for parameter 'step' supplied: ${tail}`);
    expectInvalid(() => validateMetric('m', 0.1, 0, 'not-a-step'), `Invalid value "not-a-step" for parameter 'step' supplied: ${tail}`);
    expectInvalid(() => validateMetric('m', 0.1, 0, Infinity), `Invalid value Infinity for parameter 'step' supplied: ${tail}`);
  });

  it('limits the key to 250 code points, checked after the value', () => {
    validateMetric('k'.repeat(250), 1, 0, 0);
    validateMetric('𝒜'.repeat(250), 1, 0, 0); // astral letter: 500 UTF-16 units
    expectInvalid(() => validateMetric('𝒜'.repeat(251), 1, 0, 0), "'Metric name' exceeds the maximum length of 250 characters");
    expectInvalid(() => validateMetric('k'.repeat(251), 1, 0, 0), "'Metric name' exceeds the maximum length of 250 characters");
    expectInvalid(() => validateMetric('q'.repeat(251), 'x', 0, 0),
      'Invalid value "x" for parameter \'value\' supplied: (timestamp=0). Please specify value as a valid double (64-bit floating point)');
  });

  it('keeps rejecting a bad key after good ones (the cache holds only valid names)', () => {
    validateMetric('good', 1, 0, 0);
    expectInvalid(() => validateMetric('a//b', 1, 0, 0), `Invalid value "a//b" for parameter 'name' supplied: ${resolvesTo('a/b')}`);
    expectInvalid(() => validateMetric('good', 1, -1, 0),
      "Invalid value -1 for parameter 'timestamp' supplied: metric 'good' (value=1.0). Timestamp must be a nonnegative long (64-bit integer) ");
  });
});

describe('validateParam / validateTag / validateExperimentTag', () => {
  it('accepts a param value of 6000 code points and rejects 6001', () => {
    expect(validateParam('p', 'v'.repeat(MAX_PARAM_VAL_LENGTH))).toHaveLength(6000);
    expect(validateParam('p', '😀'.repeat(6000))).toHaveLength(12000);
    expectInvalid(() => validateParam('p', 'v'.repeat(6001)), "'Param value' exceeds the maximum length of 6000 characters");
    expectInvalid(() => validateParam('p'.repeat(251), 'v'), "'Param key' exceeds the maximum length of 250 characters");
  });

  it('truncates like MLFLOW_TRUNCATE_LONG_VALUES when asked', () => {
    const warnings: string[] = [];
    const long = 'ab'.repeat(3000) + '😀x';
    const stored = validateParam('p', long, '', { truncate: true, onTruncate: (w) => warnings.push(w) });
    expect(stored).toBe('ab'.repeat(3000));
    expect(warnings).toEqual([`Param value '${'ab'.repeat(50)}...' (6002 characters) is truncated to 6000 characters to meet the length limit.`]);
    expect(validateParam('p', '😀'.repeat(6001), '', { truncate: true })).toBe('😀'.repeat(6000));
  });

  it('accepts a run-tag value of 8000 and rejects 8001, with JSON paths', () => {
    validateTag('t', 'v'.repeat(MAX_TAG_VAL_LENGTH));
    expectInvalid(() => validateTag('t', 'v'.repeat(8001)), "'value' exceeds the maximum length of 8000 characters");
    expectInvalid(() => validateTag('t', 'v'.repeat(8001), 'tags[1]'), "'tags[1].value' exceeds the maximum length of 8000 characters");
    expectInvalid(() => validateTag('t'.repeat(251), 'v'), "'key' exceeds the maximum length of 250 characters");
    expect(validateTag('t', 'v'.repeat(8001), '', { truncate: true })).toHaveLength(8000);
  });

  it('accepts an experiment-tag value of 5000 and rejects 5001, never truncating', () => {
    validateExperimentTag('mlflow.note.content', 'v'.repeat(5000));
    expectInvalid(() => validateExperimentTag('e', 'v'.repeat(5001)), "'value' exceeds the maximum length of 5000 characters");
    expectInvalid(() => validateExperimentTag('e'.repeat(251), 'v'), "'key' exceeds the maximum length of 250 characters");
    expectInvalid(() => validateExperimentTag('/e', 'v'), `Invalid value "/e" for parameter 'key' supplied: ${resolvesTo('/e')}`);
  });

  it('requires string values (Flowpad: coerce first)', () => {
    expectInvalid(() => validateParam('p', 5), "Invalid value 5 for parameter 'value' supplied: Expected a string.");
    expectInvalid(() => validateTag('t', null, 'tags[0]'), "Invalid value null for parameter 'tags[0].value' supplied: Expected a string.");
  });

  it('accepts __proto__ as a key', () => {
    expect(validateParam('__proto__', 'x')).toBe('x');
    validateTag('__proto__', 'x');
    validateMetric('__proto__', 1, 0, 0);
  });
});

describe('batches', () => {
  const metrics = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `metric-key-${i}`, value: 1, timestamp: 0, step: i * 2 }));
  const kvs = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ key: `${prefix}-key-${i}`, value: 'b' }));

  it('enforces the per-type and total limits (test_validate_batch_log_limits)', () => {
    expectInvalid(() => validateBatchLimits(metrics(1001), [], []),
      'A batch logging request can contain at most 1000 metrics. Got 1001 metrics. Please split up metrics across multiple requests and try again.');
    expectInvalid(() => validateBatchLimits([], kvs('param', 101), []),
      'A batch logging request can contain at most 100 params. Got 101 params. Please split up params across multiple requests and try again.');
    expectInvalid(() => validateBatchLimits([], [], kvs('tag', 101)),
      'A batch logging request can contain at most 100 tags. Got 101 tags. Please split up tags across multiple requests and try again.');
    expectInvalid(() => validateBatchLimits(metrics(900), kvs('param', 51), kvs('tag', 50)),
      'A batch logging request can contain at most 1000 metrics, params, and tags. Got 1001 metrics, params, and tags. ' +
      'Please split up metrics, params, and tags across multiple requests and try again.');
    validateBatchLimits(metrics(1000), [], []);
    validateBatchLimits([], kvs('param', 100), []);
    validateBatchLimits([], [], kvs('tag', 100));
  });

  it('lists every repeated param key (_validate_param_keys_unique)', () => {
    validateParamKeysUnique([{ key: 'a' }, { key: 'b' }]);
    expectInvalid(() => validateParamKeysUnique([{ key: 'a' }, { key: 'b' }, { key: 'a' }, { key: "it's" }, { key: 'a' }, { key: "it's" }]),
      `Duplicate parameter keys have been submitted: ['a', 'a', "it's"]. Please ensure the request contains only one param value per param key.`);
  });

  it('checks entities with indexed paths before limits (test_validate_batch_log_data)', () => {
    expectInvalid(() => validateLogBatch([{ key: 'good-metric-key', value: 1, timestamp: 0, step: 0 }, { key: 'super-long-bad-key'.repeat(1000), value: 4, timestamp: 0, step: 0 }], [], []),
      "'Metric name' exceeds the maximum length of 250 characters");
    expectInvalid(() => validateLogBatch(metrics(1001).map((m, i) => (i === 1000 ? { ...m, value: 'x' as unknown as number } : m)), [], []),
      'Invalid value "x" for parameter \'metrics[1000].value\' supplied: (timestamp=0). Please specify value as a valid double (64-bit floating point)');
    expectInvalid(() => validateLogBatch([], [{ key: 'ok', value: 'hi' }, { key: 'a/', value: 'v' }], []),
      `Invalid value "a/" for parameter 'params[1].key' supplied: ${resolvesTo('a')}`);
    expectInvalid(() => validateLogBatch([], [], [{ key: 'ok', value: 'hi' }, { key: 'x', value: 'a'.repeat(8001) }]),
      "'tags[1].value' exceeds the maximum length of 8000 characters");
  });

  it('rejects a 1001-metric batch and duplicate params, and returns stored values', () => {
    expectInvalid(() => validateLogBatch(metrics(1001), [], []),
      'A batch logging request can contain at most 1000 metrics. Got 1001 metrics. Please split up metrics across multiple requests and try again.');
    expectInvalid(() => validateLogBatch([], [{ key: 'lr', value: '0.1' }, { key: 'lr', value: '0.2' }], []),
      "Duplicate parameter keys have been submitted: ['lr']. Please ensure the request contains only one param value per param key.");
    const out = validateLogBatch(metrics(2), [{ key: 'p', value: 'v'.repeat(6001) }], [{ key: 't', value: 'x' }], { truncate: true });
    expect(out.params[0].value).toHaveLength(6000);
    expect(out.tags).toEqual([{ key: 't', value: 'x' }]);
  });

  it('limits a request body to 1 000 000 bytes', () => {
    validateBatchRequestSize(1_000_000);
    expectInvalid(() => validateBatchRequestSize(1_000_001), 'Batched logging API requests must be at most 1000000 bytes, got a request of size 1000001.');
  });
});

describe('ids, experiment names, artifact locations', () => {
  it.each(['a'.repeat(32), 'f0'.repeat(16), 'abcdef0123456789'.repeat(2), 'a'.repeat(33), 'a'.repeat(31), 'a'.repeat(256),
    'A'.repeat(32), 'g'.repeat(32), 'a_'.repeat(32), 'abcdefghijklmnopqrstuvqxyz'])('accepts run id %s (test_validate_run_id_good)', (id) => {
    validateRunId(id);
  });

  it.each(['a/bc'.repeat(8), '', 'a'.repeat(400), '*'.repeat(5)])('rejects run id %s (test_validate_run_id_bad)', (id) => {
    expectInvalid(() => validateRunId(id), `Invalid value ${JSON.stringify(id)} for parameter 'run_id' supplied.`);
  });

  it("keeps Python's `$` quirk: one trailing newline passes the id patterns", () => {
    validateRunId('abc\n');
    validateExperimentId('0\n');
    expectInvalid(() => validateRunId('abc\n\n'), 'Invalid value "abc\\n\\n" for parameter \'run_id\' supplied.');
  });

  it('validates experiment ids', () => {
    for (const id of ['0', '983303542879704487', 'a'.repeat(64), null, undefined]) validateExperimentId(id);
    expectInvalid(() => validateExperimentId(''), "Invalid experiment ID: ''");
    expectInvalid(() => validateExperimentId('-1'), "Invalid experiment ID: '-1'");
    expectInvalid(() => validateExperimentId('a'.repeat(65)), `Invalid experiment ID: '${'a'.repeat(65)}'`);
  });

  it('validates experiment names (test_validate_experiment_name_good/_bad)', () => {
    for (const name of ['validstring', 'test byte string', ' ', 'a/b:c', 'n'.repeat(500)]) validateExperimentName(name);
    expectInvalid(() => validateExperimentName(''), "Invalid experiment name: ''");
    expectInvalid(() => validateExperimentName(null), "Invalid experiment name: 'None'");
    expectInvalid(() => validateExperimentName(12), 'Invalid experiment name: 12. Expects a string.');
    expectInvalid(() => validateExperimentName(12.7), 'Invalid experiment name: 12.7. Expects a string.');
    expectInvalid(() => validateExperimentName({}), 'Invalid experiment name: {}. Expects a string.');
    expectInvalid(() => validateExperimentName([]), 'Invalid experiment name: []. Expects a string.');
    expectInvalid(() => validateExperimentName('n'.repeat(501)), "'name' exceeds the maximum length of 500 characters");
  });

  it('rejects runs: artifact locations (test_validate_experiment_artifact_location_good/_bad)', () => {
    validateExperimentArtifactLocation('abcde');
    validateExperimentArtifactLocation(null);
    expectInvalid(() => validateExperimentArtifactLocation('runs:/blah/bleh/blergh'),
      "Artifact location cannot be a runs:/ URI. Given: 'runs:/blah/bleh/blergh'");
  });

  it('limits artifact locations to 2048 (test_validate_experiment_artifact_location_length_*)', () => {
    const msg = (n: number) => `Invalid artifact path length. The length of the artifact path cannot be greater than ${n} characters. ` +
      'To configure this limit, please set the MLFLOW_ARTIFACT_LOCATION_MAX_LENGTH environment variable.';
    for (const loc of ['s3://test-bucket/', 'file:///path/to/artifacts', 'mlflow-artifacts:/path/to/artifacts', 'x'.repeat(2048)]) {
      validateExperimentArtifactLocation(loc);
    }
    expectInvalid(() => validateExperimentArtifactLocation(`s3://test-bucket/${'a'.repeat(10000)}`), msg(2048));
    expectInvalid(() => validateExperimentArtifactLocation('x'.repeat(2049)), msg(2048));
    // test_setting_experiment_artifact_location_env_var_works
    expectInvalid(() => validateExperimentArtifactLocationLength('file://aaaa', 10), msg(10));
    validateExperimentArtifactLocationLength('file://aaaa', 11);
  });
});

describe('store messages', () => {
  it('builds the param-immutability messages', () => {
    expect(paramChangedMessage('k', 'v1', 'v2', 'r1')).toBe(
      "Changing param values is not allowed. Param with key='k' was already logged with value='v1' for run ID='r1'. Attempted logging new value 'v2'.");
    expect(paramsChangedMessage('r1', [{ key: 'k', oldValue: 'v1', newValue: "it's" }])).toBe(
      "Changing param values is not allowed. Params were already logged='[{'key': 'k', 'old_value': 'v1', 'new_value': \"it's\"}]' for run ID='r1'.");
  });

  it('builds the run-name conflict and lifecycle messages', () => {
    expect(runNameConflictMessage('a', 'b')).toBe(
      "Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values (run_name='a', mlflow.runName='b').");
    expect(runNotActiveMessage('r1')).toBe("The run r1 must be in 'active' lifecycle_stage.");
    expect(runNotActiveStateMessage('r1', 'deleted')).toBe("The run r1 must be in the 'active' state. Current state is deleted.");
    expect(experimentNotActiveStateMessage('7', 'deleted')).toBe("The experiment 7 must be in the 'active' state. Current state is deleted.");
    expect(experimentNotActiveForTagsMessage('7', 'set')).toBe("The experiment 7 must be in the 'active' lifecycle_stage to set tags");
  });
});

describe('Python formatting', () => {
  it('coerces param values like str(value)', () => {
    const cases: [unknown, string][] = [
      ['text', 'text'], [0.1, '0.1'], [1, '1'], [-0, '0'], [1e-5, '1e-05'], [1e16, '1e+16'], [0.5, '0.5'], [1 / 3, '0.3333333333333333'],
      [true, 'True'], [false, 'False'], [null, 'None'], [undefined, 'None'], [NaN, 'nan'], [Infinity, 'inf'], [-Infinity, '-inf'],
      [10n, '10'], [[1, 'a', null, true, 0.5, { x: [1] }], "[1, 'a', None, True, 0.5, {'x': [1]}]"], [["a'b", 'a"b'], `["a'b", 'a"b']`],
      [new Map([['k', 1]]), "{'k': 1}"], [['\n', '\u00a0', '\\'], "['\\n', '\\xa0', '\\\\']"], [[], '[]'], [{}, '{}'],
    ];
    for (const [value, str] of cases) expect(coerceParamValue(value)).toBe(str);
    const loop: unknown[] = [];
    loop.push(loop);
    expect(coerceParamValue(loop)).toBe('[[...]]');
  });

  it.each([
    [1e16, '1e+16'], [1e15, '1000000000000000.0'], [1e-4, '0.0001'], [1e-5, '1e-05'], [0.1, '0.1'], [-0, '-0.0'], [1, '1.0'],
    [123456789012345678, '1.2345678901234568e+17'], [1.5e300, '1.5e+300'], [5e-324, '5e-324'], [2 ** 53, '9007199254740992.0'],
    [1e22, '1e+22'], [-2.5, '-2.5'], [NaN, 'nan'],
  ])('pythonFloatStr(%d) = %s', (x, s) => {
    expect(pythonFloatStr(x)).toBe(s);
  });

  it('dumps values as ASCII JSON, like json.dumps', () => {
    expect(invalidValueMessage('p', 'é"\\\n\x7f😀\x01')).toBe(
      "Invalid value \"\\u00e9\\\"\\\\\\n\\u007f\\ud83d\\ude00\\u0001\" for parameter 'p' supplied.");
    expect(invalidValueMessage('p', { b: 1, a: [true, null] }, 'm')).toBe(`Invalid value {"a":[true,null],"b":1} for parameter 'p' supplied: m`);
  });
});

describe('hot path', () => {
  it('validates a million known-key points without trouble', () => {
    const keys = ['loss', 'acc', 'system/cpu_utilization_percentage'];
    const t0 = performance.now();
    for (let i = 0; i < 1_000_000; i++) validateMetric(keys[i % 3], i * 0.5, 1_700_000_000_000 + i, i);
    expect(performance.now() - t0).toBeLessThan(5000); // generous: shared CI cores; typically tens of ms
  });
});
