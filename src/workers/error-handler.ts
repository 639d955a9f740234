/**
 * Comlink's default 'throw' handler sends only `{name, message, stack}` (comlink src/comlink.ts), losing the
 * MLflow error `code` the UI branches on (STYLE principle 3). This replacement keeps `{name, code, message}`
 * and rebuilds an MlflowError on the receiving side. Install it in the worker and in the page.
 */
import * as Comlink from 'comlink';
import { HTTP_STATUS, MlflowError, type ErrorCode } from '../core/errors';

interface SerializedError { isError: true; value: { name: string; message: string; code?: string; stack?: string } }
type Serialized = SerializedError | { isError: false; value: unknown };

let installed = false;

/** Plain-data form of a thrown value. */
export function serializeThrown(value: unknown): Serialized {
  if (value instanceof Error || (typeof value === 'object' && value !== null && 'message' in value)) {
    const e = value as { name?: string; message: string; code?: unknown; stack?: string };
    const code = typeof e.code === 'string' ? e.code : undefined;
    return { isError: true, value: { name: e.name ?? 'Error', message: String(e.message), code, stack: e.stack } };
  }
  return { isError: false, value };
}

/** The error to throw for serialized data: an MlflowError when it carries a known code. */
export function deserializeThrown(s: Serialized): unknown {
  if (!s.isError) return s.value;
  const { name, message, code, stack } = s.value;
  const err = code && code in HTTP_STATUS ? new MlflowError(code as ErrorCode, message) : Object.assign(new Error(message), { name, code });
  if (stack) err.stack = stack;
  return err;
}

/** Replaces Comlink's 'throw' transfer handler once per realm. */
export function installErrorHandler(): void {
  if (installed) return;
  const original = Comlink.transferHandlers.get('throw');
  if (!original) throw new Error("Comlink has no 'throw' transfer handler to replace");
  Comlink.transferHandlers.set('throw', {
    canHandle: original.canHandle,
    serialize: (thrown: unknown) => [serializeThrown((thrown as { value: unknown }).value), []],
    deserialize: (s: unknown) => {
      throw deserializeThrown(s as Serialized);
    },
  });
  installed = true;
}
