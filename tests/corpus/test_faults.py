"""Faults: kill -9 mid-run, broken pages, truncated WARC, bad JSONL lines, vanishing files and
store write errors -- the run goes on, every failure is recorded, the database stays sound; a
full disk (a real one: RLIMIT_FSIZE) stops the run with one line and a re-run finishes it."""
from __future__ import annotations

import gzip
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import factwire.corpus.ingest as ingest_mod
from factwire.corpus.ingest import ingest
from factwire.corpus.store import Store

from corpus_helpers import copy_pages, db_rows, integrity, pages_warc

#: One of each kind of broken page from tests/test_pipeline.py (empty, binary, script-only, too deep,
#: truncated gzip), written as files.
BROKEN = {
    "empty.html": b"",
    "image.html": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    "script.html": b"<html><head><script>var a = 1;</script></head><body><script>x()</script></body></html>",
    "deep.html": ("<html><body>" + "<div>" * 100_000 + "<p>Deep.</p>" + "</div>" * 100_000 + "</body></html>").encode(),
    "trunc.html.gz": gzip.compress(b"<html><body><p>" + b"words " * 2000 + b"</p></body></html>")[:-40],
}


PAGES_PER_COPY = 121


def factwire_cmd(*args: str) -> list[str]:
    exe = Path(sys.executable).parent / "factwire"
    return [str(exe), *args] if exe.exists() else [sys.executable, "-m", "factwire.cli", *args]


