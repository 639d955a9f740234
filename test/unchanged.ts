/**
 * For bad-input corpora: `refusedUnchanged()` runs an action that must fail with an MLflow error code and
 * checks the whole database is identical before and after (dumpDatabase), so a refused input can never leave
 * half a write behind.
 */
import { expect } from 'vitest';
import { errorOf } from './error-of';

/** Resolves to the refusal's `{code, message}`; fails the test if it was accepted or the dump changed. */
export async function refusedUnchanged(
  dump: () => Promise<string>, action: () => Promise<unknown>, code = 'INVALID_PARAMETER_VALUE',
): Promise<{ code: string; message: string }> {
  const before = await dump();
  const err = await errorOf(action);
  expect(err.code, err.message).toBe(code);
  expect(await dump()).toBe(before);
  return err;
}
