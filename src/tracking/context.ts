import type { FlowpadDB } from '../storage';
import type { MetricWriter } from './metric-writer';
import type { RunCache } from './run-cache';
import type { LockManagerLike } from './run-locks';
import type { TruncateOptions } from './validation';

/** What every tracking operation works on: one database, one metric buffer. */
export interface TrackingContext {
  db: FlowpadDB;
  writer: MetricWriter;
  /** Default `user_id` of new runs (MLflow uses the OS user; the browser has none). */
  userId: string;
  /** Run ids known to be active, so buffered metric logging needs no database read per point. */
  activeRuns: Set<string>;
  /** Run rows of searched experiments, kept fresh by change events. */
  runCache: RunCache;
  /** Over-long param/tag values: truncate with a warning (MLflow's default) or raise. */
  truncate: TruncateOptions;
  /** Web Locks for crash recovery of RUNNING runs; undefined where unavailable. */
  locks?: LockManagerLike;
  /** Releasers of the run locks this context holds. */
  heldLocks: Map<string, () => void>;
}
