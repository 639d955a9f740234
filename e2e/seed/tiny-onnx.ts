/**
 * A tiny ONNX model built byte by byte (onnx.proto field numbers): Y = Relu(X·W + B), X float32[N, inputs],
 * opset 13. Enough for a registry journey; the weights are fixed so runs are reproducible.
 */
const varint = (n: number): number[] => {
  const b: number[] = [];
  while (n > 127) {
    b.push((n & 127) | 128);
    n = Math.floor(n / 128);
  }
  b.push(n);
  return b;
};
const bytes = (field: number, b: ArrayLike<number>): number[] => [...varint((field << 3) | 2), ...varint(b.length), ...Array.from(b)];
const int = (field: number, v: number): number[] => [...varint(field << 3), ...varint(v)];
const str = (field: number, s: string): number[] => bytes(field, new TextEncoder().encode(s));

const dim = (d: number | string): number[] => (typeof d === 'string' ? str(2, d) : int(1, d));
const tensorType = (dims: (number | string)[]): number[] => bytes(1, [...int(1, 1), ...bytes(2, dims.flatMap((d) => bytes(1, dim(d))))]);
const valueInfo = (name: string, dims: (number | string)[]): number[] => [...str(1, name), ...bytes(2, tensorType(dims))];
const tensor = (name: string, dims: number[], values: Float32Array): number[] =>
  [...dims.flatMap((d) => int(1, d)), ...int(2, 1), ...str(8, name), ...bytes(9, new Uint8Array(values.buffer))];
const node = (op: string, ins: string[], outs: string[], name: string): number[] =>
  [...ins.flatMap((s) => str(1, s)), ...outs.flatMap((s) => str(2, s)), ...str(3, name), ...str(4, op)];

/** The model's bytes; input `features` [N, inputs], output `scores` [N, outputs]. */
export function denseReluOnnx(inputs: number, outputs: number): Uint8Array {
  const w = Float32Array.from({ length: inputs * outputs }, (_, i) => ((i * 37) % 11) / 10 - 0.5);
  const b = Float32Array.from({ length: outputs }, (_, i) => i / 10);
  const graph = [
    ...bytes(1, node('MatMul', ['features', 'W'], ['XW'], 'matmul')),
    ...bytes(1, node('Add', ['XW', 'B'], ['XWB'], 'add')),
    ...bytes(1, node('Relu', ['XWB'], ['scores'], 'relu')),
    ...str(2, 'dense_relu'),
    ...bytes(5, tensor('W', [inputs, outputs], w)),
    ...bytes(5, tensor('B', [outputs], b)),
    ...bytes(11, valueInfo('features', ['N', inputs])),
    ...bytes(12, valueInfo('scores', ['N', outputs])),
  ];
  return Uint8Array.from([...int(1, 8), ...str(2, 'flowpad-e2e'), ...bytes(7, graph), ...bytes(8, [...str(1, ''), ...int(2, 13)])]);
}
