/**
 * The error a search filter or order_by fails with: an ordinary MlflowError (INVALID_PARAMETER_VALUE,
 * MLflow's message) that also says where the problem is and what would have been accepted there.
 */
import { MlflowError } from '../../core/errors';

/** Where a search string went wrong; plain data so it survives structured clone. */
export interface SearchSyntax {
  /** UTF-16 offset into the filter (or order_by clause) where the offending part starts. */
  position: number;
  /** Offset just past the offending part (≥ position). */
  end: number;
  /** Human-readable description of what was expected at `position`. */
  expected: string;
}

/** An MlflowError with a `syntax` property for the UI. Branch on `code`, as for any MlflowError. */
export class SearchError extends MlflowError {
  readonly syntax: SearchSyntax;
  constructor(message: string, position: number, expected: string, end = position) {
    super('INVALID_PARAMETER_VALUE', message);
    this.syntax = { position, end: Math.max(end, position), expected };
  }
}

/** The `syntax` details of an error thrown by this module, if it has them (also after a worker hop). */
export function searchSyntaxOf(e: unknown): SearchSyntax | undefined {
  const s = (e as { syntax?: unknown } | null)?.syntax;
  if (typeof s !== 'object' || s === null) return undefined;
  const { position, end, expected } = s as Record<string, unknown>;
  return typeof position === 'number' && typeof end === 'number' && typeof expected === 'string'
    ? { position, end, expected }
    : undefined;
}
