/** Saving files from the page: a Blob becomes a download through a temporary object URL. */

/** Offers `blob` to the user as a file named `filename` (the browser's download flow). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started by the next task; revoking later keeps slow browsers safe.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * One CSV cell as MLflow writes them (CsvUtils.ts): always double-quoted, quotes doubled, and a leading
 * `= + - @ \t \r` prefixed with `'` so spreadsheets do not run it as a formula. Numbers are left as numbers.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value == null) return '""';
  if (typeof value === 'number') return Number.isNaN(value) ? '"NaN"' : `"${value}"`;
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${guarded.replace(/"/g, '""')}"`;
}

/** Rows of cells to CSV text with CRLF line ends. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A string safe as a file name on every OS. */
export function fileSafe(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').slice(0, 120) || 'download';
}
