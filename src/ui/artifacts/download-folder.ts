/** "Download" of an artifact folder: every file under it, zipped in the browser (paths relative to the folder). */
import type { RunId } from '../../core/ids';
import { zipFolder, type ZipEntry } from '../../interop/zip-folder';
import type { TrackingClient } from '../../tracking/api';

/** Every file under `dir` ('' = the run's root), depth first, with paths relative to `dir`. */
export async function collectFiles(
  client: Pick<TrackingClient, 'listArtifacts' | 'downloadArtifact'>, runId: RunId, dir: string,
): Promise<ZipEntry[]> {
  const out: ZipEntry[] = [];
  const strip = dir ? dir.length + 1 : 0;
  const walk = async (d: string): Promise<void> => {
    for (const f of await client.listArtifacts(runId, d)) {
      if (f.isDir) await walk(f.path);
      else out.push({ path: f.path.slice(strip), data: new Uint8Array(await (await client.downloadArtifact(runId, f.path)).arrayBuffer()) });
    }
  };
  await walk(dir);
  return out;
}

/** The folder as a zip Blob. */
export async function zipArtifactFolder(
  client: Pick<TrackingClient, 'listArtifacts' | 'downloadArtifact'>, runId: RunId, dir: string,
): Promise<Blob> {
  const bytes = await zipFolder(await collectFiles(client, runId, dir));
  return new Blob([bytes as BlobPart], { type: 'application/zip' });
}
