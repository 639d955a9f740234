"""Usage: search_diff.py SPEC_JSON CORPUS_JSON OUT_JSON [REGISTRY_JSON]   (run in an empty working directory)
Logs the spec's experiments and runs to a fresh SQLite store with the real MLflow, keeping the spec's run ids and
experiment creation times, then answers every search in the corpus with MlflowClient: the ids found, in order,
or the error code and message. REGISTRY_JSON ({"ops": [...], "corpus": [...]}) adds registry operations, each at
its own clock time, and search_registered_models / search_model_versions queries answered the same way (names,
or [name, version] pairs)."""
import json
import sys
import uuid
from unittest import mock

from mlflow import MlflowClient
from mlflow.entities import Metric, Param, RunTag, ViewType
from mlflow.entities.model_registry import ModelVersionTag, RegisteredModelTag
from mlflow.exceptions import MlflowException
import mlflow.store.model_registry.sqlalchemy_store as registry_store
import mlflow.store.tracking.sqlalchemy_store as sql_store

from common import quiet

quiet()
spec = json.load(open(sys.argv[1]))
corpus = json.load(open(sys.argv[2]))
client = MlflowClient(tracking_uri="sqlite:///search.db")
VIEWS = {"ACTIVE_ONLY": ViewType.ACTIVE_ONLY, "DELETED_ONLY": ViewType.DELETED_ONLY, "ALL": ViewType.ALL}


def num(v):
    return float(v) if isinstance(v, str) else v


client.search_experiments()  # creates the Default experiment now, outside the patched clock below
exp_ids = []
for e in spec["experiments"]:
    with mock.patch.object(sql_store, "get_current_time_millis", return_value=e["creation_time"]):
        exp_ids.append(client.create_experiment(e["name"], tags=e["tags"]))

for r in spec["runs"]:
    tags = dict(r["tags"])
    if r["parent"]:
        tags["mlflow.parentRunId"] = r["parent"]
    with mock.patch.object(uuid, "uuid4", return_value=uuid.UUID(hex=r["run_id"])):
        run = client.create_run(exp_ids[r["exp"]], start_time=r["start_time"], tags=tags, run_name=r["run_name"])
    assert run.info.run_id == r["run_id"], run.info.run_id
    metrics = [Metric(k, num(v), ts, step) for k, v, ts, step in r["metrics"]]
    client.log_batch(r["run_id"], metrics=metrics, params=[Param(k, v) for k, v in r["params"].items()])
    if r["status"] in ("FINISHED", "FAILED", "KILLED"):
        client.set_terminated(r["run_id"], r["status"], end_time=r["end_time"])
    elif r["status"] == "SCHEDULED":
        client.update_run(r["run_id"], status="SCHEDULED")
    if r["deleted"]:
        client.delete_run(r["run_id"])

def pages(q):
    """Follows page tokens with max_results = page_size; each page's ids and the token that came with it."""
    out, token = [], None
    while True:
        if q["kind"] == "runs":
            found = client.search_runs(exp_ids, filter_string=q["filter"], order_by=q["order_by"] or None,
                                       max_results=q["page_size"], page_token=token)
            ids = [x.info.run_id for x in found]
        else:
            found = client.search_experiments(filter_string=q["filter"], order_by=q["order_by"] or None,
                                              max_results=q["page_size"], page_token=token)
            ids = [x.experiment_id for x in found]
        token = found.token.decode() if isinstance(found.token, bytes) else found.token
        out.append({"ids": ids, "token": token})
        if not token:
            return {"pages": out}


results = []
for q in corpus:
    if "page_size" in q:
        results.append(pages(q))
        continue
    try:
        if q["kind"] == "runs":
            found = client.search_runs(
                exp_ids, filter_string=q["filter"], order_by=q["order_by"] or None,
                run_view_type=VIEWS[q.get("view", "ACTIVE_ONLY")], max_results=q.get("max_results", 50000),
            )
            results.append({"ids": [x.info.run_id for x in found]})
        else:
            found = client.search_experiments(
                filter_string=q["filter"], order_by=q["order_by"] or None,
                view_type=VIEWS[q.get("view", "ACTIVE_ONLY")], max_results=q.get("max_results", 50000),
            )
            results.append({"ids": [x.experiment_id for x in found]})
    except MlflowException as e:
        results.append({"error_code": e.error_code, "message": e.message})


PROMPT_TAG = "mlflow.prompt.is_prompt"
prompts = set()


def apply_op(o, run_ids):
    with mock.patch.object(registry_store, "get_current_time_millis", return_value=o["t"]):
        kind = o["op"]
        # MlflowClient refuses prompts as models; mlflow.genai.register_prompt writes them through the store.
        store = client._get_registry_client().store
        if kind == "model" and PROMPT_TAG in o["tags"]:
            prompts.add(o["name"])
            store.create_registered_model(o["name"], tags=[RegisteredModelTag(k, v) for k, v in o["tags"].items()])
        elif kind == "model":
            client.create_registered_model(o["name"], tags=o["tags"], description=o.get("description"))
        elif kind == "version" and o["name"] in prompts:
            store.create_model_version(o["name"], o["source"], tags=[ModelVersionTag(k, v) for k, v in o["tags"].items()])
        elif kind == "version":
            run_id = run_ids[o["run"]] if o["run"] is not None else None
            client.create_model_version(o["name"], o["source"], run_id=run_id, tags=o["tags"])
        elif kind == "stage":
            client.transition_model_version_stage(o["name"], str(o["version"]), o["stage"])
        elif kind == "describe_model":
            client.update_registered_model(o["name"], description=o["description"])
        elif kind == "describe_version":
            client.update_model_version(o["name"], str(o["version"]), description=o["description"])
        elif kind == "model_tag":
            client.set_registered_model_tag(o["name"], o["key"], o["value"])
        elif kind == "delete_version":
            client.delete_model_version(o["name"], str(o["version"]))
        else:
            raise ValueError(kind)


def registry_search(q, max_results, token=None):
    if q["kind"] == "models":
        found = client.search_registered_models(filter_string=q["filter"], order_by=q["order_by"] or None,
                                                max_results=max_results, page_token=token)
        return found, [m.name for m in found]
    found = client.search_model_versions(filter_string=q["filter"], order_by=q["order_by"] or None,
                                         max_results=max_results, page_token=token)
    return found, [[m.name, int(m.version)] for m in found]


def registry_results(reg):
    run_ids = [r["run_id"] for r in spec["runs"]]
    for o in reg["ops"]:
        apply_op(o, run_ids)
    out = []
    for q in reg["corpus"]:
        if "page_size" in q:
            pages, token = [], None
            while True:
                found, ids = registry_search(q, q["page_size"], token)
                token = found.token.decode() if isinstance(found.token, bytes) else found.token
                pages.append({"ids": ids, "token": token})
                if not token:
                    break
            out.append({"pages": pages})
            continue
        try:
            out.append({"ids": registry_search(q, 1000)[1]})
        except MlflowException as e:
            out.append({"error_code": e.error_code, "message": e.message})
        except Exception as e:  # MLflow's parser crashes on some malformed strings; the server answers 500
            out.append({"crash": f"{type(e).__name__}: {e}"})
    return out


registry = registry_results(json.load(open(sys.argv[4]))) if len(sys.argv) > 4 else []
json.dump({"experiment_ids": exp_ids, "results": results, "registry": registry}, open(sys.argv[3], "w"), ensure_ascii=False)
