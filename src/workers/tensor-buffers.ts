import type { TensorMap } from '../models/tensor';

/** The distinct ArrayBuffers behind a map of typed tensors (string tensors have none), for `Comlink.transfer`. */
export function tensorBuffers(tensors: TensorMap): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const t of Object.values(tensors)) if (ArrayBuffer.isView(t.data)) out.add(t.data.buffer as ArrayBuffer);
  return [...out];
}
