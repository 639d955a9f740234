/**
 * One Comlink `throw` handler for every worker and its callers: errors cross as `{name, code, message, syntax}`
 * so MLflow error codes (and a search error's position) survive the hop. Comlink's default keeps only
 * name/message/stack. Install it on both sides before the first call.
 */
import { transferHandlers, type TransferHandler } from 'comlink';

interface WireError {
  name: string;
  message: string;
  code?: string;
  syntax?: unknown;
  stack?: string;
}

/** An Error rebuilt from a worker's plain data; `code` is MLflow's (branch on it, not on the class). */
export class WorkerError extends Error {
  readonly code?: string;
  readonly syntax?: unknown;
  constructor(w: WireError) {
    super(w.message);
    this.name = w.name;
    this.code = w.code;
    this.syntax = w.syntax;
    if (w.stack) this.stack = w.stack;
  }
}

const handler: TransferHandler<{ value: unknown }, { value: WireError | unknown; isError: boolean }> = {
  // Comlink marks a thrown value with a private symbol; match it by description (the symbol is not exported).
  canHandle: (v): v is { value: unknown } =>
    typeof v === 'object' && v !== null && Object.getOwnPropertySymbols(v).some((s) => s.description === 'Comlink.thrown'),
  serialize: ({ value }) => {
    if (value instanceof Error || (typeof value === 'object' && value !== null && 'message' in value)) {
      const e = value as WireError;
      const wire: WireError = { name: e.name, message: e.message, stack: e.stack };
      if (typeof e.code === 'string') wire.code = e.code;
      if (e.syntax !== undefined) wire.syntax = structuredClone(e.syntax);
      return [{ value: wire, isError: true }, []];
    }
    return [{ value, isError: false }, []];
  },
  deserialize: (s) => {
    throw s.isError ? new WorkerError(s.value as WireError) : s.value;
  },
};

/** Replaces Comlink's `throw` handler (idempotent). */
export function installErrorHandler(): void {
  transferHandlers.set('throw', handler as TransferHandler<unknown, unknown>);
}
