"""Events out of a record, for people (a table) and programs (CSV, JSONL).

CSV columns start with ACLED's own names in ACLED's order, so a sheet that already reads ACLED
exports reads ours; factwire's extra fields come after them, never in between.

Spreadsheet safety: event fields are taken from scraped, possibly hostile pages, and a cell that
begins with ``=``, ``+``, ``-``, ``@`` (or a tab / carriage return, which some spreadsheets skip
before reading a formula) is run as a formula by Excel, LibreOffice and Google Sheets
("CSV injection").  Every *text* cell that starts that way -- after any leading spaces -- gets
a leading apostrophe, which spreadsheets read as "this is text" and do not show.  Numbers that
factwire computed itself (coordinates, fatalities, offsets, confidence) are written as numbers,
so a negative longitude stays a number.  JSONL is left exactly as coded: it is for programs.

The table prints page text with markup off and control characters replaced, so a page cannot
style or rewrite the reader's terminal.
"""
from __future__ import annotations

import csv
import io
import json
import re
from typing import Any, Iterable

from factwire.model import Record

FORMATS = ("table", "csv", "jsonl")

ACLED_COLUMNS = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "location",
                 "latitude", "longitude", "source", "notes", "fatalities")
EXTRA_COLUMNS = ("action", "actor1_as_written", "actor2_as_written", "date_to", "counts", "weapon",
                 "modality", "confidence", "evidence_start", "evidence_end", "article_id", "url")
#: ACLED's geo_precision (1 = the place itself, 2 = near it / part of a region, 3 = province/
#: region level), in ACLED's place right after longitude. (ACLED_COLUMNS stays the set the corpus
#: exports share; they can add it the same way.)
GEO_PRECISION_COLUMN = "geo_precision"
CSV_COLUMNS = ACLED_COLUMNS[:8] + (GEO_PRECISION_COLUMN,) + ACLED_COLUMNS[8:] + EXTRA_COLUMNS
#: factwire location precision -> ACLED geo_precision. ACLED codes an event it can place only in
#: a region "2" when a named but unlocatable place lies in it, "3" for the province itself; a
#: factwire "region" location is either, so the coarser 3 is used unless the location names a
#: place of its own (a village kept by name with its region's point: 2). "country" has no ACLED
#: code and is also written 3 (the coarsest).
GEO_PRECISION = {"place": 1, "region": 3, "country": 3}

#: first characters a spreadsheet may read as the start of a formula
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SNIPPET_CHARS = 90


def _as_dict(rec: Record | dict) -> dict[str, Any]:
    """Records from the pipeline and their JSON form (e.g. read back from JSONL) both work."""
    return rec.to_dict() if isinstance(rec, Record) else rec


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


def safe_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run: text starting like a formula gets a leading "'".

    Non-text values (int, float, None) pass unchanged: they are factwire's own numbers."""
    if not isinstance(value, str):
        return "" if value is None else value
    stripped = value.lstrip(" ")
    if value.startswith(("\t", "\r")) or stripped.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_row(ev: dict, rec: Record | dict) -> dict[str, Any]:
    """One event -> {column: value} with ACLED's meanings (actor1 = actor_norm, notes = evidence)."""
    r = _as_dict(rec)
    loc = ev.get("location") or {}
    date = ev.get("date") or {}
    span = ev.get("evidence") or {}
    return {
        "event_date": date.get("from"), "event_type": ev.get("event_type"),
        "sub_event_type": ev.get("sub_event_type"), "actor1": ev.get("actor_norm"),
        "actor2": ev.get("target_norm"), "location": loc.get("name"),
        "latitude": loc.get("lat"), "longitude": loc.get("lon"), GEO_PRECISION_COLUMN: geo_precision(loc),
        "source": "; ".join(str(s) for s in ev.get("sources") or ()),
        "notes": evidence_text(ev, r.get("text") or ""), "fatalities": ev.get("fatalities"),
        "action": ev.get("action"), "actor1_as_written": ev.get("actor"),
        "actor2_as_written": ev.get("target"), "date_to": date.get("to"),
        "counts": format_counts(ev.get("counts")), "weapon": ev.get("weapon"),
        "modality": ev.get("modality"), "confidence": ev.get("confidence"),
        "evidence_start": span.get("start"), "evidence_end": span.get("end"),
        "article_id": r.get("id"), "url": r.get("url"),
    }


