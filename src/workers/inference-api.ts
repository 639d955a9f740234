/**
 * The inference worker's API, built from domain functions and free of Comlink so it runs (and is tested) in Node.
 * Models are loaded once per version key and cached; requests use MLflow's scoring protocol; every request's
 * duration is recorded for p50/p95.
 */
import { invalidParam, notFound } from '../core/errors';
import { getFlavor, pickFlavor, RUNNABLE_FLAVORS, type Flavor, type LoadedModel } from '../models/flavor';
import { getSignature, parseMlModel } from '../models/mlmodel';
import { MLMODEL_FILE, type ModelFiles } from '../models/model-folder';
import { scoreCsv, type BatchOptions, type BatchProgress, type BatchResult } from '../models/batch-scoring';
import { scoreRequest, type ScoringResult } from '../models/predict';
import { scoreTensors } from '../models/predict-tensors';
import type { TensorMap } from '../models/tensor';
import { signatureFromModelIO, type ModelSignature } from '../models/signature';
import type { ModelIO } from '../models/tensor';
import { makeLatencyRecorder, type LatencyRecorder, type LatencyStats } from './latency';

/** What to load: an MLflow model folder, a bare `.onnx` file, or TF.js layers artifacts. */
export type ModelSource =
  | { kind: 'folder'; files: ModelFiles; /** flavor to run; default the first runnable one */ flavor?: string }
  | { kind: 'onnx'; bytes: Uint8Array }
  | { kind: 'tfjs'; modelJson: Uint8Array; weights: Uint8Array };

/** A loaded model as the UI sees it (plain data). */
export interface ModelInfo {
  versionKey: string;
  flavor: string;
  inputs: ModelIO[];
  outputs: ModelIO[];
  /** The MLmodel's signature, or for a bare `.onnx` file one derived from its graph. */
  signature: ModelSignature | null;
  /** Explanations, e.g. non-tensor outputs left out of predictions and how to fix the model. */
  notes: string[];
  /** Time to create the session, in ms. */
  loadMs: number;
  /** What runs it here, e.g. `{runtime: 'onnxruntime-web (wasm)', threads: 2}`. */
  runtime: Record<string, unknown>;
  /** Whether the worker is cross-origin isolated (SharedArrayBuffer, so wasm threads). */
  crossOriginIsolated: boolean;
}

/** Batch options that cross the worker boundary; `jobId` lets {@link InferenceApi.cancelBatch} stop the job. */
export type BatchJobOptions = Omit<BatchOptions, 'isCancelled'> & { jobId?: string };

/** Runtime settings per flavor, applied before its first model loads (e.g. `{onnx: {numThreads: 2}}`). */
export type RuntimeOptions = Partial<Record<string, Record<string, unknown>>>;

interface Entry { info: ModelInfo; flavor: Flavor; model: LoadedModel; latency: LatencyRecorder }

const now = (): number => globalThis.performance.now();

