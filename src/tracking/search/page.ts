/**
 * Offset pagination as MLflow does it (SearchUtils.create_page_token / parse_start_offset_from_page_token
 * / paginate): the token is base64 of the JSON `{"offset": N}`, so tokens are interchangeable with
 * MLflow's. Decoding errors carry MLflow's messages, Python reprs included.
 */
import { MlflowError, invalidParam } from '../../core/errors';
import { pyBytes, pyRepr } from './pyfmt';
import type { PyValue } from './pyfmt';

/** MLflow's SEARCH_MAX_RESULTS_DEFAULT and SEARCH_MAX_RESULTS_THRESHOLD. */
export const SEARCH_MAX_RESULTS_DEFAULT = 1000;
export const SEARCH_MAX_RESULTS_THRESHOLD = 50000;

/** `base64(json.dumps({"offset": offset}))`, byte-identical to MLflow's token. */
export function encodePageToken(offset: number): string {
  return btoa(`{"offset": ${offset}}`);
}

/** The start offset a page token encodes; 0 for an empty token. */
export function decodePageToken(token: string): number {
  if (!token) return 0;
  const bytes = b64decode(token);
  if (!bytes) throw invalidParam('Invalid page token, could not base64-decode');
  let parsed: PyValue;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as PyValue;
  } catch {
    throw invalidParam(`Invalid page token, decoded value=${pyBytes(bytes)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    // Python fails on `.get` here; MLflow answers with an internal error.
    const type = Array.isArray(parsed) ? 'list' : pyType(parsed);
    throw new MlflowError('INTERNAL_ERROR', `'${type}' object has no attribute 'get'`);
  }
  const offset = (parsed as Record<string, PyValue>)['offset'];
  if (!pyTruthy(offset)) throw invalidParam(`Invalid page token, parsed value=${pyRepr(parsed)}`);
  return pyInt(offset);
}

const pyType = (v: PyValue): string =>
  v === null ? 'NoneType' : typeof v === 'string' ? 'str' : typeof v === 'boolean' ? 'bool' : Number.isInteger(v) ? 'int' : 'float';

function pyTruthy(v: PyValue | undefined): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

/** Python's `int(x)` for what JSON can hold. */
function pyInt(v: PyValue): number {
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const s = v.trim();
    if (/^[+-]?\d+(_\d+)*$/.test(s)) return Number(s.replaceAll('_', ''));
    throw invalidParam(`Invalid page token, not stringable ${v}`);
  }
  throw new MlflowError('INTERNAL_ERROR', `int() argument must be a string, a bytes-like object or a real number, not '${Array.isArray(v) ? 'list' : 'dict'}'`);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** `base64.b64decode` (non-strict): characters outside the alphabet are skipped; null on bad padding. */
function b64decode(s: string): Uint8Array | null {
  const out: number[] = [];
  let quad = 0;
  let acc = 0;
  let pads = 0;
  for (const ch of s) {
    if (ch.charCodeAt(0) > 0x7f) return null;
    if (ch === '=') {
      if (quad >= 2 && quad + ++pads >= 4) return Uint8Array.from(out);
      continue;
    }
    const v = B64.indexOf(ch);
    if (v < 0) continue;
    pads = 0;
    // quad 0 keeps 6 bits; quads 1-3 complete a byte with the top bits of v and keep the rest.
    if (quad > 0) out.push(((acc << (2 * quad)) | (v >> (6 - 2 * quad))) & 0xff);
    acc = quad === 0 ? v : v & ((1 << (6 - 2 * quad)) - 1);
    quad = (quad + 1) % 4;
  }
  return quad === 0 ? Uint8Array.from(out) : null;
}

/** Python slicing `items[start:start + maxResults]` and the token for the next page, if any. */
export function paginate<T>(items: T[], pageToken: string | undefined, maxResults: number): { rows: T[]; nextPageToken?: string } {
  const start = decodePageToken(pageToken ?? '');
  const end = start + maxResults;
  const clamp = (i: number): number => (i < 0 ? Math.max(items.length + i, 0) : Math.min(i, items.length));
  const rows = items.slice(clamp(start), Math.max(clamp(end), clamp(start)));
  return end < items.length ? { rows, nextPageToken: encodePageToken(end) } : { rows };
}

/** The SQL store's `_validate_max_results_param` (search_runs and search_experiments). */
export function validateMaxResults(maxResults: number): void {
  if (!Number.isInteger(maxResults) || maxResults < 1) {
    throw invalidParam(`Invalid value ${maxResults} for parameter 'max_results' supplied. It must be a positive integer`);
  }
  if (maxResults > SEARCH_MAX_RESULTS_THRESHOLD) {
    throw invalidParam(
      `Invalid value ${maxResults} for parameter 'max_results' supplied. It must be at most ${SEARCH_MAX_RESULTS_THRESHOLD}`,
    );
  }
}
