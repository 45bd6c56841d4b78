"""Shared fixtures: paths to the bundled example and to the shared benchmark data."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FACTWIRE_SHARED", REPO.parent / "shared"))
EXTRACTION = SHARED / "bench" / "extraction"
SEED = REPO / "examples" / "seed-drones.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def extraction_bench() -> Path:
    """The shared extraction benchmark (CI lays ../shared beside the clone); fail loudly if absent."""
    assert EXTRACTION.is_dir(), f"shared benchmark data not found at {EXTRACTION}"
    return EXTRACTION


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path = REPO):
    """Run the installed `factwire` console script (falling back to `python -m factwire.cli`)."""
    import subprocess

    exe = Path(sys.executable).parent / "factwire"  # the console script of this environment
    cmd = [str(exe), *args] if exe.exists() else [sys.executable, "-m", "factwire.cli", *args]
    return subprocess.run(cmd, input=stdin, capture_output=True, cwd=cwd, timeout=120)
