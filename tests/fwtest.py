"""Helpers the test modules import by name (`from fwtest import SEED, run_cli`).

Not in conftest.py: tests/web has a conftest.py of its own, and two modules both named
`conftest` made `from conftest import ...` depend on which one pytest imported first.

The suite reads nothing outside the repository: pages, gold and annotated articles are in
tests/fixtures/ (see its README).  Benchmarks on the DEV data in ../shared are bench/gates."""
from __future__ import annotations

import io
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


def write_warc(path, bodies):
    """A gzipped WARC of (url, body bytes, content type) response records, each after a request."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, body, ctype in bodies:
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
PAGES = FIXTURES / "pages"


def fixture_pages() -> dict[str, dict]:
    """The hand-written pages and what each should give (tests/fixtures/pages/expected.json):
    file name -> {url, title, published, authors, site, language, paragraphs, captions}."""
    return json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
