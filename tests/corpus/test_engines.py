"""Engines: the supervised local pool survives killed workers; Dask runs the same stage function."""
from __future__ import annotations

import os
import signal

import pytest
from fwpages import page_bytes

from factwire.corpus.engines import CRASH_REASON, FACTS_BATCH, LocalPool, StageOptions, run_in_process
from factwire.corpus.ingest import ingest
from factwire.model import Page

from corpus_helpers import copy_pages, db_rows, integrity

OPTIONS = StageOptions(facts=False)


class Poison:
    """Kills whichever process unpickles it: a page that crashes its worker every time."""

    def __reduce__(self):
        return (os._exit, (3,))


def dev_tasks(n: int) -> list[tuple[str, Page]]:
    return [(f"k{i}", Page(source=f"page-{i:04d}.html", content=body.decode("utf-8"), kind="html", id=f"id{i}"))
            for i, body in enumerate(page_bytes(n))]


def test_pool_finishes_when_a_worker_is_killed_mid_run():
    tasks = dev_tasks(24)
    pool = LocalPool(2, OPTIONS)
    seen = []
    for key, payload in pool.run(tasks):
        seen.append(key)
        if len(seen) == 4:
            os.kill(pool.workers[0].process.pid, signal.SIGKILL)
        assert "record" in payload, payload
    assert sorted(seen) == sorted(k for k, _ in tasks)  # every page exactly once
    assert pool.crashes == 1


def test_a_page_that_kills_its_worker_twice_becomes_a_failure():
    tasks = dev_tasks(6)
    tasks.insert(2, ("poison", Page(source="poison.html", content=Poison(), kind="html", id="p")))
    pool = LocalPool(2, OPTIONS)
    out = dict(pool.run(tasks))
    assert sorted(out) == sorted(k for k, _ in tasks)
    assert out["poison"]["failure"]["reason"] == CRASH_REASON and out["poison"]["failure"]["stage"] == "worker"
    assert sum("record" in p for p in out.values()) == 6
    # Workers batch first tries (FACTS_BATCH pages): the poison page crashes each batch it is
    # in, the batch's first page is retried alone (and succeeds), until the poison page is the
    # one blamed twice.  So 2 crashes at least, and at most one more per batch position.
    assert 2 <= pool.crashes <= FACTS_BATCH + 1


def test_in_process_and_pool_give_the_same_records():
    tasks = dev_tasks(6)
    one = dict(run_in_process(tasks, OPTIONS))
    two = dict(LocalPool(2, OPTIONS).run(tasks))
    assert one == two


@pytest.mark.slow
def test_dask_local_cluster_ingests_every_page_once_bound_to_localhost(tmp_path):
    from factwire.corpus.engines import start_dask

    client, cluster = start_dask(2, None)
    try:
        info = client.scheduler_info()
        addresses = [client.scheduler.address, *info["workers"]]
        assert addresses and all(a.startswith("tcp://127.0.0.1:") for a in addresses), addresses
    finally:
        client.close()
        cluster.close()
    copy_pages(tmp_path / "in", 20)
    db = tmp_path / "c.db"
    summary = ingest([tmp_path / "in"], db, engine="dask", workers=2, progress=False, facts=False)
    assert (summary.pages, summary.failures) == (20, 0)
    again = ingest([tmp_path / "in"], db, engine="dask", workers=2, progress=False, facts=False)
    assert (again.pages, again.files_skipped) == (0, 20)
    assert db_rows(db, "SELECT count(*) FROM articles") == [(20,)] and integrity(db) == "ok"


EXITS_AFTER_A_CRASH = """
import os, signal, sys
sys.path[:0] = [{here!r}, {tests!r}]
from test_engines import dev_tasks, LocalPool, OPTIONS
if __name__ == "__main__":
    pool = LocalPool(2, OPTIONS)
    for n, _ in enumerate(pool.run(dev_tasks(24))):
        if n == 3:
            os.kill(pool.workers[0].process.pid, signal.SIGKILL)
    print("done", pool.crashes)
"""


def test_process_exits_after_a_worker_crash(tmp_path):
    """A replaced worker's queue feeder thread, blocked on a pipe nobody reads, once made the
    interpreter hang at exit (so `factwire ingest` never returned after a worker crash)."""
    import subprocess
    import sys
    from pathlib import Path

    here = Path(__file__).resolve().parent
    script = tmp_path / "crash_then_exit.py"
    script.write_text(EXITS_AFTER_A_CRASH.format(here=str(here), tests=str(here.parent)))
    r = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and r.stdout.strip() == "done 1", r.stderr[-2000:]


def test_a_missing_dask_is_the_one_missing_dependency_error(monkeypatch):
    import builtins

    from factwire.corpus.engines import start_dask
    from factwire.errors import MissingDependency

    real = builtins.__import__

    def no_dask(name, *a, **kw):
        if name.startswith("dask"):
            raise ImportError(name)
        return real(name, *a, **kw)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    with pytest.raises(MissingDependency, match=r"factwire\[dask\]"):
        start_dask(1, None)
