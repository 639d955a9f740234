/**
 * MLflow's input rules for tracking entities, with MLflow's limits and error messages, as pure functions.
 *
 * Parity: mlflow/utils/validation.py at 3.6.1.dev0 (upstream 046e2116), plus the store-side checks of
 * mlflow/store/tracking/{file_store,sqlalchemy_store}.py and mlflow/entities/run_info.py. Every error is
 * `MlflowError('INVALID_PARAMETER_VALUE', …)` with MLflow's text, which MLflow builds with Python's `str`,
 * `repr` and `json.dumps`; the small Python formatters at the bottom reproduce those.
 *
 * Deliberate differences (MLflow accepts, Flowpad rejects, because the REST proto types are stricter than
 * Python's `numbers.Number`): a metric timestamp or step must be a safe integer (no 1.5, NaN, Infinity or
 * booleans), and param/tag values must be strings (convert with `coerceParamValue` first). Names follow the
 * POSIX rule (colons allowed), not the Windows one.
 *
 * Over-long param and run-tag values: MLflow's stores truncate them with a warning while
 * MLFLOW_TRUNCATE_LONG_VALUES is on, which is its default. Here `truncate` defaults to false (raise);
 * pass `{ truncate: true }` and store the returned value to match MLflow's default exactly.
 */
import { MlflowError } from '../core/errors';
import type { KeyValue, LifecycleStage } from './entities';

/** Longest metric, param, run-tag and experiment-tag key, in code points (MAX_ENTITY_KEY_LENGTH). */
export const MAX_ENTITY_KEY_LENGTH = 250;
/** Longest param value (MAX_PARAM_VAL_LENGTH). */
export const MAX_PARAM_VAL_LENGTH = 6000;
/** Longest run-tag value (MAX_TAG_VAL_LENGTH). */
export const MAX_TAG_VAL_LENGTH = 8000;
/** Longest experiment name (MAX_EXPERIMENT_NAME_LENGTH). */
export const MAX_EXPERIMENT_NAME_LENGTH = 500;
export const MAX_EXPERIMENT_TAG_KEY_LENGTH = 250;
export const MAX_EXPERIMENT_TAG_VAL_LENGTH = 5000;
export const MAX_PARAMS_TAGS_PER_BATCH = 100;
export const MAX_METRICS_PER_BATCH = 1000;
export const MAX_ENTITIES_PER_BATCH = 1000;
/** Bytes in a log-batch request body (MAX_BATCH_LOG_REQUEST_SIZE). */
export const MAX_BATCH_LOG_REQUEST_SIZE = 1_000_000;
/** Default of MLFLOW_ARTIFACT_LOCATION_MAX_LENGTH. */
export const MAX_ARTIFACT_LOCATION_LENGTH = 2048;

export const BAD_CHARACTERS_MESSAGE =
  'Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).';
const MISSING_KEY_NAME_MESSAGE = 'A key name must be provided.';

// Python's `\w` is Unicode-aware (letters and numbers of any script), and its `$` also matches before one
// final "\n", so MLflow accepts "loss\n"; the `\n?` keeps that quirk.
const NAME_RE = /^[/\p{L}\p{N}_. :-]*\n?$/u;
const RUN_ID_RE = /^[a-zA-Z0-9][\p{L}\p{N}_-]{0,255}\n?$/u;
const EXPERIMENT_ID_RE = /^[a-zA-Z0-9][\p{L}\p{N}_-]{0,63}\n?$/u;

/** Options for values MLflow may truncate (param and run-tag values). */
export interface TruncateOptions {
  /** Cut an over-long value instead of raising (MLFLOW_TRUNCATE_LONG_VALUES; MLflow's default is on). */
  truncate?: boolean;
  /** Receives MLflow's truncation warning when a value is cut. */
  onTruncate?: (warning: string) => void;
}

/** A metric point as validated: any fields may be foreign data. */
export interface MetricInput {
  key: string;
  value: number;
  timestamp: number;
  step: number;
}

// ---- message builders (exact MLflow text) -------------------------------------------------------

