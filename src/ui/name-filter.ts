/**
 * Free text from a "filter by name" box as an MLflow search filter, as MLflow's UI does:
 * `name ILIKE '%text%'` (case-insensitive substring).
 *
 * Quoting: the value goes in single quotes; if the text holds a single quote but no double quote it goes in
 * double quotes instead (MLflow accepts either and strips them without unescaping), else single quotes are
 * doubled, SQL style (`'it''s'`, one sqlparse string token). `%` and `_` stay wildcards: MLflow's LIKE has no
 * escape character.
 */
export function nameFilter(text: string): string | undefined {
  const needle = text.trim();
  if (needle === '') return undefined;
  return `name ILIKE ${quote(`%${needle}%`)}`;
}

function quote(value: string): string {
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"')) return `"${value}"`;
  return `'${value.replaceAll("'", "''")}'`;
}
