import { describe, expect, it } from 'vitest';
import { autoBackend, type BackendProbe } from './options';

const probe = (name: BackendProbe['name'], o: Partial<BackendProbe> = {}): BackendProbe =>
  ({ name, available: true, hardware: false, detail: '', trainsConv: true, ...o });

describe('autoBackend', () => {
  it('prefers a hardware GPU, skips software ones, then WASM, then CPU', () => {
    expect(autoBackend([probe('webgpu', { hardware: true }), probe('webgl', { hardware: true }), probe('wasm'), probe('cpu')], { conv: false })?.name).toBe('webgpu');
    expect(autoBackend([probe('webgpu', { available: false }), probe('webgl'), probe('wasm'), probe('cpu')], { conv: false })?.name).toBe('wasm');
  });

  it('skips a backend that cannot train conv layers when the model has them (TF.js WASM lacks Conv2DBackpropFilter)', () => {
    const probes = [probe('webgpu', { available: false }), probe('webgl'), probe('wasm', { trainsConv: false }), probe('cpu')];
    expect(autoBackend(probes, { conv: true })?.name).toBe('cpu');
    expect(autoBackend(probes, { conv: false })?.name).toBe('wasm');
  });
});
