"""Events for people (a table) and programs (CSV, JSONL): one row shape for an article's events
(`factwire events FILE`) and for a corpus database's events (`factwire events --db`), so both
CSVs have the same header.

CSV columns start with ACLED's own names in ACLED's order, so a sheet that already reads ACLED
exports reads ours; factwire's extra fields come after them, never in between.  ACLED meanings:
`actor1`/`actor2` are the names in ACLED's naming (`actor_norm`/`target_norm`; the names as
written are in `actor1_as_written`/`actor2_as_written`), `notes` is the evidence sentence,
`source` the attribution chain (article event) or the outlets (corpus event), `fatalities` the
lowest reported toll of a corpus event (ACLED's rule with conflicting reports: the most
conservative estimate) and `counts` every source's number: the spread, never an average.
Columns that do not apply to a row are empty (a corpus event has no single evidence offset;
an article event has one source and no merge rule).

Spreadsheet safety: every text cell goes through `safe.safe_cell` (a cell that starts like a
formula gets a leading apostrophe); numbers factwire computed stay numbers.  JSONL is left
exactly as coded: it is for programs.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from typing import IO, Any

from factwire.export.safe import json_text, plain, safe_cell
from factwire.export.tables import render_table

FORMATS = ("table", "csv", "jsonl")

ACLED_COLUMNS = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "location",
                 "latitude", "longitude", "source", "notes", "fatalities")
EXTRA_COLUMNS = ("action", "actor1_as_written", "actor2_as_written", "date_to", "time_precision", "counts", "weapon",
                 "modality", "confidence", "evidence_start", "evidence_end", "article_id", "url",
                 "n_sources", "rule", "event_id")
#: ACLED's geo_precision (1 = the place itself, 2 = near it / part of a region, 3 = province/
#: region level), in ACLED's place right after longitude.
GEO_PRECISION_COLUMN = "geo_precision"
CSV_COLUMNS = ACLED_COLUMNS[:8] + (GEO_PRECISION_COLUMN,) + ACLED_COLUMNS[8:] + EXTRA_COLUMNS
#: factwire location precision -> ACLED geo_precision. ACLED codes an event it can place only in
#: a region "2" when a named but unlocatable place lies in it, "3" for the province itself; a
#: factwire "region" location is either, so the coarser 3 is used unless the location names a
#: place of its own (a village kept by name with its region's point: 2). "country" has no ACLED
#: code and is also written 3 (the coarsest).
GEO_PRECISION = {"place": 1, "region": 3, "country": 3}
SNIPPET_CHARS = 90
#: ACLED's time_precision (codebook: 1 = the day is known, 2 = the week or a range of days,
#: 3 = the month): `event_date` is the first day known (the full day when it is known; a
#: month-dated event keeps `YYYY-MM`) and this column says how precise it is. A range longer
#: than a week, a month or a year is 3 (ACLED has no coarser code).
WEEK_DAYS = 7
DAY_CHARS = len("2022-11-17")


def time_precision(date: dict) -> int | None:
    """ACLED time_precision of an event date {from, to} (None when undated)."""
    start, end = date.get("from"), date.get("to")
    if not start:
        return None
    if len(str(start)) != DAY_CHARS:
        return 3
    if not end or end == start:
        return 1
    try:
        days = (dt.date.fromisoformat(str(end)[:10]) - dt.date.fromisoformat(str(start))).days
    except ValueError:
        return 3
    return 2 if days < WEEK_DAYS else 3


def as_dict(rec: Any) -> dict[str, Any]:
    """Records from the pipeline (anything with `to_dict`) and their JSON form both work."""
    return rec if isinstance(rec, dict) else rec.to_dict()


def evidence_text(ev: dict, text: str) -> str:
    """The evidence sentence of an event, from its offsets into the record's text ('' if none)."""
    span = ev.get("evidence") or {}
    start, end = span.get("start"), span.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        return text[start:end].strip()
    return ""


