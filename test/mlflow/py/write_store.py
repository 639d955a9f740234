"""Usage: write_store.py TRACKING_URI
Logs a fixed set of experiments and runs with the real MLflow: nested runs, params, metric histories with
steps and timestamps (NaN, ±Infinity, negative steps), tags (unicode, keys with '/'), artifacts, a dataset
input, a deleted run, a deleted experiment and three registered models with versions (stages, a deleted one), tags and aliases."""
import os
import sys
import tempfile

from mlflow import MlflowClient
from mlflow.entities import Dataset, DatasetInput, InputTag, Metric, Param, RunTag

from common import quiet

quiet()
uri = sys.argv[1]
c = MlflowClient(tracking_uri=uri, registry_uri=uri)
T0 = 1700000000000

e1 = c.create_experiment("interop one", tags={"team": "ml", "mlflow.note.content": "# Notes\nsecond line"})
e2 = c.create_experiment("interop two")
parent = c.create_run(e1, run_name="parent", start_time=T0, tags={"stage": "dev", "path/like/key": "x"})
pid = parent.info.run_id
c.log_batch(pid, params=[Param("lr", "0.01"), Param("layers", "[64, 32]"), Param("long", "p" * 5000)])
ms = [Metric("loss", 1.0 / (i + 1), T0 + i * 10, i) for i in range(60)]
ms += [
    Metric("loss", float("nan"), T0 + 1000, 60),
    Metric("acc", float("inf"), T0 + 1000, 0),
    Metric("acc", float("-inf"), T0 + 1001, 1),
    Metric("acc", 0.25, T0 + 1001, 1),
    Metric("system/cpu_utilization_percentage", 12.5, T0 + 1000, 0),
    Metric("tiny", 1e-7, T0 + 1000, -3),
    Metric("huge", 1e300, T0 + 1000, 0),
    Metric("all nan", float("nan"), T0 + 1000, 0),
]
c.log_batch(pid, metrics=ms, tags=[RunTag("unicode", "héllo ✓ 日本")])
c.log_text(pid, "hello\n", "notes/readme.txt")
c.log_dict(pid, {"a": 1, "b": [1, 2]}, "config.json")
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "weights.bin")
    with open(p, "wb") as f:
        f.write(bytes(range(256)))
    c.log_artifact(pid, p, "model")
c.log_inputs(pid, [DatasetInput(
    Dataset("train", "abc123", "local", '{"uri": "/data/train.csv"}', '{"cols": ["a"]}', '{"rows": 2}'),
    [InputTag("mlflow.data.context", "training")],
)])
for k, status in enumerate(["FINISHED", "FAILED", "KILLED"]):
    ch = c.create_run(e1, run_name=f"child-{k}", start_time=T0 + 100 + k, tags={"mlflow.parentRunId": pid})
    c.log_metric(ch.info.run_id, "loss", 0.5 - k / 10, timestamp=T0 + 200 + k, step=k)
    c.log_param(ch.info.run_id, "k", str(k))
    c.set_terminated(ch.info.run_id, status, end_time=T0 + 300 + k)
    if k == 2:
        c.delete_run(ch.info.run_id)
c.set_terminated(pid, "FINISHED", end_time=T0 + 5000)
running = c.create_run(e2, start_time=T0 + 7)
c.log_metric(running.info.run_id, "m", 3.0, timestamp=T0 + 8)
e3 = c.create_experiment("interop gone")
gone = c.create_run(e3, run_name="in deleted experiment", start_time=T0 + 9)
c.log_param(gone.info.run_id, "x", "1")
c.delete_experiment(e3)

c.create_registered_model("interop-model", tags={"task": "regression"}, description="a model")
v1 = c.create_model_version("interop-model", f"runs:/{pid}/model", run_id=pid, tags={"v": "1"}, description="first")
c.create_model_version("interop-model", f"runs:/{pid}/model", run_id=pid)
c.set_registered_model_alias("interop-model", "champion", v1.version)
# More versions with stages (one archived by a later promotion), tags, aliases, a deleted version and a
# source outside any run; a second model with unicode, tags, a description and no run link.
v3 = c.create_model_version("interop-model", f"runs:/{pid}/model", run_id=pid, tags={"v": "3", "k/slash": "ü"})
c.transition_model_version_stage("interop-model", v1.version, "Production")
c.transition_model_version_stage("interop-model", "2", "Staging")
c.transition_model_version_stage("interop-model", v3.version, "Production", archive_existing_versions=True)
c.set_registered_model_alias("interop-model", "challenger", "2")
c.set_registered_model_alias("interop-model", "newest", v3.version)
c.update_model_version("interop-model", "2", description="second, in staging")
v4 = c.create_model_version("interop-model", f"runs:/{pid}/model", run_id=pid)
c.delete_model_version("interop-model", v4.version)
c.set_registered_model_tag("interop-model", "owner", "team ✓")
c.create_registered_model("second model ü", description="multi\nline")
c.create_model_version("second model ü", "s3://bucket/models/elsewhere", tags={"origin": "external"})
c.create_model_version("second model ü", "/local/path/model", description="no run")
c.transition_model_version_stage("second model ü", "2", "Archived")
c.set_registered_model_alias("second model ü", "prod", "1")
c.set_model_version_tag("second model ü", "1", "stage-note", "")
# An MLflow 3 LoggedModel with files, registered by its models:/m-… URI.
lm = c.create_logged_model(e1, name="logged", source_run_id=pid)
with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, "MLmodel"), "w") as f:
        f.write("artifact_path: logged\nflavors: {}\n")
    with open(os.path.join(d, "weights.bin"), "wb") as f:
        f.write(bytes(range(16)))
    c.log_model_artifacts(lm.model_id, d)
c.create_model_version("second model ü", f"models:/{lm.model_id}", run_id=pid, model_id=lm.model_id)
c.create_registered_model("untouched")
print(e1, e2, e3, pid)