def geo_precision(loc: dict) -> int | None:
    """ACLED's 1/2/3 for an event location (see GEO_PRECISION); None without a location.
    A location without `precision` (records coded before it existed) counts as a place."""
    if not loc:
        return None
    precision = loc.get("precision") or ("country" if loc.get("kind") == "country" else "place")
    if precision == "region" and loc.get("kind") in ("city", "other") and loc.get("region"):
        return 2  # "Vasylivka, Donetsk": a named place, located only by its region
    return GEO_PRECISION.get(precision)


def to_csv(rec: Record | dict, *, header: bool = True) -> str:
    """The record's events as CSV (header first unless `header=False`, for the 2nd+ record)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    if header:
        writer.writeheader()
    for ev in _as_dict(rec).get("events") or ():
        writer.writerow({k: safe_cell(v) for k, v in csv_row(ev, rec).items()})
    return buf.getvalue()


def jsonl_lines(rec: Record | dict) -> str:
    """One JSON object per event: the event as coded plus article_id, url and the evidence text."""
    r = _as_dict(rec)
    lines = []
    for ev in r.get("events") or ():
        row = {"article_id": r.get("id"), "url": r.get("url"), **ev,
               "evidence_text": evidence_text(ev, r.get("text") or "")}
        lines.append(json.dumps(row, ensure_ascii=False) + "\n")
    return "".join(lines)


def _plain(value: Any) -> str:
    """Page text for a terminal: no control characters (escape sequences), no None."""
    return "" if value is None else _CONTROL.sub(" ", str(value))


def _snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def table_row(ev: dict, text: str) -> list[str]:
    """The cells of one event in the table, in column order (TABLE_COLUMNS)."""
    date = ev.get("date") or {}
    when = date.get("from") or ""
    if date.get("to") and date.get("to") != date.get("from"):
        when = f"{when} .. {date['to']}"
    kind = " / ".join(x for x in (ev.get("event_type"), ev.get("sub_event_type")) if x)
    actor = ev.get("actor_norm") or ev.get("actor") or "?"
    target = ev.get("target_norm") or ev.get("target")
    who = f"{actor} → {target}" if target else actor
    loc = ev.get("location") or {}
    where = ", ".join(str(x) for x in (loc.get("name"), loc.get("country")) if x)
    cells = [when, kind, ev.get("action"), who, where, format_counts(ev.get("counts")),
             ev.get("modality"), "; ".join(str(s) for s in ev.get("sources") or ()),
             _snippet(evidence_text(ev, text))]
    return [_plain(c) for c in cells]


TABLE_COLUMNS = ("date", "type / sub-type", "action", "actor → target", "location", "counts",
                 "modality", "sources", "evidence")


def to_table(rec: Record | dict, *, width: int = 160) -> str:
    """A rich table of the record's events (one row each), then its non-fatal errors."""
    from rich.console import Console
    from rich.table import Table

    r = _as_dict(rec)
    table = Table(title=_plain(r.get("title") or r.get("source") or r.get("id")), show_lines=True)
    for col in TABLE_COLUMNS:
        table.add_column(col, overflow="fold")
    for ev in r.get("events") or ():
        table.add_row(*table_row(ev, r.get("text") or ""))
    buf = io.StringIO()
    Console(file=buf, width=width, markup=False, highlight=False, emoji=False,
            color_system=None).print(table)
    if not r.get("events"):
        buf.write("(no events)\n")
    for err in r.get("errors") or ():
        buf.write(f"! {_plain(err.get('stage'))}: {_plain(err.get('reason'))}\n")
    return buf.getvalue()


def render_events(rec: Record | dict, fmt: str, *, header: bool = True) -> str:
    """A record's events in `fmt` (table, csv or jsonl); `header` is for CSV's first record."""
    if fmt == "table":
        return to_table(rec)
    if fmt == "csv":
        return to_csv(rec, header=header)
    if fmt == "jsonl":
        return jsonl_lines(rec)
    raise ValueError(f"unknown events format {fmt!r} (one of {', '.join(FORMATS)})")
