/** Registry bundles: zips of MLmodel folders plus manifest.json, and the imports Flowpad accepts. */
export { restoreBundle, type RestoreOptions, type RestoredBundle } from './restore';
export { defaultModelName } from './names';
export { writeBundle, isTextEntry, type WriteBundleOptions } from './write';
export { DEFAULT_LIMITS, formatBytes, type BundleLimits } from './limits';
export { MANIFEST, BUNDLE_FORMAT_VERSION, type Manifest } from './manifest';
export { readOnnxGraphIo, signatureFromGraph, type OnnxGraphIo } from './onnx-io';
export type { Progress } from './unzip';