/** `invalid_value`: `Invalid value <json> for parameter '<path>' supplied[: <message>|.]`. */
export function invalidValueMessage(path: string, value: unknown, message?: string): string {
  const v = pyJsonDumps(value);
  return message ? `Invalid value ${v} for parameter '${path}' supplied: ${message}` : `Invalid value ${v} for parameter '${path}' supplied.`;
}
export const missingValueMessage = (path: string): string => `Missing value for required parameter '${path}'.`;
export const exceedsMaximumLengthMessage = (path: string, limit: number): string =>
  `'${path}' exceeds the maximum length of ${limit} characters`;
export const badPathMessage = (name: string): string =>
  'Names may be treated as files in certain cases, and must not resolve to other names' +
  ` when treated as such. This name would resolve to ${pyRepr(posixNormpath(name))}`;

/** File and SQL store `log_param` when a logged param gets a different value. */
export const paramChangedMessage = (key: string, oldValue: string, newValue: string, runId: string): string =>
  `Changing param values is not allowed. Param with key='${key}' was already logged with value='${oldValue}'` +
  ` for run ID='${runId}'. Attempted logging new value '${newValue}'.`;

/** SQL store `log_batch` when logged params get different values. */
export function paramsChangedMessage(runId: string, changes: readonly { key: string; oldValue: string; newValue: string }[]): string {
  const list = changes.map((c) => new Map([['key', c.key], ['old_value', c.oldValue], ['new_value', c.newValue]]));
  return `Changing param values is not allowed. Params were already logged='${pyRepr(list)}' for run ID='${runId}'.`;
}

/** `create_run` given both a run name and a different `mlflow.runName` tag. */
export const runNameConflictMessage = (runName: string, tagValue: string): string =>
  "Both 'run_name' argument and 'mlflow.runName' tag are specified, but with " +
  `different values (run_name='${runName}', mlflow.runName='${tagValue}').`;

/** Writes to a deleted run, FileStore wording (`check_run_is_active`). */
export const runNotActiveMessage = (runId: string): string => `The run ${runId} must be in 'active' lifecycle_stage.`;
/** Writes to a deleted run, SQL store wording (`_check_run_is_active`). */
export const runNotActiveStateMessage = (runId: string, stage: LifecycleStage): string =>
  `The run ${runId} must be in the 'active' state. Current state is ${stage}.`;
/** Writes to a deleted experiment, SQL store wording (`_check_experiment_is_active`). */
export const experimentNotActiveStateMessage = (experimentId: string, stage: LifecycleStage): string =>
  `The experiment ${experimentId} must be in the 'active' state. Current state is ${stage}.`;
/** Experiment-tag writes to a deleted experiment, FileStore wording. */
export const experimentNotActiveForTagsMessage = (experimentId: string, action: 'set' | 'delete'): string =>
  `The experiment ${experimentId} must be in the 'active' lifecycle_stage to ${action} tags`;

const fail = (message: string): MlflowError => new MlflowError('INVALID_PARAMETER_VALUE', message);
const joinPath = (path: string, leaf: string): string => (!path ? leaf : leaf.startsWith('[') ? path + leaf : `${path}.${leaf}`);

// ---- names ---------------------------------------------------------------------------------------

/** Names that passed every name rule and the 250 limit; lets the hot path skip the regex. */
const validNames = new Set<string>();
const VALID_NAME_CACHE_SIZE = 10_000;
function remember(name: string): void {
  if (validNames.size >= VALID_NAME_CACHE_SIZE) validNames.clear();
  validNames.add(name);
}

/** Python's `posixpath.normpath`. */
export function posixNormpath(path: string): string {
  if (path === '') return '.';
  let slashes = path.startsWith('/') ? 1 : 0;
  if (slashes && path.startsWith('//') && !path.startsWith('///')) slashes = 2;
  const out: string[] = [];
  for (const comp of path.split('/')) {
    if (comp === '' || comp === '.') continue;
    if (comp !== '..' || (!slashes && out.length === 0) || out[out.length - 1] === '..') out.push(comp);
    else if (out.length > 0) out.pop();
  }
  return '/'.repeat(slashes) + out.join('/') || '.';
}

