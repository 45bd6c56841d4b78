#!/usr/bin/env bash
# One command on a fresh machine: make .venv, install factwire, extract the bundled seed page.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet .
exec .venv/bin/factwire extract examples/seed-drones.txt --published 2022-11-19 --format text "$@"
