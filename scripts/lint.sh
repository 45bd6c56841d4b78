#!/usr/bin/env bash
# Lint and type checks (CI runs them after the tests, see .ci/run): ruff over src, tests and
# bench, mypy over the files listed in pyproject.toml's [tool.mypy] (records, pipeline, corpus,
# export).  Needs the test extras (./scripts/test.sh installs them into .venv).  ~30 s.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
"$PY" -m ruff check src tests bench
"$PY" -m mypy
