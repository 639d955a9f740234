"""Helpers shared by the interop scripts: JSON that keeps NaN/Infinity apart, and a full dump of a store
as MlflowClient reports it (the oracle the TypeScript tests compare Flowpad against)."""
import base64
import json
import math
import os
import tempfile

from mlflow import MlflowClient
from mlflow.entities import ViewType


def num(x):
    """Floats as JSON: non-finite values become the strings MLflow's REST API uses."""
    if isinstance(x, float) and math.isnan(x):
        return "NaN"
    if isinstance(x, float) and math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def write_json(path, data):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, sort_keys=True, indent=1, allow_nan=False)


def _artifacts(client, run_id, path=None):
    out = {}
    for f in client.list_artifacts(run_id, path):
        if f.is_dir:
            out.update(_artifacts(client, run_id, f.path))
        else:
            with tempfile.TemporaryDirectory() as d:
                local = client.download_artifacts(run_id, f.path, d)
                with open(local, "rb") as fh:
                    out[f.path] = base64.b64encode(fh.read()).decode("ascii")
    return out


def dump_run(client, run, with_artifacts=True):
    i = run.info
    history = {
        k: [[m.timestamp, num(m.value), m.step] for m in client.get_metric_history(i.run_id, k)]
        for k in run.data.metrics
    }
    inputs = []
    for d in (run.inputs.dataset_inputs if run.inputs else []):
        ds = d.dataset
        inputs.append({
            "name": ds.name, "digest": ds.digest, "source_type": ds.source_type, "source": ds.source,
            "schema": ds.schema, "profile": ds.profile, "tags": {t.key: t.value for t in d.tags},
        })
    return {
        "info": {
            "run_id": i.run_id, "run_name": i.run_name, "experiment_id": i.experiment_id, "user_id": i.user_id,
            "status": i.status, "start_time": i.start_time, "end_time": i.end_time, "artifact_uri": i.artifact_uri,
            "lifecycle_stage": i.lifecycle_stage,
        },
        "params": dict(run.data.params),
        "tags": dict(run.data.tags),
        "metrics": {k: num(v) for k, v in run.data.metrics.items()},
        "history": history,
        "inputs": sorted(inputs, key=lambda x: (x["name"], x["digest"])),
        "artifacts": _artifacts(client, i.run_id) if with_artifacts else {},
    }


def dump_registry(client):
    out = []
    for rm in client.search_registered_models(max_results=1000):
        versions = client.search_model_versions(f"name = '{rm.name}'")
        out.append({
            "name": rm.name, "creation_timestamp": rm.creation_timestamp,
            "last_updated_timestamp": rm.last_updated_timestamp, "description": rm.description,
            "tags": dict(rm.tags), "aliases": {k: int(v) for k, v in rm.aliases.items()},
            "versions": sorted([{
                "version": int(v.version), "creation_timestamp": v.creation_timestamp,
                "last_updated_timestamp": v.last_updated_timestamp, "current_stage": v.current_stage,
                "description": v.description, "source": v.source, "run_id": v.run_id, "status": v.status,
                "tags": dict(v.tags),
            } for v in versions], key=lambda v: v["version"]),
        })
    return sorted(out, key=lambda m: m["name"])


def dump_store(uri, with_artifacts=True, registry=True):
    client = MlflowClient(tracking_uri=uri, registry_uri=uri)
    exps = client.search_experiments(view_type=ViewType.ALL, max_results=50000)
    out = {"experiments": [], "runs": [], "registered_models": dump_registry(client) if registry else []}
    for e in sorted(exps, key=lambda e: e.experiment_id):
        out["experiments"].append({
            "experiment_id": e.experiment_id, "name": e.name, "artifact_location": e.artifact_location,
            "lifecycle_stage": e.lifecycle_stage, "creation_time": e.creation_time,
            "last_update_time": e.last_update_time, "tags": dict(e.tags),
        })
        runs = client.search_runs([e.experiment_id], run_view_type=ViewType.ALL, max_results=50000)
        out["runs"] += [dump_run(client, r, with_artifacts) for r in runs]
    out["runs"].sort(key=lambda r: r["info"]["run_id"])
    return out


def quiet():
    os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
    import logging
    import warnings
    warnings.filterwarnings("ignore")
    logging.getLogger("mlflow").setLevel(logging.ERROR)
    logging.getLogger("alembic").setLevel(logging.ERROR)
