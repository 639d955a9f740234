/** Explanations shown with an ONNX model whose outputs onnxruntime-web cannot return. */

/**
 * The note for non-tensor outputs other than ZipMaps (which are rebuilt, see zipmap.ts): which outputs are
 * left out, that tensor outputs still work, and what to change in the model.
 */
export function nonTensorNote(outputs: readonly string[]): string {
  const names = outputs.map((n) => `'${n}'`).join(', ');
  const plural = outputs.length > 1;
  return (
    `Output${plural ? 's' : ''} ${names} ${plural ? 'are' : 'is'} not a tensor (a sequence or a map), and onnxruntime-web ` +
    `can only return tensors, so predictions leave ${plural ? 'them' : 'it'} out; the model's tensor outputs still work. ` +
    'To get the values, export the model with tensor outputs in their place. (A ZipMap after a skl2onnx classifier is ' +
    'the exception: its {class: probability} maps are rebuilt from the probabilities tensor it reads.)'
  );
}
