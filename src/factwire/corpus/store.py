"""The corpus store: one SQLite file (WAL) holding articles, facts, events, copies, corpus events,
failures and the source keys already finished (for resume).

Why SQLite: one file an analyst can copy, query from any language, and that survives kill -9.
Only the ingesting parent process writes, in batched transactions; each batch commits its
records *and* the source keys it finished together, so a kill leaves both or neither.

Ids are content hashes (`Record.id`), so re-ingesting the same page is an upsert, never a
duplicate.  The schema is versioned: `MIGRATIONS[i]` turns version i into i + 1, and opening an
older database runs the missing ones in order.
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factwire.corpus import duplicates, reads

#: Record lists stored one row per fact (the `facts` table's `kind` column).
FACT_KINDS = ("entities", "dates", "quantities", "places", "attributions")

#: Wait this long for a lock held by another connection (a reader, `factwire status`) before failing.
BUSY_TIMEOUT_MS = 30_000


@dataclass(slots=True)
class FailureRow:
    """A failed page (or file) as the store keeps it: `key` is its resume key."""

    key: str
    source: str
    stage: str
    reason: str
    file: str | None = None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


# -- schema ---------------------------------------------------------------------------------

def run_script(conn: sqlite3.Connection, sql: str) -> None:
    """Execute `;`-separated statements inside the caller's transaction (executescript would
    commit it first, so a failed migration could leave half a schema)."""
    statement = ""
    for line in sql.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        conn.execute(statement)


def _migrate_to_1(conn: sqlite3.Connection) -> None:
    """Core tables.  `articles.n` is an explicit rowid so the FTS index survives VACUUM."""
    run_script(conn, """
    CREATE TABLE articles (
        n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, url TEXT, site TEXT, title TEXT,
        published TEXT, language TEXT, text TEXT NOT NULL, record TEXT NOT NULL, source TEXT,
        ingested_at TEXT NOT NULL);
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_site ON articles(site);
    CREATE TABLE copies (
        article_id TEXT PRIMARY KEY, canonical_id TEXT NOT NULL, site TEXT, url TEXT, similarity REAL);
    CREATE INDEX copies_canonical ON copies(canonical_id);
    CREATE TABLE facts (
        article_id TEXT NOT NULL, kind TEXT NOT NULL, n INTEGER NOT NULL, start INTEGER, "end" INTEGER,
        text TEXT, value TEXT NOT NULL, PRIMARY KEY (article_id, kind, n)) WITHOUT ROWID;
    CREATE TABLE events (
        id TEXT PRIMARY KEY, article_id TEXT NOT NULL, n INTEGER NOT NULL, type TEXT, sub_type TEXT,
        action TEXT, date_from TEXT, date_to TEXT, country TEXT, lat REAL, lon REAL,
        actor_norm TEXT, target_norm TEXT, confidence REAL, event TEXT NOT NULL);
    CREATE INDEX events_article ON events(article_id);
    CREATE INDEX events_type ON events(type, sub_type);
    CREATE INDEX events_date ON events(date_from);
    CREATE INDEX events_country ON events(country);
    CREATE INDEX events_actor ON events(actor_norm);
    CREATE TABLE corpus_events (
        id TEXT PRIMARY KEY, event_type TEXT, sub_event_type TEXT, date_from TEXT, date_to TEXT,
        country TEXT, lat REAL, lon REAL, rule TEXT, n_sources INTEGER, event TEXT NOT NULL);
    CREATE INDEX corpus_events_type ON corpus_events(event_type, sub_event_type);
    CREATE TABLE event_sources (
        corpus_event_id TEXT NOT NULL, event_id TEXT NOT NULL, article_id TEXT,
        PRIMARY KEY (corpus_event_id, event_id)) WITHOUT ROWID;
    CREATE INDEX event_sources_event ON event_sources(event_id);
    CREATE TABLE failures (
        key TEXT PRIMARY KEY, source TEXT NOT NULL, file TEXT, stage TEXT NOT NULL, reason TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 1, first_at TEXT NOT NULL, last_at TEXT NOT NULL);
    CREATE TABLE done (key TEXT PRIMARY KEY, at TEXT NOT NULL) WITHOUT ROWID;
    """)


def _migrate_to_2(conn: sqlite3.Connection) -> None:
    """Full-text search over title + text (FTS5, external content kept in sync by triggers)."""
    run_script(conn, """
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='n');
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.n, new.title, new.text); END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.n, old.title, old.text); END;
    CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.n, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.n, new.title, new.text); END;
    INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
    """)


#: MIGRATIONS[i] upgrades a database at schema version i to i + 1.  Append, never edit.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_migrate_to_1, _migrate_to_2]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    """The database's schema version (0 for a new file)."""
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return row[0] or 0


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Run the missing migrations in order, each in its own transaction; return the new version."""
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        raise sqlite3.DatabaseError(f"database schema v{version} is newer than this factwire (v{SCHEMA_VERSION})")
    for step in range(version, target):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[step](conn)
            conn.execute("INSERT INTO schema_version VALUES (?)", (step + 1,))
            conn.execute("COMMIT")
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return max(version, target)


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection in WAL mode with foreign-key-free, synchronous=NORMAL (safe under WAL).

    `readonly` opens SQLite's `mode=ro` URI (any write raises sqlite3.OperationalError, whatever
    bug is upstream), usable from the thread that did not open it (the web server's handlers)."""
    if readonly:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                               check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
    conn.row_factory = sqlite3.Row
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any database or Python error raised inside."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