/** Creates the API object the worker exposes. `runtime` configures each flavor on first use. */
export function makeInferenceApi(runtime: RuntimeOptions = {}) {
  const entries = new Map<string, Promise<Entry>>();
  const configured = new Map<string, Promise<Flavor>>();

  const flavorFor = (name: string): Promise<Flavor> => {
    let p = configured.get(name);
    if (!p) {
      p = getFlavor(name).then(async (f) => {
        if (f.configure && runtime[name]) await f.configure(runtime[name]!);
        return f;
      });
      configured.set(name, p);
    }
    return p;
  };

  async function open(versionKey: string, source: ModelSource): Promise<Entry> {
    let files: ModelFiles;
    let flavorName: string;
    let signature: ModelSignature | null = null;
    let derive = false;
    if (source.kind === 'onnx') {
      files = { 'model.onnx': source.bytes };
      flavorName = 'onnx';
      derive = true;
    } else if (source.kind === 'tfjs') {
      files = { 'tfjs/model.json': source.modelJson, 'tfjs/weights.bin': source.weights };
      flavorName = 'tfjs';
      derive = true;
    } else {
      files = source.files;
      const text = files[MLMODEL_FILE];
      if (!text) throw invalidParam(`The model folder has no ${MLMODEL_FILE} file.`);
      const mlmodel = parseMlModel(new TextDecoder().decode(text));
      flavorName = source.flavor ?? pickFlavor(mlmodel);
      if (!(flavorName in mlmodel.flavors)) throw invalidParam(`The model has no '${flavorName}' flavor.`);
      signature = getSignature(mlmodel);
      const conf = mlmodel.flavors[flavorName];
      const flavor = await flavorFor(flavorName);
      return finish(versionKey, flavor, () => flavor.load(files, conf), signature, false);
    }
    const flavor = await flavorFor(flavorName);
    return finish(versionKey, flavor, () => flavor.load(files, {}), signature, derive);
  }

  async function finish(versionKey: string, flavor: Flavor, load: () => Promise<LoadedModel>, signature: ModelSignature | null, derive: boolean): Promise<Entry> {
    const t0 = now();
    const model = await load();
    const loadMs = now() - t0;
    const sig = derive ? signatureFromModelIO(model.inputs, model.outputs) : signature;
    const info: ModelInfo = {
      versionKey, flavor: flavor.name, inputs: model.inputs, outputs: model.outputs, signature: sig, notes: model.notes, loadMs,
      runtime: flavor.runtimeInfo?.() ?? {}, crossOriginIsolated: (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true,
    };
    return { info, flavor, model, latency: makeLatencyRecorder() };
  }

  const cancelled = new Set<string>();
  const get = (versionKey: string): Promise<Entry> => {
    const e = entries.get(versionKey);
    if (!e) throw notFound(`Model '${versionKey}' is not loaded; call loadModel first.`);
    return e;
  };

  return {
    /** Flavors this worker can run. */
    async runnableFlavors(): Promise<string[]> {
      return [...RUNNABLE_FLAVORS];
    },

    /** Loads and caches a model under `versionKey` (e.g. `models:/name/3`); a cached key is returned as is. */
    async loadModel(versionKey: string, source: ModelSource): Promise<ModelInfo> {
      let e = entries.get(versionKey);
      if (!e) {
        e = open(versionKey, source);
        entries.set(versionKey, e);
        e.catch(() => entries.delete(versionKey));
      }
      return (await e).info;
    },

    /** The cached model's info, or RESOURCE_DOES_NOT_EXIST. */
    async getModel(versionKey: string): Promise<ModelInfo> {
      return (await get(versionKey)).info;
    },

    /** Scores an MLflow scoring request (`dataframe_split`, `dataframe_records`, `instances`, `inputs`, `params`). */
    async predict(versionKey: string, request: unknown): Promise<ScoringResult> {
      const e = await get(versionKey);
      const t0 = now();
      const res = await scoreRequest(e.flavor, e.model, request, e.info.signature);
      e.latency.record(now() - t0);
      return res;
    },

    /**
     * Scores typed tensors (`{name: {dtype, shape, data}}`, checked against the signature like an `inputs`
     * request) and returns the tensor outputs typed: no JSON on either side. Counted in the session's latency.
     */
    async predictTensors(versionKey: string, feeds: TensorMap): Promise<TensorMap> {
      const e = await get(versionKey);
      const t0 = now();
      const out = await scoreTensors(e.flavor, e.model, feeds, e.info.signature);
      e.latency.record(now() - t0);
      return out;
    },
    /**
     * Scores every row of a CSV file in chunks (see models/batch-scoring.ts); `onProgress` hears after each
     * chunk. Not counted in the session's latency.
     */
    async scoreCsv(versionKey: string, file: Blob, opts: BatchJobOptions = {}, onProgress?: (p: BatchProgress) => void): Promise<BatchResult> {
      const e = await get(versionKey);
      const { jobId, ...rest } = opts;
      try {
        return await scoreCsv(e.flavor, e.model, e.info.signature, file, { ...rest, isCancelled: () => jobId !== undefined && cancelled.has(jobId) }, onProgress);
      } finally {
        if (jobId !== undefined) cancelled.delete(jobId);
      }
    },
    /** Stops the batch job `jobId` before its next chunk (it rejects with INVALID_STATE). */
    async cancelBatch(jobId: string): Promise<void> {
      cancelled.add(jobId);
    },
    /** Latency of this model's requests since it was loaded (ms). */
    async latency(versionKey: string): Promise<LatencyStats> {
      return (await get(versionKey)).latency.stats();
    },

    /** Frees a model; unknown keys are ignored. */
    async unloadModel(versionKey: string): Promise<void> {
      const e = entries.get(versionKey);
      entries.delete(versionKey);
      if (e) {
        const entry = await e.catch(() => null);
        if (entry) await entry.flavor.dispose(entry.model);
      }
    },

    /** Keys of the loaded models. */
    async loadedModels(): Promise<string[]> {
      return [...entries.keys()];
    },
  };
}

/** The worker's API type, for `Comlink.wrap<InferenceApi>`. */
export type InferenceApi = ReturnType<typeof makeInferenceApi>;
