/**
 * `restoreBundle`: an uploaded file → registered models ready for `importRegisteredModels`, validated in full
 * before anything is written. Accepted: a Flowpad bundle (manifest.json + MLmodel folders), a zipped MLflow
 * model folder as Python MLflow writes it (MLmodel at the root or in one top folder), or a bare `.onnx` file
 * (its signature read from the graph). Everything else is refused with a message naming the problem.
 */
import { invalidParam } from '../../core/errors';
import { ONNX_MODEL_FILE } from '../../models/environment';
import { parseMlModel } from '../../models/mlmodel';
import { onnxModelFolder } from '../../models/model-folder';
import { validateImport, type ImportedFile, type ImportedRegisteredModel } from '../../registry';
import { DEFAULT_LIMITS, formatBytes, type BundleLimits } from './limits';
import { MANIFEST, parseManifest } from './manifest';
import { defaultModelName } from './names';
import { readOnnxGraphIo, signatureFromGraph } from './onnx-io';
import { checkDirectory, readEntry, verifyStored, type CheckedEntry, type Progress } from './unzip';
import { blobSource, bytesSource, type ZipSource } from '../zip-directory';

export interface RestoreOptions {
  /** The uploaded file's name: tells a bare .onnx apart and names foreign models by default. */
  fileName: string;
  /** Registered model name for a model folder or .onnx file (a bundle names its own models). */
  name?: string;
  limits?: Partial<BundleLimits>;
  onProgress?: Progress;
  /** Zip uploads up to this many bytes are read into memory at once, bigger ones entry by entry (default 64 MiB). */
  readInMemoryUpTo?: number;
}

export interface RestoredBundle {
  kind: 'bundle' | 'mlflow-folder' | 'onnx';
  models: ImportedRegisteredModel[];
  /** Things imported with a caveat, e.g. ONNX outputs a signature cannot describe. */
  warnings: string[];
}

const MLMODEL = 'MLmodel';
/** Uploads up to this size are read into memory at once; bigger ones are read entry by entry. */
const IN_MEMORY_BYTES = 64 * 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const isZip = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);

/**
 * Parses and validates an upload; throws INVALID_PARAMETER_VALUE with a message for the user on any problem.
 * Given a Blob (the uploaded File), stored entries come back as slices of it, not copies: a 100 MB weights
 * file is checked chunk by chunk and written to IndexedDB straight from the file.
 */
export async function restoreBundle(file: Blob | Uint8Array, opts: RestoreOptions): Promise<RestoredBundle> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const blob = file instanceof Blob ? file : null;
  const size = blob ? blob.size : (file as Uint8Array).length;
  const head = blob ? new Uint8Array(await blob.slice(0, 4).arrayBuffer()) : (file as Uint8Array).subarray(0, 4);
  if (isZip(head)) {
    const src = blob && size > (opts.readInMemoryUpTo ?? IN_MEMORY_BYTES) ? blobSource(blob) : bytesSource(blob ? new Uint8Array(await blob.arrayBuffer()) : (file as Uint8Array));
    return restoreZip(src, blob, opts, limits);
  }
  if (/\.onnx$/i.test(opts.fileName)) {
    if (size > limits.maxFileBytes) {
      throw invalidParam(`'${opts.fileName}' is ${formatBytes(size)}, more than the ${formatBytes(limits.maxFileBytes)} limit.`);
    }
    return restoreOnnx(blob ? new Uint8Array(await blob.arrayBuffer()) : (file as Uint8Array), blob, opts);
  }
  throw invalidParam(`'${opts.fileName}' is neither a zip file nor an ONNX model (.onnx).`);
}

async function restoreZip(src: ZipSource, blob: Blob | null, opts: RestoreOptions, limits: BundleLimits): Promise<RestoredBundle> {
  const entries = await checkDirectory(src, limits);
  const manifest = entries.get(MANIFEST);
  const plan = manifest ? await bundlePlan(src, manifest, entries, limits) : folderPlan(entries, opts);
  validateImport(plan.map((p) => p.model)); // names, stages, tags, aliases: before reading any file
  const files = await readFiles(src, blob, new Map([...entries].filter(([p]) => p !== MANIFEST)), opts.onProgress);
  for (const { model, folders } of plan) {
    model.versions.forEach((v, i) => {
      v.files = filesUnder(files, folders[i]);
      const path = join(folders[i], MLMODEL);
      const mlmodel = parseMlModelFile(files.get(path) as Uint8Array, path);
      if (!manifest && typeof mlmodel.run_id === 'string') v.runId = mlmodel.run_id;
    });
  }
  return { kind: manifest ? 'bundle' : 'mlflow-folder', models: plan.map((p) => p.model), warnings: [] };
}

/**
 * Every entry, verified. Deflated entries and MLmodel files come back as bytes; stored ones as slices of the
 * upload when there is one (checked in chunks, never held), else as views of the in-memory zip.
 */
async function readFiles(src: ZipSource, blob: Blob | null, entries: Map<string, CheckedEntry>, onProgress?: Progress): Promise<Map<string, Uint8Array | Blob>> {
  const total = [...entries.values()].reduce((n, e) => n + e.size, 0);
  let done = 0;
  const out = new Map<string, Uint8Array | Blob>();
  for (const [path, e] of entries) {
    if (blob && e.method === 0 && !path.endsWith(MLMODEL)) {
      await verifyStored(src, e, path, (n) => onProgress?.((done += n), total));
      out.set(path, blob.slice(e.dataOffset, e.dataOffset + e.size));
    } else {
      out.set(path, await readEntry(src, e, path));
      onProgress?.((done += e.size), total);
    }
  }
  return out;
}

