"""HTML cleaning: the article body of a parsed page, with everything else set aside by kind.

Pipeline (two linear passes, no copies of the tree):

1. `Flattener` walks the DOM once into text blocks (html_blocks), marking page chrome by tag
   and class/id words and recording each container's block range;
2. `choose_main` scores containers from their paragraphs (html_scoring) and returns the block
   ranges of the article;
3. every block is routed once: body paragraph, caption, or a `Removed` kind.
"""
from __future__ import annotations

import re

from lxml import etree

from factwire.clean.html_blocks import Block, Element, Flattener
from factwire.clean.html_captions import CaptionCollector
from factwire.clean.html_guard import Signature, guarded_signatures, overrules
from factwire.clean.html_headline import headline_post
from factwire.clean.html_patterns import (
    BYLINE_LINE,
    BYLINE_MAX_WORDS,
    COMMENTS_LINE,
    CONTACT_LINE,
    COPYRIGHT_MAX_WORDS,
    DATELINE_LINE,
    DATELINE_MAX_WORDS,
    PROMO_LINE,
    PROMO_MAX_WORDS,
    RELATED_LINE,
    SHORTCODE_LINE,
    is_contrib_line,
    is_copyright_line,
)
from factwire.clean.html_scoring import Totals, choose_main, merge_ranges
from factwire.dom import byline_texts, text_of
from factwire.model import Cleaned, Removed

#: A body block with more link text than this share is a link list (related stories / menu),
#: not prose.  Calibrated on scrapinghub-dev: 0.5..0.7 within ±0.001 F1.
MAX_BODY_LINK_DENSITY = 0.5
#: ...unless its own (non-link) text is this long: a list item that opens with a linked headline
#: and goes on for sentences is prose.  scrapinghub-dev: 120 -> 80 gained 0.001 F1 (60..100 equal).
LINKED_PROSE_CHARS = 80
#: A list whose text is more than this share links is a link list; its linked items go.
#: scrapinghub-dev: no effect at 0.5 (0.35 cost 0.001 F1: gold keeps some in-body link lists).
MAX_LIST_LINK_DENSITY = 0.5
#: A body block of at least this many characters made of two or more sentences is prose,
#: whatever its link share (briefing lists link each item's first clause).
LINKED_SENTENCES_CHARS = 150
_SENTENCE_BREAK = re.compile(r"[a-z0-9)”\"'][.!?][”\"']? [A-Z“\"]")
#: Link-list lines of at least this many words read as story headlines (related), shorter ones
#: as menu items (navigation).
HEADLINE_MIN_WORDS = 4
#: Contributor lines are short; a longer block that mentions "contributed reporting" is prose.
CONTRIB_MAX_WORDS = 40


def clean_html(root: etree._Element) -> Cleaned:
    """Return the article body of a parsed page.  May modify `root`."""
    flat = Flattener().run(root)
    totals = Totals(flat.blocks)
    ranges = choose_main(flat, totals)
    post = headline_post(flat, ranges, root)
    if post is not None:
        ranges = merge_ranges([*ranges, post])
    inside = _inside_mask(len(flat.blocks), ranges)
    title = choose_title(flat.blocks, inside, root)
    router = Router(title, list_link_densities(flat, totals), guarded_signatures(flat.blocks, inside))
    for block, is_body in zip(flat.blocks, inside):
        router.route(block, is_body)
    cleaned = router.finish()
    cleaned.bylines = list(byline_texts(flat.author_elements))
    return cleaned


def list_link_densities(flat: Flattener, totals: Totals) -> dict[Element, float]:
    """Link density of every list that holds items: a list of links is judged as a whole,
    since one item's share of link text ("Headline: a teaser") says little."""
    out: dict[Element, float] = {}
    for b in flat.blocks:
        if b.kind in ("li", "oli"):
            parent = b.el.getparent()
            if parent is not None and parent not in out and parent in flat.spans:
                out[parent] = totals.link_density(flat.spans[parent])
    return out


