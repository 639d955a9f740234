import { transferHandlers } from 'comlink';
import { describe, expect, it } from 'vitest';
import { MlflowError } from '../core/errors';
import { installErrorHandler, WorkerError } from './errors';

const THROWN = Symbol('Comlink.thrown'); // Comlink marks thrown values with a symbol of this description

describe('the Comlink throw handler', () => {
  installErrorHandler();
  const handler = transferHandlers.get('throw')!;

  it('keeps an MlflowError’s code, message and search position across the hop', () => {
    const err = Object.assign(new MlflowError('INVALID_PARAMETER_VALUE', 'bad filter'), { syntax: { position: 3, end: 5, expected: 'x' } });
    const [wire] = handler.serialize({ value: err, [THROWN]: 0 } as never) as [unknown, Transferable[]];
    const back = (() => {
      try {
        handler.deserialize(structuredClone(wire) as never);
      } catch (e) {
        return e;
      }
    })() as WorkerError;
    expect(back).toBeInstanceOf(WorkerError);
    expect({ name: back.name, code: back.code, message: back.message, syntax: back.syntax }).toEqual({
      name: 'MlflowError', code: 'INVALID_PARAMETER_VALUE', message: 'bad filter', syntax: { position: 3, end: 5, expected: 'x' },
    });
  });

  it('only handles Comlink’s thrown-value wrapper, never an ordinary { value } result', () => {
    expect(handler.canHandle({ value: 1 })).toBe(false);
    expect(handler.canHandle({ value: new Error('x'), [THROWN]: 0 })).toBe(true);
  });
});
