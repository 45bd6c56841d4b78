"""The per-page time limit holds in every execution context: the main thread (SIGALRM and the
deadline), a plain thread (a server's handler, a Dask worker's executor: the deadline only),
pool workers and Dask tasks; a PageTimeout is never swallowed by an extractor's error handler,
and the same page gives the same result wherever it runs.

Timing bounds here are loose on purpose (the machine is shared): they tell "stopped at the
limit" from "ran for minutes", which is what the limit used to do in threads."""
from __future__ import annotations

import threading
import time

import pytest
from hostile import REPETITIVE_TEXT

from factwire.deadline import check_deadline, deadline, remaining
from factwire.errors import PageTimeout
from factwire.model import Page
from factwire.pipeline import process_page

TEXT = ("Russian forces shelled the village of Nova Kakhovka on 12 May, killing three people, officials "
        "said. Ukrainian air defence shot down two drones over Kyiv on Tuesday.")
#: A limit that never fires before the page's real work, but cuts an endless loop short.
LIMIT = 1.0
#: Allowed overrun past the limit: one parse piece on a loaded 2-core machine.
SLACK_S = 12.0


def page(text: str = TEXT) -> Page:
    return Page(source="t.txt", content=text, kind="text", published="2022-05-13")


def in_thread(fn, *args, **kwargs):
    """fn(*args) in a new thread (no SIGALRM there); (result, seconds)."""
    out: dict = {}

    def run():
        started = time.monotonic()
        out["result"] = fn(*args, **kwargs)
        out["seconds"] = time.monotonic() - started

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(120)
    assert not worker.is_alive(), "the page ran on past two minutes: no time limit in this thread"
    return out["result"], out["seconds"]


def endless(*args, **kwargs):
    """A rule loop that never ends by itself, but checks the deadline as every loop must."""
    while True:
        check_deadline()


def test_deadline_raises_after_its_time_and_never_extends_an_outer_one():
    with deadline(0.05):
        check_deadline()
        with deadline(60):
            assert remaining() <= 0.05
            time.sleep(0.06)
            with pytest.raises(PageTimeout):
                check_deadline()
    check_deadline()  # outside: no limit
    assert remaining() is None


@pytest.mark.parametrize("field", ["quantities", "places", "attributions"])
def test_an_endless_extractor_is_stopped_in_a_thread_and_the_timeout_is_not_swallowed(monkeypatch, field):
    module = {"quantities": "factwire.facts.quantities", "places": "factwire.facts.places",
              "attributions": "factwire.facts.attributions"}[field]
    monkeypatch.setattr(f"{module}.find_{field}", endless)
    rec, seconds = in_thread(process_page, page(), timeout=LIMIT)
    assert seconds < LIMIT + SLACK_S
    assert rec.errors == [{"stage": "facts", "reason": f"facts exceeded the {LIMIT:g} s time limit"}]
    main = process_page(page(), timeout=LIMIT)  # the main thread: the same outcome
    assert main.errors == rec.errors


def test_an_endless_event_rule_is_stopped_in_a_thread(monkeypatch):
    monkeypatch.setattr("factwire.events.coder.code_events", endless)
    rec, seconds = in_thread(process_page, page(), timeout=LIMIT)
    assert seconds < LIMIT + SLACK_S
    assert rec.errors == [{"stage": "events", "reason": f"events exceeded the {LIMIT:g} s time limit"}]
    assert rec.entities  # facts done before the events stage ran out of time are kept


def test_a_dependency_error_in_the_facts_stage_is_recorded_not_raised(monkeypatch):
    def broken(texts, batch_size=16):
        raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")

    monkeypatch.setattr("factwire.facts.nlp.parse_many", broken)
    rec = process_page(page(), timeout=LIMIT)
    assert rec.errors and rec.errors[0]["stage"] == "facts" and "UnicodeEncodeError" in rec.errors[0]["reason"]


#: A limit this page's facts stage always exceeds (~0.9 s) and its cleaning never (~0.1 s), so both runs
#: stop in the same stage: at LIMIT the page, faster since session 6, ended within a hair of the
#: facts/events boundary and the stage named depended on the machine's load.
REPETITIVE_LIMIT = 0.5


def test_the_100k_repetitive_page_stops_at_the_limit_in_a_thread_as_in_the_main_thread():
    rec, seconds = in_thread(process_page, page(REPETITIVE_TEXT), timeout=REPETITIVE_LIMIT)
    assert seconds < REPETITIVE_LIMIT + SLACK_S
    assert rec.errors and rec.errors[0]["reason"].endswith(f"exceeded the {REPETITIVE_LIMIT:g} s time limit")
    assert rec.errors[0]["stage"] == "facts"
    main = process_page(page(REPETITIVE_TEXT), timeout=REPETITIVE_LIMIT)
    assert [e["stage"] for e in main.errors] == [e["stage"] for e in rec.errors]


def test_a_page_gives_the_same_record_in_a_thread_and_in_the_main_thread():
    main = process_page(page(), timeout=30).to_dict()
    threaded, _ = in_thread(process_page, page(), timeout=30)
    assert threaded.to_dict() == main and main["events"] and not main["errors"]


def test_every_engine_stops_the_slow_page_alike_and_stores_the_others_identically(tmp_path):
    """In-process (main thread), the local pool (worker processes) and Dask (worker threads)."""
    import sqlite3

    from factwire.corpus.ingest import ingest

    folder = tmp_path / "in"
    folder.mkdir()
    # Margins both ways for a wall-clock limit on a loaded machine: the ok page takes ~0.08 s
    # alone (it once overran 1 s in a fresh pool worker, loaded 5-6x).  Facts read at most the
    # first 100,000 characters of a text (facts/annotate.MAX_FACT_CHARS), so a slow page cannot
    # be made slower by length: after session 5's faster NLP a 100 KB conflict text finishes in
    # ~2-2.7 s, at the old 2 s limit.  The slowest 100 KB kind of tests/hostile.py is the storm
    # of quantities (~4 CPU s in session 5; 1.7-2.0 s after session 6, when a 1.5 s limit let it
    # finish on Dask), so: that page and a 1.0 s limit (the ok page needs ~0.08 s).
    slow = " ".join(f"{k} drones, {k} people and {k} missiles" for k in range(5000))
    (folder / "slow.txt").write_text(slow)
    (folder / "ok.txt").write_text(TEXT * 3)
    seen = {}
    limit = 1.0
    for name, kw in {"local": {}, "pool": {"workers": 2}, "dask": {"engine": "dask", "workers": 1}}.items():
        db = tmp_path / f"{name}.db"
        ingest([folder], db, progress=False, timeout=limit, **kw)
        conn = sqlite3.connect(db)
        rows = conn.execute("SELECT source, record FROM articles ORDER BY source").fetchall()
        conn.close()
        seen[name] = [(src.rsplit("/", 1)[-1], _outcome(rec)) for src, rec in rows]
    # ok.txt identical everywhere; slow.txt stored and stopped once by the limit everywhere (in
    # facts or in events: where a wall-clock limit falls depends on the machine's load)
    assert [row[0] for row in seen.values()] == [seen["local"][0]] * 3, seen
    assert all(len(row[1][1][0]) == 1 and row[1][1][0][0] in ("facts", "events") for row in seen.values()), seen


def _outcome(record_json: str) -> tuple:
    import json

    rec = json.loads(record_json)
    return [e["stage"] for e in rec["errors"]], len(rec["events"]), len(rec["entities"])
