/**
 * Expected failures carry one of MLflow's error codes (mlflow/protos/databricks.proto, mlflow/exceptions.py).
 * Branch on `code`, never on `instanceof` or message text: errors cross worker boundaries as plain data.
 */
export type ErrorCode =
  | 'INVALID_PARAMETER_VALUE'
  | 'RESOURCE_DOES_NOT_EXIST'
  | 'RESOURCE_ALREADY_EXISTS'
  | 'INVALID_STATE'
  | 'BAD_REQUEST'
  | 'INTERNAL_ERROR'
  | 'NOT_IMPLEMENTED'
  | 'PERMISSION_DENIED'
  | 'RESOURCE_EXHAUSTED'
  | 'QUOTA_EXCEEDED';

/** HTTP status MLflow's server answers with for each code (mlflow/exceptions.py ERROR_CODE_TO_HTTP_STATUS). */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  INVALID_PARAMETER_VALUE: 400,
  BAD_REQUEST: 400,
  RESOURCE_ALREADY_EXISTS: 400,
  RESOURCE_DOES_NOT_EXIST: 404,
  PERMISSION_DENIED: 403,
  INTERNAL_ERROR: 500,
  INVALID_STATE: 500,
  NOT_IMPLEMENTED: 501,
  RESOURCE_EXHAUSTED: 429,
  QUOTA_EXCEEDED: 507,
};

export class MlflowError extends Error {
  override readonly name = 'MlflowError';
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
  }
  /** MLflow's REST error body: `{"error_code": …, "message": …}`. */
  toJSON(): { error_code: ErrorCode; message: string } {
    return { error_code: this.code, message: this.message };
  }
}

/** True for any value carrying an MLflow error code — also for errors rebuilt from a worker's plain data. */
export function isMlflowError(e: unknown, code?: ErrorCode): e is { name: string; code: ErrorCode; message: string } {
  if (typeof e !== 'object' || e === null) return false;
  const c = (e as { code?: unknown }).code;
  return typeof c === 'string' && c in HTTP_STATUS && (code === undefined || c === code);
}

export const invalidParam = (message: string): MlflowError => new MlflowError('INVALID_PARAMETER_VALUE', message);
export const notFound = (message: string): MlflowError => new MlflowError('RESOURCE_DOES_NOT_EXIST', message);
export const alreadyExists = (message: string): MlflowError => new MlflowError('RESOURCE_ALREADY_EXISTS', message);
