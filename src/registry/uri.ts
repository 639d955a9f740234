/**
 * Model URIs (mlflow/store/artifact/utils/models.py `_parse_model_uri`, `get_model_name_and_version`):
 * `models:/<name>/<version>`, `models:/<name>/<stage>`, `models:/<name>/latest`, `models:/<name>@<alias>`,
 * and `runs:/<run_id>/<path>`. MLflow raises URI errors without a code, i.e. INTERNAL_ERROR; so do we.
 */
import { MlflowError, invalidParam, notFound } from '../core/errors';
import type { ResolvedModelUri } from './entities';
import { parseRunsUri } from './sources';

/** A parsed `models:/` URI: exactly one of version, stage, alias, or none of them for "latest". */
export type ParsedModelUri =
  | { kind: 'version'; name: string; version: string }
  | { kind: 'stage'; name: string; stage: string }
  | { kind: 'latest'; name: string }
  | { kind: 'alias'; name: string; alias: string }
  | { kind: 'logged-model'; modelId: string };

const improper = (uri: string): MlflowError =>
  new MlflowError('INTERNAL_ERROR',
    `Not a proper models:/ URI: ${uri}. Models URIs must be of the form 'models:/name/suffix' or 'models:/name@alias' ` +
    "where suffix is a version, stage, or the string 'latest' and where alias is a registered model alias. " +
    'Only one of suffix or alias can be defined at a time.');

/** Python's `urlparse(uri, allow_fragments=False).path` for a `models:` URI (netloc and query cut off). */
function urlPath(uri: string): string {
  let rest = uri.slice('models:'.length);
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    rest = slash < 0 ? '' : rest.slice(slash);
  }
  const q = rest.indexOf('?');
  return q < 0 ? rest : rest.slice(0, q);
}

/** `_parse_model_uri`. */
export function parseModelUri(uri: string): ParsedModelUri {
  if (typeof uri !== 'string' || !uri.startsWith('models:')) throw improper(String(uri));
  const path = urlPath(uri);
  if (!path.startsWith('/') || path.length <= 1) throw improper(uri);
  const parts = path.replace(/^\/+/, '').split('/');
  if (parts.length > 2 || parts[0].trim() === '') throw improper(uri);
  if (parts.length === 2) {
    const [name, suffix] = parts;
    if (suffix.trim() === '') throw improper(uri);
    if (/^\d+$/.test(suffix)) return { kind: 'version', name, version: suffix };
    if (suffix.toLowerCase() === 'latest') return { kind: 'latest', name };
    return { kind: 'stage', name, stage: suffix };
  }
  if (path.includes('@')) {
    const at = parts[0].lastIndexOf('@');
    if (at < 0 || parts[0].slice(at + 1).trim() === '') throw improper(uri);
    return { kind: 'alias', name: parts[0].slice(0, at), alias: parts[0].slice(at + 1) };
  }
  return { kind: 'logged-model', modelId: parts[0] };
}

/** What resolving a `models:/` URI needs from the registry. */
export interface UriResolver {
  getLatestVersions(name: string, stages?: string[]): Promise<{ version: string }[]>;
  getModelVersion(name: string, version: string): Promise<{ version: string }>;
  getModelVersionByAlias(name: string, alias: string): Promise<{ version: string }>;
}

/** `get_model_name_and_version`, plus `runs:/` URIs. The version named by a `models:/` URI must exist. */
export async function resolveModelUri(registry: UriResolver, uri: string): Promise<ResolvedModelUri> {
  if (typeof uri === 'string' && uri.startsWith('runs:')) return { kind: 'run', ...parseRunsUri(uri) };
  if (typeof uri !== 'string' || !uri.startsWith('models:')) {
    throw invalidParam(`Unsupported model URI '${String(uri)}': use models:/<name>/<version|stage|latest>, models:/<name>@<alias> or runs:/<run_id>/<path>.`);
  }
  const p = parseModelUri(uri);
  if (p.kind === 'logged-model') throw notFound(`Logged model with ID '${p.modelId}' not found.`);
  const hit = (version: string): ResolvedModelUri => ({ kind: 'model-version', name: p.name, version });
  if (p.kind === 'version') return hit((await registry.getModelVersion(p.name, p.version)).version);
  if (p.kind === 'alias') return hit((await registry.getModelVersionByAlias(p.name, p.alias)).version);
  const stage = p.kind === 'stage' ? p.stage : undefined;
  const latest = await registry.getLatestVersions(p.name, stage === undefined ? undefined : [stage]);
  if (latest.length === 0) {
    throw new MlflowError('INTERNAL_ERROR', `No versions of model with name '${p.name}'${stage === undefined ? '' : ` and stage '${stage}'`} found`);
  }
  return hit(String(Math.max(...latest.map((v) => Number(v.version)))));
}
