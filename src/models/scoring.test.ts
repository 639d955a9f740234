import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/error-of';
import { formatPredictions, parseScoringRequest, resolveParams } from './scoring';
import { prepareFeeds, type ModelIO } from './scoring-feeds';
import { parseSchema, type Schema } from './signature';
import type { Tensor } from './tensor';

const iris: ModelIO[] = [{ name: 'float_input', dtype: 'float32', shape: [-1, 4] }];
const twoInputs: ModelIO[] = [
  { name: 'second_input:0', dtype: 'float32', shape: [10] },
  { name: 'first_input:0', dtype: 'float32', shape: [10] },
];
const tensorSchema = (json: string): Schema => parseSchema(json);
const irisSchema = tensorSchema('[{"name": "float_input", "type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 4]}}]');
const colSchema = parseSchema('[{"type": "double", "name": "a"}, {"type": "double", "name": "b"}, {"type": "long", "name": "c", "required": false}]');

const feed = (body: unknown, inputs: ModelIO[], schema: Schema | null) =>
  prepareFeeds(parseScoringRequest(body).input, inputs, schema);

describe('request parsing (scoring_server)', () => {
  const bad: [string, unknown, RegExp][] = [
    ['a list', '[[1, 2]]', /exactly one of the input fields \{'dataframe_split', 'dataframe_records', 'instances', 'inputs'\}\. Received a list\. IMPORTANT/],
    ['no format key', { data: [1] }, /Received dictionary with input fields: \['data'\]/],
    ['two format keys', { inputs: [1], instances: [1] }, /Received dictionary with input fields: \['inputs', 'instances'\]/],
    ['llm payload', { messages: [] }, /Unwrapped LLM payloads \(messages\)/],
    ['bad JSON', '{"inputs": [1,', /valid JSON/],
    ['params not a dict', { inputs: [1], params: [1] }, /Params must be a dictionary/],
    ['scalar body', '3', /Received unexpected input type 'number'/],
  ];
  for (const [what, body, msg] of bad) {
    it(`refuses ${what} with BAD_REQUEST`, async () => {
      const e = await errorOf(() => parseScoringRequest(body));
      expect(e.code).toBe('BAD_REQUEST');
      expect(e.message).toMatch(msg);
    });
  }

  it('checks dataframe_split and dataframe_records shapes', async () => {
    expect((await errorOf(() => parseScoringRequest({ dataframe_split: [[1]] }))).message).toMatch(/Dataframe split format must be a dictionary. Got list/);
    expect((await errorOf(() => parseScoringRequest({ dataframe_split: { columns: ['a'] } }))).message)
      .toMatch(/must have 'data' field and optionally 'columns' and 'index' fields. Got \{'columns'\}/);
    expect((await errorOf(() => parseScoringRequest({ dataframe_records: { a: 1 } }))).message).toMatch(/must be a list of records. Got dictionary/);
  });

  it('decodes each format', () => {
    expect(parseScoringRequest({ dataframe_split: { columns: ['a', 'b'], data: [[1, 2], [3, 4]] } }).input)
      .toEqual({ kind: 'frame', frame: { columns: ['a', 'b'], values: [[1, 3], [2, 4]], rows: 2 } });
    expect(parseScoringRequest({ dataframe_records: [{ a: 1 }, { a: 2, b: 3 }] }).input)
      .toEqual({ kind: 'frame', frame: { columns: ['a', 'b'], values: [[1, 2], [null, 3]], rows: 2 } });
    expect(parseScoringRequest({ instances: [{ x: [1] }, { x: [2] }] }).input).toEqual({ kind: 'dict', value: { x: [[1], [2]] } });
    expect(parseScoringRequest('{"inputs": [[1, 2]], "params": {"k": 1}}')).toEqual({
      format: 'inputs', input: { kind: 'array', value: [[1, 2]] }, params: { k: 1 },
    });
  });
});

