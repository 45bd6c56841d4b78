"""The store's read API: every query that reads a corpus database back -- for the CLI's exports,
the report and the web UI -- in one place, so the three never drift apart (one read path).

Functions take a `sqlite3.Connection` (a `Store`'s, or the web server's per-request read-only
one from `store.connect(path, readonly=True)`) and return plain dicts; the JSON columns are
decoded here.  Filters beyond what indexed columns can narrow are `corpus.query.matches`'s,
applied by the callers.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from factwire.corpus.merge import span

#: SQLite's default limit on bound parameters is 999 (older builds): ids are asked in chunks.
ID_CHUNK = 500
#: Article columns that may be fetched by id (the column name is put into the SQL text).
ARTICLE_VALUE_COLUMNS = ("text", "title")
#: Corpus-event filters that indexed columns can apply in SQL (a superset of what `matches` keeps).
_PREFILTER_COLUMNS = (("type", "event_type"), ("sub_type", "sub_event_type"), ("country", "country"))
_ARTICLE_COLS = ("a.id, a.url, a.site, a.title, a.published, a.language, "
                 "(SELECT count(*) FROM copies c WHERE c.canonical_id = a.id AND c.article_id != a.id) AS copies")


@contextmanager
def snapshot(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Reads inside see one state of the database (one read transaction), so a count and the
    rows it counts agree even while an ingest writes (WAL readers are not blocked). Nested use,
    or a connection already in a transaction, reuses the transaction in force."""
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")


def _chunks(items: list[str], size: int = ID_CHUNK) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def article_values(conn: sqlite3.Connection, column: str, ids: Iterable[str | None]) -> dict[str, Any]:
    """{article id: its `column`} for the ids given (None and unknown ids are left out)."""
    if column not in ARTICLE_VALUE_COLUMNS:
        raise ValueError(f"not an article column to read by id: {column!r}")
    out: dict[str, Any] = {}
    for chunk in _chunks(sorted({i for i in ids if i})):
        marks = ",".join("?" * len(chunk))
        out.update((r[0], r[1]) for r in conn.execute(
            f"SELECT id, {column} FROM articles WHERE id IN ({marks})", chunk))
    return out


# -- corpus and article events ----------------------------------------------------------------

def corpus_events(conn: sqlite3.Connection, *, type: str | None = None, sub_type: str | None = None,
                  country: str | None = None) -> list[dict[str, Any]]:
    """Stored corpus events ordered by date (undated last), then id; `type`, `sub_type` and
    `country` narrow them on indexed columns (case-insensitively, as `query.matches` does)."""
    given = {"type": type, "sub_type": sub_type, "country": country}
    where = [(f"{col} = ? COLLATE NOCASE", given[key]) for key, col in _PREFILTER_COLUMNS if given[key]]
    sql = " AND ".join(w for w, _ in where) or "1"
    rows = conn.execute(f"SELECT event FROM corpus_events WHERE {sql} ORDER BY date_from IS NULL, date_from, id",
                        [a for _, a in where])
    return [json.loads(r[0]) for r in rows]


def _day(value: Any) -> date | None:
    """`merge.parse_day` on a stored date text: its ISO day, else None."""
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _overlaps(date_from: Any, date_to: Any, since: str | None, until: str | None) -> bool:
    """`query.matches`'s date test on the stored columns: the event's span at its precision
    (`merge.span`: a month-dated event covers its month) overlaps [since, until]; undated
    events fail."""
    s = span({"date": {"from": date_from, "to": date_to}})
    if s is None:
        return False
    return not ((since and s[1].isoformat() < since) or (until and s[0].isoformat() > until))


def _casefold(value: Any) -> str:
    return str(value).casefold() if value is not None else ""


def _sql_functions(conn: sqlite3.Connection) -> None:
    conn.create_function("fw_overlaps", 4, _overlaps, deterministic=True)
    conn.create_function("fw_casefold", 1, _casefold, deterministic=True)


_ACTOR_TEXT = ("fw_casefold(coalesce(json_extract(event, '$.actor_norm'), '') || ' ' || "
               "coalesce(json_extract(event, '$.actor'), ''))")


