"""Shared fixtures: the bundled example page.
Plain helpers live in fwtest.py (import them from there, not from conftest)."""
from __future__ import annotations

import pytest

from fwtest import SEED


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
