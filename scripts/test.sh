#!/usr/bin/env bash
# The test command (README, .ci/run).  It installs, saying so:
#   - Debian's chromium for the browser tests, when it is missing and this runs as root (apt-get);
#     without it the 7 browser tests skip, counted, with the reason (FACTWIRE_REQUIRE_BROWSER=1
#     makes them fail instead, as .ci/run does);
#   - factwire with its extras test, dask, parquet into .venv (pip install -e; offline-capable
#     wheels: pytest, datasketch, playwright, dask[distributed], pyarrow);
# then runs pytest over tests/ and bench/tests/ (pyproject's testpaths; every marker runs).
# The suite reads nothing outside the repository.  Arguments go to pytest:
#   ./scripts/test.sh bench/gates    # the DEV benchmark gates (need ../shared/bench or FACTWIRE_SHARED)
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
CHROMIUM="${FACTWIRE_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  if [ -z "${FACTWIRE_CHROMIUM:-}" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test.sh: installing Debian's chromium for the browser tests (apt-get install chromium, about a minute)" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    echo "test.sh: no Chromium at $CHROMIUM (and no root apt-get for it): the browser tests will be skipped (see README)" >&2
  fi
fi
if [ ! -x .venv/bin/python ]; then
  echo "test.sh: creating .venv with $PY" >&2
  "$PY" -m venv .venv
fi
echo "test.sh: installing factwire and its extras test,dask,parquet into .venv (pip install -e '.[test,dask,parquet]')" >&2
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test,dask,parquet]"
exec .venv/bin/python -m pytest -q -p no:cacheprovider -rsx "$@"
