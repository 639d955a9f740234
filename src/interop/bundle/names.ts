/** A registered model name from a file or folder name: MLflow forbids '/' and ':' and names that are not normal paths. */
export function defaultModelName(from: string): string {
  const stem = from.replace(/^.*[/\\]/, '').replace(/\.(zip|onnx)$/i, '').replace(/[/:]/g, '_').trim();
  return /^\.*$/.test(stem) ? 'imported-model' : stem;
}
