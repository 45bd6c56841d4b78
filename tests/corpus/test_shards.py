"""Parquet shards: the dask engine's workers write one shard per task and ingest loads them --
the database equals the local engine's, shards stand alone for pyarrow/DuckDB, re-runs reuse
them, writes are atomic, and a worker killed mid-run still leaves every page stored once."""
from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest
from fwpages import page_bytes

from factwire.corpus import shards
from factwire.corpus.engines import StageOptions
from factwire.corpus.ingest import ingest
from factwire.read.sources import walk_sources

from corpus_helpers import copy_pages, db_rows, integrity, write_warc
from fwtest import SEED

pq = pytest.importorskip("pyarrow.parquet")
pytest.importorskip("dask.distributed")

#: What must be equal between the two engines (ingested_at is a timestamp, so not compared).
TABLES = {
    "articles": "SELECT id, url, site, title, published, language, text, record, source FROM articles ORDER BY id",
    "facts": "SELECT * FROM facts ORDER BY article_id, kind, n",
    "events": "SELECT * FROM events ORDER BY id",
    "failures": "SELECT key, source, file, stage, reason, attempts FROM failures ORDER BY key",
    "done": "SELECT key FROM done ORDER BY key",
    "copies": "SELECT * FROM copies ORDER BY article_id",
    "corpus_events": "SELECT * FROM corpus_events ORDER BY id",
}


def _corpus(src: Path) -> None:
    """News pages, two broken pages, a WARC, and a JSONL with the seed story and bad lines."""
    copy_pages(src / "pages", 10)
    (src / "pages" / "empty.html").write_bytes(b"")
    (src / "pages" / "script.html").write_text("<html><body><script>x()</script></body></html>")
    # WARC records of other pages than the files (the same page twice would be one article
    # whose source depends on which copy is stored last)
    write_warc(src / "crawl.warc.gz", [(f"https://example.org/page-{10 + i}", body, "text/html")
                                       for i, body in enumerate(page_bytes(3, start=10))])
    seed = json.dumps({"url": "https://example.org/seed", "text": SEED.read_text(encoding="utf-8")})
    (src / "lines.jsonl").write_text(seed + "\n{not json\n")


def _dump(db: Path) -> dict[str, list[tuple]]:
    return {name: db_rows(db, sql) for name, sql in TABLES.items()}


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    """The same corpus ingested by the local engine and by dask with shards (facts on; no time
    limit, which under load cuts facts short in one engine and not the other: Dask runs pages
    off the main thread, where the limit is only checked between stages)."""
    root = tmp_path_factory.mktemp("shards")
    _corpus(root / "in")
    local = ingest([root / "in"], root / "local.db", progress=False, timeout=None)
    dask = ingest([root / "in"], root / "dask.db", engine="dask", workers=2, progress=False, timeout=None)
    return root, local, dask


def test_dask_shards_give_the_same_database_as_the_local_engine(both):
    root, local, dask = both
    assert (dask.pages, dask.failures) == (local.pages, local.failures) == (14, 3)
    want, got = _dump(root / "local.db"), _dump(root / "dask.db")
    assert want["events"] and want["facts"] and want["corpus_events"]  # the comparison has content
    for table in TABLES:
        assert got[table] == want[table], table
    assert integrity(root / "dask.db") == "ok"
    assert dask.shards == str(root / "dask.db.shards") and dask.shards_reused == 0


def test_a_shard_stands_alone_for_pyarrow(both):
    root, _, dask = both
    paths = sorted(Path(dask.shards).glob("part-*.parquet"))
    assert len(paths) == 3  # 12 single-page files in one task; the WARC and the JSONL alone
    assert not list(Path(dask.shards).glob(".part-*"))  # no temp file left
    table = pq.read_table(paths)
    assert table.column_names == list(shards.COLUMNS)
    rows = table.to_pylist()
    articles = {r["id"]: r for r in rows if r["kind"] == "article"}
    stored = dict(db_rows(root / "dask.db", "SELECT id, record FROM articles"))
    assert set(articles) == set(stored)
    for aid, row in articles.items():  # a shard row rebuilds exactly the record the store holds
        assert json.dumps(shards.row_payload(row)["record"], ensure_ascii=False) == stored[aid]
    events = [e for r in articles.values() for e in json.loads(r["events"])]
    assert len(events) == db_rows(root / "dask.db", "SELECT count(*) FROM events")[0][0] > 0
    reasons = sorted(r["reason"] for r in rows if r["kind"] == "failure")
    assert len(reasons) == 3 and "empty input" in reasons
    meta = shards.shard_meta(paths[0])
    assert meta["version"] == shards.SHARD_VERSION and paths[0].name == f"part-{meta['task']}.parquet"
    assert all(k.startswith("file:") for k in meta["files"])


