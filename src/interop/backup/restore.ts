/**
 * `restoreBackup()`: validates the whole file first (read.ts), then writes it in ONE read-write transaction
 * over every table — "replace" clears the database and writes the backup as it is; "merge" adds what is
 * missing by the rules in merge-rules.ts. A refused file, a conflict or a full disk leaves the database as it
 * was.
 */
import { alreadyExists } from '../../core/errors';
import {
  keyOfRow, mapStorageError, schemaVersion, tableSpecs, writeTables, type FlowpadDB, type TableSpec, type TableWriter,
} from '../../storage';
import type { BackupProgress } from './export';
import { freeName, mergeOrder, MERGE_RULES, type Row } from './merge-rules';
import { isValidKey, openBackup, type BackupSummary, type OpenedBackup } from './read';

/** 'replace' makes the database equal to the backup; 'merge' adds what is missing (merge-rules.ts). */
export type RestoreMode = 'merge' | 'replace';

/** Per table: what a restore did with the backup's rows. */
export interface TableRestoreStats {
  /** Backup rows written. */
  added: number;
  /** Backup rows not written because the same entity (or its owner) was already here. */
  kept: number;
  /** Written under a new name or a new id. */
  renamed: number;
  renumbered: number;
}

/** What a restore wrote, per table, and what the backup held. */
export interface RestoreResult {
  mode: RestoreMode;
  backup: BackupSummary;
  tables: Record<string, TableRestoreStats>;
}

/** Options of `restoreBackup`. */
export interface RestoreOptions {
  mode: RestoreMode;
  onProgress?: (p: BackupProgress) => void;
}

const ks = (k: unknown) => JSON.stringify(k);

/** Restores `file` (a backup zip) into `db`. Throws INVALID_PARAMETER_VALUE for a foreign or damaged file. */
export async function restoreBackup(db: FlowpadDB, file: Blob, opts: RestoreOptions): Promise<RestoreResult> {
  const progress = opts.onProgress ?? (() => {});
  const specs = tableSpecs(db);
  const backup = await openBackup(file, specs, schemaVersion(db), progress);
  const total = backup.manifest.tables.reduce((s, t) => s + t.rows, 0);
  let done = 0;
  const tick = (n: number) => progress({ stage: 'writing', done: (done += n), total });
  // Resolvers that pick new keys must avoid every key the backup still brings; tables with one are small.
  const backupKeys = new Map<string, Set<string>>();
  if (opts.mode === 'merge') {
    for (const t of backup.manifest.tables) {
      if (!MERGE_RULES[t.name]?.resolve) continue;
      const keys = new Set<string>();
      for await (const rows of backup.pages(t.name)) for (const r of rows) keys.add(ks(keyOfRow(t.primKey, r)));
      backupKeys.set(t.name, keys);
    }
  }
  const stats: Record<string, TableRestoreStats> = {};
  for (const t of backup.manifest.tables) stats[t.name] = { added: 0, kept: 0, renamed: 0, renumbered: 0 };
  try {
    await writeTables(db, specs.map((s) => s.name), async (w) => {
      if (opts.mode === 'replace') {
        for (const s of specs) await w.clear(s.name);
        for (const t of backup.manifest.tables) {
          await eachPage(backup, t.name, w, async (rows) => {
            await w.bulkPut(t.name, rows);
            stats[t.name].added += rows.length;
            tick(rows.length);
          });
        }
      } else {
        const m = new Merger(w, new Map(specs.map((s) => [s.name, s])), stats, (t) => backupKeys.get(t) ?? new Set());
        for (const name of mergeOrder(backup.manifest.tables.map((t) => t.name))) {
          await eachPage(backup, name, w, async (rows) => {
            await m.page(name, rows as Row[]);
            tick(rows.length);
          });
        }
      }
    });
  } catch (e) {
    throw mapStorageError(e);
  }
  return { mode: opts.mode, backup: backup.summary, tables: stats };
}

