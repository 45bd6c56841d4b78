#!/usr/bin/env bash
# The test command (README, .ci/run): install factwire with its test extras into .venv, make sure
# Debian's Chromium is there for the browser tests, run pytest.  Every marker (slow, browser)
# runs; nothing is skipped by default.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing Debian chromium for the browser tests (about a minute)" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    echo "warning: /usr/bin/chromium missing and cannot apt-get it: browser tests will fail" >&2
  fi
fi
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test,dask,parquet]"
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
