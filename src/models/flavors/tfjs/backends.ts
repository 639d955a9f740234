/**
 * Choosing the TF.js backend by capability and speed: WebGPU → WebGL → WASM → CPU.
 *
 * A GPU backend is chosen automatically only on a hardware GPU: on a software rasteriser (SwiftShader,
 * llvmpipe — every headless CI browser) WebGPU trains ~14× and WebGL ~2× slower than the CPU backend, and WASM
 * ~3.5× faster (docs: PLATFORM.md §4). A forced backend that cannot start is an error, not a silent fallback.
 * Which backends exist is up to the caller's imports (the worker registers wasm and webgpu).
 */
import * as tf from '@tensorflow/tfjs';
import { invalidParam } from '../../../core/errors';
import { BACKENDS, type BackendChoice, type BackendName } from './options';


/** What a probe found: whether the backend can run here and whether a real GPU is behind it. */
export interface BackendProbe {
  name: BackendName;
  available: boolean;
  hardware: boolean;
  detail: string;
}

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; isFallbackAdapter?: boolean };
}

async function probeWebGpu(): Promise<BackendProbe> {
  const gpu = (globalThis.navigator as { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } } | undefined)?.gpu;
  const no = (detail: string): BackendProbe => ({ name: 'webgpu', available: false, hardware: false, detail });
  if (!gpu) return no('this browser has no WebGPU');
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (!adapter) return no('no WebGPU adapter');
  const fallback = adapter.isFallbackAdapter ?? adapter.info?.isFallbackAdapter ?? false;
  const detail = [adapter.info?.vendor, adapter.info?.architecture].filter(Boolean).join(' ') || 'adapter';
  return { name: 'webgpu', available: true, hardware: !fallback, detail: fallback ? `${detail} (software fallback)` : detail };
}

function probeWebGl(): BackendProbe {
  const no = (detail: string): BackendProbe => ({ name: 'webgl', available: false, hardware: false, detail });
  if (typeof OffscreenCanvas === 'undefined') return no('no OffscreenCanvas');
  const canvas = new OffscreenCanvas(1, 1);
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
  if (!gl) return no('no WebGL context');
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return { name: 'webgl', available: true, hardware: !SOFTWARE_RENDERER.test(renderer), detail: renderer };
}

/** Probes every backend registered with tf, in preference order. */
export async function probeBackends(): Promise<BackendProbe[]> {
  const out: BackendProbe[] = [];
  for (const name of BACKENDS) {
    if (!tf.findBackendFactory(name)) {
      out.push({ name, available: false, hardware: false, detail: 'not included in this build' });
    } else if (name === 'webgpu') out.push(await probeWebGpu());
    else if (name === 'webgl') out.push(probeWebGl());
    else out.push({ name, available: true, hardware: false, detail: name === 'wasm' ? 'WebAssembly (SIMD when supported)' : 'plain JavaScript' });
  }
  return out;
}

/** Sets tf's backend: `auto` takes the first hardware GPU backend, else WASM, else CPU. */
export async function selectBackend(choice: BackendChoice): Promise<{ backend: BackendName; reason: string }> {
  const probes = await probeBackends();
  if (choice !== 'auto') {
    const p = probes.find((x) => x.name === choice);
    if (!p) throw invalidParam(`Unknown backend '${choice}'; choose auto or one of ${BACKENDS.join(', ')}.`);
    if (!p.available || !(await tf.setBackend(choice))) {
      throw invalidParam(`The ${choice} backend is not available in this browser (${p.available ? 'it failed to start' : p.detail}). Choose another backend.`);
    }
    return { backend: choice, reason: `chosen by the user (${p.detail})` };
  }
  const skipped: string[] = [];
  for (const p of probes) {
    const gpu = p.name === 'webgpu' || p.name === 'webgl';
    if (!p.available || (gpu && !p.hardware)) {
      skipped.push(`${p.name}: ${p.detail}`);
      continue;
    }
    if (await tf.setBackend(p.name)) {
      return { backend: p.name, reason: skipped.length ? `auto; skipped ${skipped.join('; ')}` : `auto (${p.detail})` };
    }
    skipped.push(`${p.name}: failed to start`);
  }
  throw invalidParam(`No TF.js backend could start here (${skipped.join('; ')}).`);
}
