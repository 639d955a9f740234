// Shared by the Node registry tests and the Playwright bad-input corpus (no imports: safe in either).

/** An MLmodel for a tiny ONNX model, as MLflow writes one (keys sorted). */
export const ONNX_MLMODEL = `flavors:
  onnx:
    code: null
    data: model.onnx
    onnx_version: 1.16.0
    providers:
    - CUDAExecutionProvider
    - CPUExecutionProvider
  python_function:
    data: model.onnx
    env:
      conda: conda.yaml
      virtualenv: python_env.yaml
    loader_module: mlflow.onnx
    python_version: 3.11.9
mlflow_version: 2.22.0
model_uuid: 0123456789abcdef0123456789abcdef
signature:
  inputs: '[{"name": "x", "type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 4]}}]'
  outputs: '[{"name": "y", "type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 1]}}]'
  params: null
utc_time_created: '2026-11-28 10:00:00.000000'
`;