describe('feeds with a tensor-based signature', () => {
  it('maps an inputs list to the one named tensor, float32, answering a dict', () => {
    const { feeds, style } = feed({ inputs: [[5.1, 3.5, 1.4, 0.2], [6.7, 3, 5.2, 2.3]] }, iris, irisSchema);
    expect(style).toBe('dict');
    expect(feeds.float_input.dtype).toBe('float32');
    expect(feeds.float_input.shape).toEqual([2, 4]);
    expect(Array.from(feeds.float_input.data as Float32Array)).toEqual(Array.from(Float32Array.from([5.1, 3.5, 1.4, 0.2, 6.7, 3, 5.2, 2.3])));
  });

  it('takes a DataFrame with one column per feature for an unnamed (-1, n) tensor', () => {
    const unnamed = tensorSchema('[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 4]}}]');
    const { feeds } = feed({ dataframe_split: { columns: ['a', 'b', 'c', 'd'], data: [[1, 2, 3, 4]] } }, iris, unnamed);
    expect(feeds.float_input.shape).toEqual([1, 4]);
  });

  it('names the tensor on a shape mismatch, with MLflow wording', async () => {
    const e = await errorOf(() => feed({ inputs: [[1, 2, 3]] }, iris, irisSchema));
    expect(e).toEqual({ code: 'INVALID_PARAMETER_VALUE', message: "Input 'float_input': Shape of input (1, 3) does not match expected shape (-1, 4)." });
  });

  it('refuses values that do not fit the dtype', async () => {
    const e = await errorOf(() => feed({ inputs: [['a', 2, 3, 4]] }, iris, irisSchema));
    expect(e.message).toMatch(/Input 'float_input': cannot convert "a" to float32/);
    const ints = tensorSchema('[{"name": "x", "type": "tensor", "tensor-spec": {"dtype": "int64", "shape": [-1]}}]');
    const e2 = await errorOf(() => feed({ inputs: { x: [1.5] } }, [{ name: 'x', dtype: 'int64', shape: [-1] }], ints));
    expect(e2.message).toMatch(/Input 'x': cannot convert 1.5 to int64/);
  });

  it('feeds several named tensors from a dict and reports missing ones', async () => {
    const schema = tensorSchema('[{"name": "first_input:0", "type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [10]}}, {"name": "second_input:0", "type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [10]}}]');
    const ten = Array.from({ length: 10 }, (_, i) => i);
    const { feeds } = feed({ inputs: { 'first_input:0': ten, 'second_input:0': ten } }, twoInputs, schema);
    expect(Object.keys(feeds)).toEqual(['second_input:0', 'first_input:0']);
    const e = await errorOf(() => feed({ inputs: { 'first_input:0': ten, extra: [1] } }, twoInputs, schema));
    expect(e.message).toBe("Model is missing inputs ['second_input:0']. Note that there were extra inputs: ['extra'].");
    const e2 = await errorOf(() => feed({ inputs: [ten] }, twoInputs, null));
    expect(e2.message).toMatch(/Numpy arrays can only be used as input for MLflow ONNX models that have a single input. This model requires 2 inputs/);
  });

  it('reshapes list-valued DataFrame columns per named tensor', () => {
    const schema = tensorSchema('[{"name": "x", "type": "tensor", "tensor-spec": {"dtype": "float64", "shape": [-1, 2]}}]');
    const { feeds, style } = feed({ dataframe_records: [{ x: [1, 2] }, { x: [3, 4] }] }, [{ name: 'x', dtype: 'float64', shape: [-1, 2] }], schema);
    expect(style).toBe('dict');
    expect(feeds.x.shape).toEqual([2, 2]);
  });
});

