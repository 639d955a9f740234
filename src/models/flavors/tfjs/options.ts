/**
 * The trainer's vocabulary — activations, optimizers, backends — without importing TF.js, so forms and
 * validation on the main thread can use it while TF.js stays in the worker.
 */
export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'elu' | 'selu';
export type OptimizerName = 'adam' | 'sgd' | 'rmsprop' | 'adagrad';
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export type BackendChoice = 'auto' | BackendName;

export const ACTIVATIONS: readonly Activation[] = ['relu', 'tanh', 'sigmoid', 'elu', 'selu'];
export const OPTIMIZERS: readonly OptimizerName[] = ['adam', 'sgd', 'rmsprop', 'adagrad'];
/** In automatic preference order. */
export const BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** What a probe found: whether the backend can run here, whether a real GPU is behind it, what it can train. */
export interface BackendProbe {
  name: BackendName;
  available: boolean;
  hardware: boolean;
  detail: string;
  /** Has every kernel that training a conv + max-pool layer needs. */
  trainsConv: boolean;
}

/** What the model to train needs from a backend. */
export interface BackendNeeds {
  /** The model has Conv2D / MaxPooling2D layers. */
  conv: boolean;
}

/** The backend `auto` picks from these probes: the first hardware GPU backend, else WASM, else CPU, among those that can train the model. */
export function autoBackend(probes: BackendProbe[], needs: BackendNeeds): BackendProbe | undefined {
  return probes.find((p) => p.available && (p.hardware || p.name === 'wasm' || p.name === 'cpu') && (!needs.conv || p.trainsConv));
}