/** MLflow's `path_not_unique`: the name is not its own normal form, or is `.`, or starts `..` or `/`. */
export function pathNotUnique(name: string): boolean {
  const norm = posixNormpath(name);
  return norm !== name || norm === '.' || norm.startsWith('..') || norm.startsWith('/');
}

/** True for a metric, param or tag name MLflow accepts (characters, normal form, ≤ 250 code points). */
export function isValidEntityName(name: string): boolean {
  if (validNames.has(name)) return true;
  return typeof name === 'string' && NAME_RE.test(name) && !pathNotUnique(name) && pyLen(name) <= MAX_ENTITY_KEY_LENGTH;
}

type NameKind = 'metric' | 'param' | 'tag';

function checkName(name: unknown, path: string, leaf: string, kind: NameKind): asserts name is string {
  const where = joinPath(path, leaf);
  if (name === null || name === undefined) {
    if (kind === 'metric') throw fail(invalidValueMessage(where, null, `Metric name cannot be None. ${MISSING_KEY_NAME_MESSAGE}`));
    if (kind === 'param') throw fail(invalidValueMessage(where, '', MISSING_KEY_NAME_MESSAGE));
    throw fail(missingValueMessage(where));
  }
  if (typeof name !== 'string' || !NAME_RE.test(name)) throw fail(invalidValueMessage(where, name, BAD_CHARACTERS_MESSAGE));
  if (pathNotUnique(name)) throw fail(invalidValueMessage(where, name, badPathMessage(name)));
}

/** `_validate_metric_name`: characters `[/\w.\- :]`, normal relative path. Path defaults to MLflow's `name`. */
export function validateMetricName(name: unknown, path = 'name'): asserts name is string {
  if (typeof name !== 'string' || !validNames.has(name)) checkName(name, '', path, 'metric');
}
/** `_validate_param_name`, same rules; JSON path defaults to `key`. */
export function validateParamName(name: unknown, path = 'key'): asserts name is string {
  if (typeof name !== 'string' || !validNames.has(name)) checkName(name, '', path, 'param');
}
/** `_validate_tag_name`, same rules; JSON path defaults to `key`. */
export function validateTagName(name: unknown, path = 'key'): asserts name is string {
  if (typeof name !== 'string' || !validNames.has(name)) checkName(name, '', path, 'tag');
}

/** `_validate_length_limit`; the entity is `joinPath(path, leaf)`, built only for a message. */
function limitLength(path: string, leaf: string, limit: number, value: string, opts?: TruncateOptions): string {
  if (value.length <= limit) return value;
  const n = pyLen(value);
  if (n <= limit) return value;
  const entity = joinPath(path, leaf);
  if (opts?.truncate) {
    opts.onTruncate?.(`${entity} '${pySlice(value, 100)}...' (${n} characters) is truncated to ${limit} characters to meet the length limit.`);
    return pySlice(value, limit);
  }
  throw fail(exceedsMaximumLengthMessage(entity, limit));
}

function requireString(value: unknown, path: string): asserts value is string {
  // Flowpad's own rule: MLflow's client str()s values first (see coerceParamValue).
  if (typeof value !== 'string') throw fail(invalidValueMessage(joinPath(path, 'value'), value, 'Expected a string.'));
}

// ---- entities ------------------------------------------------------------------------------------

/**
 * `_validate_metric`: name rules, value a number (NaN and ±Infinity allowed, booleans not), timestamp a
 * non-negative safe integer (ms), step a safe integer, then key ≤ 250. `path` prefixes JSON paths in
 * messages, e.g. `metrics[3]` in a batch. Hot path: a known-good key costs one Set lookup.
 */
