"""Usage: save_onnx_models.py OUT_DIR ONNX_FIXTURE_DIR
Saves ONNX models with the real MLflow (`mlflow.onnx.save_model`, MLflow's defaults, with a signature and an input
example), as a Python user would before moving them to Flowpad:
  iris-zipmap     a scikit-learn pipeline (StandardScaler + LogisticRegression on Iris) converted by skl2onnx,
                  with its ZipMap (probabilities as a list of {class: probability});
  iris-nozipmap   the same pipeline converted with options={'zipmap': False} (probabilities as a float tensor);
  tf-mult-f32/64  the multi-input fixtures (two named [10] tensors, float32 / float64), loaded with onnx.load.
Each folder is zipped to OUT_DIR/<name>.zip (the files at the zip's root for the first two, under the folder's
name for the others: both ways users zip a folder). OUT_DIR/expected.json holds, per model, the request (MLflow's
scoring JSON, `inputs`), onnxruntime's raw outputs for it, and the answer of MLflow's pyfunc for the same inputs as
`mlflow models serve` gives it (scoring_server.predictions_to_json)."""
import io
import json
import os
import sys
import zipfile

import mlflow.onnx
import mlflow.pyfunc
import numpy as np
import onnx
import onnxruntime as ort
from mlflow.models import infer_signature
from mlflow.pyfunc.scoring_server import predictions_to_json
from skl2onnx import to_onnx
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from common import quiet, write_json

quiet()
out_dir, fixtures = sys.argv[1:3]

X, y = load_iris(return_X_y=True)
X = X.astype(np.float32)
pipe = make_pipeline(StandardScaler(), LogisticRegression(max_iter=500)).fit(X, y)
# Ten fixed rows across the three classes, and two off-distribution ones.
iris_rows = np.concatenate([X[[0, 7, 25, 50, 63, 77, 100, 119, 138, 149]], np.array([[9.5, 1.0, 0.2, 4.0], [0, 0, 0, 0]], np.float32)])
mult = np.arange(10, dtype=np.float64) - 3.5

models = {
    "iris-zipmap": (to_onnx(pipe, X[:1], target_opset=15), {"X": iris_rows}),
    "iris-nozipmap": (to_onnx(pipe, X[:1], target_opset=15, options={"zipmap": False}), {"X": iris_rows}),
    "tf-mult-f32": (onnx.load(os.path.join(fixtures, "tf_model_multiple_inputs_float32.onnx")),
                    {"first_input:0": mult.astype(np.float32), "second_input:0": (mult * 1.25 + 0.1).astype(np.float32)}),
    "tf-mult-f64": (onnx.load(os.path.join(fixtures, "tf_model_multiple_inputs_float64.onnx")),
                    {"first_input:0": mult, "second_input:0": mult * 1.25 + 0.1}),
}


def zip_folder(folder, zip_path, prefix):
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as z:
        for root, _, files in os.walk(folder):
            for f in sorted(files):
                full = os.path.join(root, f)
                z.write(full, os.path.join(prefix, os.path.relpath(full, folder)))


def plain(v):
    return np.asarray(v).tolist() if not isinstance(v, list) else [dict((str(k), float(p)) for k, p in m.items()) for m in v]


expected = {}
for name, (model, feeds) in models.items():
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    raw = session.run(None, feeds)
    raw_out = {o.name: plain(v) for o, v in zip(session.get_outputs(), raw)}
    single = len(feeds) == 1
    example = next(iter(feeds.values()))[:3] if single else {k: v for k, v in feeds.items()}
    pyfunc_input = next(iter(feeds.values())) if single else feeds
    path = os.path.join(out_dir, name)
    tensor_outputs = {o.name: v for o, v in zip(session.get_outputs(), raw) if isinstance(v, np.ndarray)}
    mlflow.onnx.save_model(model, path, signature=infer_signature(pyfunc_input, tensor_outputs), input_example=example)
    pyfunc = mlflow.pyfunc.load_model(path)
    buf = io.StringIO()
    predictions_to_json(pyfunc.predict(pyfunc_input), buf)
    request = {"inputs": pyfunc_input.tolist() if single else {k: v.tolist() for k, v in feeds.items()}}
    expected[name] = {
        "request": request,
        "onnxruntime": raw_out,
        "pyfunc": json.loads(buf.getvalue())["predictions"],
        "mlmodel": open(os.path.join(path, "MLmodel"), encoding="utf-8").read(),
    }
    zip_folder(path, os.path.join(out_dir, f"{name}.zip"), "" if name.startswith("iris") else name)
write_json(os.path.join(out_dir, "expected.json"), expected)
