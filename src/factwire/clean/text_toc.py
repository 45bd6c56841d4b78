"""A page's table of contents: the list of its own section headings under a "Table of
Contents" / "Jump to" / "On this page" header.

Long guides open with one; its entries are links to the headings below, so they are the
page's navigation, not its text (the headings are printed again where their sections start).
A text dump keeps no link, and entries phrased as questions ("How long is my trip to
Iceland?") look like short sentences: without the header they start the body region early and
print every heading twice.  `toc_items` returns the header and its entries.
"""
from __future__ import annotations

import re

from factwire.clean.text_lines import WORD_RE, Block

#: Headers of a page's table of contents (English, German, French, Spanish, Italian,
#: Portuguese, Dutch).
TOC_HEADER_RE = re.compile(
    r"^(?:table of contents|contents|on this page|in this (?:article|post|guide|story)|"
    r"jump to(?: a)?(?: chapter| section)?|skip to(?: section)?|article contents|"
    r"inhalt(?:sverzeichnis)?|sommaire|table des matières|índice|indice|contenido|sumário|"
    r"inhoud(?:sopgave)?)\s*:?$", re.I)
#: An entry is a heading: at most this many words (headings run 2-15) ...
TOC_ITEM_WORDS = 16
#: ... and a table of contents has at least this many entries.
TOC_MIN_ITEMS = 3
#: A bullet or a chapter number before an entry or a heading ("• 1. How long ...").
NUMBERING_RE = re.compile(r"^\W*(?:\d{1,2}[.):]\s*)?")
#: Headers are short; a longer line is never one.
TOC_HEADER_WORDS = 5


def toc_items(blocks: list[Block]) -> set[int]:
    """Indices of every table-of-contents header and its entries: the heading-shaped blocks
    right below it, up to the last one that the page prints again further down (as the
    heading of its section); at least TOC_MIN_ITEMS of them must be printed again."""
    found: set[int] = set()
    for h, b in enumerate(blocks):
        if b.words > TOC_HEADER_WORDS or not TOC_HEADER_RE.match(b.text.strip()):
            continue
        end = h + 1
        while end < len(blocks) and _entry(blocks[end]):
            end += 1
        if end - h - 1 < TOC_MIN_ITEMS:
            continue
        below = {_key(x.text) for x in blocks[end:] if x.words <= TOC_ITEM_WORDS}
        again = [i for i in range(h + 1, end) if _key(blocks[i].text) in below]
        if len(again) >= TOC_MIN_ITEMS:
            found.update(range(h, again[-1] + 1))
    return found


def _entry(b: Block) -> bool:
    """A heading-shaped block: short, and no sentence ending in a full stop (a heading may
    ask a question; a table of contents a script fills in leaves the article's first
    sentence right under its header)."""
    return 0 < b.words <= TOC_ITEM_WORDS and not b.text.rstrip().endswith(".")


def _key(text: str) -> str:
    """Comparison key of a heading: its words in lower case, without a bullet or a number."""
    return "".join(WORD_RE.findall(NUMBERING_RE.sub("", text.lower())))
