"""Helpers the test modules import by name (`from fwtest import SEED, run_cli`).

Not in conftest.py: tests/web has a conftest.py of its own, and two modules both named
`conftest` made `from conftest import ...` depend on which one pytest imported first."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FACTWIRE_SHARED", REPO.parent / "shared"))
EXTRACTION = SHARED / "bench" / "extraction"
SEED = REPO / "examples" / "seed-drones.txt"


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path = REPO):
    """Run the installed `factwire` console script (falling back to `python -m factwire.cli`)."""
    exe = Path(sys.executable).parent / "factwire"  # the console script of this environment
    cmd = [str(exe), *args] if exe.exists() else [sys.executable, "-m", "factwire.cli", *args]
    return subprocess.run(cmd, input=stdin, capture_output=True, cwd=cwd, timeout=120)
