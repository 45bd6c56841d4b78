"""Runs of blocks whose shape changes what they score (used by text_region.score_blocks).

A line alone says little; a run of lines of one shape says more: a run of short lines with a
figure in each is a data table of the article (neutral, not menu), and a run of Title Case
headlines each followed by one sentence is a list of other stories (their summaries are not
the article's prose).
"""
from __future__ import annotations

import re

from factwire.clean.text_lines import Block, has_inner_stop, looks_like_heading

#: Score of a row of a data table: neutral.  A table (prices, amounts, results) is part of
#: the article but never sentence-shaped, so at the menu cost a long table between two halves
#: of an article cut it in two; a menu seldom has a figure in every entry.
TABLE_ROW_SCORE = 0.0
#: A table row is a short line (a few cells) ...
TABLE_ROW_WORDS = (2, 25)
#: ... with this many figures (a price, an amount, a score: a row has a figure per column) ...
TABLE_ROW_FIGURES = 2
#: ... in a run of at least this many such rows in a row (one figure line between headlines
#: is a date in a teaser list).
TABLE_MIN_ROWS = 3
#: Cells hold no phrase punctuation: a comma between words or a quote marks a citation
#: ("Beige Book," Oct. 16, 2019) or a list entry ("June 9 – Tampa, FL"), not a table row.
_BOX_START = frozenset("│┃┌┏├┣└┗")
_PHRASE_PUNCT_RE = re.compile(r"[,;](?= )|[\"“”]")
_FIGURE_RE = re.compile(r"(?<![\w.])[$€£¥]?\d[\d.,:/%]*(?:%|g|kg|ml|st|nd|rd|th)?(?!\w)")


#: Box-drawing characters: w3m draws a bordered table (`<table border>`, a data table) with
#: them, one table line per text line, cells split over several lines.
_BOX_RE = re.compile(r"[\u2500-\u257f]")


def _is_table_row(b: Block, score: float, menu_score: float) -> bool:
    if b.text[:1] in _BOX_START or _BOX_RE.search(b.text[:2]):
        return True
    lo, hi = TABLE_ROW_WORDS
    return score == menu_score and lo <= b.words <= hi and not b.bullet and \
        not _PHRASE_PUNCT_RE.search(b.text) and len(_FIGURE_RE.findall(b.text)) >= TABLE_ROW_FIGURES


def table_rows(blocks: list[Block], scores: list[float], menu_score: float) -> list[int]:
    """Blocks in runs of >= TABLE_MIN_ROWS short lines that each carry a figure (among the
    lines scored `menu_score`, what a short non-prose line gets)."""
    out: list[int] = []
    run: list[int] = []
    for i, (b, s) in enumerate(zip(blocks, scores)):
        if _is_table_row(b, s, menu_score):
            run.append(i)
            continue
        if len(run) >= TABLE_MIN_ROWS:
            out.extend(run)
        run = []
    if len(run) >= TABLE_MIN_ROWS:
        out.extend(run)
    return out


#: A teaser list: this many (Title Case headline, one-sentence dek) pairs in a row.  An article
#: puts several paragraphs under a subhead; a list of other stories gives each headline the
#: one sentence of its summary (CBS/Hoodline "Latest Headlines" rails printed one node a line).
TEASER_MIN_PAIRS = 3
#: A dek is one sentence of at most this many words (summaries run 12-35).
TEASER_DEK_WORDS = 35


def _is_teaser_head(b: Block, score: float) -> bool:
    """A headline: Title Case, a few words; not a lead-in label ("Optimize Title Tags:" opens
    the item it names, a headline never ends with a colon)."""
    return score < 0 and TITLE_HEAD_WORDS[0] <= b.words <= TITLE_HEAD_WORDS[1] and not b.bullet and \
        not b.text.endswith(":") and looks_like_heading(b.text)


#: A teaser's headline length in words.
TITLE_HEAD_WORDS = (3, 18)


def _is_dek(b: Block, score: float) -> bool:
    return score > 0 and b.words <= TEASER_DEK_WORDS and not has_inner_stop(b.text)


def teaser_deks(blocks: list[Block], scores: list[float]) -> list[int]:
    """The deks of runs of >= TEASER_MIN_PAIRS headline + one-sentence-dek pairs."""
    out: list[int] = []
    run: list[int] = []
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and _is_teaser_head(blocks[j], scores[j]):
            j += 1
        if j > i and j < len(blocks) and _is_dek(blocks[j], scores[j]):
            run.append(j)
            i = j + 1
            continue
        if len(run) >= TEASER_MIN_PAIRS:
            out.extend(run)
        run = []
        i = max(j, i + 1)
    if len(run) >= TEASER_MIN_PAIRS:
        out.extend(run)
    return out
