/**
 * Choosing the TF.js backend by capability and speed: WebGPU → WebGL → WASM → CPU.
 *
 * A GPU backend is chosen automatically only on a hardware GPU: on a software rasteriser (SwiftShader,
 * llvmpipe — every headless CI browser) WebGPU trains ~14× and WebGL ~2× slower than the CPU backend, and WASM
 * ~3.5× faster (docs: PLATFORM.md §4). A backend must also have the gradient kernels the model needs: TF.js's
 * WASM backend has no `Conv2DBackpropFilter`, so it cannot train a CNN. A forced backend that cannot start or
 * lacks a kernel is an error, not a silent fallback.
 * Which backends exist is up to the caller's imports (the worker registers wasm and webgpu).
 */
import * as tf from '@tensorflow/tfjs';
import { invalidParam } from '../../../core/errors';
import { BACKENDS, type BackendChoice, type BackendName, type BackendNeeds, type BackendProbe } from './options';

export type { BackendNeeds, BackendProbe };


/** Gradient kernels of Conv2D and MaxPooling2D. */
export const CONV_TRAINING_KERNELS = ['Conv2DBackpropFilter', 'Conv2DBackpropInput', 'MaxPoolGrad'];
const trainsConv = (b: BackendName): boolean => CONV_TRAINING_KERNELS.every((k) => tf.getKernel(k, b) !== undefined);

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; isFallbackAdapter?: boolean };
}

async function probeWebGpu(): Promise<BackendProbe> {
  const gpu = (globalThis.navigator as { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } } | undefined)?.gpu;
  const no = (detail: string): BackendProbe => ({ name: 'webgpu', available: false, hardware: false, detail, trainsConv: false });
  if (!gpu) return no('this browser has no WebGPU');
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (!adapter) return no('no WebGPU adapter');
  const fallback = adapter.isFallbackAdapter ?? adapter.info?.isFallbackAdapter ?? false;
  const detail = [adapter.info?.vendor, adapter.info?.architecture].filter(Boolean).join(' ') || 'adapter';
  return { name: 'webgpu', available: true, hardware: !fallback, detail: fallback ? `${detail} (software fallback)` : detail, trainsConv: trainsConv('webgpu') };
}

function probeWebGl(): BackendProbe {
  const no = (detail: string): BackendProbe => ({ name: 'webgl', available: false, hardware: false, detail, trainsConv: false });
  if (typeof OffscreenCanvas === 'undefined') return no('no OffscreenCanvas');
  const canvas = new OffscreenCanvas(1, 1);
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
  if (!gl) return no('no WebGL context');
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return { name: 'webgl', available: true, hardware: !SOFTWARE_RENDERER.test(renderer), detail: renderer, trainsConv: trainsConv('webgl') };
}

/** Probes every backend registered with tf, in preference order. */
export async function probeBackends(): Promise<BackendProbe[]> {
  const out: BackendProbe[] = [];
  for (const name of BACKENDS) {
    if (!tf.findBackendFactory(name)) {
      out.push({ name, available: false, hardware: false, detail: 'not included in this build', trainsConv: false });
    } else if (name === 'webgpu') out.push(await probeWebGpu());
    else if (name === 'webgl') out.push(probeWebGl());
    else out.push({ name, available: true, hardware: false, detail: name === 'wasm' ? 'WebAssembly (SIMD when supported)' : 'plain JavaScript', trainsConv: trainsConv(name) });
  }
  return out;
}

/** Sets tf's backend: `auto` takes the first hardware GPU backend, else WASM, else CPU, that can train the model. */
export async function selectBackend(choice: BackendChoice, needs: BackendNeeds = { conv: false }): Promise<{ backend: BackendName; reason: string }> {
  const probes = await probeBackends();
  if (choice !== 'auto') {
    const p = probes.find((x) => x.name === choice);
    if (!p) throw invalidParam(`Unknown backend '${choice}'; choose auto or one of ${BACKENDS.join(', ')}.`);
    if (needs.conv && p.available && !p.trainsConv) {
      throw invalidParam(`The ${choice} backend cannot train convolutional layers (TF.js has no ${CONV_TRAINING_KERNELS.filter((k) => !tf.getKernel(k, choice)).join(', ')} kernel for it). Choose Auto, CPU or WebGL.`);
    }
    if (!p.available || !(await tf.setBackend(choice))) {
      throw invalidParam(`The ${choice} backend is not available in this browser (${p.available ? 'it failed to start' : p.detail}). Choose another backend.`);
    }
    return { backend: choice, reason: `chosen by the user (${p.detail})` };
  }
  const skipped: string[] = [];
  for (const p of probes) {
    const gpu = p.name === 'webgpu' || p.name === 'webgl';
    if (!p.available || (gpu && !p.hardware) || (needs.conv && !p.trainsConv)) {
      skipped.push(`${p.name}: ${!p.available || (gpu && !p.hardware) ? p.detail : 'cannot train conv layers'}`);
      continue;
    }
    if (await tf.setBackend(p.name)) {
      return { backend: p.name, reason: skipped.length ? `auto; skipped ${skipped.join('; ')}` : `auto (${p.detail})` };
    }
    skipped.push(`${p.name}: failed to start`);
  }
  throw invalidParam(`No TF.js backend could start here (${skipped.join('; ')}).`);
}
