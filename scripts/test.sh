#!/usr/bin/env bash
# The test command (README, .ci/run): install factwire with its test extras into .venv, run pytest.
# Every marker (slow, browser) runs; nothing is skipped by default.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test,dask,parquet]"
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
