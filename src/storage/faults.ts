/**
 * Storage-fault injection for the quota journeys: a DBCore middleware on every FlowpadDB that, once armed, fails
 * writes with a real `QuotaExceededError` DOMException, the error IndexedDB gives when the origin's quota runs out.
 * A failing write also aborts its IndexedDB transaction, as a real quota failure does, so nothing of that
 * transaction is kept even if the caller catches the error.
 *
 * Armed only by tests and power users through `window.flowpad.faults` (src/ui/debug-handle.ts). Disarmed, the
 * cost is one property read per write request. The state reaches workers over a BroadcastChannel: a worker's
 * database asks the open pages for it before its first query (Dexie waits on `ready`), and later changes arrive live.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTransaction, Middleware } from 'dexie';

/** What to fail. */
export interface QuotaFault {
  /** Writes (adds and puts) may store this many bytes (estimated from the values) before failing; default 0. */
  afterBytes?: number;
  /** Only writes to these tables count and fail; default: every table. */
  tables?: string[];
}

interface FaultState {
  quota: (QuotaFault & { written: number }) | null;
}

/** This context's fault state (one per page or worker). */
const state: FaultState = { quota: null };

const CHANNEL = 'flowpad-faults';
/** 'state': a change, for everyone; 'reply': an answer to a worker's 'query' (null = nothing armed in that page). */
type Message = { type: 'query' } | { type: 'state' | 'reply'; quota: QuotaFault | null };
let channel: BroadcastChannel | undefined;

function getChannel(): BroadcastChannel | undefined {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel(CHANNEL);
  // In Node (unit tests) an open channel would keep the process alive.
  (channel as { unref?: () => void }).unref?.();
  channel.onmessage = (e: MessageEvent<Message>) => {
    if (e.data.type === 'query') {
      channel?.postMessage({ type: 'reply', quota: publicQuota() } satisfies Message);
    } else if (e.data.type === 'state' || e.data.quota) {
      // A page with nothing armed must not disarm what another page's reply armed.
      setQuota(e.data.quota, false);
    }
  };
  return channel;
}

function publicQuota(): QuotaFault | null {
  return state.quota && { afterBytes: state.quota.afterBytes, tables: state.quota.tables };
}

function setQuota(fault: QuotaFault | null, broadcast: boolean): void {
  state.quota = fault && { afterBytes: fault.afterBytes ?? 0, tables: fault.tables, written: 0 };
  if (broadcast) getChannel()?.postMessage({ type: 'state', quota: publicQuota() } satisfies Message);
}

/**
 * Arms the quota fault in this context and every other page and worker of the origin: from now on, once the
 * writes have stored more than `afterBytes`, every write to `tables` fails with QuotaExceededError until
 * `clearFaults()`.
 */
export function armQuotaFault(fault: QuotaFault = {}): void {
  setQuota(fault, true);
}

/** Disarms every fault here and in every other page and worker. */
export function clearFaults(): void {
  setQuota(null, true);
}

/**
 * In a worker, asks the open pages for the fault state and waits for the first answer (every page answers; at
 * most `timeoutMs` when none does). In a page or in Node it returns at once: pages hear every change live.
 */
export function syncFaults(timeoutMs = 150): Promise<void> {
  const inWorker = typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';
  const ch = inWorker ? getChannel() : undefined;
  if (!ch) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      ch.removeEventListener('message', done);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    ch.addEventListener('message', done);
    ch.postMessage({ type: 'query' } satisfies Message);
  });
}

/** Listens for fault changes from other contexts (pages call this once when their database opens). */
export function listenForFaults(): void {
  getChannel();
}

/** Rough size in bytes of a structured-clonable value, as IndexedDB would store it. */
export function estimateBytes(v: unknown, depth = 0): number {
  if (v == null || depth > 32) return 0;
  switch (typeof v) {
    case 'string':
      return v.length * 2;
    case 'number':
    case 'bigint':
      return 8;
    case 'boolean':
      return 1;
    case 'object':
      break;
    default:
      return 0;
  }
  if (ArrayBuffer.isView(v)) return v.byteLength;
  if (v instanceof ArrayBuffer) return v.byteLength;
  if (typeof Blob !== 'undefined' && v instanceof Blob) return v.size;
  let n = 0;
  if (v instanceof Map) for (const [k, x] of v) n += estimateBytes(k, depth + 1) + estimateBytes(x, depth + 1);
  else if (Array.isArray(v) || v instanceof Set) for (const x of v) n += estimateBytes(x, depth + 1);
  else for (const [k, x] of Object.entries(v)) n += k.length * 2 + estimateBytes(x, depth + 1);
  return n;
}

function quotaError(table: string): DOMException {
  return new DOMException(`Injected storage fault: the quota is exhausted (write to ${table}).`, 'QuotaExceededError');
}

/** Aborts the underlying IndexedDB transaction, as the browser does when a write exceeds the quota. */
function abort(trans: DBCoreTransaction): void {
  try {
    (trans as unknown as IDBTransaction).abort();
  } catch {
    // already finished or aborted
  }
}

function failsHere(table: string, req: DBCoreMutateRequest): boolean {
  const q = state.quota;
  if (!q || (req.type !== 'add' && req.type !== 'put')) return false;
  if (q.tables && !q.tables.includes(table)) return false;
  q.written += req.values.reduce((n: number, x) => n + estimateBytes(x), 0);
  return q.written > (q.afterBytes ?? 0);
}

/** The DBCore middleware FlowpadDB installs (see file comment). */
export const faultMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'flowpad-faults',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate(req) {
            if (state.quota === null || !failsHere(name, req)) return table.mutate(req);
            abort(req.trans);
            return Promise.reject(quotaError(name));
          },
        };
      },
    };
  },
};
