/** Branded IDs: plain strings at run time, distinct types at compile time. */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type ExperimentId = string;
export type RunId = string;

/** A run id as MLflow makes one: `uuid.uuid4().hex`, 32 lower-case hex characters. */
export function newRunId(): RunId {
  return crypto.randomUUID().replaceAll('-', '');
}

/** MLflow's `_validate_run_id` / `_validate_experiment_id` forms (mlflow/utils/validation.py). */
export const RUN_ID_PATTERN = /^[a-zA-Z0-9][\w-]{0,255}$/;
export const EXPERIMENT_ID_PATTERN = /^[a-zA-Z0-9][\w-]{0,63}$/;
