/** Explanations shown with an ONNX model whose outputs onnxruntime-web cannot return. */

/**
 * The note for non-tensor outputs (sequences and maps, typically skl2onnx's ZipMap for classifier
 * probabilities): which outputs are left out, that tensor outputs still work, and how to re-export.
 */
export function nonTensorNote(outputs: readonly string[]): string {
  const names = outputs.map((n) => `'${n}'`).join(', ');
  const plural = outputs.length > 1;
  return (
    `Output${plural ? 's' : ''} ${names} ${plural ? 'are' : 'is'} not a tensor (a sequence or map, such as the ZipMap ` +
    'that skl2onnx puts after classifiers), and onnxruntime-web can only return tensors, so predictions leave ' +
    `${plural ? 'them' : 'it'} out; the model's tensor outputs still work. To get class probabilities as a float ` +
    "tensor, convert the model again without ZipMap: skl2onnx `to_onnx(model, X, options={'zipmap': False})` " +
    "(or `convert_sklearn(model, initial_types=..., options={id(model): {'zipmap': False}})`)."
  );
}
