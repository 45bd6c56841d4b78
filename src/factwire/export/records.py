"""Render records for people and programs: JSON, JSONL, plain text, Markdown, the facts table.

Markdown is for rendering, so page text goes through `safe.md_text`: a page's `<script>` or
`[link](javascript:...)` stays text, and its `*`, `#` or `- ` render as written. Plain text is
for reading on a terminal, so it goes through `safe.plain` (an ESC sequence or a right-to-left
override in a page shows as `[U+001B]` / `[U+202E]`); JSON keeps the data, with those characters
as backslash-u escapes (`safe.json_text`)."""
from __future__ import annotations

import re
from typing import IO

from factwire.export.safe import json_text, md_cell, md_text, plain
from factwire.export.tables import render_table
from factwire.model import Failure, Record

FORMATS = ("json", "jsonl", "text", "markdown")


def to_json(item: Record | Failure, *, indent: int | None = None) -> str:
    return json_text(item.to_dict(), indent=indent)


def to_text(rec: Record) -> str:
    """Title, a blank line, then the paragraphs: what a person reads (control and direction
    characters as visible codes)."""
    head = f"{plain(rec.title)}\n\n" if rec.title else ""
    return head + plain(rec.text) + "\n"


def table_to_markdown(text: str) -> str:
    """A table paragraph (rows by newline, cells by ' | ') -> a Markdown table, first row as header."""
    rows = [[md_cell(c) for c in r.split(" | ")] for r in text.split("\n") if r.strip()]
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(lines)


def code_block(text: str) -> str:
    """A fenced block whose fence is longer than any backtick run in the text (no break-out)."""
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", text)), default=0))
    return f"{fence}\n{text}\n{fence}"


def block_to_markdown(kind: str, text: str) -> str:
    if kind in ("h2", "h3", "h4"):
        return "#" * int(kind[1]) + " " + md_text(text)
    if kind == "li":
        return "- " + md_text(text)
    if kind == "oli":
        return "1. " + md_text(text)
    if kind == "quote":
        return "\n".join("> " + md_text(ln) for ln in text.split("\n"))
    if kind == "pre":
        return code_block(text)
    if kind == "table":
        return table_to_markdown(text)
    return md_text(text)


def to_markdown(rec: Record) -> str:
    """Headings, lists and tables kept; consecutive list items kept together."""
    out: list[str] = [f"# {md_text(rec.title)}"] if rec.title else []
    byline = " · ".join(x for x in (", ".join(rec.authors), rec.site, rec.published) if x)
    if byline:
        out.append(f"*{md_text(byline)}*")
    prev = None
    for kind, text in zip(rec.kinds or ["p"] * len(rec.paragraphs), rec.paragraphs):
        block = block_to_markdown(kind, text)
        if kind in ("li", "oli") and prev == kind:
            out[-1] += "\n" + block
        else:
            out.append(block)
        prev = kind
    for cap in rec.captions:
        out.append(f"*{md_text(cap.text)}*" + (f" ({md_text(cap.credit)})" if cap.credit else ""))
    return "\n\n".join(out) + "\n"


def render(item: Record | Failure, fmt: str) -> str | None:
    """One item in `fmt`; None for a failure in a human format (it goes to stderr instead)."""
    if fmt in ("json", "jsonl"):
        return to_json(item, indent=2 if fmt == "json" else None) + "\n"
    if isinstance(item, Failure):
        return None
    return to_text(item) if fmt == "text" else to_markdown(item)


FACT_FIELDS = ("entities", "dates", "quantities", "places", "attributions")
_FACT_LABELS = {"entities": "entity", "dates": "date", "quantities": "quantity", "places": "place",
                "attributions": "attribution"}


def facts_only(rec: Record) -> dict:
    """The record's identity and its facts, without the article text."""
    d = rec.to_dict()
    keep = ("id", "url", "title", "published", "language", *FACT_FIELDS, "errors", "notes")
    return {k: d[k] for k in keep}


def describe_fact(field: str, item: dict) -> tuple[str, str]:
    """(as written, normalised value) for one fact, for people."""
    if field == "entities":
        return item.get("text", ""), item.get("label", "")
    if field == "dates":
        value = item.get("value") or {}
        span = f"{value.get('from')} .. {value.get('to')}" if value else "unresolved"
        return item.get("text", ""), span
    if field == "quantities":
        rng = f"-{item['value_max']}" if item.get("value_max") is not None else ""
        unit = f" [{item['unit']}]" if item.get("unit") else ""
        amount = f"{item.get('relation')} {item.get('value')}{rng} {item.get('item') or ''}{unit}"
        return item.get("text", ""), amount.strip()
    if field == "places":
        where = f"({item.get('lat')}, {item.get('lon')})"
        use = f" ({item['use']})" if item.get("use") else ""
        return item.get("text", ""), f"{item.get('name')}, {item.get('country')} {where} {item.get('kind')}{use}"
    role = f" ({item['role']})" if item.get("role") else ""
    return item.get("source", ""), f"{item.get('cue')}{role}"


FACTS_TABLE_COLUMNS = ("kind", "as written", "normalised", "where")
FACTS_TABLE_WIDTH = 120


def facts_rows(rec: Record) -> list[list[str]]:
    """The facts table's rows: kind, as written, normalised, where (offsets or caption)."""
    facts = rec.to_dict()
    return [[_FACT_LABELS[field], *describe_fact(field, item), _where(item)]
            for field in FACT_FIELDS for item in facts[field]]


def print_facts_table(rec: Record, out: IO[str]) -> None:
    """One table per record, then its non-fatal errors and notes."""
    out.write(render_table(FACTS_TABLE_COLUMNS, facts_rows(rec), title=rec.title or rec.source,
                           width=FACTS_TABLE_WIDTH, show_lines=False))
    for err in rec.errors:
        print(f"! {plain(err['stage'])}: {plain(err['reason'])}", file=out)
    for note in rec.notes:
        print(f"note: {plain(note)}", file=out)


def _where(item: dict) -> str:
    start = item.get("start", item.get("claim_start"))
    end = item.get("end", item.get("claim_end"))
    spot = f"{start}-{end}" if start is not None else ""
    return f"caption {item['caption']} {spot}" if item.get("caption") is not None else spot