def test_reruns_reuse_shards_and_ignore_temp_files_of_killed_tasks(both, tmp_path):
    root, _, first = both
    shard_dir = Path(first.shards)
    again = ingest([root / "in"], root / "dask.db", engine="dask", workers=2, progress=False, timeout=None)
    assert (again.pages, again.failures, again.files_skipped) == (0, 0, 14)
    # a fresh database from the same shards: nothing recomputed, same content
    before = {p.name: p.stat().st_mtime_ns for p in shard_dir.glob("part-*.parquet")}
    leftover = shard_dir / ".part-0123abcd.parquet.999-deadbeef.tmp"
    leftover.write_bytes(b"PAR1 half a shard")
    rebuilt = ingest([root / "in"], tmp_path / "re.db", engine="dask", workers=2, progress=False,
                     shards=shard_dir, timeout=None)
    assert rebuilt.shards_reused == len(before) == 3 and not leftover.exists()
    assert {p.name: p.stat().st_mtime_ns for p in shard_dir.glob("part-*.parquet")} == before
    assert _dump(tmp_path / "re.db") == _dump(root / "local.db")
    # --retry-failed recomputes the shards holding failures (the pages fail again, counted twice)
    retried = ingest([root / "in"], tmp_path / "re.db", engine="dask", workers=2, progress=False,
                     shards=shard_dir, retry_failed=True, timeout=None)
    assert retried.shards_reused == 0 and retried.failures == 3
    assert db_rows(tmp_path / "re.db", "SELECT DISTINCT attempts FROM failures") == [(2,)]
    assert db_rows(tmp_path / "re.db", "SELECT count(*) FROM articles") == [(14,)]


def test_a_shard_is_written_whole_or_not_at_all(tmp_path):
    path = tmp_path / "part-x.parquet"
    row = shards.to_row("/f", "page:/f|1|2", {"failure": {"source": "/f", "stage": "read", "reason": "r"}})

    def breaks_midway():
        yield row
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        shards.write_shard(path, breaks_midway(), {"task": "x"})
    assert list(tmp_path.iterdir()) == []
    shards.write_shard(path, [row], {"task": "x"})
    with pytest.raises(OSError):
        shards.write_shard(path, breaks_midway(), {"task": "x"})
    assert [p.name for p in tmp_path.iterdir()] == ["part-x.parquet"]  # the old shard is intact
    assert [p for _, _, p in shards.read_shard(path)] == [shards.row_payload(row)]


def test_a_damaged_shard_is_recomputed_not_loaded(tmp_path):
    copy_pages(tmp_path / "in", 2)
    task = shards.ShardTask(str(tmp_path / "s"), "t", tuple(walk_sources([tmp_path / "in"])))
    options = StageOptions(facts=False)
    first = shards.run_shard_task(task, options)
    assert (first["reused"], first["articles"]) == (False, 2)
    assert shards.run_shard_task(task, options)["reused"] is True
    task.path.write_bytes(task.path.read_bytes()[:100])  # cut short
    again = shards.run_shard_task(task, options)
    assert (again["reused"], again["articles"]) == (False, 2) and len(list(shards.read_shard(task.path))) == 2


def test_task_ids_follow_files_and_options(tmp_path):
    copy_pages(tmp_path / "in", 2)
    files = list(walk_sources([tmp_path / "in"]))
    base = shards.task_id(files, StageOptions())
    assert base == shards.task_id(files, StageOptions(timeout=1.0))  # the time limit is not an output
    assert base != shards.task_id(files, StageOptions(facts=False))
    assert base != shards.task_id(files[:1], StageOptions())
    os.utime(files[0].path, ns=(1, 1))
    assert base != shards.task_id(list(walk_sources([tmp_path / "in"])), StageOptions())


