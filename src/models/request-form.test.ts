import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/error-of';
import { formFor, formatsFor, formValuesFrom, requestFromForm, requestInFormat, zerosLike } from './request-form';
import { curlForRequest, serveCommand, shellQuote } from './serving-snippets';
import { parseSchema } from './signature';

const iris = parseSchema(JSON.stringify(['sl', 'sw', 'pl', 'pw'].map((name) => ({ type: 'double', name, required: true }))));

describe('request form', () => {
  it('has one field per column, typed, and builds a one-row dataframe_split', () => {
    const schema = parseSchema('[{"type": "long", "name": "age", "required": true}, {"type": "string", "name": "city", "required": false}, {"type": "boolean", "name": "vip", "required": true}, {"type": "array", "items": {"type": "double"}, "name": "v", "required": true}]');
    const form = formFor(schema);
    expect(form.fields.map((f) => [f.key, f.kind, f.typeLabel, f.required])).toEqual([
      ['age', 'integer', 'long', true], ['city', 'text', 'string', false], ['vip', 'boolean', 'boolean', true], ['v', 'json', 'Array(double)', true],
    ]);
    expect(requestFromForm(form, { age: '42', city: 'Oslo', vip: 'true', v: '[1, 2.5]' }))
      .toEqual({ dataframe_split: { columns: ['age', 'city', 'vip', 'v'], data: [[42, 'Oslo', true, [1, 2.5]]] } });
  });

  it('names the column whose value cannot be read', async () => {
    const form = formFor(iris);
    const values = { sl: '5.1', sw: 'wide', pl: '1.4', pw: '0.2' };
    expect(await errorOf(() => requestFromForm(form, values))).toEqual({
      code: 'INVALID_PARAMETER_VALUE', message: "Column 'sw' (double): 'wide' is not a number.",
    });
    expect((await errorOf(() => requestFromForm(form, { ...values, sw: '' }))).message).toBe("Column 'sw' (double) needs a value.");
  });

  it('starts from the serving example (split, records, inputs) or blanks', () => {
    const form = formFor(iris);
    const split = { dataframe_split: { columns: ['sl', 'sw', 'pl', 'pw'], data: [[5.1, 3.5, 1.4, 0.2], [1, 1, 1, 1]] } };
    expect(formValuesFrom(form, split)).toEqual({ sl: '5.1', sw: '3.5', pl: '1.4', pw: '0.2' });
    expect(formValuesFrom(form, { dataframe_records: [{ sl: 1, pw: 2 }] })).toEqual({ sl: '1', sw: '', pl: '', pw: '2' });
    expect(formValuesFrom(form, { inputs: { sl: [7], sw: [8] } })).toMatchObject({ sl: '7', sw: '8' });
    expect(formValuesFrom(form, null)).toEqual({ sl: '', sw: '', pl: '', pw: '' });
  });

  it('tensor schemas: one JSON array per tensor, zero-filled to the expected shape', async () => {
    const named = formFor(parseSchema('[{"name": "a", "type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 2]}}, {"name": "b", "type": "tensor", "tensor-spec": {"dtype": "int64", "shape": [3]}}]'));
    expect(named.fields.map((f) => f.typeLabel)).toEqual(['float32 (-1, 2)', 'int64 (3,)']);
    const values = formValuesFrom(named, { inputs: { a: [[1, 2]] } });
    expect(values).toEqual({ a: '[[1,2]]', b: '[0,0,0]' });
    expect(requestFromForm(named, values)).toEqual({ inputs: { a: [[1, 2]], b: [0, 0, 0] } });
    expect((await errorOf(() => requestFromForm(named, { ...values, b: '[1, 2' }))).message).toMatch(/^Tensor 'b': not valid JSON/);

    const unnamed = formFor(parseSchema('[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 4]}}]'));
    expect(formValuesFrom(unnamed, { inputs: [[1, 2, 3, 4]] })).toEqual({ '': '[[1,2,3,4]]' });
    expect(requestFromForm(unnamed, { '': '[[1,2,3,4]]' })).toEqual({ inputs: [[1, 2, 3, 4]] });
    expect(zerosLike([-1, 2, 2], 'bool')).toEqual([[[false, false], [false, false]]]);
  });
});

describe('request formats', () => {
  it('writes one row of columns in each of MLflow\'s four formats', () => {
    const form = formFor(parseSchema('[{"type": "double", "name": "x", "required": true}, {"type": "string", "name": "s", "required": true}]'));
    const values = { x: '1.5', s: 'a' };
    expect(formatsFor(form)).toEqual(['dataframe_split', 'dataframe_records', 'instances', 'inputs']);
    expect(requestInFormat(form, values, 'dataframe_split')).toEqual({ dataframe_split: { columns: ['x', 's'], data: [[1.5, 'a']] } });
    expect(requestInFormat(form, values, 'dataframe_records')).toEqual({ dataframe_records: [{ x: 1.5, s: 'a' }] });
    expect(requestInFormat(form, values, 'instances')).toEqual({ instances: [{ x: 1.5, s: 'a' }] });
    expect(requestInFormat(form, values, 'inputs')).toEqual({ inputs: { x: [1.5], s: ['a'] } });
  });

  it('tensors: inputs, or instances split along the first axis', async () => {
    const form = formFor(parseSchema('[{"name": "a", "type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 2]}}, {"name": "b", "type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1]}}]'));
    const values = { a: '[[1,2],[3,4]]', b: '[5,6]' };
    expect(formatsFor(form)).toEqual(['inputs', 'instances']);
    expect(requestInFormat(form, values, 'instances')).toEqual({ instances: [{ a: [1, 2], b: 5 }, { a: [3, 4], b: 6 }] });
    expect((await errorOf(() => requestInFormat(form, { ...values, b: '[5]' }, 'instances'))).message).toMatch(/same first dimension/);
  });
});

describe('serving snippets', () => {
  it('curl for mlflow models serve, with the request compact and shell-quoted', () => {
    expect(curlForRequest({ inputs: [[1, 2]] })).toBe(
      `curl -X POST http://127.0.0.1:5000/invocations -H 'Content-Type: application/json' -d '{"inputs":[[1,2]]}'`);
    expect(curlForRequest('{\n  "dataframe_records": [{"name": "O\'Brien"}]\n}')).toBe(
      `curl -X POST http://127.0.0.1:5000/invocations -H 'Content-Type: application/json' -d '{"dataframe_records":[{"name":"O'\\''Brien"}]}'`);
    expect(curlForRequest('{not json', 'http://localhost:8080/')).toBe(
      `curl -X POST http://localhost:8080/invocations -H 'Content-Type: application/json' -d '{not json'`);
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(serveCommand('models:/iris@champion')).toBe(`mlflow models serve -m 'models:/iris@champion' -p 5000 --env-manager local`);
  });
});
