/**
 * Splits log-batch payloads within MLflow's limits (mlflow/utils/validation.py `_validate_batch_log_limits`):
 * at most 1000 metrics, 100 params, 100 tags, 1000 entities and about 1 MB of JSON per request.
 */
import type { Metric } from '../../tracking/entities';
import { MAX_BATCH_LOG_REQUEST_SIZE, MAX_METRICS_PER_BATCH, MAX_PARAMS_TAGS_PER_BATCH } from '../../tracking/validation';
import type { BatchInput } from './client';

/** Room left for the JSON around the entities. */
const BUDGET = MAX_BATCH_LOG_REQUEST_SIZE - 50_000;

const size = (x: unknown): number => JSON.stringify(x).length * 3; // worst case UTF-8 bytes per UTF-16 unit

/** Chunks of at most `max` items and about BUDGET bytes each, in order. */
function chunk<T>(items: readonly T[], max: number): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let bytes = 0;
  for (const it of items) {
    const s = size(it);
    if (cur.length > 0 && (cur.length >= max || bytes + s > BUDGET)) {
      out.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(it);
    bytes += s;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/** Params, tags and metrics as a list of log-batch requests, each within MLflow's limits. */
export function splitBatches(input: { metrics?: Metric[]; params?: BatchInput['params']; tags?: BatchInput['tags'] }): BatchInput[] {
  return [
    ...chunk(input.params ?? [], MAX_PARAMS_TAGS_PER_BATCH).map((params) => ({ params })),
    ...chunk(input.tags ?? [], MAX_PARAMS_TAGS_PER_BATCH).map((tags) => ({ tags })),
    ...chunk(input.metrics ?? [], MAX_METRICS_PER_BATCH).map((metrics) => ({ metrics })),
  ];
}
