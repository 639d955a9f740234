/**
 * The inference worker: ONNX Runtime Web and TF.js behind Comlink. Runtimes load lazily with the first model
 * of their flavor (separate chunks), so the worker starts small.
 */
import * as Comlink from 'comlink';
import { installErrorHandler } from './error-handler';
import { makeInferenceApi } from './inference-api';

installErrorHandler();

const isolated = (self as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
const api = makeInferenceApi({
  onnx: { numThreads: isolated ? 2 : 1 },
  tfjs: { backend: 'wasm' },
});

// ORT's pthread workers (named 'em-pthread') re-load the chunk holding onnxruntime; they must not answer RPCs.
if ((self as { name?: string }).name !== 'em-pthread') Comlink.expose(api);
