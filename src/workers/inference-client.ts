/**
 * The page's handle on the inference worker: a typed Comlink proxy plus `terminate`. One worker per client;
 * ORT fixes its thread count once per worker, so a new configuration needs a new client.
 */
import * as Comlink from 'comlink';
import { installErrorHandler } from './error-handler';
import type { BatchJobOptions, InferenceApi, ModelInfo, ModelSource } from './inference-api';
import type { BatchProgress, BatchResult } from '../models/batch-scoring';
import type { ScoringResult } from '../models/predict';
import type { TensorMap } from '../models/tensor';
import { tensorBuffers } from './tensor-buffers';
import type { LatencyStats } from './latency';

export type { BatchJobOptions, InferenceApi, ModelInfo, ModelSource } from './inference-api';
export type { BatchProgress, BatchResult } from '../models/batch-scoring';
export type { LatencyStats } from './latency';

export interface InferenceClient {
  /**
   * Loads `source` under `versionKey` (cached). With `transfer`, the source's buffers move to the worker
   * (no copy; they become unusable here) — worth it for big models.
   */
  loadModel(versionKey: string, source: ModelSource, opts?: { transfer?: boolean }): Promise<ModelInfo>;
  /** `{predictions, warnings}` for an MLflow scoring request (object or JSON text). */
  predict(versionKey: string, request: unknown): Promise<ScoringResult>;
  /**
   * Scores typed tensors and returns typed outputs (see models/predict-tensors.ts). With `transfer`, the feeds'
   * buffers move to the worker (no copy; unusable here afterwards).
   */
  predictTensors(versionKey: string, feeds: TensorMap, opts?: { transfer?: boolean }): Promise<TensorMap>;
  /** The cached model's info; RESOURCE_DOES_NOT_EXIST when this worker has not loaded `versionKey`. */
  getModel(versionKey: string): Promise<ModelInfo>;
  /** Scores a CSV file in the worker, chunk by chunk; `onProgress` is called after each chunk. */
  scoreCsv(versionKey: string, file: Blob, opts?: BatchJobOptions, onProgress?: (p: BatchProgress) => void): Promise<BatchResult>;
  /** Stops a batch job started with the same `jobId`. */
  cancelBatch(jobId: string): Promise<void>;
  latency(versionKey: string): Promise<LatencyStats>;
  unloadModel(versionKey: string): Promise<void>;
  /** Stops the worker and frees everything it held. */
  terminate(): void;
}

function buffersOf(source: ModelSource): ArrayBuffer[] {
  const arrays = source.kind === 'folder' ? Object.values(source.files)
    : source.kind === 'onnx' ? [source.bytes] : [source.modelJson, source.weights];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/** Starts an inference worker. */
export function createInferenceClient(): InferenceClient {
  installErrorHandler();
  const worker = new Worker(new URL('./inference.worker.ts', import.meta.url), { type: 'module', name: 'flowpad-inference' });
  const remote = Comlink.wrap<InferenceApi>(worker);
  return {
    loadModel: (key, source, opts) => remote.loadModel(key, opts?.transfer ? Comlink.transfer(source, buffersOf(source)) : source),
    predict: (key, request) => remote.predict(key, request),
    getModel: (key) => remote.getModel(key),
    predictTensors: (key, feeds, opts) => remote.predictTensors(key, opts?.transfer ? Comlink.transfer(feeds, tensorBuffers(feeds)) : feeds),
    scoreCsv: (key, file, opts, onProgress) => remote.scoreCsv(key, file, opts, onProgress ? Comlink.proxy(onProgress) : undefined),
    cancelBatch: (jobId) => remote.cancelBatch(jobId),
    latency: (key) => remote.latency(key),
    unloadModel: (key) => remote.unloadModel(key),
    terminate: () => {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