const join = (folder: string, file: string): string => (folder ? `${folder}/${file}` : file);

function filesUnder(files: Map<string, Uint8Array | Blob>, folder: string): ImportedFile[] {
  const prefix = folder ? folder + '/' : '';
  return [...files].filter(([p]) => p.startsWith(prefix)).map(([p, data]) => ({ path: p.slice(prefix.length), data }));
}

function parseMlModelFile(data: Uint8Array, path: string): Record<string, unknown> {
  try {
    return parseMlModel(utf8.decode(data));
  } catch (e) {
    throw invalidParam(`${path}: ${(e as Error).message}`);
  }
}

type Plan = Array<{ model: ImportedRegisteredModel; folders: string[] }>;

/** A Flowpad bundle: every version folder must exist with an MLmodel, and every file must belong to one. */
async function bundlePlan(src: ZipSource, manifest: CheckedEntry, entries: Map<string, CheckedEntry>, limits: BundleLimits): Promise<Plan> {
  if (manifest.size > limits.maxManifestBytes) {
    throw invalidParam(`manifest.json is ${formatBytes(manifest.size)}, more than the ${formatBytes(limits.maxManifestBytes)} limit.`);
  }
  const plan = parseManifest(utf8.decode(await readEntry(src, manifest, MANIFEST)));
  const owners = new Map<string, string>();
  for (const { model, folders } of plan) {
    folders.forEach((folder, i) => {
      const who = `version ${model.versions[i].version} of '${model.name}'`;
      if (!folder || folder.startsWith('/') || folder.split('/').some((s) => s === '..' || s === '.' || s === '')) {
        throw invalidParam(`manifest.json: ${who} has the unsafe path ${JSON.stringify(folder)}.`);
      }
      for (const [other, owner] of owners) {
        if (other === folder || other.startsWith(folder + '/') || folder.startsWith(other + '/')) {
          throw invalidParam(`manifest.json: ${who} and ${owner} share the folder '${folder}'.`);
        }
      }
      owners.set(folder, who);
      const mlmodel = entries.get(join(folder, MLMODEL));
      if (![...entries.keys()].some((p) => p.startsWith(folder + '/'))) {
        throw invalidParam(`manifest.json: ${who} points at '${folder}', which is not in the zip.`);
      }
      if (!mlmodel) throw invalidParam(`'${folder}' (${who}) has no MLmodel file.`);
      checkMlmodelSize(mlmodel, join(folder, MLMODEL), limits);
    });
  }
  for (const path of entries.keys()) {
    if (path !== MANIFEST && ![...owners.keys()].some((f) => path.startsWith(f + '/'))) {
      throw invalidParam(`'${path}' is not part of any model version listed in manifest.json.`);
    }
  }
  return plan;
}

function checkMlmodelSize(e: CheckedEntry, path: string, limits: BundleLimits): void {
  if (e.size > limits.maxMlmodelBytes) {
    throw invalidParam(`${path} is ${formatBytes(e.size)}, more than the ${formatBytes(limits.maxMlmodelBytes)} limit for an MLmodel file.`);
  }
}

/** A zipped MLflow model folder: MLmodel at the root, or every file in one top folder that has it. */
function folderPlan(entries: Map<string, CheckedEntry>, opts: RestoreOptions): Plan {
  const paths = [...entries.keys()];
  let folder: string;
  if (entries.has(MLMODEL)) folder = '';
  else {
    const tops = new Set(paths.map((p) => (p.includes('/') ? p.slice(0, p.indexOf('/')) : '')));
    const [top] = tops;
    if (tops.size !== 1 || !top || !entries.has(`${top}/${MLMODEL}`)) {
      throw invalidParam(
        'No MLmodel found: the zip must hold a Flowpad bundle (manifest.json) or one MLflow model folder ' +
          '(an MLmodel file at the root, or in a single top-level folder).',
      );
    }
    folder = top;
  }
  checkMlmodelSize(entries.get(join(folder, MLMODEL))!, join(folder, MLMODEL), { ...DEFAULT_LIMITS, ...opts.limits });
  const name = opts.name ?? defaultModelName(folder || opts.fileName);
  const model: ImportedRegisteredModel = {
    name, tags: [], aliases: {},
    versions: [{ source: `upload:${opts.fileName}`, tags: [], files: [] }],
  };
  return [{ model, folders: [folder] }];
}

function restoreOnnx(bytes: Uint8Array, blob: Blob | null, opts: RestoreOptions): RestoredBundle {
  const io = readOnnxGraphIo(bytes);
  if (io.externalData) {
    throw invalidParam(`'${opts.fileName}' keeps its weights in external data files; zip the model folder with those files and import the zip.`);
  }
  const warnings = io.skipped.map((s) =>
    `The ${s} is not a tensor (e.g. a sequence of maps, like sklearn's ZipMap) and is left out of the signature ` +
    "(predictions still return a ZipMap's class probabilities, as MLflow's pyfunc does); convert with zipmap=False " +
    'for a signature with tensor outputs only.');
  const { files } = onnxModelFolder(bytes, { signature: signatureFromGraph(io) });
  const model: ImportedRegisteredModel = {
    name: opts.name ?? defaultModelName(opts.fileName), tags: [], aliases: {},
    versions: [{
      source: `upload:${opts.fileName}`, tags: [],
      // The weights are stored from the uploaded file itself when there is one (no second copy in memory).
      files: Object.entries(files).map(([path, data]) => ({ path, data: path === ONNX_MODEL_FILE && blob ? blob : data })),
    }],
  };
  validateImport([model]);
  opts.onProgress?.(bytes.length, bytes.length);
  return { kind: 'onnx', models: [model], warnings };
}