def test_sigkill_mid_run_then_rerun_stores_every_page_exactly_once(tmp_path):
    # 363 distinct pages: the first batch commits after 200 pages or 2 s, well before the end
    for variant in ("", "copy b", "copy c"):
        copy_pages(tmp_path / "in" / (variant or "a").replace(" ", "_"), PAGES_PER_COPY, variant=variant)
    total = 3 * PAGES_PER_COPY
    db = tmp_path / "c.db"
    cmd = factwire_cmd("ingest", str(tmp_path / "in"), "--db", str(db), "--no-facts", "--quiet")
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        stored = _wait_for_first_commit(db, proc)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL and 0 < stored < total, stored
    assert integrity(db) == "ok"
    rerun = subprocess.run(cmd, capture_output=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert db_rows(db, "SELECT count(*), count(DISTINCT id) FROM articles") == [(total, total)]
    assert db_rows(db, "SELECT count(*) FROM done WHERE key LIKE 'page:%'") == [(total,)]
    assert db_rows(db, "SELECT count(*) FROM failures") == [(0,)] and integrity(db) == "ok"


def _wait_for_first_commit(db: Path, proc: subprocess.Popen) -> int:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            n = db_rows(db, "SELECT count(*) FROM articles")[0][0] if db.exists() else 0
        except sqlite3.OperationalError:  # schema not created yet
            n = 0
        if n:
            return n
        time.sleep(0.02)
    raise AssertionError(f"ingest stored nothing before it ended (exit {proc.returncode})")


def test_broken_pages_truncated_warc_and_bad_jsonl_are_recorded_and_the_rest_stored(tmp_path):
    src = tmp_path / "in"
    copy_pages(src, 40)
    for name, data in BROKEN.items():
        (src / name).write_bytes(data)
    pages_warc(tmp_path / "full.warc.gz", 4, start=40)  # other pages than the files (one page is one article)
    whole = (tmp_path / "full.warc.gz").read_bytes()
    (src / "cut.warc.gz").write_bytes(whole[: int(len(whole) * 0.8)])
    (src / "lines.jsonl").write_text('{"text": "' + "A sentence about drones over the river. " * 10 + '"}\n'
                                     "{not json\n[1, 2]\n{\"url\": \"https://x.org\"}\n")
    summary = ingest([src], tmp_path / "c.db", progress=False, facts=False)
    failures = {Path(s).name: (stage, reason) for s, stage, reason in
                db_rows(tmp_path / "c.db", "SELECT source, stage, reason FROM failures")}
    assert failures["empty.html"] == ("read", "empty input")
    assert "PNG" in failures["image.html"][1] and "no article text" in failures["script.html"][1]
    assert "256 levels" in failures["deep.html"][1] and "truncated gzip" in failures["trunc.html.gz"][1]
    assert "truncated WARC" in failures["cut.warc.gz"][1]
    assert {failures[f"lines.jsonl:{n}"][1] for n in (2, 3, 4)} == {
        "invalid JSON line (Expecting property name enclosed in double quotes at column 2)",
        "JSON line is not an object (it is an array)", 'JSON line has no "html" or "text" string'}
    warc_pages = db_rows(tmp_path / "c.db", "SELECT count(*) FROM articles WHERE source LIKE '%cut.warc.gz#%'")[0][0]
    assert 1 <= warc_pages < 4  # the records before the break
    assert summary.pages == 40 + warc_pages + 1 and summary.failures == 9
    assert integrity(tmp_path / "c.db") == "ok"


def test_a_file_that_disappears_mid_run_is_a_recorded_failure(tmp_path, monkeypatch):
    files = copy_pages(tmp_path / "in", 6)
    real_read = ingest_mod.read_file

    def read_and_delete(path, **kw):
        if path == files[1]:
            files[4].unlink()
        return real_read(path, **kw)

    monkeypatch.setattr(ingest_mod, "read_file", read_and_delete)
    summary = ingest([tmp_path / "in"], tmp_path / "c.db", progress=False, facts=False)
    assert (summary.pages, summary.failures) == (5, 1)
    (source, stage, reason), = db_rows(tmp_path / "c.db", "SELECT source, stage, reason FROM failures")
    assert source == str(files[4]) and stage == "read" and reason == "No such file or directory"


#: The page whose record the flaky store below refuses every time.
NEVER_STORED = "page-0006.html.gz"


def test_store_write_errors_lose_nothing_and_keep_the_database_sound(tmp_path, monkeypatch):
    copy_pages(tmp_path / "in", 10)
    real_write = Store.write_batch
    calls = {"n": 0}

    def flaky_write(self, records, failures, done, clear=(), **kw):
        records = list(records)
        calls["n"] += 1
        if calls["n"] == 1 and len(records) > 1:
            raise sqlite3.OperationalError("disk I/O error")  # the whole first batch fails
        if any(r["source"].endswith(NEVER_STORED) for r, _, _ in records):
            raise sqlite3.DataError("string or blob too big")  # this page can never be stored
        return real_write(self, records, failures, done, clear, **kw)

    monkeypatch.setattr(Store, "write_batch", flaky_write)
    monkeypatch.setattr(ingest_mod, "BATCH_SIZE", 4)
    summary = ingest([tmp_path / "in"], tmp_path / "c.db", progress=False, facts=False)
    monkeypatch.undo()
    db = tmp_path / "c.db"
    stages = db_rows(db, "SELECT stage, reason FROM failures")
    full = [r for s, r in stages if s == "store"]
    assert summary.pages + summary.failures == 10 and summary.lost == 0
    assert db_rows(db, "SELECT count(*) FROM articles")[0][0] == summary.pages == 10 - len(full)
    assert len(full) == 1 and "string or blob too big" in full[0] and calls["n"] > 10
    assert integrity(db) == "ok"
    again = ingest([tmp_path / "in"], db, progress=False, facts=False, retry_failed=True)
    assert db_rows(db, "SELECT count(*) FROM articles") == [(10,)] and again.failures == 0


FILE_SIZE_LIMITED = """
import resource, sys
import pytest

import factwire.corpus.ingest as ingest_mod
from factwire.cli import main
ingest_mod.BATCH_SIZE = {batch}  # several commits before the limit is hit
resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, resource.RLIM_INFINITY))
main(["ingest", {src!r}, "--db", {db!r}, "--no-facts", "--quiet", "--workers", "1"])  # no pool: no __main__ guard here
"""
#: Each page without facts takes ~27 KB of the WAL (tests/fwpages.py pages, measured: 10 pages
#: stored under a 400 KB limit, 25 under 800 KB): 400 KB holds the schema and about two 5-page
#: batches, well short of the 40 pages.
FSIZE_LIMIT = 400_000


def test_a_full_disk_stops_the_run_with_one_line_and_a_rerun_finishes(tmp_path):
    """A real OS-level write error: RLIMIT_FSIZE makes SQLite's writes fail with EFBIG (the CLI
    ignores SIGXFSZ so the process is not killed by it)."""
    copy_pages(tmp_path / "in", 40)
    db = tmp_path / "c.db"
    script = tmp_path / "limited.py"
    script.write_text(FILE_SIZE_LIMITED.format(batch=5, limit=FSIZE_LIMIT, src=str(tmp_path / "in"), db=str(db)))
    r = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    lines = r.stderr.strip().splitlines()
    assert r.returncode == 1 and len(lines) == 1, r.stderr[-3000:]
    assert lines[0].startswith("Error: disk full: the file size limit (ulimit -f)"), lines
    assert integrity(db) == "ok"
    stored = db_rows(db, "SELECT count(*) FROM articles")[0][0]
    assert 5 <= stored < 40  # the batches committed before the limit are kept
    assert db_rows(db, "SELECT count(*) FROM done WHERE key LIKE 'page:%'") == [(stored,)]
    assert db_rows(db, "SELECT count(*) FROM failures") == [(0,)]  # no page blamed for the disk
    rerun = subprocess.run(factwire_cmd("ingest", str(tmp_path / "in"), "--db", str(db), "--no-facts", "--quiet"),
                           capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert db_rows(db, "SELECT count(*), count(DISTINCT id) FROM articles") == [(40, 40)]
    assert db_rows(db, "SELECT count(*) FROM done WHERE key LIKE 'page:%'") == [(40,)]
    assert db_rows(db, "SELECT count(*) FROM failures") == [(0,)] and integrity(db) == "ok"


def test_disk_full_from_the_store_stops_the_run_instead_of_failing_every_page(tmp_path, monkeypatch):
    copy_pages(tmp_path / "in", 12)
    real_write = Store.write_batch
    calls = {"n": 0}

    def fills_up(self, records, failures, done, clear=(), **kw):
        calls["n"] += 1
        if calls["n"] > 1:
            raise sqlite3.OperationalError("database or disk is full")
        return real_write(self, records, failures, done, clear, **kw)

    monkeypatch.setattr(Store, "write_batch", fills_up)
    monkeypatch.setattr(ingest_mod, "BATCH_SIZE", 4)
    with pytest.raises(ingest_mod.StoreFullError, match="^disk full: "):
        ingest([tmp_path / "in"], tmp_path / "c.db", progress=False, facts=False)
    assert calls["n"] == 2  # one refused batch, not one try per remaining page
    db = tmp_path / "c.db"
    assert db_rows(db, "SELECT count(*) FROM articles") == [(4,)] and db_rows(db, "SELECT count(*) FROM failures") == [(0,)]
    assert integrity(db) == "ok"