describe('feeds with a column-based signature', () => {
  it('orders and casts the signature columns into the single input, answering records', () => {
    const model: ModelIO[] = [{ name: 'X', dtype: 'float32', shape: [-1, 2] }];
    const { feeds, style } = feed({ dataframe_records: [{ b: 2, a: 1, z: 'ignored' }, { b: 4, a: 3 }] }, model, parseSchema('[{"type": "double", "name": "a"}, {"type": "double", "name": "b"}]'));
    expect(style).toBe('records');
    expect(feeds.X.dtype).toBe('float32');
    expect(Array.from(feeds.X.data as Float32Array)).toEqual([1, 2, 3, 4]);
  });

  it('names a missing required column like MLflow', async () => {
    const e = await errorOf(() => feed({ dataframe_split: { columns: ['a', 'z'], data: [[1, 2]] } }, iris, colSchema));
    expect(e.message).toBe("Model is missing inputs ['b']. Note that there were extra inputs: ['z'].");
  });

  it('names the column holding a value of the wrong type', async () => {
    const e = await errorOf(() => feed({ dataframe_split: { columns: ['a', 'b'], data: [[1, 'x']] } }, iris, colSchema));
    expect(e.message).toMatch(/Incompatible input types for column b. Can not safely convert "x" \(row 0\) to double/);
  });

  it('refuses long columns for a float model input (MLflow hands int64 to onnxruntime, which fails)', async () => {
    const longs = parseSchema('[{"type": "long", "name": "a"}]');
    const e = await errorOf(() => feed({ inputs: { a: [1, 2] } }, [{ name: 'X', dtype: 'float32', shape: [-1, 1] }], longs));
    expect(e.message).toMatch(/Input 'X': dtype of input int64 does not match the model's input type float32/);
  });
});

describe('feeds without a signature', () => {
  it('converts JSON numbers to the model input type', () => {
    const { feeds } = feed({ inputs: [[1, 2, 3, 4]] }, iris, null);
    expect(feeds.float_input.dtype).toBe('float32');
  });
  it('maps DataFrame columns onto same-named inputs when the model has several', () => {
    const ten = Array.from({ length: 10 }, (_, i) => i + 0.5);
    const rows = ten.map((v) => ({ 'first_input:0': v, 'second_input:0': v }));
    const { feeds, style } = feed({ dataframe_records: rows }, twoInputs, null);
    expect(style).toBe('records');
    expect(feeds['first_input:0'].shape).toEqual([10]);
  });
  it('refuses an unknown input name', async () => {
    const e = await errorOf(() => feed({ inputs: { nope: [1] } }, iris, null));
    expect(e.message).toBe("Invalid input name ['nope']; the model's inputs are ['float_input'].");
  });
});

describe('predictions and params', () => {
  const probs: Tensor = { dtype: 'float32', shape: [2, 2], data: Float32Array.from([0.25, 0.75, 0.5, 0.5]) };
  const labels: Tensor = { dtype: 'int64', shape: [2], data: BigInt64Array.from([1n, 0n]) };

  it('a dict of nested lists for tensor input', () => {
    expect(formatPredictions({ label: labels, probs }, 'dict')).toEqual({ predictions: { label: [1, 0], probs: [[0.25, 0.75], [0.5, 0.5]] } });
  });
  it('records with flattened outputs for DataFrame input', () => {
    expect(formatPredictions({ label: labels }, 'records')).toEqual({ predictions: [{ label: 1 }, { label: 0 }] });
  });
  it('refuses outputs of different lengths as one DataFrame', async () => {
    expect((await errorOf(() => formatPredictions({ label: labels, probs }, 'records'))).message).toMatch(/All arrays must be of the same length/);
  });
  it('resolves params against the signature', async () => {
    const specs = [{ name: 'k', type: 'long' as const, default: 3, shape: null }];
    expect(resolveParams({ k: 5, other: 1 }, specs)).toEqual({ params: { k: 5 }, warnings: ['Unrecognized params ["other"] are ignored.'] });
    expect(resolveParams(null, specs).params).toEqual({ k: 3 });
    expect((await errorOf(() => resolveParams({ k: 'x' }, specs))).message).toMatch(/Failed to validate type and shape for 'k'/);
    expect(resolveParams({ k: 1 }, null).warnings[0]).toMatch(/declares no params/);
  });
});
