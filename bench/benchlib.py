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


def write_section(path, owner: str, name: str, body: str) -> None:
    """Replace section `name` of script `owner` in a shared results file, leaving every other
    section (another script's) as it is; appended when not there yet."""
    from pathlib import Path

    path = Path(path)
    start, end = f"<!-- {owner}:{name}:start -->", f"<!-- {owner}:{name}:end -->"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Corpus benchmarks\n"
    block = f"{start}\n{body}{end}"
    if start in text and end in text:
        text = text[:text.index(start)] + block + text[text.index(end) + len(end):]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
