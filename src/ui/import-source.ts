/**
 * Turns what the user picked or dropped (a file, a folder via `<input webkitdirectory>`, or dropped
 * DataTransferItems) into an ImportSource for the import worker. A single file is an mlruns zip or an mlflow.db,
 * told apart by its first bytes (then by its name); a folder is read whole, as paths relative to the folder.
 */
import type { ImportSource } from '../workers/import-client';

/** Sniffs a single file: SQLite header → sqlite, `.db`/`.sqlite` names too; anything else is taken as a zip. */
export async function sourceFromFile(file: File): Promise<ImportSource> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const head = new TextDecoder().decode(bytes.subarray(0, 15));
  const sqlite = head === 'SQLite format 3' || (!(bytes[0] === 0x50 && bytes[1] === 0x4b) && /\.(db|sqlite3?)$/i.test(file.name));
  return { kind: sqlite ? 'sqlite' : 'zip', name: file.name, bytes };
}

/** Files of an `<input webkitdirectory>`: keys are `webkitRelativePath` (the folder's own name first). */
export async function sourceFromFileList(list: FileList, onProgress?: (fraction: number) => void): Promise<ImportSource> {
  const files = new Map<string, Uint8Array>();
  const all = [...list];
  for (const [i, f] of all.entries()) {
    files.set(f.webkitRelativePath || f.name, new Uint8Array(await f.arrayBuffer()));
    onProgress?.((i + 1) / all.length);
  }
  const name = (all[0]?.webkitRelativePath ?? '').split('/')[0] || 'folder';
  return { kind: 'folder', name, files };
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((res, rej) => entry.file(res, rej));
}

/** Every batch of a directory reader (readEntries returns at most 100 entries per call). */
async function readAll(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const out: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
    if (batch.length === 0) return out;
    out.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, prefix: string, files: Map<string, File>): Promise<void> {
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) files.set(path, await entryFile(entry as FileSystemFileEntry));
  else if (entry.isDirectory) for (const child of await readAll(entry as FileSystemDirectoryEntry)) await walk(child, path, files);
}

/**
 * A drop: one file → sourceFromFile; folders (and loose files beside them) → one folder source.
 * Entries must be taken synchronously in the drop handler, so call this before any await.
 */
export function sourceFromDrop(dt: DataTransfer, onProgress?: (fraction: number) => void): Promise<ImportSource> | null {
  const entries = [...dt.items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) {
    const file = dt.files[0];
    return file ? sourceFromFile(file) : null;
  }
  if (entries.length === 1 && entries[0]!.isFile) {
    return entryFile(entries[0] as FileSystemFileEntry).then(sourceFromFile);
  }
  return (async () => {
    const found = new Map<string, File>();
    for (const e of entries) await walk(e, '', found);
    const files = new Map<string, Uint8Array>();
    let i = 0;
    for (const [p, f] of found) {
      files.set(p, new Uint8Array(await f.arrayBuffer()));
      onProgress?.(++i / found.size);
    }
    const name = entries.length === 1 ? entries[0]!.name : `${entries.length} items`;
    return { kind: 'folder', name, files };
  })();
}

/** Offers `bytes` as a download named `fileName`. */
export function downloadBytes(bytes: Uint8Array, fileName: string, type = 'application/zip'): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
