"""Shared fixtures: paths to the bundled example and to the shared benchmark data.
Plain helpers live in fwtest.py (import them from there, not from conftest)."""
from __future__ import annotations

from pathlib import Path

import pytest

from fwtest import EXTRACTION, SEED


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def extraction_bench() -> Path:
    """The shared extraction benchmark (CI lays ../shared beside the clone); fail loudly if absent."""
    assert EXTRACTION.is_dir(), f"shared benchmark data not found at {EXTRACTION}"
    return EXTRACTION
