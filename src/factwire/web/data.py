"""Read-only queries over the corpus store for the web UI and the JSON API.

Why a module of its own: pages and API show the same rows, so they share one set of queries
(and one set of parameter checks). Every connection is opened with SQLite's `mode=ro` URI, so
no request can write, whatever bug is upstream. Event filters reuse `factwire.corpus.query`
(the CLI's): indexed columns narrow the rows in SQL, `matches` then decides exactly.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from factwire.corpus.query import filter_events, parse_bbox
from factwire.errors import BadParam
from factwire.corpus.store import BUSY_TIMEOUT_MS, FACT_KINDS

MAX_LIMIT = 500
DEFAULT_LIMIT = 50


def connect_ro(path: str | Path) -> sqlite3.Connection:
    """A read-only connection (`file:...?mode=ro`): a write raises sqlite3.OperationalError."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    return conn


def day_param(params: dict[str, str], key: str) -> str | None:
    """An ISO date parameter, or None; anything else is a BadParam."""
    value = params.get(key) or None
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise BadParam(f"{key} must be a date YYYY-MM-DD; got {value!r}") from None


def int_param(params: dict[str, str], key: str, default: int, hi: int) -> int:
    """A bounded non-negative integer parameter."""
    value = params.get(key)
    if value in (None, ""):
        return default
    if not value.isdigit() or int(value) > hi:
        raise BadParam(f"{key} must be an integer between 0 and {hi}; got {value!r}")
    return int(value)


def page_params(params: dict[str, str]) -> tuple[int, int]:
    """(limit, offset) with limit 1..MAX_LIMIT."""
    limit = int_param(params, "limit", DEFAULT_LIMIT, MAX_LIMIT)
    return max(1, limit), int_param(params, "offset", 0, 10**9)


# -- articles ---------------------------------------------------------------------------------

_ARTICLE_COLS = ("a.id, a.url, a.site, a.title, a.published, a.language, "
                 "(SELECT count(*) FROM copies c WHERE c.canonical_id = a.id AND c.article_id != a.id) AS copies")


def _article_where(params: dict[str, str]) -> tuple[str, list[Any]]:
    where, args = [], []
    if params.get("site"):
        where.append("a.site = ?")
        args.append(params["site"])
    for key, op in (("since", ">="), ("until", "<=")):
        day = day_param(params, key)
        if day:
            where.append(f"substr(a.published, 1, 10) {op} ?")
            args.append(day)
    return (" AND ".join(where) or "1"), args


def list_articles(conn: sqlite3.Connection, params: dict[str, str]) -> dict[str, Any]:
    """Articles matching q (FTS5 syntax), site and published range; newest first (best first with q)."""
    limit, offset = page_params(params)
    where, args = _article_where(params)
    q = (params.get("q") or "").strip()
    if q:
        sql = (f"SELECT {_ARTICLE_COLS}, snippet(articles_fts, 1, char(2), char(3), ' … ', 16) AS snippet "
               f"FROM articles_fts JOIN articles a ON a.n = articles_fts.rowid "
               f"WHERE articles_fts MATCH ? AND {where}")
        args = [q, *args]
        order = "rank"
    else:
        sql = f"SELECT {_ARTICLE_COLS}, NULL AS snippet FROM articles a WHERE {where}"
        order = "a.published DESC, a.id"
    try:
        total = conn.execute(f"SELECT count(*) FROM ({sql})", args).fetchone()[0]
        rows = conn.execute(f"{sql} ORDER BY {order} LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
    except sqlite3.OperationalError as exc:
        if q:
            raise BadParam(f"bad search query: {exc}") from None
        raise
    return {"total": total, "limit": limit, "offset": offset, "articles": [dict(r) for r in rows]}


def sites(conn: sqlite3.Connection) -> list[str]:
    """Every site name in the corpus (for the filter's choices)."""
    return [r[0] for r in conn.execute("SELECT DISTINCT site FROM articles WHERE site IS NOT NULL ORDER BY site")]


def get_article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
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


# -- events -----------------------------------------------------------------------------------

EVENT_FILTERS = ("type", "sub_type", "since", "until", "country", "bbox", "actor")


def event_filters(params: dict[str, str]) -> dict[str, Any]:
    """The filter keyword arguments of `factwire.corpus.query.matches`, checked."""
    out: dict[str, Any] = {k: params[k] for k in EVENT_FILTERS if params.get(k)}
    for key in ("since", "until"):
        if key in out:
            out[key] = day_param(params, key)
    if "bbox" in out:
        try:
            out["bbox"] = parse_bbox(out["bbox"])
        except ValueError as exc:
            raise BadParam(str(exc)) from None
    return out


def _prefilter(filters: dict[str, Any]) -> tuple[str, list[Any]]:
    """SQL on indexed columns that keeps a superset of what `matches` keeps."""
    where, args = [], []
    for key, col in (("type", "event_type"), ("sub_type", "sub_event_type"), ("country", "country")):
        if key in filters:
            where.append(f"{col} = ? COLLATE NOCASE")
            args.append(filters[key])
    return (" AND ".join(where) or "1"), args


def all_events(conn: sqlite3.Connection, params: dict[str, str]) -> list[dict[str, Any]]:
    """Every corpus event passing the filters, ordered by date then id (undated last)."""
    filters = event_filters(params)
    where, args = _prefilter(filters)
    rows = conn.execute(f"SELECT event FROM corpus_events WHERE {where} "
                        "ORDER BY date_from IS NULL, date_from, id", args)
    return filter_events((json.loads(r[0]) for r in rows), **filters)


def list_events(conn: sqlite3.Connection, params: dict[str, str]) -> dict[str, Any]:
    """One page of filtered corpus events, with the total."""
    limit, offset = page_params(params)
    events = all_events(conn, params)
    return {"total": len(events), "limit": limit, "offset": offset, "events": events[offset:offset + limit]}


def event_choices(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Distinct types, sub-types and countries (the filter form's choices)."""
    q = conn.execute
    return {"type": [r[0] for r in q("SELECT DISTINCT event_type FROM corpus_events WHERE event_type IS NOT NULL ORDER BY 1")],
            "sub_type": [r[0] for r in q("SELECT DISTINCT sub_event_type FROM corpus_events WHERE sub_event_type IS NOT NULL ORDER BY 1")],
            "country": [r[0] for r in q("SELECT DISTINCT country FROM corpus_events WHERE country IS NOT NULL ORDER BY 1")]}


def get_event(conn: sqlite3.Connection, event_id: str) -> dict[str, Any] | None:
    """A corpus event by id; an article event's id resolves to the corpus event holding it."""
    row = conn.execute("SELECT event FROM corpus_events WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        row = conn.execute("SELECT c.event FROM event_sources s JOIN corpus_events c ON c.id = s.corpus_event_id "
                           "WHERE s.event_id = ?", (event_id,)).fetchone()
    return json.loads(row[0]) if row else None


def member_events(conn: sqlite3.Connection, ev: dict[str, Any]) -> list[dict[str, Any]]:
    """The article events of a corpus event, each with its article's title, site, url and text."""
    out = []
    for member in ev.get("members") or ():
        row = conn.execute("SELECT e.event, e.article_id, a.title, a.site, a.url, a.published, a.text FROM events e "
                           "JOIN articles a ON a.id = e.article_id WHERE e.id = ?", (member,)).fetchone()
        if row:
            out.append({**json.loads(row["event"]), "id": member, **{k: row[k] for k in row.keys() if k != "event"}})
    return out


__all__ = ["BadParam", "FACT_KINDS", "connect_ro", "list_articles", "get_article", "list_events", "get_event"]
