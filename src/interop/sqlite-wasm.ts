/**
 * sql.js in the browser (page or worker) from the wasm file Vite bundles with the app: no CDN. In Node, call
 * `initSqlJs()` from 'sql.js' directly (it finds its wasm beside itself).
 */
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';

let loading: Promise<SqlJsStatic> | null = null;

/** Loads SQLite once per page or worker. */
export function loadSqlJs(): Promise<SqlJsStatic> {
  loading ??= initSqlJs({ locateFile: () => wasmUrl });
  return loading;
}
