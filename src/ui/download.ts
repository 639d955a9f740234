/** Hands a Blob to the browser as a file download (an object URL on a temporary link). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The message to show for a failed action: coded errors are the user's to fix; others are bugs but still shown. */
export function errorMessage(err: unknown): string {
  const coded = typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string';
  const message = err instanceof Error || coded ? (err as { message: string }).message : String(err);
  return coded ? message : `Unexpected error: ${message}`;
}
