"""Link rails: runs of lines that each open with a link (used by text_region.score_blocks).

A teaser rail (related stories, a video strip, "More from <site>") is a list of links: each
item an image link -- whose alt text a text browser prints, often a full caption sentence --
and a headline link, sometimes with a kicker or a one-sentence dek between them.  Printed
as text, the alts and headlines read as prose, and a rail of long alts out-scores the menu
before the article.  lynx numbers every link ("[12]A Kylie Jenner cosmetics display ...")
and html2text writes "[text](url)": normalize(marks=True) keeps where each link starts
(Block.link_lead), so such a run can be told from the article, whose paragraphs hold links
inside their sentences but seldom open with one, several in a row.
"""
from __future__ import annotations

from factwire.clean.boilerplate import section_kind
from factwire.clean.text_headers import is_more_header
from factwire.clean.text_lines import Block

#: A rail has at least this many blocks that open with a link ...
RAIL_MIN_LINKS = 4
#: ... and at least this many of them read as prose (alts, headlines with a stop): a list of
#: short links (a menu, tags) already scores as chrome ...
RAIL_MIN_PROSE_LINKS = 2
#: ... each, where the page shows where links end (Markdown), at least this share link text:
#: a rail's alt or headline is the link, while a news roundup's items ("**[Headline](url).**
#: and the article's sentence about it") open with a link and go on in the article's words.
RAIL_LINKED_SHARE = 0.5
#: ... and, where the page does not show where links end (lynx), at least this many of its
#: linked blocks read as headlines: a link that ends no
#: sentence (a headline, a kicker; an alt caption followed by its headline link).  A listicle
#: or news roundup whose every item opens with a linked name ("[12]Patagonia has long been a
#: frontrunner ...") is a run of linked sentences only -- lynx shows where a link starts, not
#: that it ends after the name.
RAIL_MIN_HEADLINES = 2
#: A headline link has at least this many words (a menu's entries have one to three).
HEADLINE_MIN_WORDS = 4


def link_rails(blocks: list[Block], scores: list[float]) -> list[int]:
    """Indices of the prose-scored blocks inside link rails (see the module docstring)."""
    ended = any(b.linked for b in blocks)
    out: list[int] = []
    for run in _runs(blocks, scores):
        linked = [i for i in run if blocks[i].link_lead and scores[i] > 0 and
                  (not ended or linked_share(blocks[i]) >= RAIL_LINKED_SHARE)]
        if sum(1 for i in run if blocks[i].link_lead) < RAIL_MIN_LINKS or len(linked) < RAIL_MIN_PROSE_LINKS \
                or not ended and sum(1 for i in run if _headline_link(blocks[i], scores[i])) < RAIL_MIN_HEADLINES:
            continue
        out.extend(i for i in run if scores[i] > 0)
    return out


def _headline_link(b: Block, score: float) -> bool:
    """A block that opens with a link and ends no sentence: a headline or a kicker."""
    return b.link_lead and b.words >= HEADLINE_MIN_WORDS and (score <= 0 or not b.terminal)


def linked_share(b: Block) -> float:
    """Share of the block's (non-space) characters that are link text (Markdown pages)."""
    return b.linked / max(1, len(b.text) - b.text.count(" "))


def _runs(blocks: list[Block], scores: list[float]) -> list[list[int]]:
    """Maximal runs of word-bearing blocks that open with a link, and of the single blocks
    between two of them that do not (a card's kicker, date or dek).  Such a block of prose
    belongs to the rail only when a headline-like link follows it (the next card: a kicker or
    a headline, not prose): after a rail, the article's lede may well be followed by a
    paragraph that opens with a linked name, and that pair is the article, not a card.  A
    section header ("More From <Site>", "Comments") is never inside a run: it opens a new
    part of the page, and the article's last paragraph may open with a link too."""
    words = [i for i, b in enumerate(blocks) if b.words]
    runs: list[list[int]] = []
    run: list[int] = []
    for k, i in enumerate(words):
        if blocks[i].link_lead:
            run.append(i)
            continue
        nxt = words[k + 1] if k + 1 < len(words) else None
        if run and blocks[run[-1]].link_lead and nxt is not None and blocks[nxt].link_lead and \
                (scores[i] <= 0 or scores[nxt] <= 0) and not _is_header(blocks[i], scores[i]):
            run.append(i)
            continue
        if run:
            runs.append(run)
        run = []
    if run:
        runs.append(run)
    return runs


def _is_header(b: Block, score: float) -> bool:
    """A section header: related stories, "More from ...", comments (an infinite cost)."""
    return score == float("-inf") or b.words <= HEADER_WORDS and (
        section_kind(b.text) is not None or is_more_header(b.text))


#: Section headers are short (text_region's TAIL_HEADER_WORDS is 5; "More From Dawgs By
#: Nature" is 5, a publication's name can run longer).
HEADER_WORDS = 7