class Router:
    """Sends each block, in page order, to the body, the captions, or a Removed kind."""

    def __init__(self, title: str | None, list_density: dict[Element, float],
                 guarded: set[Signature] = frozenset()) -> None:
        self.out = Cleaned(title=title, paragraphs=[], kinds=[], removed=Removed())
        self.captions = CaptionCollector()
        self.list_density = list_density
        self.guarded = guarded
        self.last_removed = "promo"
        self.body_captions: list[tuple[int, str]] = []  # (paragraph position, caption text)

    def route(self, b: Block, is_body: bool) -> None:
        if b.kind in ("caption", "credit"):
            if not b.mark:
                add = self.captions.add_caption if b.kind == "caption" else self.captions.add_credit
                add(b.text, b.el)
                if is_body and b.kind == "caption":
                    self.body_captions.append((len(self.out.paragraphs), b.text))
            return
        if b.text == self.out.title:  # the headline, or its echo in a gallery overlay
            return
        mark = None if b.mark and overrules(b, is_body, self.guarded) else b.mark
        kind = mark or chrome_kind(b, is_body, self.list_density)
        if kind == "meta":  # bylines, datelines: metadata, not body
            self.out.datelines.append(b.text)
            return
        if kind:
            self.out.removed.add(kind, b.text)
            self.last_removed = kind
        elif is_body:
            self.add_body(b.text, "h2" if b.kind == "h1" else b.kind)

    def add_body(self, text: str, kind: str) -> None:
        self.out.paragraphs.append(text)
        self.out.kinds.append(kind)

    def finish(self) -> Cleaned:
        """Close the body: trailing headings go with what was set aside after them."""
        out = self.out
        while out.kinds and out.kinds[-1] in ("h2", "h3", "h4"):
            out.kinds.pop()
            out.removed.add(self.last_removed, out.paragraphs.pop())
        out.captions = self.captions.captions
        if _words(out.paragraphs) < GALLERY_BODY_WORDS <= _words(t for _, t in self.body_captions):
            self.promote_captions()
        return out

    def promote_captions(self) -> None:
        """A gallery or photo page tells its story in the captions of the main column: with
        (almost) no body text, those captions are the body, in page order."""
        out = self.out
        for pos, text in reversed(self.body_captions):
            out.paragraphs.insert(pos, text)
            out.kinds.insert(pos, "p")
        promoted = [t for _, t in self.body_captions]
        out.captions = [c for c in out.captions if not any(t.startswith(c.text) for t in promoted)]


#: Below this many words of body, captions of the main column holding at least as many are
#: the story (photo pages, slideshows).  A caption-only photo page on the DEV suites tells its
#: story in 40-200 words; a stub article with a captioned photo has more body than this.
GALLERY_BODY_WORDS = 30


def _words(texts) -> int:
    return sum(t.count(" ") + 1 for t in texts)


def _inside_mask(n: int, ranges: list[tuple[int, int]]) -> list[bool]:
    mask = [False] * n
    for start, end in ranges:
        mask[start:end] = [True] * (end - start)
    return mask


def choose_title(blocks: list[Block], inside: list[bool], root: etree._Element) -> str | None:
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
        best = " ".join(text_of(el).split()) if el is not None else None
    return best or None


def is_meta_line(text: str, words: int) -> bool:
    """Byline, dateline, contributor or contact line: metadata rather than body."""
    if words <= BYLINE_MAX_WORDS and BYLINE_LINE.match(text):
        return not text.endswith((".", "!", "?", ".”", '."')) or text.endswith(("a.m.", "p.m."))
    if words <= CONTRIB_MAX_WORDS and is_contrib_line(text):
        return True
    if words <= DATELINE_MAX_WORDS and DATELINE_LINE.match(text):
        return True
    return words == 1 and CONTACT_LINE.match(text) is not None


def chrome_kind(b: Block, is_body: bool, list_density: dict[Element, float]) -> str | None:
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
    if short and PROMO_LINE.match(text) or words <= COPYRIGHT_MAX_WORDS and is_copyright_line(text):
        return "promo"
    if text.startswith("[") and SHORTCODE_LINE.match(text):
        return "promo"
    if is_body and is_linked_sentences(text):
        return None
    if b.links > MAX_BODY_LINK_DENSITY * len(text) and len(text) - b.links < LINKED_PROSE_CHARS:
        return "related" if words >= HEADLINE_MIN_WORDS else "navigation"
    if b.kind in ("li", "oli") and b.links and len(text) - b.links < LINKED_PROSE_CHARS and \
            list_density.get(b.el.getparent(), 0.0) > MAX_LIST_LINK_DENSITY:
        return "related" if words >= HEADLINE_MIN_WORDS else "navigation"
    return None if is_body else "navigation"


def is_linked_sentences(text: str) -> bool:
    """Two or more whole sentences, however much of them is linked: a briefing item ("A new
    'Half-Life' game is finally coming out ... Valve called it a flagship.") whose first
    clause links to the story.  A teaser is a linked headline plus at most one sentence."""
    return len(text) >= LINKED_SENTENCES_CHARS and text.endswith((".", "!", "?", ".”", '."')) and \
        len(_SENTENCE_BREAK.findall(text)) >= 1
