"""Request parameters -> the store's reads, for the web UI and the JSON API.

Why a module of its own: pages and API show the same rows, so they share one set of parameter
checks (a bad one is a BadParam: 400).  The queries themselves are the store's read API
(`factwire.corpus.reads`, shared with the CLI's exports and the report); every connection is
opened read-only (`store.connect(path, readonly=True)`), so no request can write.  Event filters
are the CLI's (`factwire.corpus.query.matches`), applied in SQL by `reads.corpus_events_page`
(tested equal), so a page of events never decodes every event.
"""
from __future__ import annotations

import math
import re
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from factwire.corpus import reads
from factwire.corpus.query import parse_bbox
from factwire.corpus.store import FACT_KINDS, connect
from factwire.errors import BadParam

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
#: An integer parameter: ASCII digits only (str.isdigit() also takes "²", which int() refuses).
_DIGITS = re.compile(r"[0-9]{1,12}")


def connect_ro(path: str | Path) -> sqlite3.Connection:
    """A read-only connection (`file:...?mode=ro`): a write raises sqlite3.OperationalError."""
    return connect(path, readonly=True)


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
    if not _DIGITS.fullmatch(value) or int(value) > hi:
        raise BadParam(f"{key} must be an integer between 0 and {hi}; got {value!r}")
    return int(value)


def page_params(params: dict[str, str]) -> tuple[int, int]:
    """(limit, offset) with limit 1..MAX_LIMIT."""
    limit = int_param(params, "limit", DEFAULT_LIMIT, MAX_LIMIT)
    return max(1, limit), int_param(params, "offset", 0, 10**9)


# -- articles ---------------------------------------------------------------------------------

def list_articles(conn: sqlite3.Connection, params: dict[str, str]) -> dict[str, Any]:
    """Articles matching q (FTS5 syntax), site and published range; newest first (best first with q)."""
    limit, offset = page_params(params)
    q = (params.get("q") or "").strip()
    try:
        total, rows = reads.search_articles(conn, q=q, site=params.get("site") or None,
                                            since=day_param(params, "since"), until=day_param(params, "until"),
                                            limit=limit, offset=offset)
    except sqlite3.OperationalError as exc:
        if q:
            raise BadParam(f"bad search query: {exc}") from None
        raise
    return {"total": total, "limit": limit, "offset": offset, "articles": rows}


sites = reads.sites
get_article = reads.article_record


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
        if not all(math.isfinite(x) for x in out["bbox"]):
            raise BadParam(f"bbox must be four finite numbers; got {params['bbox']!r}")
    return out


def events_for_page(conn: sqlite3.Connection, params: dict[str, str], limit: int, offset: int,
                    ) -> tuple[int, list[dict[str, Any]], list[dict[str, Any]]]:
    """(total, one page of events, chart fields of every matching event), in one snapshot."""
    filters = event_filters(params)
    with reads.snapshot(conn):
        total, events = reads.corpus_events_page(conn, filters, limit=limit, offset=offset)
        points = reads.corpus_event_fields(conn, filters)
    return total, events, points


def list_events(conn: sqlite3.Connection, params: dict[str, str]) -> dict[str, Any]:
    """One page of filtered corpus events, with the total: filtered, counted and paged in SQL."""
    limit, offset = page_params(params)
    total, events = reads.corpus_events_page(conn, event_filters(params), limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "events": events}


event_choices = reads.event_choices
get_event = reads.corpus_event
member_events = reads.member_events

__all__ = ["BadParam", "FACT_KINDS", "connect_ro", "list_articles", "get_article", "list_events", "get_event"]
