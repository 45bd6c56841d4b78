"""Find the article container: paragraph scores credited to ancestors, damped by link density.

The idea is readability's (Arc90): every substantial paragraph votes for its parent (full weight)
and farther ancestors (less weight); a container's vote is then scaled by how little of its text
is link text, and class/id words nudge it.  Siblings of the winner that look like more of the same
article are taken too (articles split over several wrappers by ads or image blocks).
"""
from __future__ import annotations

from itertools import accumulate

from factwire.clean.html_blocks import Block, Element, Flattener
from factwire.clean.html_guard import may_vote

#: A block shorter than this (chars) casts no vote: bylines, labels, buttons.  Readability's
#: value; on scrapinghub-dev 20..40 all gave the same F1 (±0.001).
MIN_VOTE_CHARS = 25
#: How many ancestor levels a paragraph votes for, and the divisor at each level (readability.js).
VOTE_DIVIDERS = (1.0, 2.0, 6.0)
#: Block kinds that vote (headings, captions and tables say little about where the body is).
VOTING_KINDS = frozenset({"p", "quote", "pre", "li", "oli"})
#: Score added for a positive class/id word, subtracted for a chrome word (readability: 25).
CLASS_WEIGHT = 25.0
#: Starting score by tag (readability's initializeNode).
TAG_BONUS = {"div": 5.0, "article": 10.0, "main": 5.0, "section": 3.0, "td": 3.0,
             "blockquote": 3.0, "pre": 3.0, "form": -3.0, "ul": -3.0, "ol": -3.0,
             "li": -3.0, "h1": -5.0, "h2": -5.0, "h3": -5.0, "th": -5.0}
#: Boxes with the winner's tag+class scoring at least this share of its score are chunks of the
#: same article.  On scrapinghub-dev, 0.1..0.4 gave the same F1; a NYT chunk scored 0.56.
CHUNK_RATIO = 0.2
#: The parent walk (climb_to_container) stops at an ancestor scoring under this share of the
#: winner: readability.js's threshold (a third).
CLIMB_FLOOR = 1 / 3  # suites dev/held (bench/quick_eval.py suites): see climb_to_container
#: gather_close_rivals: readability.js's DEFAULT_N_TOP_CANDIDATES (5), its 0.75 score ratio
#: and MINIMUM_TOPCANDIDATES (3).
TOP_CANDIDATES = 5
RIVAL_RATIO = 0.75
RIVALS_NEEDED = 3
#: Container tags of list items (a list winner walks past low wrappers, see climb_to_container).
LIST_TAGS = ("ul", "ol")
#: A sibling of the winner joins it if its score reaches this share of the winner's (readability
#: 0.2) and at least SIBLING_MIN_SCORE.
SIBLING_RATIO = 0.2
SIBLING_MIN_SCORE = 10.0
#: A sibling paragraph joins on its own if longer than this with link density under the limit.
SIBLING_PARA_CHARS = 80
SIBLING_PARA_LINKS = 0.25
#: ...and if it holds at most this many blocks (a lead paragraph with a dateline `cite`).
SIBLING_PARA_BLOCKS = 3


class Totals:
    """Prefix sums of text and link characters over the blocks, for O(1) subtree totals."""

    def __init__(self, blocks: list[Block]) -> None:
        self.chars = [0, *accumulate(len(b.text) for b in blocks)]
        self.links = [0, *accumulate(b.links for b in blocks)]

    def link_density(self, span: tuple[int, int]) -> float:
        total = self.chars[span[1]] - self.chars[span[0]]
        return (self.links[span[1]] - self.links[span[0]]) / total if total else 1.0

    def text_chars(self, span: tuple[int, int]) -> int:
        return self.chars[span[1]] - self.chars[span[0]]


def paragraph_score(text: str) -> float:
    """Readability's paragraph vote: one, plus one per comma, plus one per 100 chars (max 3)."""
    return 1.0 + text.count(",") + min(len(text) / 100.0, 3.0)


