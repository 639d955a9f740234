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
