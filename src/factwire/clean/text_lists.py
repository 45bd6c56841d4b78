"""Lists that are the article going on in items: a schedule after the last paragraph, the
list a colon announces, runs of same-shaped items inside the body, and a list-only page's
longest list.  Items score as short non-sentences, so the prose region alone would cut them.
"""
from __future__ import annotations

import re

from factwire.clean.boilerplate import classify_boilerplate
from factwire.clean.text_lines import Block, is_bracketed

#: A list that continues the article after its last paragraph (tour dates, a schedule) needs
#: at least this many items of the same shape; text-dev lists of that kind run 6-40 items,
#: and 4 keeps two- or three-line menus out.
LIST_MIN_ITEMS = 4
#: Items are short lines of this many words (dates + venue, "Name -- role").
LIST_ITEM_WORDS = (2, 25)
#: Blocks allowed between the region and the list (its heading: "Tour dates:").
LIST_LEAD_BLOCKS = 1
_MONTHS = frozenset("jan feb mar apr may jun jul aug sep oct nov dec".split())
_SEPARATORS = (" – ", " -- ", " — ", " @ ", " | ", ": ")


def item_shape(b: Block) -> tuple[str, frozenset[str]] | None:
    """Shape of a list item: how it starts (month, number) and which separators it uses.
    Items of one list share a shape; a menu of headlines has no separator and no number."""
    first = b.text.split(" ", 1)[0]
    if first[:3].lower() in _MONTHS:
        cls = "month"
    elif first[:1].isdigit():
        cls = "num"
    else:
        cls = "word"
    seps = frozenset(s for s in _SEPARATORS if s in b.text)
    if cls == "word" and not seps:
        return None
    return cls, seps


def trailing_list(blocks: list[Block], end: int) -> range:
    """Blocks of a same-shaped list right after the body region (empty range when none).

    Why: an article ending in a schedule or a table of dates scores every item negative (short,
    no sentence), so the region stops before it although the list is part of the article."""
    for lead in range(LIST_LEAD_BLOCKS + 1):
        first = end + 1 + lead
        if first >= len(blocks):
            break
        shape = item_shape(blocks[first])
        last = first
        while last + 1 < len(blocks) and _is_item(blocks[last + 1], shape):
            last += 1
        if shape is not None and _is_item(blocks[first], shape) and \
                last - first + 1 >= LIST_MIN_ITEMS:
            return range(end + 1, last + 1)
    return range(0)


#: A link printed as its address (a shop link under each item of a list of products).
URL_LINE_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)


def announced_list(blocks: list[Block], end: int) -> range:
    """The list a colon announces right after the body (empty range when none).

    Why: a colon introduces what follows (an enumeration); "Here are the deals:" and then a
    bulleted list is the article going on in items, which score as short non-sentences, while
    a list after a paragraph that ended with a stop is as likely a menu."""
    if not blocks[end].text.endswith(":"):
        return range(0)
    last, items = end, 0
    for i in range(end + 1, len(blocks)):
        b = blocks[i]
        if b.bullet and b.words <= LIST_ITEM_WORDS[1]:
            items += 1
        elif not _item_extra(b, blocks[i - 1]):
            break
        last = i
    return range(end + 1, last + 1) if items >= LIST_MIN_ITEMS else range(0)


def _item_extra(b: Block, prev: Block) -> bool:
    """A line that belongs to the list item above it: its link printed as an address (bare,
    or in Markdown's `<...>` / `**...**`), an image placeholder, a left-over markup line, or
    the wrapped rest of the item's name (a short non-sentence right after the bullet)."""
    text = b.text.strip("*<>_ ")
    if not text or URL_LINE_RE.match(text) or is_bracketed(b.text):
        return True
    return prev.bullet and not b.terminal and b.words <= LIST_ITEM_WORDS[1] // 2


def _is_item(b: Block, shape: tuple[str, frozenset[str]] | None) -> bool:
    """True when `b` is a short non-chrome line of the given list shape."""
    lo, hi = LIST_ITEM_WORDS
    return shape is not None and lo <= b.words <= hi and item_shape(b) == shape and \
        classify_boilerplate(b.text) is None


def longest_list(blocks: list[Block]) -> range:
    """The longest run of same-shaped list items on the page (empty range when none)."""
    idx = sorted(list_runs(blocks, 0, len(blocks) - 1))
    best, run_start = range(0), None
    for k, i in enumerate(idx):
        if run_start is None or i != idx[k - 1] + 1:
            run_start = i
        if i - run_start + 1 > len(best):
            best = range(run_start, i + 1)
    return best


def list_runs(blocks: list[Block], start: int, end: int) -> set[int]:
    """Indices inside the region that belong to runs of >= LIST_MIN_ITEMS same-shaped items
    (a schedule or results list inside the article, kept as list items)."""
    out: set[int] = set()
    i = start
    while i <= end:
        shape = item_shape(blocks[i]) if _is_item(blocks[i], item_shape(blocks[i])) else None
        j = i
        while shape is not None and j + 1 <= end and _is_item(blocks[j + 1], shape):
            j += 1
        if shape is not None and j - i + 1 >= LIST_MIN_ITEMS:
            out.update(range(i, j + 1))
        i = j + 1
    return out


#: A list-only page (a standings table, a race calendar) introduces its list and notes it:
#: "Classification after 36 races:" and the header row above it, "* Only the first 12 ...
#: contest the title" below it.  Those sentences are looked for within this many blocks of the
#: list's ends (the table's title, an intro sentence, a header row and a stray name between).
LIST_CONTEXT_BLOCKS = 6
#: ... and they stop at a block that costs at least this (a chrome label, a comments header).
LIST_CONTEXT_WALL = -6


def list_context(scores: list[float], run: range) -> tuple[int, int]:
    """(first, last) block of a list-only page's body: the list run widened to the farthest
    sentence (a block of positive score) within LIST_CONTEXT_BLOCKS of each end, never across
    a chrome block (see LIST_CONTEXT_WALL)."""
    first, last = run[0], run[-1]
    for i in range(run[0] - 1, max(-1, run[0] - 1 - LIST_CONTEXT_BLOCKS), -1):
        if scores[i] <= LIST_CONTEXT_WALL:
            break
        if scores[i] > 0:
            first = i
    for i in range(run[-1] + 1, min(len(scores), run[-1] + 1 + LIST_CONTEXT_BLOCKS)):
        if scores[i] <= LIST_CONTEXT_WALL:
            break
        if scores[i] > 0:
            last = i
    return first, last