export function validateMetric(key: unknown, value: unknown, timestamp: unknown, step: unknown, path = ''): void {
  const known = typeof key === 'string' && validNames.has(key);
  if (!known) checkName(key, path, 'name', 'metric');
  if (typeof value !== 'number') {
    if (value === null || value === undefined) throw fail(missingValueMessage(joinPath(path, 'value')));
    throw fail(invalidValueMessage(joinPath(path, 'value'), value,
      `(timestamp=${pythonStr(timestamp)}). Please specify value as a valid double (64-bit floating point)`));
  }
  if (!Number.isSafeInteger(timestamp) || (timestamp as number) < 0) {
    throw fail(invalidValueMessage(joinPath(path, 'timestamp'), timestamp,
      `metric '${String(key)}' (value=${pythonFloatStr(value)}). Timestamp must be a nonnegative long (64-bit integer) `));
  }
  if (!Number.isSafeInteger(step)) {
    throw fail(invalidValueMessage(joinPath(path, 'step'), step,
      `metric '${String(key)}' (value=${pythonFloatStr(value)}). Step must be a valid long (64-bit integer).`));
  }
  if (!known) {
    limitLength('', 'Metric name', MAX_ENTITY_KEY_LENGTH, key as string);
    remember(key as string);
  }
}

function checkKey(key: unknown, path: string, kind: NameKind, lengthPath: string, lengthLeaf: string): asserts key is string {
  if (typeof key === 'string' && validNames.has(key)) return;
  checkName(key, path, 'key', kind);
  limitLength(lengthPath, lengthLeaf, MAX_ENTITY_KEY_LENGTH, key);
  remember(key);
}

/** `_validate_param`: name rules, key ≤ 250, value ≤ 6000 code points. Returns the value to store. */
export function validateParam(key: unknown, value: unknown, path = '', opts?: TruncateOptions): string {
  checkKey(key, path, 'param', '', 'Param key');
  requireString(value, path);
  return limitLength('', 'Param value', MAX_PARAM_VAL_LENGTH, value, opts);
}

/** `_validate_tag` (run tags): name rules, key ≤ 250, value ≤ 8000 code points. Returns the value to store. */
export function validateTag(key: unknown, value: unknown, path = '', opts?: TruncateOptions): string {
  checkKey(key, path, 'tag', path, 'key');
  requireString(value, path);
  return limitLength(path, 'value', MAX_TAG_VAL_LENGTH, value, opts);
}

/** `_validate_experiment_tag`: name rules, key ≤ 250, value ≤ 5000 code points; never truncates. */
export function validateExperimentTag(key: unknown, value: unknown): void {
  checkKey(key, '', 'tag', '', 'key');
  requireString(value, '');
  limitLength('', 'value', MAX_EXPERIMENT_TAG_VAL_LENGTH, value);
}

/** `_validate_param_keys_unique`: a batch names each param key once; lists every repeat, as MLflow does. */
export function validateParamKeysUnique(params: readonly { key: string }[]): void {
  const seen = new Set<string>();
  const dupes: string[] = [];
  for (const p of params) {
    if (seen.has(p.key)) dupes.push(p.key);
    else seen.add(p.key);
  }
  if (dupes.length > 0) {
    throw fail(`Duplicate parameter keys have been submitted: ${pyRepr(dupes)}. Please ensure ` +
      'the request contains only one param value per param key.');
  }
}

function checkBatchLimit(entity: string, limit: number, length: number): void {
  if (length > limit) {
    throw fail(`A batch logging request can contain at most ${limit} ${entity}. Got ${length} ${entity}. ` +
      `Please split up ${entity} across multiple requests and try again.`);
  }
}

/** `_validate_batch_log_limits`: ≤ 1000 metrics, ≤ 100 params, ≤ 100 tags, ≤ 1000 in all. */
export function validateBatchLimits(metrics: { readonly length: number }, params: { readonly length: number }, tags: { readonly length: number }): void {
  checkBatchLimit('metrics', MAX_METRICS_PER_BATCH, metrics.length);
  checkBatchLimit('params', MAX_PARAMS_TAGS_PER_BATCH, params.length);
  checkBatchLimit('tags', MAX_PARAMS_TAGS_PER_BATCH, tags.length);
  checkBatchLimit('metrics, params, and tags', MAX_ENTITIES_PER_BATCH, metrics.length + params.length + tags.length);
}

/**
 * `log_batch`'s checks in the stores' order: every entity (`_validate_batch_log_data`, paths like
 * `params[2].key`), then the limits, then unique param keys. Returns params and tags as they are stored.
 */
