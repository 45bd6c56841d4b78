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
        build_kernels(os.path.join(dest, "src"))
    return os.path.join(dest, "src"), commit


#: setup.py's compiler flags for factwire's C kernels (facts/compiled.py).
KERNEL_FLAGS = ("-O3", "-ffp-contract=off", "-std=c99", "-shared", "-fPIC")


def build_kernels(src: str) -> list[str]:
    """Compile an exported tree's C kernels (src/factwire/facts/_*.c) beside their sources, as
    `pip install` does for the installed package, so a benchmark of a committed tree measures
    them too; without a C compiler the tree runs its fallbacks (same outputs, slower)."""
    import shutil
    import sysconfig

    facts, cc = os.path.join(src, "factwire", "facts"), shutil.which("cc") or shutil.which("gcc")
    built = []
    for name in sorted(os.listdir(facts)) if cc and os.path.isdir(facts) else []:
        if name.startswith("_") and name.endswith(".c"):
            out = os.path.join(facts, name[:-2] + sysconfig.get_config_var("EXT_SUFFIX"))
            subprocess.run([cc, *KERNEL_FLAGS, "-o", out, os.path.join(facts, name)], check=True)
            built.append(out)
    return built


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


def exact_or_cost_cli(doc: str | None, exact, cost, sample: int, batch_help: str = "pages a batch") -> None:
    """The command line of the *_check scripts (ner_check, parser_check): `exact` (our
    component gives spaCy's outputs) or `cost [--sample N] [--batch B]` (CPU ms a page)."""
    import argparse

    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("exact")
    b = sub.add_parser("cost")
    b.add_argument("--sample", type=int, default=sample)
    b.add_argument("--batch", type=int, default=4, help=batch_help)
    args = ap.parse_args()
    {"exact": exact, "cost": cost}[args.cmd](args)
