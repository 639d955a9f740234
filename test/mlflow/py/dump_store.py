"""Usage: dump_store.py TRACKING_URI OUT_JSON [--no-artifacts] [--no-registry]
Writes everything MlflowClient reports about the store (see common.dump_store) as JSON."""
import sys

from common import dump_store, quiet, write_json

quiet()
args = sys.argv[1:]
write_json(args[1], dump_store(args[0], "--no-artifacts" not in args, "--no-registry" not in args))
