/** Hash-route paths of registry pages (names are URI-encoded: they may hold spaces, '@', '#', '?'). */
export const modelPath = (name: string): string => `/models/${encodeURIComponent(name)}`;
export const versionPath = (name: string, version: string | number): string => `${modelPath(name)}/versions/${encodeURIComponent(String(version))}`;
export const comparePath = (name: string, a: string, b: string): string => `${modelPath(name)}/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`;
/** The run page a version's source run links to (the run route belongs to the experiment pages). */
export const runPath = (experimentId: string, runId: string): string =>
  `/experiments/${encodeURIComponent(experimentId)}/runs/${encodeURIComponent(runId)}`;
/** The serving page for a model URI (`models:/name/3`, `models:/name@alias`, `runs:/<id>/model`). */
export const servePath = (uri: string): string => `/serve?uri=${encodeURIComponent(uri)}`;

/** A route param as written in the link: the router hands them over still percent-encoded. */
export function decodeParam(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s; // a hand-typed '%' that is not an escape
  }
}
