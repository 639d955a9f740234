"""Usage: pyfunc_predict.py MODEL_DIR INPUTS_JSON OUT_JSON
Loads MODEL_DIR with mlflow.pyfunc.load_model (what a Python user does with a Flowpad export) and predicts.
INPUTS_JSON is {"kind": "dataframe", "columns": [...], "data": [[...]]} (a pandas DataFrame) or
{"kind": "tensor", "dtype": "float32", "shape": [...], "data": [flat values]} (a numpy array).
OUT_JSON gets {"flavors": [...], "loader_module": ..., "type": ..., "predictions": ...}, the predictions as
`mlflow models serve` answers them (scoring_server.predictions_to_json: a DataFrame as records, …)."""
import io
import json
import sys

import mlflow.pyfunc
import numpy as np
import pandas as pd

from mlflow.pyfunc.scoring_server import predictions_to_json

from common import quiet, write_json

quiet()
model_dir, inputs_path, out_path = sys.argv[1:4]
with open(inputs_path, encoding="utf-8") as f:
    spec = json.load(f)
if spec["kind"] == "dataframe":
    data = pd.DataFrame(spec["data"], columns=spec["columns"], dtype="float64")
else:
    data = np.asarray(spec["data"], dtype=spec["dtype"]).reshape(spec["shape"])

model = mlflow.pyfunc.load_model(model_dir)
out = model.predict(data)

buf = io.StringIO()
predictions_to_json(out, buf)
write_json(out_path, {
    "loader_module": model.metadata.flavors["python_function"].get("loader_module"),
    "flavors": sorted(model.metadata.flavors),
    "type": type(out).__name__,
    "predictions": json.loads(buf.getvalue())["predictions"],
})
