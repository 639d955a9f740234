/**
 * The inference worker: ONNX Runtime Web and TF.js behind Comlink. Runtimes load lazily with the first model
 * of their flavor (separate chunks), so the worker starts small.
 */
import * as Comlink from 'comlink';
import { installErrorHandler } from './error-handler';
import { makeInferenceApi } from './inference-api';
import { tensorBuffers } from './tensor-buffers';

installErrorHandler();

const isolated = (self as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
const api = makeInferenceApi({
  onnx: { numThreads: isolated ? 2 : 1 },
  tfjs: { backend: 'wasm' },
});

/** Typed outputs go back transferred, not copied. */
const exposed: typeof api = {
  ...api,
  async predictTensors(key, feeds) {
    const out = await api.predictTensors(key, feeds);
    return Comlink.transfer(out, tensorBuffers(out));
  },
};

// ORT's pthread workers (named 'em-pthread') re-load the chunk holding onnxruntime; they must not answer RPCs.
if ((self as { name?: string }).name !== 'em-pthread') Comlink.expose(exposed);
