/**
 * The one Comlink error handler (STYLE principle 3): Comlink's default keeps only an error's name, message and
 * stack, so an MlflowError thrown in a worker would arrive without its `code`. This one keeps
 * `{name, code, message}` (and the stack), so callers on either side branch on `code` as usual.
 * Import this module on both sides of a worker boundary (the worker entries and the typed clients do).
 */
import { transferHandlers, type TransferHandler } from 'comlink';

interface SerializedThrow {
  isError: boolean;
  value: unknown;
}

const builtIn = transferHandlers.get('throw') as TransferHandler<{ value: unknown }, SerializedThrow>;

const codedThrow: TransferHandler<{ value: unknown }, SerializedThrow> = {
  canHandle: builtIn.canHandle,
  serialize({ value }) {
    if (value instanceof Error) {
      const { name, message, stack } = value;
      const code = (value as { code?: unknown }).code;
      return [{ isError: true, value: { name, message, stack, ...(typeof code === 'string' ? { code } : {}) } }, []];
    }
    return [{ isError: false, value }, []];
  },
  deserialize(s) {
    if (s.isError) {
      const v = s.value as { message: string };
      throw Object.assign(new Error(v.message), v);
    }
    throw s.value;
  },
};

transferHandlers.set('throw', codedThrow as TransferHandler<unknown, unknown>);

/** `{name, code, message}` of anything thrown, for messages and run notes. */
export function plainError(e: unknown): { name: string; code?: string; message: string } {
  const err = e as { name?: unknown; code?: unknown; message?: unknown };
  return {
    name: typeof err?.name === 'string' ? err.name : 'Error',
    ...(typeof err?.code === 'string' ? { code: err.code } : {}),
    message: typeof err?.message === 'string' ? err.message : String(e),
  };
}