# -- rows -----------------------------------------------------------------------------------

#: `json.dumps(x, ensure_ascii=False)` with one encoder: dumps builds a new JSONEncoder on every
#: call that passes an option (~80 fact rows a page); the output is the same.
to_json = json.JSONEncoder(ensure_ascii=False).encode


def _fact_rows(article_id: str, rec: dict[str, Any]) -> Iterator[tuple]:
    for kind in FACT_KINDS:
        for n, fact in enumerate(rec.get(kind) or []):
            span = fact.get("claim") if "start" not in fact and isinstance(fact.get("claim"), dict) else fact
            yield (article_id, kind, n, span.get("start"), span.get("end"),
                   fact.get("text") or fact.get("source"), to_json(fact))


def _location(event: dict[str, Any]) -> tuple[Any, Any, Any]:
    loc = event.get("location")
    if isinstance(loc, dict):
        return loc.get("country"), loc.get("lat"), loc.get("lon")
    return event.get("country"), event.get("lat"), event.get("lon")


def _date_range(value: Any) -> tuple[Any, Any]:
    if isinstance(value, dict):
        return value.get("from"), value.get("to")
    return (value, value) if isinstance(value, str) else (None, None)


def event_id(article_id: str, n: int) -> str:
    """Id of an article's n-th event: stable as long as the article's events are."""
    return f"{article_id}-e{n}"


def _norm(value: Any) -> str | None:
    return " ".join(str(value).lower().split()) if value else None


def _event_rows(article_id: str, rec: dict[str, Any]) -> Iterator[tuple]:
    for n, ev in enumerate(rec.get("events") or []):
        date_from, date_to = _date_range(ev.get("date"))
        country, lat, lon = _location(ev)
        yield (event_id(article_id, n), article_id, n, ev.get("event_type"), ev.get("sub_event_type"),
               ev.get("action"), date_from, date_to, country, lat, lon,
               ev.get("actor_norm") or _norm(ev.get("actor")), ev.get("target_norm") or _norm(ev.get("target")),
               ev.get("confidence"), to_json(ev))


def _article_row(rec: dict[str, Any], record_json: str | None) -> tuple:
    return (rec["id"], rec.get("url"), rec.get("site"), rec.get("title"), rec.get("published"),
            rec.get("language"), rec.get("text") or "", record_json or to_json(rec),
            rec.get("source"), _now())


_UPSERT_ARTICLE = """
INSERT INTO articles (id, url, site, title, published, language, text, record, source, ingested_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(id) DO UPDATE SET url=excluded.url, site=excluded.site, title=excluded.title,
    published=excluded.published, language=excluded.language, text=excluded.text,
    record=excluded.record, source=excluded.source, ingested_at=excluded.ingested_at"""
_UPSERT_FAILURE = """
INSERT INTO failures (key, source, file, stage, reason, attempts, first_at, last_at)
VALUES (?, ?, ?, ?, ?, 1, ?, ?)
ON CONFLICT(key) DO UPDATE SET source=excluded.source, stage=excluded.stage, reason=excluded.reason,
    attempts=failures.attempts + 1, last_at=excluded.last_at"""


