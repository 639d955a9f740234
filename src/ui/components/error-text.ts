import { isMlflowError } from '../../tracking';

/** What a dialog shows for a failed action: the client's message for coded errors, and a note for bugs. */
export function errorText(err: unknown): string {
  if (isMlflowError(err)) return err.message;
  return `Unexpected error: ${err instanceof Error ? err.message : String(err)}`;
}
