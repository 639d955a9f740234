/** Run artifacts: files stored as Blobs under normalised relative paths, listed like MLflow's list_artifacts. */
import { invalidParam, notFound } from '../core/errors';
import { nowMs } from '../core/time';
import { runArtifacts } from '../storage';
import { stringify as toYaml } from 'yaml';
import type { TrackingContext } from './context';
import type { FileInfo } from './entities';
import { checkActive, getRunRow } from './runs';

/**
 * Normalises an artifact path and refuses anything that could escape the run's artifact root
 * (MLflow's validate_path_is_safe): absolute paths, `..` segments, backslashes, NUL, empty names.
 */
export function normalizeArtifactPath(path: string, allowEmpty = false): string {
  if (typeof path !== 'string') throw invalidParam('Artifact path must be a string.');
  if (path.includes('\\') || path.includes('\0') || /^[a-zA-Z]:/.test(path) || path.startsWith('/')) {
    throw invalidParam(`Invalid path: '${path}'. Artifact paths must be relative, '/'-separated and stay inside the run's artifact root.`);
  }
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) {
    throw invalidParam(`Invalid path: '${path}'. Artifact paths must not contain '..'.`);
  }
  const out = parts.join('/');
  if (!out && !allowEmpty) throw invalidParam('Artifact path must not be empty.');
  return out;
}

const CONTENT_TYPES: Record<string, string> = {
  txt: 'text/plain', log: 'text/plain', md: 'text/markdown', json: 'application/json', yaml: 'application/yaml',
  yml: 'application/yaml', csv: 'text/csv', tsv: 'text/tab-separated-values', html: 'text/html', png: 'image/png',
  jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml', webp: 'image/webp',
  onnx: 'application/octet-stream', bin: 'application/octet-stream', py: 'text/x-python',
};

export function guessContentType(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return CONTENT_TYPES[ext] ?? (path.endsWith('MLmodel') ? 'application/yaml' : 'application/octet-stream');
}

/** One file of `logArtifacts`. */
export interface ArtifactFile {
  path: string;
  data: Blob | Uint8Array | ArrayBuffer;
  contentType?: string;
}

export async function logArtifact(
  ctx: TrackingContext, runId: string, path: string, data: Blob | Uint8Array | ArrayBuffer, contentType?: string,
): Promise<void> {
  await logArtifacts(ctx, runId, [{ path, data, contentType }]);
}

/**
 * Logs several files in one transaction: all of them or (on any error, a full disk included) none, so a model
 * folder is never half written. Flowpad's; MLflow's log_artifacts uploads file by file.
 */
export async function logArtifacts(ctx: TrackingContext, runId: string, files: ArtifactFile[]): Promise<void> {
  const rows = files.map(({ path, data, contentType }) => {
    const clean = normalizeArtifactPath(path);
    const type = contentType ?? guessContentType(clean);
    const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type });
    return { runId, path: clean, data: blob, size: blob.size, contentType: type, modified: nowMs() };
  });
  const { db } = ctx;
  await db.transaction('rw', db.runs, db.artifacts, async () => {
    checkActive(await getRunRow(ctx, runId));
    for (const row of rows) {
      const clean = row.path;
      // A file may not sit where a directory is, nor inside a file.
      if ((await runArtifacts(db, runId, clean + '/').count()) > 0) throw invalidParam(`Artifact path '${clean}' is a directory.`);
      const parts = clean.split('/');
      for (let i = 1; i < parts.length; i++) {
        const parent = parts.slice(0, i).join('/');
        if (await db.artifacts.get([runId, parent])) throw invalidParam(`Artifact path '${parent}' is a file, not a directory.`);
      }
      await db.artifacts.put(row);
    }
  });
}

export function logText(ctx: TrackingContext, runId: string, text: string, artifactFile: string): Promise<void> {
  return logArtifact(ctx, runId, artifactFile, new TextEncoder().encode(text), guessContentType(artifactFile));
}

/** MLflow's log_dict: YAML for .yaml/.yml files, otherwise JSON indented by 2. */
export function logDict(ctx: TrackingContext, runId: string, dict: unknown, artifactFile: string): Promise<void> {
  const yaml = /\.ya?ml$/i.test(artifactFile);
  const text = yaml ? toYaml(dict) : JSON.stringify(dict, null, 2);
  return logText(ctx, runId, text, artifactFile);
}

/** Direct children of `path`: files with sizes, and directories (is_dir, no size), sorted by path like MLflow. */
export async function listArtifacts(ctx: TrackingContext, runId: string, path = ''): Promise<FileInfo[]> {
  await getRunRow(ctx, runId);
  const dir = normalizeArtifactPath(path, true);
  const prefix = dir ? dir + '/' : '';
  const rows = await runArtifacts(ctx.db, runId, prefix).toArray();
  const out = new Map<string, FileInfo>();
  for (const r of rows) {
    const rest = r.path.slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash < 0) out.set(r.path, { path: r.path, isDir: false, fileSize: r.size });
    else {
      const p = prefix + rest.slice(0, slash);
      out.set(p, { path: p, isDir: true });
    }
  }
  return [...out.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export async function downloadArtifact(ctx: TrackingContext, runId: string, path: string): Promise<Blob> {
  const clean = normalizeArtifactPath(path);
  const row = await ctx.db.artifacts.get([runId, clean]);
  if (!row) {
    await getRunRow(ctx, runId);
    throw notFound(`Artifact '${clean}' not found in run ${runId}`);
  }
  return row.data;
}
