"""Same input, same record, whatever the process: no result may depend on hash seeds or on
which pages a process saw before (caches).  Runs the DEV pages in subprocesses with different
PYTHONHASHSEED values and in different orders, and compares every record."""
from __future__ import annotations

import json
import os
import subprocess
import sys

SCRIPT = r"""
import gzip, json, sys
from pathlib import Path
from factwire import extract
root = Path(sys.argv[1])
paths = sorted((root / "scrapinghub-dev" / "html").glob("*.html.gz")) + sorted((root / "text-dev").glob("*.txt"))
if sys.argv[2] == "reverse":
    paths.reverse()
out = {}
for p in paths:
    raw = gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes()
    d = extract(raw, facts=False).to_dict()
    d.pop("source", None)
    out[p.name] = d
print(json.dumps(out, sort_keys=True))
"""


def run(bench, seed: str, order: str) -> dict:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(bench), order], capture_output=True,
                          env=env, timeout=600, check=True)
    return json.loads(proc.stdout)


def test_records_do_not_depend_on_hash_seed_or_page_order(extraction_bench):
    first = run(extraction_bench, "1", "forward")
    second = run(extraction_bench, "2", "reverse")
    assert len(first) == 242
    differ = [name for name in first if first[name] != second[name]]
    assert differ == []
