/**
 * Table-generic access to the whole database, for backup, restore and the storage report: every table the
 * schema declares, read page by page in one snapshot or written in one transaction. A table added to the
 * schema is included without changes here.
 */
import Dexie from 'dexie';
import type { FlowpadDB } from './db';

/** An IndexedDB key path: one property, or several for a compound key. */
export type KeyPath = string | string[];

/** A secondary index as the schema declares it. */
export interface IndexSpec {
  name: string;
  keyPath: KeyPath;
  unique: boolean;
  multiEntry: boolean;
}

/** One table as the schema declares it. Every Flowpad table has an inbound (in-row) primary key. */
export interface TableSpec {
  name: string;
  primKey: KeyPath;
  autoIncrement: boolean;
  /** Secondary indexes, sorted by name. */
  indexes: IndexSpec[];
}

/** Every table of the schema, sorted by name. */
export function tableSpecs(db: FlowpadDB): TableSpec[] {
  return db.tables
    .map((t) => {
      const pk = t.schema.primKey;
      if (pk.keyPath === undefined || pk.keyPath === null) {
        throw new Error(`Table '${t.name}' has an outbound primary key; backup and restore expect in-row keys.`);
      }
      return {
        name: t.name,
        primKey: pk.keyPath,
        autoIncrement: !!pk.auto,
        indexes: t.schema.indexes
          .map((i) => ({ name: i.name, keyPath: i.keyPath ?? i.name, unique: !!i.unique, multiEntry: !!i.multi }))
          .sort((a, b) => (a.name < b.name ? -1 : 1)),
      };
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** The schema version the app declares (Dexie's version number, not IndexedDB's ×10 one). */
export function schemaVersion(db: FlowpadDB): number {
  return db.verno;
}

/** Row counts of every table, in one read transaction. */
export async function countRows(db: FlowpadDB): Promise<Record<string, number>> {
  return db.transaction('r', db.tables, async () => {
    const out: Record<string, number> = {};
    for (const t of db.tables) out[t.name] = await t.count();
    return out;
  });
}

/**
 * Reads every row of `tables` in primary-key order, `pageRows` at a time, inside ONE read-only transaction,
 * so the pages form a consistent snapshot even while other tabs write. `onPage` must be synchronous: awaiting
 * anything but IndexedDB would end the transaction (Blob rows are handles; read their bytes afterwards).
 */
export async function readSnapshot(
  db: FlowpadDB, tables: readonly string[], pageRows: number, onPage: (table: string, rows: unknown[]) => void,
): Promise<void> {
  const stores = tables.map((n) => db.table(n));
  await db.transaction('r', stores, async () => {
    for (const table of stores) {
      let page = await table.orderBy(':id').limit(pageRows).toArray();
      while (page.length > 0) {
        onPage(table.name, page);
        if (page.length < pageRows) break;
        const lastKey = keyOfRow(table.schema.primKey.keyPath as KeyPath, page[page.length - 1]);
        page = await table.where(':id').above(lastKey).limit(pageRows).toArray();
      }
    }
  });
}

/** The primary key of an in-row-keyed `row`. */
export function keyOfRow(keyPath: KeyPath, row: unknown): unknown {
  const r = row as Record<string, unknown>;
  return typeof keyPath === 'string' ? r[keyPath] : keyPath.map((p) => r[p]);
}

/** Writes of one restore: everything happens in a single read-write transaction over the named tables. */
export interface TableWriter {
  get(table: string, key: unknown): Promise<unknown>;
  bulkGet(table: string, keys: unknown[]): Promise<unknown[]>;
  /** The first row whose `index` equals `value`, if any. */
  firstByIndex(table: string, index: string, value: unknown): Promise<unknown>;
  bulkPut(table: string, rows: unknown[]): Promise<void>;
  clear(table: string): Promise<void>;
  /** Keeps the transaction alive while a non-IndexedDB promise (reading a file, inflating) settles. */
  waitFor<T>(promise: Promise<T>): Promise<T>;
}

/**
 * Runs `fn` in one read-write transaction over `tables`: if it throws (or the browser aborts, e.g. on a full
 * disk), nothing it wrote is kept.
 */
export async function writeTables<T>(db: FlowpadDB, tables: readonly string[], fn: (w: TableWriter) => Promise<T>): Promise<T> {
  const stores = tables.map((n) => db.table(n));
  return db.transaction('rw', stores, async () => {
    const writer: TableWriter = {
      get: (t, key) => db.table(t).get(key as never),
      bulkGet: (t, keys) => db.table(t).bulkGet(keys as never[]),
      firstByIndex: (t, index, value) => db.table(t).where(index).equals(value as never).first(),
      bulkPut: async (t, rows) => {
        await db.table(t).bulkPut(rows);
      },
      clear: (t) => db.table(t).clear(),
      waitFor: <R>(p: Promise<R>) => Dexie.waitFor(p) as Promise<R>,
    };
    return fn(writer);
  });
}
