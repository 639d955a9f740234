/** sql.js for Node tests outside interop/ (it finds its wasm beside itself); the browser uses interop/sqlite-wasm. */
import initSqlJs from 'sql.js';

export const nodeSqlJs = (): ReturnType<typeof initSqlJs> => initSqlJs();