def vote(flat: Flattener) -> dict[Element, float]:
    """Raw scores of every container that received a paragraph vote."""
    scores: dict[Element, float] = {}
    spans = flat.spans
    for b in flat.blocks:
        if b.kind not in VOTING_KINDS or len(b.text) < MIN_VOTE_CHARS or \
                b.mark and not may_vote(b):
            continue
        s = paragraph_score(b.text)
        start, end = spans.get(b.el, (0, 0))
        anc = b.el if end - start > 1 else b.el.getparent()  # loose text votes for its own box
        for divider in VOTE_DIVIDERS:
            if anc is None:
                break
            if anc not in scores:
                scores[anc] = initial_score(flat, anc)
            scores[anc] += s / divider
            anc = anc.getparent()
    return scores


def initial_score(flat: Flattener, el: Element) -> float:
    hints = flat.weights.get(el)
    s = TAG_BONUS.get(el.tag, 0.0)
    if hints is not None:
        s += CLASS_WEIGHT if hints.positive else 0.0
        s -= CLASS_WEIGHT if hints.mark else 0.0
    if (hints is None or not hints.positive) and declares_body(el):
        s += CLASS_WEIGHT
    return s


def final_scores(flat: Flattener, totals: Totals) -> dict[Element, float]:
    """Raw scores scaled by (1 - link density): a box of links is navigation, however long."""
    out = {}
    for el, s in vote(flat).items():
        span = flat.spans.get(el)
        if span is not None:
            out[el] = s * (1.0 - totals.link_density(span))
    return out


def choose_main(flat: Flattener, totals: Totals) -> list[tuple[int, int]]:
    """Block-index ranges of the article body, in document order (empty if nothing scored)."""
    scores = final_scores(flat, totals)
    if not scores:  # no paragraph long enough to vote: a stub page; keep what is not chrome
        return [(0, len(flat.blocks))]
    top = climb_to_container(max(scores, key=scores.__getitem__), scores)
    top = gather_close_rivals(flat, top, scores)
    ranges = sibling_ranges(flat, totals, scores, top)
    chunks = chunk_span(flat, scores, top)
    return merge_ranges(ranges + [chunks])


def climb_to_container(top: Element, scores: dict[Element, float]) -> Element:
    """The winner's nearest ancestor that out-scores the chain below it, if any.

    readability.js's parent walk: a single dense box (a comma-heavy list, one section) can
    out-score the article around it by a little, while the article's own paragraphs sit in
    other boxes of that article.  Walking up, an ancestor whose score beats the last one seen
    (and reaches CLIMB_FLOOR of the winner) holds more of the article than the winner does.
    The walk stops at an ancestor under the floor (page wrappers that only got distant votes)
    -- except above a list: readability lets no list item vote, so a winning list is a part
    (a reference list, a shopping list) and the wrappers between it and its article, which
    only its items voted for, do not end the walk.
    """
    last = scores[top]
    floor = last * CLIMB_FLOOR
    anc = top.getparent()
    while anc is not None:
        s = scores.get(anc)
        if s is not None:
            if s < floor and top.tag not in LIST_TAGS:
                break
            if s > last and s >= floor:
                return anc
            last = min(last, s)
        anc = anc.getparent()
    return top


def gather_close_rivals(flat: Flattener, top: Element, scores: dict[Element, float]) -> Element:
    """The winner's nearest ancestor holding RIVALS_NEEDED of the close rivals, if any (and
    then in `scores`).

    readability.js's "alternative candidate ancestors": an article cut into sections of equal
    weight (how-to steps, each in its own box; Q&A turns) gives several top boxes of nearly
    the same score, none holding the others.  Of the TOP_CANDIDATES best boxes, those scoring
    at least RIVAL_RATIO of the winner and lying outside it are its rivals; when there are
    enough of them, the first ancestor holding that many of them is the article (readability
    also counts boxes inside the winner, which would lift any winner with nested boxes)."""
    best = sorted(scores, key=scores.__getitem__, reverse=True)[:TOP_CANDIDATES]
    floor = RIVAL_RATIO * scores.get(top, 0.0)
    start, end = flat.spans[top]
    rivals = [span for span in (flat.spans.get(el) for el in best if scores[el] >= floor)
              if span is not None and (span[0] >= end or span[1] <= start)]  # outside the winner
    if len(rivals) < RIVALS_NEEDED:
        return top
    anc = top.getparent()
    while anc is not None and anc.tag != "body":
        span = flat.spans.get(anc)
        if span is not None and sum(span[0] <= r[0] and r[1] <= span[1] for r in rivals) >= RIVALS_NEEDED:
            # often too far above the paragraphs to have a vote: it scores as the winner it
            # holds, for the sibling and chunk shares measured against it
            scores[anc] = max(scores.get(anc, 0.0), scores.get(top, 0.0))
            return anc
        anc = anc.getparent()
    return top


