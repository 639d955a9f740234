#!/usr/bin/env bash
# Creates .venv with the pinned Python packages of requirements-mlflow.txt (the real MLflow the interop
# tests compare against). Idempotent: does nothing when .venv already matches the requirements file.
# pip's own output goes to .venv-setup.log; on failure its tail is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
REQ=requirements-mlflow.txt
VENV=.venv
LOG=.venv-setup.log
STAMP="$VENV/.requirements.sha256"
PY="${PYTHON:-python3.11}"
command -v "$PY" >/dev/null 2>&1 || PY=python3

want="$(sha256sum "$REQ" | cut -d' ' -f1)"
if [ -x "$VENV/bin/python" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then
  exit 0
fi

fail() {
  echo "setup-python: $1 (pip log: $LOG)" >&2
  tail -n 30 "$LOG" >&2 || true
  exit 1
}

echo "setup-python: installing $REQ into $VENV with $("$PY" --version 2>&1) …"
start=$(date +%s)
: >"$LOG"
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV" >>"$LOG" 2>&1 || fail "could not create $VENV"
"$VENV/bin/python" -m pip install --disable-pip-version-check --upgrade pip >>"$LOG" 2>&1 || fail "pip upgrade failed"
"$VENV/bin/python" -m pip install --disable-pip-version-check -r "$REQ" >>"$LOG" 2>&1 || fail "pip install failed"
"$VENV/bin/python" -c 'import mlflow, sklearn, onnx, onnxruntime, skl2onnx' >>"$LOG" 2>&1 || fail "import check failed"
echo "$want" >"$STAMP"
echo "setup-python: done in $(( $(date +%s) - start )) s"
