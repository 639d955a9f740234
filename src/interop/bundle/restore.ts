/**
 * `restoreBundle`: an uploaded file → registered models ready for `importRegisteredModels`, validated in full
 * before anything is written. Accepted: a Flowpad bundle (manifest.json + MLmodel folders), a zipped MLflow
 * model folder as Python MLflow writes it (MLmodel at the root or in one top folder), or a bare `.onnx` file
 * (its signature read from the graph). Everything else is refused with a message naming the problem.
 */
import { invalidParam } from '../../core/errors';
import { parseMlModel } from '../../models/mlmodel';
import { ONNX_MODEL_FILE } from '../../models/environment';
import { onnxModelFolder } from '../../models/model-folder';
import { validateImport, type ImportedFile, type ImportedRegisteredModel } from '../../registry';
import { DEFAULT_LIMITS, formatBytes, type BundleLimits } from './limits';
import { MANIFEST, parseManifest } from './manifest';
import { defaultModelName } from './names';
import { readOnnxGraphIo, signatureFromGraph } from './onnx-io';
import { checkDirectory, inflateEntries, type Progress } from './unzip';
import type { ZipEntry } from './zip-directory';

export interface RestoreOptions {
  /** The uploaded file's name: tells a bare .onnx apart and names foreign models by default. */
  fileName: string;
  /** Registered model name for a model folder or .onnx file (a bundle names its own models). */
  name?: string;
  limits?: Partial<BundleLimits>;
  onProgress?: Progress;
  /**
   * The upload the bytes came from. Stored (uncompressed) entries then become slices of it, not copies: a
   * 100 MB weights file is checked in memory but written to IndexedDB straight from the file.
   */
  source?: Blob;
}

export interface RestoredBundle {
  kind: 'bundle' | 'mlflow-folder' | 'onnx';
  models: ImportedRegisteredModel[];
  /** Things imported with a caveat, e.g. ONNX outputs a signature cannot describe. */
  warnings: string[];
}

const MLMODEL = 'MLmodel';
const utf8 = new TextDecoder('utf-8', { fatal: true });
const isZip = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);

/** Parses and validates; throws INVALID_PARAMETER_VALUE with a message for the user on any problem. */
export function restoreBundle(bytes: Uint8Array, opts: RestoreOptions): RestoredBundle {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  if (isZip(bytes)) return restoreZip(bytes, opts, limits);
  if (/\.onnx$/i.test(opts.fileName)) return restoreOnnx(bytes, opts, limits);
  throw invalidParam(`'${opts.fileName}' is neither a zip file nor an ONNX model (.onnx).`);
}

function restoreZip(zip: Uint8Array, opts: RestoreOptions, limits: BundleLimits): RestoredBundle {
  const entries = checkDirectory(zip, limits);
  const manifest = entries.get(MANIFEST);
  const plan = manifest ? bundlePlan(zip, manifest, entries, limits) : folderPlan(entries, opts);
  validateImport(plan.map((p) => p.model)); // names, stages, tags, aliases: before inflating anything
  const inflated = inflateEntries(zip, new Map([...entries].filter(([p]) => p !== MANIFEST)), opts.onProgress);
  const files = new Map<string, Uint8Array | Blob>(inflated);
  if (opts.source) {
    for (const [path, e] of entries) if (e.method === 0 && files.has(path)) files.set(path, opts.source.slice(e.dataOffset, e.dataOffset + e.size));
  }
  for (const { model, folders } of plan) {
    model.versions.forEach((v, i) => {
      v.files = filesUnder(files, folders[i]);
      const mlmodel = parseMlModelFile(inflated.get(join(folders[i], MLMODEL))!, join(folders[i], MLMODEL));
      if (!manifest && typeof mlmodel.run_id === 'string') v.runId = mlmodel.run_id;
    });
  }
  return { kind: manifest ? 'bundle' : 'mlflow-folder', models: plan.map((p) => p.model), warnings: [] };
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
function bundlePlan(zip: Uint8Array, manifest: ZipEntry, entries: Map<string, ZipEntry>, limits: BundleLimits): Plan {
  if (manifest.size > limits.maxManifestBytes) {
    throw invalidParam(`manifest.json is ${formatBytes(manifest.size)}, more than the ${formatBytes(limits.maxManifestBytes)} limit.`);
  }
  const text = utf8.decode(inflateEntries(zip, new Map([[MANIFEST, manifest]])).get(MANIFEST)!);
  const plan = parseManifest(text);
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

function checkMlmodelSize(e: ZipEntry, path: string, limits: BundleLimits): void {
  if (e.size > limits.maxMlmodelBytes) {
    throw invalidParam(`${path} is ${formatBytes(e.size)}, more than the ${formatBytes(limits.maxMlmodelBytes)} limit for an MLmodel file.`);
  }
}

/** A zipped MLflow model folder: MLmodel at the root, or every file in one top folder that has it. */
function folderPlan(entries: Map<string, ZipEntry>, opts: RestoreOptions): Plan {
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

function restoreOnnx(bytes: Uint8Array, opts: RestoreOptions, limits: BundleLimits): RestoredBundle {
  if (bytes.length > limits.maxFileBytes) {
    throw invalidParam(`'${opts.fileName}' is ${formatBytes(bytes.length)}, more than the ${formatBytes(limits.maxFileBytes)} limit.`);
  }
  const io = readOnnxGraphIo(bytes);
  if (io.externalData) {
    throw invalidParam(`'${opts.fileName}' keeps its weights in external data files; zip the model folder with those files and import the zip.`);
  }
  const warnings = io.skipped.map((s) =>
    `The ${s} is not a tensor (e.g. a sequence of maps, like sklearn's ZipMap) and is left out of the signature; ` +
    'convert with zipmap=False to get tensor outputs.');
  const { files } = onnxModelFolder(bytes, { signature: signatureFromGraph(io) });
  const model: ImportedRegisteredModel = {
    name: opts.name ?? defaultModelName(opts.fileName), tags: [], aliases: {},
    versions: [{
      source: `upload:${opts.fileName}`, tags: [],
      files: Object.entries(files).map(([path, data]) => ({ path, data: path === ONNX_MODEL_FILE && opts.source ? opts.source : data })),
    }],
  };
  validateImport([model]);
  opts.onProgress?.(bytes.length, bytes.length);
  return { kind: 'onnx', models: [model], warnings };
}
