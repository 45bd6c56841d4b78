"""HTML cleaning: the article body of a parsed page, with everything else set aside by kind.

Pipeline (two linear passes, no copies of the tree):

1. `Flattener` walks the DOM once into text blocks (html_blocks), marking page chrome by tag
   and class/id words and recording each container's block range;
2. `choose_main` scores containers from their paragraphs (html_scoring) and returns the block
   ranges of the article;
3. every block is routed once: body paragraph, caption, or a `Removed` kind.
"""
from __future__ import annotations

import lxml.html

from factwire.clean.html_blocks import Block, Flattener
from factwire.clean.html_captions import CaptionCollector
from factwire.clean.html_patterns import (BYLINE_LINE, BYLINE_MAX_WORDS, COMMENTS_LINE,
                                          CONTACT_LINE, CONTRIB_LINE,
                                          PROMO_LINE, PROMO_MAX_WORDS, RELATED_LINE)
from factwire.clean.html_scoring import Totals, choose_main
from factwire.model import Cleaned, Removed

#: A body block with more link text than this share is a link list (related stories / menu),
#: not prose.  Calibrated on scrapinghub-dev: 0.5..0.7 within ±0.001 F1.
MAX_BODY_LINK_DENSITY = 0.5
#: ...unless its own (non-link) text is this long: a list item that opens with a linked headline
#: and goes on for sentences is prose.  scrapinghub-dev: 120 -> 80 gained 0.001 F1 (60..100 equal).
LINKED_PROSE_CHARS = 80
#: Link-list lines of at least this many words read as story headlines (related), shorter ones
#: as menu items (navigation).
HEADLINE_MIN_WORDS = 4
#: Contributor lines are short; a longer block that mentions "contributed reporting" is prose.
CONTRIB_MAX_WORDS = 40


def clean_html(root: lxml.html.HtmlElement) -> Cleaned:
    """Return the article body of a parsed page.  May modify `root`."""
    flat = Flattener().run(root)
    totals = Totals(flat.blocks)
    ranges = choose_main(flat, totals)
    inside = _inside_mask(len(flat.blocks), ranges)
    title = choose_title(flat.blocks, inside, root)
    out = Cleaned(title=title, paragraphs=[], kinds=[], removed=Removed())
    captions = CaptionCollector()
    for block, is_body in zip(flat.blocks, inside):
        route(block, is_body, title, out, captions)
    out.captions = captions.captions
    trim_trailing_headings(out)
    return out


def trim_trailing_headings(out: Cleaned) -> None:
    """A heading with no body text after it introduced something that was set aside (a promo
    box, a podcast player, related links): it goes with it."""
    while out.kinds and out.kinds[-1] in ("h2", "h3", "h4"):
        out.kinds.pop()
        out.removed.promo.append(out.paragraphs.pop())


def _inside_mask(n: int, ranges: list[tuple[int, int]]) -> list[bool]:
    mask = [False] * n
    for start, end in ranges:
        mask[start:end] = [True] * (end - start)
    return mask


def choose_title(blocks: list[Block], inside: list[bool], root: lxml.html.HtmlElement) -> str | None:
    """The headline: the last h1 before or at the body start, else the first h1, else <title>."""
    first_body = next((i for i, v in enumerate(inside) if v), len(blocks))
    best = None
    for i, b in enumerate(blocks):
        if b.kind != "h1" or b.mark:
            continue
        if best is None or i <= first_body or inside[i]:
            best = b.text
        if i >= first_body:
            break
    if best is None:
        el = root.find(".//title")
        best = " ".join(el.text_content().split()) if el is not None else None
    return best or None


def route(b: Block, is_body: bool, title: str | None, out: Cleaned,
          captions: CaptionCollector) -> None:
    """Send one block to the body, the captions, or a Removed kind."""
    if b.kind in ("caption", "credit"):
        if not b.mark:
            (captions.add_caption if b.kind == "caption" else captions.add_credit)(b.text)
        return
    if b.text == title:  # the headline, or its echo in a gallery overlay
        return
    kind = b.mark or chrome_kind(b, is_body)
    if kind == "meta":
        return  # metadata (authors, dates): the metadata stage reads it from the page
    if kind:
        out.removed.add(kind, b.text)
    elif is_body:
        out.paragraphs.append(b.text)
        out.kinds.append("h2" if b.kind == "h1" else b.kind)


def is_meta_line(text: str, words: int) -> bool:
    """Byline, dateline, contributor or contact line: metadata rather than body."""
    if words <= BYLINE_MAX_WORDS and BYLINE_LINE.match(text):
        return not text.endswith((".", "!", "?", ".”", '."')) or text.endswith(("a.m.", "p.m."))
    if words <= CONTRIB_MAX_WORDS and CONTRIB_LINE.search(text):
        return True
    return words == 1 and CONTACT_LINE.match(text) is not None


def chrome_kind(b: Block, is_body: bool) -> str | None:
    """The Removed kind of an unmarked block, or None for article text."""
    text = b.text
    words = text.count(" ") + 1
    if is_meta_line(text, words):
        return "meta"
    short = words <= PROMO_MAX_WORDS
    if short and COMMENTS_LINE.match(text):
        return "comments"
    if short and RELATED_LINE.match(text):
        return "related"
    if short and PROMO_LINE.match(text):
        return "promo"
    if b.links > MAX_BODY_LINK_DENSITY * len(text) and len(text) - b.links < LINKED_PROSE_CHARS:
        return "related" if text.count(" ") + 1 >= HEADLINE_MIN_WORDS else "navigation"
    return None if is_body else "navigation"
