"""Pieces every benchmark script shares (stdlib only, importable from any bench venv)."""
from __future__ import annotations

import io
import os
import subprocess
import tarfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def committed_src(work_dir: str) -> tuple[str, str]:
    """Export src/ of git HEAD under `work_dir` (once per commit); returns (src dir, commit).

    Benchmarks measure the committed tree, never half-edited files in the work tree."""
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "HEAD"], capture_output=True, text=True,
                            check=True).stdout.strip()
    dest = os.path.join(work_dir, "src-" + commit[:12])
    if not os.path.isdir(os.path.join(dest, "src", "factwire")):
        blob = subprocess.run(["git", "-C", ROOT, "archive", "--format=tar", commit, "src"],
                              capture_output=True, check=True).stdout
        with tarfile.open(fileobj=io.BytesIO(blob)) as tar:
            tar.extractall(dest, filter="data")
    return os.path.join(dest, "src"), commit
