"""Flatten a DOM into text blocks in one recursive pass.

A *block* is the text of one block-level element (inline descendants merged in), with its kind,
its owning element, how much of it is link text, and the page-chrome mark (navigation, related,
promo, comments) inherited from the nearest marked ancestor.  The pass also records, for every
block-level element, the half-open range of block indices its subtree produced: with prefix sums
over the blocks, any container's text and link totals are then O(1), so scoring never needs to
walk a subtree twice.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate

from lxml import etree

from factwire.clean.html_hints import NO_HINTS, Hints, element_hints, inline_hints
from factwire.clean.html_patterns import (
    HEADING_KINDS,
    INLINE_TAGS,
    MARK_TAGS,
    ROLE_MARKS,
    SKIP_TAGS,
    token_words,
)
from factwire.clean.html_tables import table_text

Element = etree._Element

#: Tags that can never be marked as chrome by a class word (the page's outermost wrappers).
_UNMARKABLE = frozenset({"html", "body", "article", "main"})
#: Cell-level block tags whose presence makes a <table> a layout table, not data.
#: A marked element holding more than this share of the page's prose keeps no mark.  On
#: scrapinghub-dev 7 pages lost their whole body to a `paywall`/`rail` wrapper without it;
#: 0.3..0.6 gave the same F1.
MARK_VETO_SHARE = 0.5
#: A byline/dateline/standfirst box ("meta") holds a few short lines; one holding more prose
#: than this is a post wrapper named after its date (Blogger's `date-outer`).  A standfirst
#: or an author bio runs 100-500 characters.
META_MAX_PROSE = 800
#: The mark of a "meta" box whose class/id names a date (`date-outer`, `post-date`): painted as
#: "meta", unless it wraps a content box (`post-body entry-content`) -- then it is a blog
#: template's day wrapper (Blogger: date-outer > date-header + post-outer > post-body) around
#: the posts of that day, however short they are.  A dateline never holds the article's box.
DATE_BOX = "meta-date"
#: Blocks counted as prose for the veto: running-text kinds of at least this many chars.
PROSE_KINDS = frozenset({"p", "quote", "li", "oli", "pre"})
PROSE_MIN_CHARS = 25
#: A table cell with more text than this, with a sentence break in it, is page layout: data
#: cells hold values and short descriptions (the longest on scrapinghub-dev: ~250 chars).
DATA_CELL_MAX_CHARS = 300
_LAYOUT_CELL_TAGS = ("p", "div", "table", "ul", "ol", "h1", "h2", "h3", "article", "section")


#: React's id for a streamed segment (`$RC("B:0", "S:0")` moves S:0 into boundary B:0).
STREAMED_SEGMENT_ID = re.compile(r"S:\d+$")


@dataclass(slots=True)
class Block:
    text: str
    kind: str  # p h1 h2 h3 h4 li oli quote pre table caption credit
    el: Element  # the block-level element that owns the text
    links: int  # characters of link text
    mark: str | None  # navigation / related / promo / comments, from the nearest marked ancestor


def is_hidden(el: Element) -> bool:
    """Hidden by attribute or inline style: not visible, so not article text.

    Except a React streaming segment: React 18+ server rendering streams each late part of
    the page (often the article itself) in a `<div hidden id="S:0">` that its inline script
    moves into the page at once; a browser shows it, so its text is read where it stands."""
    if el.get("hidden") is not None:
        return not (el.tag == "div" and STREAMED_SEGMENT_ID.match(el.get("id") or ""))
    style = el.get("style")
    if style:  # CSS values are case-insensitive: `Visibility: Hidden` hides too
        s = style.replace(" ", "").lower()
        return "display:none" in s or "visibility:hidden" in s
    return False


class Flattener:
    """One pass over the tree: `blocks` in document order and `spans[el] = (start, end)`."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.spans: dict[Element, tuple[int, int]] = {}
        self.weights: dict[Element, Hints] = {}  # hints of block elements that have any
        self.marked: list[tuple[int, int, str]] = []  # (start, end, mark) of marked elements
        self.author_elements: list[Element] = []  # class/id says author/byline, page order
        self._parts: list[str] = []
        self._links = 0

    def run(self, root: Element) -> Flattener:
        self._walk_block(root, "html", "p")
        boxes = sorted(self.spans[el][0] for el, h in self.weights.items() if h.positive)
        heads = [i for i, b in enumerate(self.blocks) if b.kind == "h1"]
        paint_marks(self.blocks, self.marked, sorted(boxes + heads), boxes)
        return self

    def _add(self, text: str | None, in_link: bool) -> None:
        if text:
            self._parts.append(text)
            if in_link:
                self._links += len(text.strip())

    def _flush(self, owner: Element, kind: str) -> None:
        if not self._parts:
            return
        text = " ".join("".join(self._parts).split())
        self._parts.clear()  # in place: _walk_inline holds a reference to this list
        links, self._links = self._links, 0
        if text:
            self.blocks.append(Block(text, kind, owner, min(links, len(text)), None))

    def _walk(self, el: Element, owner: Element, kind: str, link: bool) -> None:
        tag = el.tag
        if not isinstance(tag, str) or tag in SKIP_TAGS or is_hidden(el):
            return
        hints = inline_hints(el) if tag in INLINE_TAGS else element_hints(el, tag)
        if hints.author:
            self.author_elements.append(el)
        if tag in _UNMARKABLE:  # page wrappers carry site-wide class lists: only the + sign counts
            hints = Hints(None, hints.positive, None)
        if hints.role == "hidden":
            return
        plain = hints.role is None or hints.role == "source" and kind != "caption"
        if tag in INLINE_TAGS and plain:
            self._walk_inline(el, tag, owner, kind, link)
        else:
            if self._parts:
                self._flush(owner, kind)
            self._walk_block(el, tag, kind, hints)

    def _walk_inline(self, el: Element, tag: str, owner: Element, kind: str, link: bool) -> None:
        # the hottest loop of extraction: `_add` is inlined by hand (~750 elements a page)
        link = link or tag == "a"
        parts = self._parts
        text = " " if tag == "br" else el.text
        if text:
            parts.append(text)
            if link:
                self._links += len(text.strip())
        for child in el:
            self._walk(child, owner, kind, link)
            tail = child.tail
            if tail:
                parts.append(tail)
                if link:
                    self._links += len(tail.strip())

    def _walk_block(self, el: Element, tag: str, outer_kind: str,
                    hints: Hints = NO_HINTS) -> None:
        """Walk a block element.  Its chrome mark is only recorded with its block range here:
        marks are painted onto blocks after the walk (see `paint_marks`)."""
        start = len(self.blocks)
        mark = _mark_of(el, tag, hints)
        kind = _kind_of(el, tag, outer_kind, hints)
        if hints.positive or hints.mark:
            self.weights[el] = hints
        if tag == "table" and _is_data_table(el):
            self._emit_table(el)
        else:
            # white space between block children (indentation) starts no block: skipping it
            # saves a flush of nothing for most children of a container
            parts = self._parts
            text = el.text
            if text and (parts or not text.isspace()):
                parts.append(text)
            for child in el:
                self._walk(child, el, kind, False)
                tail = child.tail
                if tail and (parts or not tail.isspace()):
                    parts.append(tail)
            if parts:
                self._flush(el, kind)
        self.spans[el] = (start, len(self.blocks))
        if mark is not None:
            if mark == "meta" and is_named_after_date(el):
                mark = DATE_BOX
            self.marked.append((start, len(self.blocks), mark))

    def _emit_table(self, table: Element) -> None:
        text = table_text(table)
        if text:
            self.blocks.append(Block(text, "table", table, 0, None))


