/**
 * The one Dexie schema. Every version is declared here; each upgrade gets a test.
 * Nothing outside storage/ imports Dexie: other layers use the typed tables and the helpers below.
 */
import Dexie, { type IntervalTree, type IntervalTreeNode, type Table, type Transaction } from 'dexie';
import { faultMiddleware, listenForFaults, syncFaults } from './faults';
import type { ModelVersionFileRow, ModelVersionRow, RegisteredModelRow } from './registry-rows';
import type { ArtifactRow, ExperimentRow, MetaRow, MetricChunkRow, RunRow } from './rows';

export const DEFAULT_DB_NAME = 'flowpad';
export const DEFAULT_EXPERIMENT_ID = '0';
export const DEFAULT_EXPERIMENT_NAME = 'Default';
/** Pseudo-URI scheme of artifacts stored in this browser. */
export const ARTIFACT_SCHEME = 'flowpad-artifacts:';
/** Pseudo-URI scheme of model version files stored in this browser's registry (`flowpad-registry:/<version id>`). */
export const REGISTRY_SCHEME = 'flowpad-registry:';
/** Longest time a closing connection may keep another tab's schema upgrade waiting. */
const VERSIONCHANGE_GRACE_MS = 2000;

export interface OpenDbOptions {
  name?: string;
  /** An IndexedDB factory (e.g. fake-indexeddb in Node); default: the global one. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /**
   * Another tab or worker wants to upgrade (or delete) the database. Given this, the callback runs first (it may
   * still write, e.g. flush buffered metrics; the other side's upgrade waits for at most 2 s), then the
   * connection closes for good: code that expects the old schema must not silently re-open it. Without it,
   * Dexie's default applies: close at once, and re-open on the next query.
   */
  onVersionChange?: () => Promise<void> | void;
}

export class FlowpadDB extends Dexie {
  meta!: Table<MetaRow, string>;
  experiments!: Table<ExperimentRow, string>;
  runs!: Table<RunRow, string>;
  metricChunks!: Table<MetricChunkRow, [string, string, number]>;
  artifacts!: Table<ArtifactRow, [string, string]>;
  registeredModels!: Table<RegisteredModelRow, string>;
  modelVersions!: Table<ModelVersionRow, string>;
  modelVersionFiles!: Table<ModelVersionFileRow, [string, string]>;

  constructor(opts: OpenDbOptions = {}) {
    // Dexie spreads these over its defaults: an explicit `undefined` would erase the browser's own IndexedDB.
    super(opts.name ?? DEFAULT_DB_NAME, {
      ...(opts.indexedDB && { indexedDB: opts.indexedDB }),
      ...(opts.IDBKeyRange && { IDBKeyRange: opts.IDBKeyRange }),
      chromeTransactionDurability: 'default',
    });
    this.version(1).stores({
      meta: 'key',
      experiments: 'experimentId, &name, lifecycleStage',
      runs: 'runId, experimentId, [experimentId+lifecycleStage]',
      metricChunks: '[runId+key+chunk]',
      artifacts: '[runId+path]',
      // Model registry: names are unique, versions unique per model; files are keyed by the version's own id.
      registeredModels: 'id, &name',
      modelVersions: 'id, &[modelId+version], modelId, runId',
      modelVersionFiles: '[versionId+path]',
    });
    // Version 2: metric chunks store steps and timestamps packed (chunk-codec.ts). Same stores and indexes, and
    // version 1 rows (plain Float64Array columns) are valid packed rows, so there is nothing to rewrite; the bump
    // is there so that a tab still running version 1 code — which cannot read packed columns — is told to reload
    // (versionchange) instead of misreading them, and so a backup made here is refused by an older Flowpad.
    this.version(2).stores({});
    // Storage-fault injection (tests only; see faults.ts): a pass-through while disarmed.
    this.use(faultMiddleware);
    listenForFaults();
    this.on('ready', () => syncFaults(), true);
    const onVersionChange = opts.onVersionChange;
    if (onVersionChange) {
      this.on('versionchange', () => {
        const wait = new Promise((resolve) => setTimeout(resolve, VERSIONCHANGE_GRACE_MS));
        void Promise.race([Promise.resolve().then(onVersionChange), wait])
          .catch((e: unknown) => console.error('Flowpad: before closing for an upgrade', e))
          .finally(() => this.close({ disableAutoOpen: true }));
        return false; // skip Dexie's default (close now, re-open on demand)
      });
    }
    this.on('populate', (tx) => {
      const now = Date.now();
      void tx.table('experiments').add({
        experimentId: DEFAULT_EXPERIMENT_ID,
        name: DEFAULT_EXPERIMENT_NAME,
        artifactLocation: `${ARTIFACT_SCHEME}/${DEFAULT_EXPERIMENT_ID}`,
        lifecycleStage: 'active',
        creationTime: now,
        lastUpdateTime: now,
        tags: new Map(),
      } satisfies ExperimentRow);
    });
  }
}

export function openDb(opts: OpenDbOptions = {}): FlowpadDB {
  return new FlowpadDB(opts);
}

export type Tx = Transaction;

/** Key range of every chunk of one (run, key) series, in chunk order. */
export function seriesChunks(db: FlowpadDB, runId: string, key: string) {
  return db.metricChunks.where('[runId+key+chunk]').between([runId, key, Dexie.minKey], [runId, key, Dexie.maxKey]);
}

/** Every chunk of every metric of one run. */
export function runChunks(db: FlowpadDB, runId: string) {
  return db.metricChunks.where('[runId+key+chunk]').between([runId, Dexie.minKey, Dexie.minKey], [runId, Dexie.maxKey, Dexie.maxKey]);
}

/** Every artifact row of one run whose path starts with `prefix` ('' for all). */
export function runArtifacts(db: FlowpadDB, runId: string, prefix = '') {
  return db.artifacts.where('[runId+path]').between([runId, prefix], [runId, prefix + '\uffff'], true, true);
}

/**
 * Calls `cb` after every committed change to `table` of this database, made here or in another tab or worker
 * (Dexie's `storagemutated`, broadcast across contexts). `cb` gets the changed primary keys, or 'all' when a
 * change covers a key range (e.g. a clear).
 */
export function onTableMutated(db: FlowpadDB, table: string, cb: (keys: string[] | 'all') => void): () => void {
  const parts = [`idb://${db.name}/${table}/`, `idb://${db.name}/${table}/:dels`];
  const handler = (changed: Record<string, unknown>) => {
    const keys: string[] = [];
    let whole = false;
    const walk = (n: IntervalTreeNode | null | undefined): void => {
      if (!n || whole) return;
      if (typeof n.from === 'string' && n.from === n.to) keys.push(n.from);
      else whole = true;
      walk(n.l);
      walk(n.r);
    };
    for (const part of parts) {
      const tree = changed[part] as IntervalTree | undefined;
      if (tree && tree.d) walk(tree as IntervalTreeNode);
    }
    if (whole) cb('all');
    else if (keys.length > 0) cb(keys);
  };
  Dexie.on('storagemutated', handler);
  return () => Dexie.on('storagemutated').unsubscribe(handler);
}

/** Every file row of one model version whose path starts with `prefix` ('' for all), in path order. */
export function versionFiles(db: FlowpadDB, versionId: string, prefix = '') {
  return db.modelVersionFiles.where('[versionId+path]').between([versionId, prefix], [versionId, prefix + '\uffff'], true, true);
}
