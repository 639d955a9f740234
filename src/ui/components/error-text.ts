import { isMlflowError } from '../../tracking';

/**
 * The message to show for a failed action: for an expected failure (an error carrying one of MLflow's codes, also
 * when rebuilt from a worker's plain data) the client's message, which is the user's to act on; anything else is a
 * bug, still shown, marked "Unexpected error".
 */
export function errorText(err: unknown): string {
  if (isMlflowError(err)) return err.message;
  const message = typeof err === 'object' && err !== null && typeof (err as { message?: unknown }).message === 'string'
    ? (err as { message: string }).message : String(err);
  return `Unexpected error: ${message}`;
}