def _event_where(filters: dict[str, Any]) -> tuple[str, list[Any]]:
    """`query.matches` as SQL over corpus_events' columns (same casefolding, day overlap and
    bbox edges), so a page of filtered events is counted and cut in the database."""
    where: list[str] = []
    args: list[Any] = []
    for key, col in _PREFILTER_COLUMNS:
        if filters.get(key):
            where.append(f"fw_casefold({col}) = ?")
            args.append(str(filters[key]).casefold())
    if filters.get("since") or filters.get("until"):
        where.append("fw_overlaps(date_from, date_to, ?, ?)")
        args += [_iso(filters.get("since")), _iso(filters.get("until"))]
    if filters.get("bbox") is not None:
        min_lon, min_lat, max_lon, max_lat = filters["bbox"]
        where.append("lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?")
        args += [min_lon, max_lon, min_lat, max_lat]
    if filters.get("actor"):
        where.append(f"instr({_ACTOR_TEXT}, ?) > 0")
        args.append(str(filters["actor"]).casefold())
    return " AND ".join(where) or "1", args


def _iso(value: Any) -> str | None:
    day = _day(value)
    return day.isoformat() if day else None


def corpus_events_page(conn: sqlite3.Connection, filters: dict[str, Any], *, limit: int, offset: int = 0,
                       ) -> tuple[int, list[dict[str, Any]]]:
    """(total, one page) of the corpus events passing `filters` (the keyword arguments of
    `query.matches`, checked: days ISO, bbox a tuple), ordered as `corpus_events`; filtered,
    counted and paged in SQL in one snapshot, so only the page's events are decoded. (A window
    count in the page's statement was measured slower: it sorts every row with its JSON.)"""
    _sql_functions(conn)
    where, args = _event_where(filters)
    with snapshot(conn):
        total = conn.execute(f"SELECT count(*) FROM corpus_events WHERE {where}", args).fetchone()[0]
        rows = conn.execute(  # the sort carries ids only; the page's events are joined after it
            f"SELECT c.event FROM (SELECT id, date_from FROM corpus_events WHERE {where} "
            "ORDER BY date_from IS NULL, date_from, id LIMIT ? OFFSET ?) p JOIN corpus_events c ON c.id = p.id "
            "ORDER BY p.date_from IS NULL, p.date_from, p.id", [*args, limit, offset]).fetchall()
    return total, [json.loads(r[0]) for r in rows]


#: What a chart needs of each event (`json_extract` paths; objects come back as JSON text).
_CHART_FIELDS = ("action", "date", "location", "n_sources", "actor_norm", "sources")


def corpus_event_fields(conn: sqlite3.Connection, filters: dict[str, Any]) -> list[dict[str, Any]]:
    """Every corpus event passing `filters` (as `corpus_events_page`), reduced to id, types and
    `_CHART_FIELDS` read by SQLite's JSON functions: a timeline and map over the whole filter
    without decoding every event in Python."""
    _sql_functions(conn)
    where, args = _event_where(filters)
    cols = ", ".join(f"json_extract(event, '$.{f}') AS {f}" for f in _CHART_FIELDS)
    rows = conn.execute(f"SELECT id, event_type, sub_event_type, {cols} FROM corpus_events WHERE {where} "
                        "ORDER BY date_from IS NULL, date_from, id", args)
    out = []
    for r in rows:
        ev = dict(r)
        for key in ("date", "location", "sources"):
            ev[key] = json.loads(ev[key]) if ev[key] is not None else None
        out.append(ev)
    return out


def corpus_event(conn: sqlite3.Connection, event_id: str) -> dict[str, Any] | None:
    """A corpus event by id; an article event's id resolves to the corpus event holding it."""
    row = conn.execute("SELECT event FROM corpus_events WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        row = conn.execute("SELECT c.event FROM event_sources s JOIN corpus_events c ON c.id = s.corpus_event_id "
                           "WHERE s.event_id = ?", (event_id,)).fetchone()
    return json.loads(row[0]) if row else None