class Store:
    """The corpus database.  Open with `Store(path)` (creates or migrates), close with `.close()`."""

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = Path(path)
        if readonly and not self.path.exists():
            raise FileNotFoundError(f"no database at {self.path}")
        self.conn = connect(self.path, readonly=readonly)
        if not readonly:
            migrate(self.conn)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    def write_batch(self, records: Iterable[tuple[dict[str, Any], str | None, str]],
                    failures: Iterable[FailureRow], done: Iterable[str], clear: Iterable[str] = (),
                    files: dict[str, str] | None = None) -> list[FailureRow]:
        """One transaction: upsert records (dict, its JSON or None, resume key), record failures,
        mark `done` keys finished, drop the failures under `clear` keys.  All or nothing.

        Two inputs never share an article (corpus/duplicates.py): of a record whose id another
        input's article holds, the one later in input order is recorded as a failure of stage
        "duplicate" naming the other; those rows are returned, so the caller counts them as
        failures.  `files` maps a record's key to its input file (kept on such a row)."""
        dup_rows: list[FailureRow] = []
        with transaction(self.conn) as conn:
            conn.executemany("DELETE FROM failures WHERE key = ?", ((k,) for k in clear))
            now = _now()
            for rec, record_json, key in records:
                row = self._write_unless_duplicate(conn, rec, record_json, key, (files or {}).get(key))
                dup_rows += [row] if row is not None else []
            demoted = ((duplicates.demoted_key(f.source),) for f in failures)
            conn.executemany("DELETE FROM failures WHERE key = ?", demoted)  # an old demotion of these inputs
            for f in [*failures, *dup_rows]:
                conn.execute(_UPSERT_FAILURE, (f.key, f.source, f.file, f.stage, f.reason, now, now))
            conn.executemany("INSERT OR REPLACE INTO done (key, at) VALUES (?, ?)", ((k, now) for k in done))
        return dup_rows

    def _write_unless_duplicate(self, conn: sqlite3.Connection, rec: dict[str, Any], record_json: str | None,
                                key: str, file: str | None) -> FailureRow | None:
        """Write `rec` (key `key`), or the "duplicate" failure row it makes: its own, or, when it
        comes first in input order, the one of the article it takes the id from."""
        source = rec.get("source") or key
        conn.execute("DELETE FROM failures WHERE key = ?", (duplicates.demoted_key(source),))  # an old demotion
        verdict = duplicates.check(conn, rec)
        if verdict is not None and not verdict.first:
            return FailureRow(key, source, "duplicate", duplicates.reason(rec["id"], verdict.other, verdict.same_text),
                              file)
        self._write_record(conn, rec, record_json)
        conn.execute("DELETE FROM failures WHERE key = ?", (key,))
        if verdict is None:
            return None
        duplicates.rename_keeper(conn, verdict.other, source)
        return FailureRow(duplicates.demoted_key(verdict.other), verdict.other, "duplicate",
                          duplicates.reason(rec["id"], source, verdict.same_text))

    def _write_record(self, conn: sqlite3.Connection, rec: dict[str, Any], record_json: str | None) -> None:
        """Upsert one article with its facts and events (old facts/events of that id are replaced)."""
        aid = rec["id"]
        conn.execute(_UPSERT_ARTICLE, _article_row(rec, record_json))
        conn.execute("DELETE FROM facts WHERE article_id = ?", (aid,))
        conn.executemany("INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?, ?)", _fact_rows(aid, rec))
        conn.execute("DELETE FROM events WHERE article_id = ?", (aid,))
        conn.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         _event_rows(aid, rec))

    def mark_done(self, keys: Iterable[str]) -> None:
        """Mark keys finished (their own transaction)."""
        self.write_batch([], [], keys)

    def reopen_failed(self) -> int:
        """Forget that failed pages (and the files holding them) are finished, so they run again."""
        with transaction(self.conn) as conn:
            rows = conn.execute("SELECT key, file FROM failures").fetchall()
            for row in rows:
                conn.execute("DELETE FROM done WHERE key = ?", (row["key"],))
                if row["file"]:
                    conn.execute("DELETE FROM done WHERE key >= ? AND key < ?",
                                 (f"file:{row['file']}|", f"file:{row['file']}|\uffff"))
        return len(rows)

    def replace_copies(self, rows: Iterable[dict[str, Any]]) -> int:
        """Replace the copies table with syndication's output ({"id","canonical_id","similarity"})."""
        with transaction(self.conn) as conn:
            conn.execute("DELETE FROM copies")
            conn.executemany(
                "INSERT OR REPLACE INTO copies SELECT ?, ?, site, url, ? FROM articles WHERE id = ?",
                ((r["id"], r["canonical_id"], r.get("similarity"), r["id"]) for r in rows))
            return conn.execute("SELECT count(*) FROM copies").fetchone()[0]

    def replace_corpus_events(self, events: Iterable[dict[str, Any]]) -> int:
        """Replace corpus_events + event_sources with merge's output."""
        with transaction(self.conn) as conn:
            conn.execute("DELETE FROM event_sources")
            conn.execute("DELETE FROM corpus_events")
            n = 0
            for ev in events:
                _insert_corpus_event(conn, ev)
                n += 1
            return n

    # -- reading ---------------------------------------------------------------------------

    def is_done(self, key: str) -> bool:
        return self.conn.execute("SELECT 1 FROM done WHERE key = ?", (key,)).fetchone() is not None

    def done_with_prefix(self, prefix: str) -> set[str]:
        """Finished keys starting with `prefix` (the pages of one file), by an index range scan."""
        rows = self.conn.execute("SELECT key FROM done WHERE key >= ? AND key < ?", (prefix, prefix + "\uffff"))
        return {r[0] for r in rows}

    def counts(self) -> dict[str, Any]:
        """Row counts of every table, plus failures grouped by stage and reason."""
        q = self.conn.execute
        out: dict[str, Any] = {t: q(f"SELECT count(*) FROM {t}").fetchone()[0] for t in
                               ("articles", "copies", "facts", "events", "corpus_events", "failures")}
        out["failures_by_reason"] = [dict(r) for r in q(
            "SELECT stage, reason, count(*) AS n FROM failures GROUP BY stage, reason ORDER BY n DESC, stage, reason")]
        return out

    def failures(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute(
            "SELECT source, stage, reason, attempts, last_at FROM failures ORDER BY source")]

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Articles matching an FTS5 query, best first, with the matches in [brackets] in a snippet."""
        return reads.search_articles(self.conn, q=query, limit=limit, marks=("[", "]"), snippet_words=12)[1]

    def article_docs(self) -> list[dict[str, Any]]:
        """What syndication needs of every article."""
        return [dict(r) for r in self.conn.execute(
            "SELECT id, text, published, site, url, title FROM articles ORDER BY id")]

    def iter_article_docs(self, chunk: int = 1000) -> Iterator[list[dict[str, Any]]]:
        """`article_docs` in chunks, so the corpus steps never hold every article's text at once
        (bench/corpus.py: the whole list made the parent grow ~5x from 2,000 to 20,000 pages)."""
        cursor = self.conn.execute("SELECT id, text, published, site, url, title FROM articles ORDER BY id")
        while rows := cursor.fetchmany(chunk):
            yield [dict(r) for r in rows]

    def article_events(self) -> list[dict[str, Any]]:
        """Every article-level event (see `reads.article_events`)."""
        return reads.article_events(self.conn)

    def integrity(self) -> str:
        """PRAGMA integrity_check's verdict ("ok" when sound)."""
        return "; ".join(r[0] for r in self.conn.execute("PRAGMA integrity_check"))


def _insert_corpus_event(conn: sqlite3.Connection, ev: dict[str, Any]) -> None:
    date_from, date_to = _date_range(ev.get("date"))
    country, lat, lon = _location(ev)
    members = list(ev.get("members") or [])
    rule = ev.get("rule")
    rule = "; ".join(map(str, rule)) if isinstance(rule, (list, tuple)) else rule
    conn.execute("INSERT OR REPLACE INTO corpus_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 (ev["id"], ev.get("event_type"), ev.get("sub_event_type"), date_from, date_to, country,
                  lat, lon, rule, len(members), to_json(ev)))
    conn.executemany(
        "INSERT OR REPLACE INTO event_sources SELECT ?, ?, (SELECT article_id FROM events WHERE id = ?)",
        ((ev["id"], m, m) for m in members))
