/** Resolves to the thrown error's `{code, message}` (fails the test if nothing was thrown). No domain imports. */
export async function errorOf(p: Promise<unknown> | (() => unknown)): Promise<{ code: string; message: string }> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    const err = e as { code?: string; message: string };
    return { code: err.code ?? 'NO_CODE', message: err.message };
  }
  throw new Error('expected an error, got none');
}