def merge_ranges(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, overlapping ranges merged."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def chunk_span(flat: Flattener, scores: dict[Element, float], top: Element) -> tuple[int, int]:
    """The block range from the first to the last chunk of the winner's article.

    An article cut into several boxes (by ads, pull quotes, paywall sections) gets one box per
    chunk, cousins rather than siblings, built from the same template: same tag and class
    (page builders stamp each box with its own id-like class, `elementor-element-a9661b6`,
    which `template_signature` leaves out).  Boxes with the winner's signature and a fair share
    of its score are its other chunks; what lies between them is taken too (sub-headings sit
    between chunks) and filtered block by block like the rest of the body.
    """
    start, end = flat.spans[top]
    signature = template_signature(top)
    if not signature:
        return start, end
    limit = scores[top] * CHUNK_RATIO
    for el, s in scores.items():
        if s >= limit and el.tag == top.tag and template_signature(el) == signature:
            span = flat.spans[el]
            if span[1] <= start or span[0] >= end:  # disjoint: not inside nor around the winner
                start, end = min(start, span[0]), max(end, span[1])
    return start, end


def template_signature(el: Element) -> str | None:
    """The class an element shares with the other boxes of its template: its class tokens
    without the per-element ones (a token with a digit: `elementor-element-a9661b6`,
    `post-5649`).  A class made only of such tokens (`css-1h1rean`) is kept whole."""
    cls = el.get("class")
    if not cls:
        return None
    tokens = cls.split()
    kept = [t for t in tokens if not any(c.isdigit() for c in t)]
    return " ".join(kept) if kept else cls


def sibling_ranges(flat: Flattener, totals: Totals, scores: dict[Element, float],
                   top: Element) -> list[tuple[int, int]]:
    """The winner's span plus the spans of siblings that look like more of the article."""
    parent = top.getparent()
    if parent is None or declares_body(top):
        return [flat.spans[top]]
    limit = max(SIBLING_MIN_SCORE, scores[top] * SIBLING_RATIO)
    ranges = []
    for sib in parent:
        span = flat.spans.get(sib)
        if span is None or span[0] == span[1]:
            continue
        if sib is top or scores.get(sib, 0.0) >= limit or _is_article_paragraph(flat, totals, sib, span):
            ranges.append(span)
    return ranges


def declares_body(el: Element) -> bool:
    """schema.org's `itemprop="articleBody"`: the page's markup says this element is the
    article body, by definition.  It scores like a box whose class says "article", and its
    siblings are then something else (a teaser, a decoy), never more body.  (An <article>
    tag, the only one of its page, was tried the same way: suites dev +9 pages -2, held -2
    +1 -- siblings of an <article> are sometimes body; bench/results/extraction-suites.md.)"""
    return "articlebody" in (el.get("itemprop") or "").lower().split()


def _is_article_paragraph(flat: Flattener, totals: Totals, el: Element,
                          span: tuple[int, int]) -> bool:
    """A sibling made of a few plain paragraphs: long with few links, or a short whole sentence
    with none (readability's rule)."""
    blocks = flat.blocks[span[0]:span[1]]
    if len(blocks) > SIBLING_PARA_BLOCKS or any(b.kind != "p" or b.mark for b in blocks):
        return False
    density = totals.link_density(span)
    if totals.text_chars(span) > SIBLING_PARA_CHARS:
        return density < SIBLING_PARA_LINKS
    return density == 0 and blocks[-1].text.endswith((".", "!", "?", ".”", '."'))