def format_counts(counts: Iterable[dict] | None) -> str:
    """[{value 150, relation approx, item missiles}] -> 'approx 150 missiles' (joined by '; ')."""
    parts = []
    for c in counts or ():
        words = [c.get("relation") if c.get("relation") not in (None, "eq") else None,
                 c.get("value"), c.get("item")]
        parts.append(" ".join(str(w) for w in words if w not in (None, "")))
    return "; ".join(p for p in parts if p)


def geo_precision(loc: dict) -> int | None:
    """ACLED's 1/2/3 for an event location (see GEO_PRECISION); None without a location.
    A location without `precision` (records coded before it existed) counts as a place."""
    if not loc:
        return None
    precision = loc.get("precision") or ("country" if loc.get("kind") == "country" else "place")
    if precision == "region" and loc.get("kind") in ("city", "other") and loc.get("region"):
        return 2  # "Vasylivka, Donetsk": a named place, located only by its region
    return GEO_PRECISION.get(precision)


def _source_names(ev: dict) -> str:
    """ACLED's `source`: the outlets (corpus event) or the attribution chain (article event)."""
    if ev.get("members"):
        return "; ".join(dict.fromkeys(str(s.get("site") or s.get("article_id"))
                                       for s in ev.get("sources") or ()))
    return "; ".join(str(s) for s in ev.get("sources") or ())


def _counts_cell(ev: dict) -> str:
    """Every reported count: per source for corpus events, as coded for article events."""
    if "counts_by_source" in ev:
        return "; ".join(f"{format_counts([c])} ({c.get('site') or c.get('article_id')})"
                         for c in ev["counts_by_source"])
    return format_counts(ev.get("counts"))


def _fatalities(ev: dict) -> Any:
    """The lowest reported toll of a corpus event (ACLED's conservative rule), else as coded."""
    tolls = [f["fatalities"] for f in ev.get("fatalities_by_source") or () if f.get("fatalities") is not None]
    return min(tolls) if tolls else ev.get("fatalities")


def _notes(ev: dict, rec: dict | None) -> str | None:
    """The evidence sentence: cut from the record's text, or as the database reader attached it."""
    if rec is not None and rec.get("text"):
        return evidence_text(ev, rec["text"]) or ev.get("evidence_text")
    return ev.get("evidence_text") or ev.get("notes")


def csv_row(ev: dict, rec: Any = None) -> dict[str, Any]:
    """One event -> {column: value} (CSV_COLUMNS), for an article event with its record (`rec`,
    a Record or its JSON dict), an article event read from a database, or a corpus event."""
    r = as_dict(rec) if rec is not None else None
    loc, date, span = ev.get("location") or {}, ev.get("date") or {}, ev.get("evidence") or {}
    rule = ev.get("rule")
    return {
        "event_date": date.get("from"), "event_type": ev.get("event_type"),
        "sub_event_type": ev.get("sub_event_type"), "actor1": ev.get("actor_norm"),
        "actor2": ev.get("target_norm"), "location": loc.get("name"),
        "latitude": loc.get("lat"), "longitude": loc.get("lon"), GEO_PRECISION_COLUMN: geo_precision(loc),
        "source": _source_names(ev), "notes": _notes(ev, r), "fatalities": _fatalities(ev),
        "action": ev.get("action"), "actor1_as_written": ev.get("actor"),
        "actor2_as_written": ev.get("target"), "date_to": date.get("to"), "time_precision": time_precision(date),
        "counts": _counts_cell(ev), "weapon": ev.get("weapon"),
        "modality": ev.get("modality"), "confidence": ev.get("confidence"),
        "evidence_start": span.get("start"), "evidence_end": span.get("end"),
        "article_id": r.get("id") if r else ev.get("article_id"), "url": r.get("url") if r else ev.get("url"),
        "n_sources": (ev.get("n_sources") or len(ev.get("sources") or ())) if ev.get("members") else 1,
        "rule": "; ".join(rule) if isinstance(rule, list) else rule, "event_id": ev.get("id"),
    }


