"""Metadata from visible text: the dateline and byline of flattened pages, and the language.

Scraped text has no <meta>; the date and byline sit as short lines near the headline
("By Jane Doe | Fox News", "Published November 19, 2022 10:04am EST").  We look only in a
window of lines around the title so that dates quoted in the story are not taken.
"""
from __future__ import annotations

import re

from factwire.metadata.authors import split_byline
from factwire.metadata.dates import parse_date, parse_human_date

#: Lines searched before / after the title line (or from the top when the title is not found).
LINES_BEFORE_TITLE = 5
LINES_AFTER_TITLE = 15
#: Dateline and byline lines are short; longer lines are story text.
MAX_DATELINE_CHARS = 120
MAX_BYLINE_LINE_CHARS = 150
#: Language id reads this much of the body: enough for a stable answer, cheap to classify.
LANGUAGE_SAMPLE_CHARS = 1500

_DATE_LABEL = re.compile(r"^\s*(?:published|posted|date|dated|first published|created)\b", re.I)
_UPDATED_LABEL = re.compile(r"\b(?:updated|modified|last updated|edited)\b", re.I)
_ISO_LINE = re.compile(r"(?<!\d)(?:19|20)\d\d-[01]\d-[0-3]\d(?!\d)")
_BYLINE_LINE = re.compile(r"^\s*(?:written\s+)?by\s+\S", re.I)
_BYLINE_SITE = re.compile(r"\|\s*([^|]+?)\s*$")


def text_window(page_text: str, title: str | None) -> list[str]:
    """Non-empty lines near the title (the headline block), else the top of the page."""
    lines = [line.strip() for line in page_text.splitlines() if line.strip()]
    start = 0
    if title:
        folded = " ".join(title.split()).casefold()
        start = next((i for i, line in enumerate(lines) if line.casefold() == folded), 0)
    return lines[max(0, start - LINES_BEFORE_TITLE): start + LINES_AFTER_TITLE + 1]


def find_dateline(lines: list[str]) -> str | None:
    """Published date from a short dateline; a labelled "Published ..." beats a bare date and
    an "Updated ..." date is used only when nothing else is there."""
    bare: str | None = None
    updated: str | None = None
    for line in lines:
        if len(line) > MAX_DATELINE_CHARS:
            continue
        iso = _line_date(line)
        if not iso:
            continue
        if _DATE_LABEL.match(line):
            return iso
        if _UPDATED_LABEL.search(line):
            updated = updated or iso
        else:
            bare = bare or iso
    return bare or updated


def _line_date(line: str) -> str | None:
    """A full date written in the line: "Nov. 19, 2022", "19 November 2022", "2022-11-19"."""
    iso = parse_human_date(line)
    if iso:
        return iso
    match = _ISO_LINE.search(line)
    return parse_date(match[0]) if match else None


def find_byline(lines: list[str]) -> tuple[list[str], str | None]:
    """Names from the first "By ..." line, and the outlet after a "|" in it if any."""
    for line in lines:
        if len(line) <= MAX_BYLINE_LINE_CHARS and _BYLINE_LINE.match(line):
            site = _BYLINE_SITE.search(line)
            names = split_byline(line)
            if names:
                return names, (site[1] if site else None)
    return [], None


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of `text` (title + opening paragraphs), None when it cannot be told."""
    from factwire.metadata.language import detect_language as detect

    return detect(text[:LANGUAGE_SAMPLE_CHARS])