def is_named_after_date(el: Element) -> bool:
    """True when a word of the element's class or id is "date" (`date-outer`, `postDate`)."""
    names = f"{el.get('class') or ''} {el.get('id') or ''}".split()
    return any("date" in token_words(t) for t in names)


def _mark_of(el: Element, tag: str, hints: Hints) -> str | None:
    if tag in MARK_TAGS:
        return MARK_TAGS[tag]
    if hints.mark and not hints.positive:
        return hints.mark
    role = el.get("role")
    if role and not hints.positive:
        return ROLE_MARKS.get(role.strip().lower())
    return None


def _kind_of(el: Element, tag: str, outer: str, hints: Hints) -> str:
    """Block kind of `el` given the kind of its nearest block ancestor."""
    if outer in ("caption", "credit"):
        return "credit" if hints.role in ("credit", "source") else outer
    if hints.role == "credit":  # <figcaption class="image__credit">: a credit, not a caption
        return "credit"
    if tag == "figcaption" or hints.role == "caption":
        return "caption"
    if tag in HEADING_KINDS:
        return HEADING_KINDS[tag]
    if tag == "li":
        parent = el.getparent()
        return "oli" if parent is not None and parent.tag == "ol" else "li"
    if tag == "blockquote" or outer == "quote":
        return "quote"
    if tag == "pre" or outer == "pre":
        return "pre"
    if outer == "li" or outer == "oli":
        return outer
    return "p"


def _is_data_table(table: Element) -> bool:
    """A table whose cells hold no block structure and no running text: rows of data, not page
    layout.  Old table-layout pages put the article in one cell as text and <br>s (L3S-GN1)."""
    for el in table.iter(*_LAYOUT_CELL_TAGS):
        if el is not table:
            return False
    for cell in table.iter("td", "th"):
        text = "".join(cell.itertext())
        if len(text) > DATA_CELL_MAX_CHARS and ". " in text:
            return False
    return True


def prose_chars(b: Block) -> int:
    """Non-link characters of a block that reads like running text (0 for short lines)."""
    if b.kind not in PROSE_KINDS or len(b.text) < PROSE_MIN_CHARS:
        return 0
    return len(b.text) - b.links


def paint_marks(blocks: list[Block], marked: list[tuple[int, int, str]],
                anchors: list[int] | None = None, boxes: list[int] | None = None) -> None:
    """Give each block the mark of its innermost marked ancestor, except marks that would
    swallow most of the page's prose: a wrapper called `paywall` or `rail-tall` around the
    article is the article.  A comment thread holds most of a short article's page too, so a
    "comments" mark is kept unless its box also holds an article anchor (the headline, or a
    box whose class says article/content/story) -- dragnet DEV: pages lost a short article to
    a long thread.  `anchors`: sorted block indices of those anchors."""
    prose = [0, *accumulate(prose_chars(b) for b in blocks)]
    limit = MARK_VETO_SHARE * prose[-1]
    for start, end, mark in sorted(marked, key=lambda m: (m[0], -m[1])):
        held = prose[end] - prose[start]
        if held > limit and prose[-1] > 0 and (mark != "comments" or _holds_anchor(anchors, start, end)) or \
                mark in ("meta", DATE_BOX) and held > META_MAX_PROSE or \
                mark == DATE_BOX and boxes is not None and _holds_anchor(boxes, start, end):
            continue
        for b in blocks[start:end]:
            b.mark = "meta" if mark == DATE_BOX else mark


def _holds_anchor(anchors: list[int] | None, start: int, end: int) -> bool:
    """True when a block index of `anchors` lies in [start, end) (always, without anchors)."""
    if anchors is None:
        return True
    k = bisect_left(anchors, start)
    return k < len(anchors) and anchors[k] < end
