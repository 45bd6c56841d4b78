"""The post under the page's headline, when the scored container is somewhere else.

A short post (a blog entry of two paragraphs, a photo page's one caption) casts few votes, and
a longer box elsewhere on the page -- an "About me" widget, a disclaimer, a sidebar teaser --
can out-score it.  The page's own headline says where the article is: the heading whose text
is the page's <title> (less the site name) opens it.  When no chosen range holds that heading
or starts right after it, the text under the heading, up to the end of its nearest box that
holds prose after it, is the article too.
"""
from __future__ import annotations

import re

from lxml import etree

from factwire.clean.html_blocks import Block, Element, Flattener
from factwire.dom import text_of

#: A headline this short ("Home", "News") could be anything's heading.
HEADLINE_MIN_CHARS = 15
#: A chosen range starting within this many blocks after the headline is its article (bylines,
#: a dateline, share buttons and a standfirst sit between).  Suites dev: 6 cost newspaper4k
#: 0.006 and scrapinghub-dev 0.002 (a standfirst box taken); 15 costs nothing.
NEAR_BLOCKS = 15
#: Only a thin choice is doubted: a chosen body with this much prose is an article.  Suites
#: dev: 600 gained less (dragnet +0.001, l3s +0.002 vs +0.002 / +0.004); without it goose3
#: lost 0.10 and scrapinghub-dev 0.003.
THIN_CHOICE_CHARS = 1000
#: The headline's box must hold at least this many prose characters after it.
POST_MIN_CHARS = 25
_TITLE_SPLIT = re.compile(r"\s+[|\-–—:»·]\s+")


def title_parts(root: etree._Element) -> list[str]:
    """The <title>'s parts, split at the site-name separators, lower-cased."""
    el = root.find(".//title")
    title = " ".join(text_of(el).split()) if el is not None else ""
    return [p.lower() for p in _TITLE_SPLIT.split(title) if len(p) >= HEADLINE_MIN_CHARS]


def headline_index(blocks: list[Block], parts: list[str]) -> int | None:
    """The first unmarked heading whose text is a part of the <title>."""
    for i, b in enumerate(blocks):
        if b.kind in ("h1", "h2", "h3") and not b.mark and len(b.text) >= HEADLINE_MIN_CHARS \
                and b.text.lower() in parts:
            return i
    return None


def headline_post(flat: Flattener, ranges: list[tuple[int, int]],
                  root: etree._Element) -> tuple[int, int] | None:
    """The block range of the post under the headline, if the chosen ranges miss it."""
    if sum(_prose_after(flat.blocks, s, e) for s, e in ranges) >= THIN_CHOICE_CHARS:
        return None  # checked first: most pages, and cheaper than finding the <title>
    h = headline_index(flat.blocks, title_parts(root))
    if h is None or any(s <= h < e or h < s <= h + NEAR_BLOCKS for s, e in ranges):
        return None
    el: Element | None = flat.blocks[h].el
    while el is not None:
        span = flat.spans.get(el)
        if span is not None and _prose_after(flat.blocks, h + 1, span[1]) >= POST_MIN_CHARS:
            return h + 1, span[1]
        el = el.getparent()
    return None


def _prose_after(blocks: list[Block], start: int, end: int) -> int:
    return sum(len(b.text) for b in blocks[start:end]
               if b.kind in ("p", "quote", "li") and not b.mark and len(b.text) >= POST_MIN_CHARS)
