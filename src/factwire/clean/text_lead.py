"""The head of an article above its body: a standfirst (dek) and the byline under it.

A news page sets its head in a fixed order: headline, standfirst (a one- or two-sentence
summary), byline and date, then the body.  The standfirst is prose, so the region finder
starts the body with it; but it is the page's summary, not the article's first paragraph
(the ScrapingHub gold leaves it out).  What marks it is the byline *after* it: a body does not
open with a paragraph and then name its author.
"""
from __future__ import annotations

import re

from factwire.clean.text_lines import Block
from factwire.clean.text_region import is_prose

#: "By Laura Mowat" on its own line, in the languages of the suites (By, Von, Par, Por, Di,
#: Door): a byline, metadata rather than body.  Names are capitalised words.
BYLINE_LINE_RE = re.compile(r"^(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor)\s+"
                            r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}$")
#: ... with at most this many words (first, middle and last names).
BYLINE_MAX_WORDS = 5
#: A date line of the head: "November 15, 2019", "Updated 0339 GMT ... 2019", "20 Nov, 2019 05:47",
#: "19.11.2019": a month and a year, a numeric date, a clock time, or an "Updated" label.
HEAD_DATE_RE = re.compile(r"^(?:updated|published|posted)\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|"
                          r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s.*\b(?:19|20)\d{2}\b|"
                          r"\b(?:19|20)\d{2}\b.*\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
#: ... at most this many words.
HEAD_DATE_MAX_WORDS = 10
#: A standfirst is at most this many prose blocks (the summary, and an image caption under it)
#: of at most STANDFIRST_MAX_WORDS words each; ScrapingHub-DEV standfirsts run 10-25 words.
STANDFIRST_BLOCKS = 2
STANDFIRST_MAX_WORDS = 40
#: The byline is looked for this many blocks into the region (author, role, date, share row).
HEAD_WINDOW = 8


def is_byline(b: Block) -> bool:
    """A line naming the author ("By Ana Swanson")."""
    return b.words <= BYLINE_MAX_WORDS and BYLINE_LINE_RE.match(b.text) is not None


def is_head_meta(b: Block) -> bool:
    """A byline or a date line of the article's head."""
    return is_byline(b) or (b.words <= HEAD_DATE_MAX_WORDS and not is_prose(b)
                            and HEAD_DATE_RE.search(b.text) is not None)


def skip_standfirst(blocks: list[Block], start: int, end: int) -> int:
    """First block of the body: `start`, or the block after the byline when the region opens
    with a standfirst above it (see the module docstring)."""
    prose = 0
    for i in range(start, min(end, start + HEAD_WINDOW)):
        b = blocks[i]
        if is_head_meta(b):
            if prose == 0:
                return start
            return _after_head(blocks, i, end)
        if is_prose(b):
            prose += 1
            if prose > STANDFIRST_BLOCKS or b.words > STANDFIRST_MAX_WORDS:
                return start
    return start


def _after_head(blocks: list[Block], i: int, end: int) -> int:
    """The block after the byline/date lines that start at `i` (the body's first)."""
    while i < end and (is_head_meta(blocks[i]) or not is_prose(blocks[i])):
        i += 1
    return i