/** Feeds every page of `table` to `fn`, keeping the transaction alive while a page is read from the file. */
async function eachPage(backup: OpenedBackup, table: string, w: TableWriter, fn: (rows: unknown[]) => Promise<void>) {
  const pages = backup.pages(table);
  for (;;) {
    const next = await w.waitFor(pages.next());
    if (next.done) return;
    await fn(next.value);
  }
}

/** Merge state across tables: which backup keys were kept locally, and which moved to another key. */
class Merger {
  private readonly kept = new Map<string, Set<string>>();
  private readonly moved = new Map<string, Map<string, unknown>>();
  constructor(
    private readonly w: TableWriter,
    private readonly specs: Map<string, TableSpec>,
    private readonly stats: Record<string, TableRestoreStats>,
    private readonly backupKeys: (table: string) => Set<string>,
  ) {}

  async page(table: string, rows: Row[]): Promise<void> {
    const spec = this.specs.get(table)!;
    const rule = MERGE_RULES[table] ?? {};
    const st = this.stats[table];
    const keyOf = (r: Row) => keyOfRow(spec.primKey, r);
    const keep = (oldKey: string) => {
      let set = this.kept.get(table);
      if (!set) this.kept.set(table, (set = new Set()));
      set.add(oldKey);
      st.kept++;
    };
    const ownerKept = rule.owner && this.kept.get(rule.owner.table);
    const field = rule.owner?.field ?? '';
    const candidates = rows.filter((r) => (ownerKept && ownerKept.has(ks(r[field])) ? (keep(ks(keyOf(r))), false) : true));
    for (const r of candidates) rule.remap?.(r, (t, k) => this.moved.get(t)?.get(ks(k)));
    const locals = await this.w.bulkGet(table, candidates.map(keyOf));
    const hasUniques = spec.indexes.some((i) => i.unique);
    const fresh: Row[] = [];
    for (let i = 0; i < candidates.length; i++) {
      const row = candidates[i];
      const oldKey = ks(keyOf(row));
      const local = locals[i] as Row | undefined;
      const r = rule.resolve
        ? await rule.resolve(row, local, { w: this.w, backupKeys: this.backupKeys(table) })
        : { keep: local !== undefined };
      if (r.as !== undefined) {
        let map = this.moved.get(table);
        if (!map) this.moved.set(table, (map = new Map()));
        map.set(oldKey, r.as);
        if (!r.keep) st.renumbered++;
      }
      if (r.keep) {
        keep(oldKey);
        continue;
      }
      if (!hasUniques) {
        fresh.push(row);
        continue;
      }
      await this.clearUniques(table, spec, row, rule.uniqueName);
      await this.w.bulkPut(table, [row]); // one by one: the next row's unique checks must see this one
      st.added++;
    }
    if (fresh.length) await this.w.bulkPut(table, fresh);
    st.added += fresh.length;
  }

  /** Renames on a unique-name clash; refuses any other unique-index clash with a different local row. */
  private async clearUniques(table: string, spec: TableSpec, row: Row, uniqueName: string | undefined): Promise<void> {
    const key = ks(keyOfRow(spec.primKey, row));
    const heldByOther = async (index: string, value: unknown) => {
      const other = (await this.w.firstByIndex(table, index, value)) as Row | undefined;
      return other !== undefined && ks(keyOfRow(spec.primKey, other)) !== key;
    };
    for (const idx of spec.indexes.filter((i) => i.unique)) {
      const value = keyOfRow(idx.keyPath, row);
      if (!isValidKey(value) || !(await heldByOther(idx.name, value))) continue;
      if (idx.name === uniqueName && typeof value === 'string') {
        row[uniqueName] = await freeName(value, (c) => heldByOther(idx.name, c));
        this.stats[table].renamed++;
      } else {
        throw alreadyExists(`Cannot merge: ${table} ${key} has the ${idx.name} ${ks(value)} of a different local row.`);
      }
    }
  }
}
