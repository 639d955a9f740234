/**
 * Where a new version's files come from. A `runs:/<run_id>/<path>` (or this browser's `flowpad-artifacts:`)
 * source copies the run's model folder; a `models:/` source copies another version's files; any other source
 * is recorded without files, as MLflow records any URI it is given.
 */
import { MlflowError, invalidParam, notFound } from '../core/errors';
import { ARTIFACT_SCHEME, runArtifacts, versionFiles, type FlowpadDB } from '../storage';
import { normalizeArtifactPath } from '../tracking/artifacts';
import type { RegistryContext } from './context';

/** A file to store with a new version. */
export interface VersionFile {
  path: string;
  data: Blob;
  size: number;
  contentType: string;
}

/** A resolved source: what to record, and how to read its files inside the creating transaction. */
export interface SourcePlan {
  source: string;
  runId: string | null;
  /** Reads the files to copy; runs inside the write transaction (tables: runs, artifacts, registry tables). */
  files(db: FlowpadDB): Promise<VersionFile[]>;
}

export const MLMODEL = 'MLmodel';

/** `RunsArtifactRepository.parse_runs_uri`: `runs:/<run_id>/<path>` → run id and normalised path. */
export function parseRunsUri(uri: string): { runId: string; artifactPath: string } {
  const path = uri.replace(/^runs:(\/\/[^/]*)?/, '');
  if (!uri.startsWith('runs:') || !path.startsWith('/') || path.length <= 1) {
    throw new MlflowError('INTERNAL_ERROR',
      `Not a proper runs:/ URI: ${uri}. Runs URIs must be of the form 'runs:/<run_id>/run-relative/path/to/artifact'`);
  }
  const [runId, ...rest] = path.slice(1).split('/');
  return { runId, artifactPath: normalizeArtifactPath(rest.join('/'), true) };
}

/** This browser's artifact URIs: `flowpad-artifacts:/<experiment>/<run>/artifacts[/<path>]`. */
function parseFlowpadArtifactUri(uri: string): { runId: string; artifactPath: string } | null {
  const m = new RegExp(`^${ARTIFACT_SCHEME}/[^/]+/([^/]+)/artifacts(?:/(.*))?$`).exec(uri);
  return m ? { runId: m[1], artifactPath: normalizeArtifactPath(m[2] ?? '', true) } : null;
}

/** The files under one run artifact folder, with paths relative to it; checks the folder is an MLflow model. */
async function runFolderPlan(ctx: RegistryContext, runId: string, artifactPath: string, display: string): Promise<SourcePlan> {
  const run = await ctx.db.runs.get(runId);
  if (!run) throw notFound(`Run with id=${runId} not found`);
  const source = artifactPath ? `${run.artifactUri}/${artifactPath}` : run.artifactUri;
  const prefix = artifactPath ? artifactPath + '/' : '';
  return {
    source,
    runId,
    async files(db) {
      const rows = await runArtifacts(db, runId, prefix).toArray();
      if (rows.length === 0) throw notFound(`No artifacts found at ${display}: the run has no files under '${artifactPath}'.`);
      if (!rows.some((r) => r.path === prefix + MLMODEL)) {
        throw invalidParam(`${display} is not an MLflow model folder: it has no MLmodel file.`);
      }
      return rows.map((r) => ({ path: r.path.slice(prefix.length), data: r.data, size: r.size, contentType: r.contentType }));
    },
  };
}

/**
 * Resolves `source` for create_model_version. `resolveVersion` turns a `models:/` URI into the id of the
 * version whose files to copy (errors are wrapped as MLflow wraps them).
 */
export async function planSource(
  ctx: RegistryContext, source: string, resolveVersion: (uri: string) => Promise<string>,
): Promise<SourcePlan> {
  if (source.startsWith('runs:')) {
    const { runId, artifactPath } = parseRunsUri(source);
    return runFolderPlan(ctx, runId, artifactPath, source);
  }
  const local = parseFlowpadArtifactUri(source);
  if (local) {
    const plan = await runFolderPlan(ctx, local.runId, local.artifactPath, source);
    return { ...plan, source };
  }
  if (source.startsWith('models:')) {
    let versionId: string;
    try {
      versionId = await resolveVersion(source);
    } catch (e) {
      throw new MlflowError('INTERNAL_ERROR',
        `Unable to fetch model from model URI source artifact location '${source}'.Error: ${(e as Error).message}`);
    }
    return {
      source, runId: null,
      async files(db) {
        const rows = await versionFiles(db, versionId).toArray();
        return rows.map((r) => ({ path: r.path, data: r.data, size: r.size, contentType: r.contentType }));
      },
    };
  }
  return { source, runId: null, files: async () => [] };
}
