"""The DEV benchmark gates: accuracy floors measured on the shared DEV data (../shared/bench).

Every test under bench/gates is marked `bench`; when the data is absent all of them skip with
one reason.  `.ci/run` runs them after the test suite when ../shared is there
(`./scripts/test.sh bench/gates` by hand)."""
from __future__ import annotations

from pathlib import Path

import pytest
from benchdata import SKIP_REASON, have_data

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the gates `bench` and skip them, with the one reason, when the data is missing."""
    skip = None if have_data() else pytest.mark.skip(reason=SKIP_REASON)
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.bench)
            if skip is not None:
                item.add_marker(skip)
