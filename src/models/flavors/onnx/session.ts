/**
 * onnxruntime-web behind plain data: create a session from bytes (wasm execution provider, the 14 MB
 * `onnxruntime-web/wasm` build — see PLATFORM.md §5), describe its inputs and outputs, run it.
 * This folder is the only place that imports onnxruntime-web.
 */
import * as ort from 'onnxruntime-web/wasm';
import { MlflowError, invalidParam } from '../../../core/errors';
import type { ModelIO, Tensor, TensorDtype, TensorMap } from '../../tensor';

/** Runtime knobs, set once per worker before the first session (ORT initialises its wasm only once). */
export interface OrtConfig {
  /** wasm threads; >1 needs a cross-origin-isolated page. Default: 2 when isolated, else 1. */
  numThreads?: number;
  /** Override where the .wasm file is fetched from (normally Vite rewrites the bundle's own URL). */
  wasmPath?: string;
}

let configured = false;

/** Applies {@link OrtConfig}; later calls after a session exists have no effect, as in onnxruntime itself. */
export function configureOnnxRuntime(c: OrtConfig = {}): void {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  ort.env.wasm.numThreads = c.numThreads ?? (isolated ? 2 : 1);
  if (c.wasmPath) ort.env.wasm.wasmPaths = { wasm: c.wasmPath };
  configured = true;
}

/**
 * Threads ORT really runs with: after the first session, `env.wasm.numThreads` holds the count it settled on
 * (it drops to 1 when the page is not cross-origin isolated); before, the count it will try.
 */
export function ortThreads(): number {
  return ort.env.wasm.numThreads ?? 1;
}

/** External data files of a model saved with `save_as_external_data=True`, by their relative path. */
export type ExternalData = { path: string; data: Uint8Array }[];

/** Creates a session. Bytes that aren't a loadable ONNX model → INVALID_PARAMETER_VALUE with ORT's reason. */
export async function createSession(bytes: Uint8Array, externalData: ExternalData = []): Promise<ort.InferenceSession> {
  if (!configured) configureOnnxRuntime();
  try {
    return await ort.InferenceSession.create(bytes, {
      executionProviders: ['wasm'],
      graphOptimizationLevel: 'all',
      ...(externalData.length ? { externalData } : {}),
    });
  } catch (e) {
    throw invalidParam(`Could not load the ONNX model: ${(e as Error).message ?? String(e)}`);
  }
}

const DIM_UNKNOWN = 2 ** 32 - 1;

/** Graph value metadata → ModelIO (symbolic and unknown dimensions become -1); null for non-tensors. */
function toModelIO(m: ort.InferenceSession.ValueMetadata): ModelIO | null {
  if (!m.isTensor) return null;
  const shape = m.shape.map((d) => (typeof d === 'number' && d >= 0 && d !== DIM_UNKNOWN ? d : -1));
  return { name: m.name, dtype: m.type as TensorDtype, shape };
}

/** The session's tensor inputs and outputs, and the names of outputs that aren't tensors. */
export function describeSession(s: ort.InferenceSession): { inputs: ModelIO[]; outputs: ModelIO[]; nonTensorOutputs: string[]; nonTensorInputs: string[] } {
  const ins = s.inputMetadata.map((m) => [m.name, toModelIO(m)] as const);
  const outs = s.outputMetadata.map((m) => [m.name, toModelIO(m)] as const);
  return {
    inputs: ins.flatMap(([, io]) => (io ? [io] : [])),
    nonTensorInputs: ins.filter(([, io]) => !io).map(([n]) => n),
    outputs: outs.flatMap(([, io]) => (io ? [io] : [])),
    nonTensorOutputs: outs.filter(([, io]) => !io).map(([n]) => n),
  };
}

/** Runs the session, fetching only `outputNames` (tensor outputs), and returns plain tensors. */
export async function runSession(s: ort.InferenceSession, feeds: TensorMap, outputNames: string[]): Promise<TensorMap> {
  const ortFeeds: Record<string, ort.Tensor> = {};
  for (const [name, t] of Object.entries(feeds)) {
    ortFeeds[name] = new ort.Tensor(t.dtype, t.data as never, t.shape);
  }
  let results: ort.InferenceSession.ReturnType;
  try {
    results = await s.run(ortFeeds, outputNames);
  } catch (e) {
    throw new MlflowError('BAD_REQUEST', `Encountered an unexpected error while evaluating the model: ${(e as Error).message ?? String(e)}`);
  }
  const out: TensorMap = {};
  for (const name of outputNames) {
    const r = results[name];
    const t: Tensor = { dtype: r.type as TensorDtype, shape: [...r.dims], data: r.data as Tensor['data'] };
    out[name] = t;
    r.dispose();
  }
  return out;
}

/** Releases the session's wasm memory. */
export async function releaseSession(s: ort.InferenceSession): Promise<void> {
  await s.release();
}