def test_a_dask_worker_killed_mid_run_still_stores_every_page_once(tmp_path):
    """SIGKILL on a worker process while it runs a task: Dask reruns the task elsewhere (the
    nanny restarts the worker) and the store still holds every page exactly once."""
    from dask.distributed import LocalCluster

    total = 200
    for variant in ("a", "b"):  # two distinct copies of 100 pages
        copy_pages(tmp_path / "in" / variant, total // 2, variant=variant)
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None)
    killed: dict = {}
    try:
        watcher = threading.Thread(target=_kill_a_busy_worker, args=(cluster.scheduler_address,
                                                                     tmp_path / "c.db.shards", killed))
        watcher.start()
        summary = ingest([tmp_path / "in"], tmp_path / "c.db", engine="dask", progress=False, facts=False,
                         scheduler=cluster.scheduler_address)
        watcher.join()
    finally:
        cluster.close()
    assert killed.get("pid"), killed  # a worker was killed while it had a task
    db = tmp_path / "c.db"
    assert (summary.pages, summary.failures) == (total, 0)
    assert db_rows(db, "SELECT count(*), count(DISTINCT id) FROM articles") == [(total, total)]
    assert db_rows(db, "SELECT count(*) FROM done WHERE key LIKE 'page:%'") == [(total,)]
    assert db_rows(db, "SELECT count(*) FROM failures") == [(0,)] and integrity(db) == "ok"
    assert not list((tmp_path / "c.db.shards").glob(".part-*"))  # the killed attempt's temp file is gone


def _kill_a_busy_worker(address: str, shard_dir: Path, out: dict) -> None:
    """Once the first shard exists (the run is under way), SIGKILL a worker that has a task."""
    from dask.distributed import Client

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(shard_dir.glob("part-*.parquet")):
        time.sleep(0.05)
    with Client(address) as client:
        pids = client.run(os.getpid)
        busy = [w for w, keys in client.processing().items() if keys]
        if busy:
            out["pid"] = pids[busy[0]]
            os.kill(out["pid"], signal.SIGKILL)


def test_a_shard_that_cannot_be_written_for_lack_of_room_stops_the_run(tmp_path):
    import errno

    import factwire.corpus.ingest as ingest_mod

    task = shards.ShardTask(str(tmp_path), "t", ())
    with pytest.raises(ingest_mod.StoreFullError, match="^disk full: cannot write shard .*part-t.parquet"):
        ingest_mod._task_lost(task, {}, OSError(errno.ENOSPC, "No space left on device"), writer=None)


def test_a_task_batches_its_pages_and_a_failing_batch_costs_no_page(tmp_path, monkeypatch):
    """Dask tasks put FACTS_BATCH pages through one batch (as the local pool); if a batch raises,
    its pages are processed again one by one, so every page still gets its own row."""
    from factwire.corpus import engines
    from factwire.pipeline import FACTS_BATCH

    copy_pages(tmp_path / "in", FACTS_BATCH + 2)
    files = tuple(walk_sources([tmp_path / "in"]))
    options = StageOptions(facts=False)
    sizes: list[int] = []
    real = engines.run_batch

    def spy(tasks, opts):
        sizes.append(len(tasks))
        return real(tasks, opts)

    monkeypatch.setattr(engines, "run_batch", spy)
    rows = list(shards._outcome_rows(files, options))
    assert sizes == [FACTS_BATCH, 2] and [r["kind"] for r in rows] == ["article"] * (FACTS_BATCH + 2)

    def broken(tasks, opts):
        raise RuntimeError("a bug outside the pages' sandbox")

    monkeypatch.setattr(engines, "run_batch", broken)
    again = list(shards._outcome_rows(files, options))
    assert [(r["key"], r["kind"], r["text"]) for r in again] == [(r["key"], r["kind"], r["text"]) for r in rows]
