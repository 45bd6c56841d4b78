"""HTML pages of `factwire serve`, rendered server-side with Jinja2.

Why Jinja2 (already installed with spaCy): autoescaping on by default, and a `finalize` hook
that sends every `{{ value }}` through `safe.esc`, so a template cannot print a page string
unescaped by forgetting a filter, and direction controls are always made visible. Data for
the charts goes in `<script type="application/json">` (see `safe.json_script`), read by
/ui/app.js; no inline script carries data.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from factwire.export.events import evidence_text
from factwire.export.safe import esc, esc_attr, ext_link, json_script
from factwire.web import data
from factwire.web.highlight import checked_fact_spans, evidence_spans, render_paragraphs
from factwire.web.report import country_ids

TEMPLATES = Path(__file__).with_name("templates")
REMOVED_KINDS = ("related", "promo", "navigation", "comments")


def _finalize(value: Any) -> Any:
    return value if isinstance(value, Markup) else esc(value)


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, finalize=_finalize,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(attr=esc_attr, link=ext_link, json_script=json_script, snippet=snippet, path=path_segment)
    env.globals.update(qs=_qs)
    return env


def path_segment(value: Any) -> str:
    """An id as one URL path segment: every character but letters, digits and `_.-~` is
    percent-encoded, so an id holding `/`, `"`, `:` or `?` links to itself (the router decodes it)."""
    return quote(str(value), safe="")


def snippet(value: str | None) -> Markup:
    """An FTS5 snippet (matches between \\x02 and \\x03) escaped, with the matches in <mark>;
    if the markers are unbalanced (the page itself held them) they are dropped instead."""
    text = str(esc(value or ""))
    if text.count("\x02") != text.count("\x03"):
        return Markup(text.replace("\x02", "").replace("\x03", ""))
    return Markup(text.replace("\x02", "<mark>").replace("\x03", "</mark>"))


def _qs(params: dict[str, Any], **changes: Any) -> str:
    """A query string: `params` with `changes` applied and empty values left out."""
    merged = {**params, **changes}
    return "?" + urlencode({k: v for k, v in merged.items() if v not in (None, "")})


ENV = _env()


def render(name: str, **ctx: Any) -> str:
    """A template rendered with `ctx`."""
    return ENV.get_template(name).render(**ctx)


def articles_page(conn: sqlite3.Connection, params: dict[str, str]) -> str:
    """/articles: search box, site and date filters, one page of results."""
    result = data.list_articles(conn, params)
    return render("articles.html", params=params, result=result, sites=data.sites(conn),
                  prev_offset=max(0, result["offset"] - result["limit"]) if result["offset"] else None,
                  next_offset=result["offset"] + result["limit"]
                  if result["offset"] + result["limit"] < result["total"] else None)


def article_page(conn: sqlite3.Connection, article_id: str) -> str | None:
    """/articles/{id}: the text with every fact and evidence sentence highlighted in place."""
    rec = data.get_article(conn, article_id)
    if rec is None:
        return None
    spans = checked_fact_spans(rec) + evidence_spans(rec, rec["event_ids"])
    corpus_ids = {row["id"]: row["corpus_event_id"] for row in rec["event_ids"]}
    events = [{**ev, "id": row["id"], "corpus_id": corpus_ids.get(row["id"])}
              for row, ev in zip(rec["event_ids"], rec.get("events") or ())]
    removed = {k: v for k, v in (rec.get("removed") or {}).items() if v}
    counts = {k: len(rec.get(k) or ()) for k in data.FACT_KINDS}
    return render("article.html", rec=rec, paragraphs=render_paragraphs(rec.get("text") or "", spans),
                  events=events, removed=removed, counts=counts)


def events_page(conn: sqlite3.Connection, params: dict[str, str]) -> str:
    """/events: filter form, timeline and map for the whole filter, one page of the table
    (the page and its total from SQL, the charts from a few fields of every matching event)."""
    limit, offset = data.page_params(params)
    total, events, points = data.events_for_page(conn, params, limit, offset)
    chart = {"events": [_chart_event(ev) for ev in points], "country_ids": country_ids(points)}
    return render("events.html", params=params, events=events, total=total,
                  limit=limit, offset=offset, choices=data.event_choices(conn), chart_data=chart,
                  prev_offset=max(0, offset - limit) if offset else None,
                  next_offset=offset + limit if offset + limit < total else None)


def _chart_event(ev: dict[str, Any]) -> dict[str, Any]:
    """What the charts need of an event (keeps the embedded JSON small)."""
    keep = ("id", "event_type", "sub_event_type", "action", "date", "location", "n_sources", "actor_norm")
    out = {k: ev.get(k) for k in keep}
    out["sources"] = [{"site": s.get("site"), "article_id": s.get("article_id")} for s in ev.get("sources") or ()]
    return out


def event_page(conn: sqlite3.Connection, event_id: str) -> str | None:
    """/events/{id}: sources, evidence sentences (linked into their articles), counts, merge."""
    ev = data.get_event(conn, event_id)
    if ev is None:
        return None
    members = data.member_events(conn, ev)
    for m in members:
        m["evidence_text"] = evidence_text(m, m.get("text") or "") or None
    return render("event.html", ev=ev, members=members)


def error_page(status: int, message: str) -> str:
    """A plain error page (never a traceback)."""
    return render("error.html", status=status, message=message)