def write_rows(rows: Iterable[dict[str, Any]], out: IO[str], *, header: bool = True) -> int:
    """CSV rows (from `csv_row`) to `out`, every text cell formula-safe; returns the row count."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    if header:
        writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: safe_cell(v) for k, v in row.items()})
        n += 1
    return n


def to_csv(rec: Any, *, header: bool = True) -> str:
    """The record's events as CSV (header first unless `header=False`, for the 2nd+ record)."""
    r = as_dict(rec)
    buf = io.StringIO()
    write_rows((csv_row(ev, r) for ev in r.get("events") or ()), buf, header=header)
    return buf.getvalue()


def jsonl_lines(rec: Any) -> str:
    """One JSON object per event: the event as coded plus article_id, url and the evidence text."""
    r = as_dict(rec)
    lines = []
    for ev in r.get("events") or ():
        row = {"article_id": r.get("id"), "url": r.get("url"), **ev,
               "evidence_text": evidence_text(ev, r.get("text") or "")}
        lines.append(json_text(row) + "\n")
    return "".join(lines)


def _snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _when(date_from: Any, date_to: Any) -> str:
    when = date_from or ""
    return f"{when} .. {date_to}" if date_to and date_to != date_from else when


TABLE_COLUMNS = ("date", "type / sub-type", "actor → target", "location", "counts", "fatalities", "weapon",
                 "modality", "sources", "evidence")
CORPUS_TABLE_COLUMNS = ("date", "type / sub-type", "actor → target", "location", "counts", "fatalities", "weapon",
                        "sources", "rule")


def table_row(ev: dict, text: str) -> list[Any]:
    """The cells of one article event in the table, in column order (TABLE_COLUMNS)."""
    date = ev.get("date") or {}
    kind = " / ".join(x for x in (ev.get("event_type"), ev.get("sub_event_type")) if x)
    actor = ev.get("actor_norm") or ev.get("actor") or "?"
    target = ev.get("target_norm") or ev.get("target")
    who = f"{actor} → {target}" if target else actor
    loc = ev.get("location") or {}
    where = ", ".join(str(x) for x in (loc.get("name"), loc.get("country")) if x)
    return [_when(date.get("from"), date.get("to")), kind, who, where,
            format_counts(ev.get("counts")), ev.get("fatalities"), ev.get("weapon"), ev.get("modality"),
            "; ".join(str(s) for s in ev.get("sources") or ()), _snippet(evidence_text(ev, text))]


def corpus_table_row(ev: dict) -> list[Any]:
    """The cells of one database event (CORPUS_TABLE_COLUMNS), from the same values as the CSV."""
    r = csv_row(ev)
    kind = " / ".join(x for x in (r["event_type"], r["sub_event_type"]) if x)
    who = " → ".join(str(x) for x in (r["actor1"] or ev.get("actor") or "?",
                                      r["actor2"] or ev.get("target")) if x)
    return [_when(r["event_date"], r["date_to"]), kind, who, r["location"], r["counts"], r["fatalities"],
            r["weapon"], f"{r['n_sources']}: {r['source']}", r["rule"]]


def to_table(rec: Any, *, width: int = 160) -> str:
    """A table of the record's events (one row each), then its non-fatal errors."""
    r = as_dict(rec)
    events = r.get("events") or ()
    out = render_table(TABLE_COLUMNS, (table_row(ev, r.get("text") or "") for ev in events),
                       title=r.get("title") or r.get("source") or r.get("id"), width=width)
    if not events:
        out += "(no events)\n"
    return out + "".join(f"! {plain(err.get('stage'))}: {plain(err.get('reason'))}\n" for err in r.get("errors") or ())


def corpus_table(events: list[dict], width: int = 160) -> str:
    """A table of database events (corpus or article events) for people."""
    return render_table(CORPUS_TABLE_COLUMNS, (corpus_table_row(ev) for ev in events), width=width)


def render_events(rec: Any, fmt: str, *, header: bool = True) -> str:
    """A record's events in `fmt` (table, csv or jsonl); `header` is for CSV's first record."""
    if fmt == "table":
        return to_table(rec)
    if fmt == "csv":
        return to_csv(rec, header=header)
    if fmt == "jsonl":
        return jsonl_lines(rec)
    raise ValueError(f"unknown events format {fmt!r} (one of {', '.join(FORMATS)})")
