"""Helpers the test modules import by name (`from fwtest import SEED, run_cli`).

Not in conftest.py: tests/web has a conftest.py of its own, and two modules both named
`conftest` made `from conftest import ...` depend on which one pytest imported first.

The suite reads nothing outside the repository: pages, gold and annotated articles are in
tests/fixtures/ (see its README).  Benchmarks on the DEV data in ../shared are bench/gates."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
SEED = REPO / "examples" / "seed-drones.txt"


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path = REPO):
    """Run the installed `factwire` console script (falling back to `python -m factwire.cli`)."""
    exe = Path(sys.executable).parent / "factwire"  # the console script of this environment
    cmd = [str(exe), *args] if exe.exists() else [sys.executable, "-m", "factwire.cli", *args]
    return subprocess.run(cmd, input=stdin, capture_output=True, cwd=cwd, timeout=120)


PAGES = FIXTURES / "pages"


def fixture_pages() -> dict[str, dict]:
    """The hand-written pages and what each should give (tests/fixtures/pages/expected.json):
    file name -> {url, title, published, authors, site, language, paragraphs, captions}."""
    return json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
