/**
 * How a backup merges into a database that already has data. The rules, per table:
 *
 * - **Same primary key, same entity → the local row wins**, untouched. Run ids, registered model ids and
 *   version ids are UUIDs, so the same key is the same thing.
 * - **Owned rows follow their owner.** Metric chunks and artifacts belong to their run, model versions to
 *   their registered model, version files to their version: when the owner is kept locally, none of its
 *   backup rows are written, so a run never mixes two histories.
 * - **Experiments have sequential ids** ("1", "2", … in every browser), so the same id is the same experiment
 *   only for "0" (Default) or when the creation time matches too. Otherwise the backup's experiment gets an
 *   id free both here and in the backup, and its runs move with it (their experiment id and default artifact
 *   URI are rewritten). The move is remembered (meta `mergedExperiments`), so a second merge finds it.
 * - **Unique names** (experiment, registered model): a backup row whose name a different local row holds is
 *   renamed "<name> (restored)", "(restored 2)", ….
 * - Any other unique-index clash refuses the whole merge (RESOURCE_ALREADY_EXISTS), with nothing written.
 *
 * Tables without a rule (meta, and any added later) follow the first rule. Restoring the same backup twice
 * adds nothing the second time.
 */
import { ARTIFACT_SCHEME, type TableWriter } from '../../storage';

/** A decoded backup row (rules read and rewrite its fields). */
export type Row = Record<string, unknown>;

/** What to do with a backup row: keep the local entity or add the row, in both cases maybe under another key. */
export interface Resolution {
  keep: boolean;
  /** The key the entity has here, when it differs from the backup's (the row was renumbered, or mapped). */
  as?: unknown;
}

/** What a resolver may use: the transaction, and every key the backup has in the resolved table. */
export interface MergeEnv {
  w: TableWriter;
  backupKeys: Set<string>;
}

/** How one table merges; every field is optional (see the rules above). */
export interface MergeRule {
  /** The row belongs to the row of `table` whose key is in `field`. */
  owner?: { table: string; field: string };
  /** Tables merged before this one (owners are implied). */
  after?: string[];
  /** Decides for a backup row with the local row of its key (if any); default: keep the local one if present. */
  resolve?: (row: Row, local: Row | undefined, env: MergeEnv) => Promise<Resolution>;
  /** The field renamed on a unique-name clash. */
  uniqueName?: string;
  /** Rewrites references to rows of other tables that moved to another key (`moved` gives the new key). */
  remap?: (row: Row, moved: (table: string, key: unknown) => unknown) => void;
}

const COUNTER = 'nextExperimentId';
/** meta row: Map of backup experiment fingerprints (`<id>@<creationTime>`) to the local id they were given. */
const MERGED = 'mergedExperiments';

/**
 * Experiments: the same id is the same experiment for "0" or when the creation time matches too. A different
 * one gets an id free both here and in the backup, remembered in meta so that merging again finds it.
 */
async function resolveExperiment(row: Row, local: Row | undefined, { w, backupKeys }: MergeEnv): Promise<Resolution> {
  const id = String(row.experimentId);
  if (local && (id === '0' || local.creationTime === row.creationTime)) return { keep: true };
  const merged = ((await w.get('meta', MERGED)) as { value?: Map<string, string> } | undefined)?.value ?? new Map<string, string>();
  const fingerprint = `${id}@${String(row.creationTime)}`;
  const prior = merged.get(fingerprint);
  if (prior !== undefined && ((await w.get('experiments', prior)) as Row | undefined)?.creationTime === row.creationTime) {
    return { keep: true, as: prior };
  }
  if (!local) return { keep: false };
  let n = Math.max(1, Number(((await w.get('meta', COUNTER)) as { value?: unknown } | undefined)?.value ?? 1) || 1);
  while ((await w.get('experiments', String(n))) || backupKeys.has(JSON.stringify(String(n)))) n++;
  const to = String(n);
  row.experimentId = to;
  if (row.artifactLocation === `${ARTIFACT_SCHEME}/${id}`) row.artifactLocation = `${ARTIFACT_SCHEME}/${to}`;
  merged.set(fingerprint, to);
  await w.bulkPut('meta', [{ key: COUNTER, value: n + 1 }, { key: MERGED, value: merged }]);
  return { keep: false, as: to };
}

/** The rules by table name; a table without one keeps local rows and adds missing ones. */
export const MERGE_RULES: Readonly<Record<string, MergeRule>> = {
  experiments: { after: ['meta'], resolve: resolveExperiment, uniqueName: 'name' },
  runs: {
    after: ['experiments'],
    remap: (row, moved) => {
      const to = moved('experiments', row.experimentId);
      if (to === undefined) return;
      const from = `${ARTIFACT_SCHEME}/${String(row.experimentId)}/`;
      if (typeof row.artifactUri === 'string' && row.artifactUri.startsWith(from)) {
        row.artifactUri = `${ARTIFACT_SCHEME}/${String(to)}/` + row.artifactUri.slice(from.length);
      }
      row.experimentId = to;
    },
  },
  metricChunks: { owner: { table: 'runs', field: 'runId' } },
  artifacts: { owner: { table: 'runs', field: 'runId' } },
  // Model registry tables (declared by the registry's schema); a rule for an absent table is unused.
  registeredModels: { uniqueName: 'name' },
  modelVersions: { owner: { table: 'registeredModels', field: 'modelId' } },
  modelVersionFiles: { owner: { table: 'modelVersions', field: 'versionId' } },
};

/** `tables` ordered so that owners and referenced tables merge first; otherwise by name. */
export function mergeOrder(tables: string[]): string[] {
  const present = new Set(tables);
  const out: string[] = [];
  const visit = (t: string, depth: number) => {
    if (out.includes(t) || !present.has(t) || depth > tables.length) return;
    const r = MERGE_RULES[t];
    for (const dep of [...(r?.after ?? []), ...(r?.owner ? [r.owner.table] : [])]) visit(dep, depth + 1);
    out.push(t);
  };
  for (const t of [...tables].sort()) visit(t, 0);
  return out;
}

/** The name to give a renamed row: "<name> (restored)", then "(restored 2)", …, the first one not taken. */
export async function freeName(name: string, taken: (candidate: string) => Promise<boolean>): Promise<string> {
  for (let i = 1; ; i++) {
    const candidate = `${name} (restored${i === 1 ? '' : ` ${i}`})`;
    if (!(await taken(candidate))) return candidate;
  }
}