export function validateLogBatch<M extends MetricInput>(
  metrics: readonly M[], params: readonly KeyValue[], tags: readonly KeyValue[], opts?: TruncateOptions,
): { metrics: readonly M[]; params: KeyValue[]; tags: KeyValue[] } {
  for (let i = 0; i < metrics.length; i++) {
    const m = metrics[i];
    try {
      validateMetric(m.key, m.value, m.timestamp, m.step); // hot path: no per-point path string
    } catch {
      validateMetric(m.key, m.value, m.timestamp, m.step, `metrics[${i}]`); // throws with MLflow's path
    }
  }
  const p = params.map((x, i) => ({ key: x.key, value: validateParam(x.key, x.value, `params[${i}]`, opts) }));
  const t = tags.map((x, i) => ({ key: x.key, value: validateTag(x.key, x.value, `tags[${i}]`, opts) }));
  validateBatchLimits(metrics, p, t);
  validateParamKeysUnique(p);
  return { metrics, params: p, tags: t };
}

/**
 * `_validate_batch_log_api_req` for a body of `size` bytes. MLflow's server passes it the parsed JSON
 * dict, so there it counts top-level keys and never fires; Flowpad's REST layer may apply it to bytes.
 */
export function validateBatchRequestSize(size: number): void {
  if (size > MAX_BATCH_LOG_REQUEST_SIZE) {
    throw fail(`Batched logging API requests must be at most ${MAX_BATCH_LOG_REQUEST_SIZE} bytes, got a request of size ${size}.`);
  }
}

/** `_validate_run_id`: `^[a-zA-Z0-9][\w\-]{0,255}$` (Python's Unicode `\w`). */
export function validateRunId(runId: unknown, path = 'run_id'): asserts runId is string {
  if (typeof runId !== 'string' || !RUN_ID_RE.test(runId)) throw fail(invalidValueMessage(path, runId));
}

/** `_validate_experiment_id`: absent is fine, else `^[a-zA-Z0-9][\w\-]{0,63}$`. */
export function validateExperimentId(experimentId: unknown): void {
  if (experimentId === null || experimentId === undefined) return;
  if (typeof experimentId !== 'string' || !EXPERIMENT_ID_RE.test(experimentId)) {
    throw fail(`Invalid experiment ID: '${pythonStr(experimentId)}'`);
  }
}

/** `_validate_experiment_name`: a non-empty string of ≤ 500 code points; anything else goes. */
export function validateExperimentName(name: unknown): asserts name is string {
  if (name === '' || name === null || name === undefined) throw fail(`Invalid experiment name: '${pythonStr(name ?? null)}'`);
  if (typeof name !== 'string') throw fail(`Invalid experiment name: ${pythonStr(name)}. Expects a string.`);
  if (pyLen(name) > MAX_EXPERIMENT_NAME_LENGTH) throw fail(exceedsMaximumLengthMessage('name', MAX_EXPERIMENT_NAME_LENGTH));
}

/**
 * An experiment's artifact location: not a `runs:` URI (the client's `_validate_experiment_artifact_location`),
 * then at most `maxLength` code points (the stores' `_validate_experiment_artifact_location_length`).
 */
export function validateExperimentArtifactLocation(location: string | null | undefined, maxLength = MAX_ARTIFACT_LOCATION_LENGTH): void {
  if (location === null || location === undefined) return;
  if (location.startsWith('runs:')) throw fail(`Artifact location cannot be a runs:/ URI. Given: '${location}'`);
  validateExperimentArtifactLocationLength(location, maxLength);
}

/** `_validate_experiment_artifact_location_length`, with MLflow's message naming its environment variable. */
export function validateExperimentArtifactLocationLength(location: string, maxLength = MAX_ARTIFACT_LOCATION_LENGTH): void {
  if (pyLen(location) > maxLength) {
    throw fail('Invalid artifact path length. The length of the artifact path cannot be ' +
      `greater than ${maxLength} characters. To configure this limit, please set the ` +
      'MLFLOW_ARTIFACT_LOCATION_MAX_LENGTH environment variable.');
  }
}

// ---- Python formatting ---------------------------------------------------------------------------