def event_choices(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Distinct types, sub-types and countries of the corpus events (a filter form's choices)."""
    return {key: [r[0] for r in conn.execute(
        f"SELECT DISTINCT {col} FROM corpus_events WHERE {col} IS NOT NULL ORDER BY 1")]
        for key, col in _PREFILTER_COLUMNS}


def article_events(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every article-level event with its id, article_id, site, url and published added, and
    `copy_of` (the canonical article id) when its article is a syndicated copy: merging must
    not count a copy as a second source."""
    rows = conn.execute(
        "SELECT e.id, e.article_id, e.event, a.site, a.url, a.published, c.canonical_id FROM events e "
        "JOIN articles a ON a.id = e.article_id "
        "LEFT JOIN copies c ON c.article_id = e.article_id AND c.canonical_id != e.article_id "
        "ORDER BY e.article_id, e.n")
    return [{**json.loads(r["event"]), "id": r["id"], "article_id": r["article_id"], "site": r["site"],
             "url": r["url"], "published": r["published"], "copy_of": r["canonical_id"]} for r in rows]


def member_events(conn: sqlite3.Connection, ev: dict[str, Any]) -> list[dict[str, Any]]:
    """The article events of a corpus event, each with its article's title, site, url and text."""
    out = []
    for member in ev.get("members") or ():
        row = conn.execute("SELECT e.event, e.article_id, a.title, a.site, a.url, a.published, a.text FROM events e "
                           "JOIN articles a ON a.id = e.article_id WHERE e.id = ?", (member,)).fetchone()
        if row:
            out.append({**json.loads(row["event"]), "id": member, **{k: row[k] for k in row.keys() if k != "event"}})
    return out


# -- articles ---------------------------------------------------------------------------------

def search_articles(conn: sqlite3.Connection, *, q: str = "", site: str | None = None,
                    since: str | None = None, until: str | None = None, limit: int = 20, offset: int = 0,
                    marks: tuple[str, str] = ("\x02", "\x03"), snippet_words: int = 16,
                    ) -> tuple[int, list[dict[str, Any]]]:
    """(total, one page of articles): matching `q` (FTS5 syntax; best first, with a snippet whose
    matches sit between `marks`), or all (newest first); by site and published day range.
    A malformed `q` raises sqlite3.OperationalError."""
    where, args = _article_where(site, since, until)
    if q:
        sql = (f"SELECT {_ARTICLE_COLS}, snippet(articles_fts, 1, ?, ?, ' … ', ?) AS snippet "
               f"FROM articles_fts JOIN articles a ON a.n = articles_fts.rowid WHERE articles_fts MATCH ? AND {where}")
        args = [*marks, snippet_words, q, *args]
        order = "rank"
    else:
        sql = f"SELECT {_ARTICLE_COLS}, NULL AS snippet FROM articles a WHERE {where}"
        order = "a.published DESC, a.id"
    with snapshot(conn):
        total = conn.execute(f"SELECT count(*) FROM ({sql})", args).fetchone()[0]
        rows = conn.execute(f"{sql} ORDER BY {order} LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
    return total, [dict(r) for r in rows]


def _article_where(site: str | None, since: str | None, until: str | None) -> tuple[str, list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    if site:
        where.append("a.site = ?")
        args.append(site)
    for day, op in ((since, ">="), (until, "<=")):
        if day:
            where.append(f"substr(a.published, 1, 10) {op} ?")
            args.append(day)
    return (" AND ".join(where) or "1"), args


def sites(conn: sqlite3.Connection) -> list[str]:
    """Every site name in the corpus."""
    return [r[0] for r in conn.execute("SELECT DISTINCT site FROM articles WHERE site IS NOT NULL ORDER BY site")]


def article_record(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """The stored record, plus its copies, what it is a copy of, and its events (with corpus ids)."""
    row = conn.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    rec = json.loads(row["record"])
    rec["copies"] = [dict(r) for r in conn.execute(
        "SELECT article_id AS id, site, url, similarity FROM copies WHERE canonical_id = ? AND article_id != ? "
        "ORDER BY similarity DESC, article_id", (article_id, article_id))]
    canon = conn.execute("SELECT canonical_id FROM copies WHERE article_id = ? AND canonical_id != ?",
                         (article_id, article_id)).fetchone()
    rec["copy_of"] = canon[0] if canon else None
    rec["event_ids"] = [dict(r) for r in conn.execute(
        "SELECT e.id, e.n, s.corpus_event_id FROM events e LEFT JOIN event_sources s ON s.event_id = e.id "
        "WHERE e.article_id = ? ORDER BY e.n", (article_id,))]
    return rec
