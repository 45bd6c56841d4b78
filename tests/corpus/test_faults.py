"""Faults: kill -9 mid-run, broken pages, truncated WARC, bad JSONL lines, vanishing files and
store write errors -- the run goes on, every failure is recorded, the database stays sound."""
from __future__ import annotations

import gzip
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from corpus_helpers import copy_dev_pages, db_rows, dev_warc, integrity

import factwire.corpus.ingest as ingest_mod
from factwire.corpus.ingest import ingest
from factwire.corpus.store import Store

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
        copy_dev_pages(tmp_path / "in" / (variant or "a").replace(" ", "_"), PAGES_PER_COPY, variant=variant)
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
    copy_dev_pages(src, 40)
    for name, data in BROKEN.items():
        (src / name).write_bytes(data)
    dev_warc(tmp_path / "full.warc.gz", 4)
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
        "invalid JSON line (JSONDecodeError)", "JSON line is not an object", 'JSON line has no "html" or "text" string'}
    warc_pages = db_rows(tmp_path / "c.db", "SELECT count(*) FROM articles WHERE source LIKE '%cut.warc.gz#%'")[0][0]
    assert 1 <= warc_pages < 4  # the records before the break
    assert summary.pages == 40 + warc_pages + 1 and summary.failures == 9
    assert integrity(tmp_path / "c.db") == "ok"


def test_a_file_that_disappears_mid_run_is_a_recorded_failure(tmp_path, monkeypatch):
    files = copy_dev_pages(tmp_path / "in", 6)
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


def test_store_write_errors_lose_nothing_and_keep_the_database_sound(tmp_path, monkeypatch):
    copy_dev_pages(tmp_path / "in", 10)
    real_write = Store.write_batch
    calls = {"n": 0}

    def flaky_write(self, records, failures, done, clear=()):
        records = list(records)
        calls["n"] += 1
        if calls["n"] == 1 and len(records) > 1:
            raise sqlite3.OperationalError("disk I/O error")  # the whole first batch fails
        if any(r["source"].endswith(("0dd1357045727799a447563fd8851f4ebe79f042073ea16991a9b67aa595f81a.html.gz",))
               for r, _, _ in records):
            raise sqlite3.OperationalError("database or disk is full")  # this page can never be stored
        return real_write(self, records, failures, done, clear)

    monkeypatch.setattr(Store, "write_batch", flaky_write)
    monkeypatch.setattr(ingest_mod, "BATCH_SIZE", 4)
    summary = ingest([tmp_path / "in"], tmp_path / "c.db", progress=False, facts=False)
    monkeypatch.undo()
    db = tmp_path / "c.db"
    stages = db_rows(db, "SELECT stage, reason FROM failures")
    full = [r for s, r in stages if s == "store"]
    assert summary.pages + summary.failures == 10 and summary.lost == 0
    assert db_rows(db, "SELECT count(*) FROM articles")[0][0] == summary.pages == 10 - len(full)
    assert len(full) == 1 and "database or disk is full" in full[0] and calls["n"] > 10
    assert integrity(db) == "ok"
    again = ingest([tmp_path / "in"], db, progress=False, facts=False, retry_failed=True)
    assert db_rows(db, "SELECT count(*) FROM articles") == [(10,)] and again.failures == 0