/**
 * A param or tag value as MLflow's client stores it: Python's `str(value)`. Strings pass through;
 * `true` → `'True'`, `null`/`undefined` → `'None'`, integers → `'1'`, other numbers as Python floats
 * (`0.1` → `'0.1'`, `1e-5` → `'1e-05'`, NaN → `'nan'`); arrays, Maps and plain objects as Python lists
 * and dicts (`[1, 'a']`, `{'k': True}`). JS cannot tell `1.0` from `1`: both give `'1'`.
 */
export function coerceParamValue(value: unknown): string {
  return pythonStr(value);
}

/** Python's `str(float)` (= `repr`): shortest round-trip digits, exponent when < 1e-4 or ≥ 1e16. */
export function pythonFloatStr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const [mantissa, exp] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const point = Number(exp) + 1; // digits are 0.d1d2… × 10^point
  if (point <= -4 || point > 16) {
    const e = point - 1;
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    return `${sign}${digits[0]}${frac}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}.0`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const pyNumber = (x: number): string => (Number.isInteger(x) && Math.abs(x) < 2 ** 53 ? String(x) : pythonFloatStr(x));
const pythonStr = (v: unknown): string => (typeof v === 'string' ? v : pyRepr(v));
const hex = (c: number, width: number): string => c.toString(16).padStart(width, '0');
const NON_PRINTABLE = /^[\p{C}\p{Z}]$/u;

/** Python's `repr` for the JSON-like values JS has. */
function pyRepr(v: unknown, seen: Set<object> = new Set()): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return pyNumber(v);
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'string') return pyStrRepr(v);
  if (typeof v !== 'object') return String(v);
  const isArray = Array.isArray(v);
  if (seen.has(v)) return isArray ? '[...]' : '{...}';
  seen.add(v);
  let out: string;
  if (isArray) out = `[${v.map((x) => pyRepr(x, seen)).join(', ')}]`;
  else if (v instanceof Map) out = `{${[...v].map(([k, x]) => `${pyRepr(k, seen)}: ${pyRepr(x, seen)}`).join(', ')}}`;
  else if (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null) {
    out = `{${Object.entries(v).map(([k, x]) => `${pyStrRepr(k)}: ${pyRepr(x, seen)}`).join(', ')}}`;
  } else out = String(v);
  seen.delete(v);
  return out;
}

function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else if (c < 0xa1 || NON_PRINTABLE.test(ch)) out += c < 0x100 ? `\\x${hex(c, 2)}` : c < 0x10000 ? `\\u${hex(c, 4)}` : `\\U${hex(c, 8)}`;
    else out += ch;
  }
  return out + quote;
}

const JSON_ESCAPES: Record<number, string> = { 0x22: '\\"', 0x5c: '\\\\', 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t', 0x08: '\\b', 0x0c: '\\f' };

/** Python's `json.dumps(v, sort_keys=True, separators=(",", ":"))`, ASCII-only like Python's default. */
function pyJsonDumps(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : v === Infinity ? 'Infinity' : v === -Infinity ? '-Infinity' : pyNumber(v);
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'string') {
    let out = '"';
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      out += JSON_ESCAPES[c] ?? (c < 0x20 || c > 0x7e ? `\\u${hex(c, 4)}` : v[i]);
    }
    return `${out}"`;
  }
  if (Array.isArray(v)) return `[${v.map(pyJsonDumps).join(',')}]`;
  if (typeof v === 'object') {
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${pyJsonDumps(k)}:${pyJsonDumps((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return pyJsonDumps(String(v));
}

/** Python's `len` of a str: code points, not UTF-16 units. */
function pyLen(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) { n--; i++; }
    }
  }
  return n;
}

/** Python's `s[:n]`, by code points. */
function pySlice(s: string, n: number): string {
  let i = 0;
  for (let taken = 0; taken < n && i < s.length; taken++) {
    const c = s.charCodeAt(i);
    const d = s.charCodeAt(i + 1);
    i += c >= 0xd800 && c < 0xdc00 && d >= 0xdc00 && d < 0xe000 ? 2 : 1;
  }
  return s.slice(0, i);
}
