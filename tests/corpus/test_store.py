"""The corpus store: idempotent upserts, atomic batches, migrations, full-text search."""
from __future__ import annotations

import sqlite3

import pytest

from factwire.corpus.store import SCHEMA_VERSION, FailureRow, Store, connect, migrate, schema_version

REC = {"id": "a1", "url": "https://example.org/a", "site": "Example", "title": "Drones over Kyiv",
       "published": "2022-11-19", "language": "en", "text": "More than 25 kamikaze drones hit Kyiv.",
       "entities": [{"text": "Kyiv", "label": "GPE", "start": 34, "end": 38}],
       "attributions": [{"source": "officials", "cue": "said", "claim": {"start": 0, "end": 10}}],
       "events": [{"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
                   "actor": "Russia", "date": {"from": "2022-11-19", "to": "2022-11-19"},
                   "location": {"name": "Kyiv", "country": "UA", "lat": 50.45, "lon": 30.52}}]}


def test_upsert_is_idempotent_and_replaces_facts_and_events(tmp_path):
    with Store(tmp_path / "c.db") as store:
        store.write_batch([(REC, None, "page:a")], [], ["page:a"])
        store.write_batch([(REC, None, "page:a")], [], ["page:a"])
        counts = store.counts()
        assert (counts["articles"], counts["facts"], counts["events"]) == (1, 2, 1)
        row = store.conn.execute("SELECT type, date_from, country, lat, actor_norm FROM events").fetchone()
        assert tuple(row) == ("Explosions/Remote violence", "2022-11-19", "UA", 50.45, "russia")
        store.write_batch([({**REC, "events": [], "entities": []}, None, "page:a")], [], ["page:a"])
        assert store.counts()["events"] == 0 and store.counts()["facts"] == 1
        assert store.integrity() == "ok"


def test_a_batch_is_all_or_nothing(tmp_path, monkeypatch):
    with Store(tmp_path / "c.db") as store:
        bad = {**REC, "id": "b2", "text": None, "events": [{"date": object()}]}  # not JSON-serialisable
        with pytest.raises(TypeError):
            store.write_batch([(REC, None, "page:a"), (bad, None, "page:b")], [], ["page:a", "page:b"])
        assert store.counts()["articles"] == 0 and not store.is_done("page:a")


def test_failures_count_attempts_and_clear_on_success(tmp_path):
    with Store(tmp_path / "c.db") as store:
        row = FailureRow("page:/x/a.html", "/x/a.html", "read", "empty input", "/x/a.html")
        store.write_batch([], [row], [row.key])
        store.write_batch([], [row], [row.key])
        assert store.failures()[0]["attempts"] == 2
        store.mark_done(["file:/x/a.html|10|1"])
        assert store.reopen_failed() == 1
        assert not store.is_done(row.key) and not store.is_done("file:/x/a.html|10|1")
        store.write_batch([({**REC, "id": "c3"}, None, row.key)], [], [row.key])
        assert store.failures() == []


def test_an_old_database_is_migrated_on_open(tmp_path):
    path = tmp_path / "old.db"
    conn = connect(path)
    migrate(conn, target=1)  # a database from before full-text search
    conn.execute("INSERT INTO articles (id, title, text, record, ingested_at) VALUES "
                 "('x', 'Drone strike', 'kamikaze drones hit the port', '{}', 'now')")
    conn.close()
    with Store(path) as store:
        assert schema_version(store.conn) == SCHEMA_VERSION
        assert [h["id"] for h in store.search("kamikaze drones")] == ["x"]


def test_search_ranks_and_snippets(tmp_path):
    with Store(tmp_path / "c.db") as store:
        store.write_batch([(REC, None, "k1"), ({**REC, "id": "z", "title": "Markets", "text": "Stocks rose."}, None, "k2")],
                          [], [])
        hits = store.search('"kamikaze drones"')
        assert [h["id"] for h in hits] == ["a1"] and "[kamikaze drones]" in hits[0]["snippet"]
        with pytest.raises(sqlite3.OperationalError):
            store.search('AND"')


def test_a_newer_database_is_refused(tmp_path):
    path = tmp_path / "new.db"
    with Store(path) as store:
        store.conn.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION + 1,))
    with pytest.raises(sqlite3.DatabaseError, match="newer"):
        Store(path)


def test_to_json_is_json_dumps_without_ascii_escaping():
    """store.to_json (one shared encoder) writes what json.dumps(x, ensure_ascii=False) writes."""
    import json

    from factwire.corpus.store import to_json

    for value in ({"text": "Kyiv – Київ", "n": [1, 2.5, None, True]}, [], "é\u2028", {"a": {"b": float("inf")}}):
        assert to_json(value) == json.dumps(value, ensure_ascii=False)
