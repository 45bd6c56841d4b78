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
#: A line with at least this many column gaps (2+ spaces between words) is a table row the
#: renderer aligned (inscriptis, w3m): three cells, whatever they hold.
TABLE_ROW_GAPS = 2
#: Cells hold no phrase punctuation: a comma between words or a quote marks a citation
#: ("Beige Book," Oct. 16, 2019) or a list entry ("June 9 – Tampa, FL"), not a table row.
_PHRASE_PUNCT_RE = re.compile(r"[,;](?= )|[\"“”]")
_FIGURE_RE = re.compile(r"(?<![\w.])[$€£¥]?\d[\d.,:/%]*(?:%|g|kg|ml|st|nd|rd|th)?(?!\w)")


#: Box-drawing characters (U+2500-U+257F): w3m draws a bordered table (`<table border>`, a
#: data table) with them, one table line per text line, cells split over several lines.
def _is_table_row(b: Block, score: float, menu_score: float) -> bool:
    if "\u2500" <= b.text[:1] <= "\u257f" or "\u2500" <= b.text[1:2] <= "\u257f":
        return True
    if b.gaps >= TABLE_ROW_GAPS and score <= 0:
        return True
    lo, hi = TABLE_ROW_WORDS
    return score == menu_score and lo <= b.words <= hi and not b.bullet and \
        not _PHRASE_PUNCT_RE.search(b.text) and len(_FIGURE_RE.findall(b.text)) >= TABLE_ROW_FIGURES


#: A fact box line: a short label, a colon, a value ("Median GMAT: 740", "Location: Boston,
#: Massachusetts") -- a spec sheet or fact box of the article, one row per line.
_FACT_LINE_RE = re.compile(r"^[A-Z][\w'’ ]{1,24}: \S")
#: A fact line has at most this many words.
FACT_LINE_WORDS = 10


def _is_fact_line(b: Block, score: float, menu_score: float) -> bool:
    return score == menu_score and b.words <= FACT_LINE_WORDS and _FACT_LINE_RE.match(b.text) is not None


def table_rows(blocks: list[Block], scores: list[float], menu_score: float) -> list[int]:
    """Blocks in runs of >= TABLE_MIN_ROWS short lines that each carry a figure (among the
    lines scored `menu_score`, what a short non-prose line gets)."""
    out: list[int] = []
    run: list[int] = []
    for i, (b, s) in enumerate(zip(blocks, scores)):
        if _is_table_row(b, s, menu_score) or _is_fact_line(b, s, menu_score):
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


#: A price closing a line: a currency sign and an amount ("$139.00", "£29", "€ 4,99", "1.299 €").
PRICE_RE = re.compile(r"(?:[$€£¥]\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|EUR|USD))\W{0,2}$")
#: Product boxes: price lines at most this many blocks apart (name, up to ~12 feature bullets,
#: an image, the price, a buy button: 4-18 lines a box on text-dev, and one box without a
#: price -- "price withheld" -- between two priced ones) ...
BOX_PERIOD = 28
TAIL = 24
#: Inside a run of boxes every chrome-scored line is part of a box (a "Buy Now" button, an
#: affiliate note, an image placeholder, a product name the label vocabulary mistakes for a
#: menu label): costs up to this (text_region's BOILER_PENALTY) become neutral; a comments
#: header (infinite) stays a wall.
BOX_MAX_COST = 6.0
#: ... at least this many boxes in a row.
BOX_MIN = 3
#: A price line is short and ends with the price (a box's "$139.00", "Buy for $29.99", a
#: product name with its price), not a sentence or headline quoting a price mid-line.
PRICE_LINE_WORDS = 12


def product_boxes(blocks: list[Block], scores: list[float], menu_score: float) -> list[int]:
    """The short lines of a run of product boxes (name, features, price, buy button): the
    article's own list of products in a buying guide or deals post.  A box has a price; a
    menu or teaser rail has none, so a run of priced boxes is the article going on in items,
    not chrome between two parts of it."""
    prices = [i for i, b in enumerate(blocks) if scores[i] < 0 and b.words <= PRICE_LINE_WORDS
              and PRICE_RE.search(b.text[-TAIL:])]
    out: list[int] = []
    run: list[int] = []
    for i in prices + [len(blocks) + BOX_PERIOD + 1]:
        if run and i - run[-1] <= BOX_PERIOD:
            run.append(i)
            continue
        if len(run) >= BOX_MIN:
            first, last = _box_span(scores, run)
            out.extend(k for k in range(first, last + 1) if -BOX_MAX_COST <= scores[k] < 0)
        run = [i]
    return out


#: Lines of the last box after its price (its buy button, an affiliate note).
BOX_AFTER_PRICE = 2


def _box_span(scores: list[float], prices: list[int]) -> tuple[int, int]:
    """First and last block of a run of boxes with these price lines: the first box starts
    one box length (the distance between the first two prices) before its price, the last
    ends a button or two after its own, never across prose (a positive score)."""
    first = max(0, prices[0] - (prices[1] - prices[0]) + 1)
    while any(x > 0 for x in scores[first:prices[0]]):
        first += 1
    last = prices[-1]
    while last + 1 < len(scores) and last < prices[-1] + BOX_AFTER_PRICE and scores[last + 1] <= 0:
        last += 1
    return first, last


#: A line the page prints alone (its headline, at least this many words) ...
ECHO_PREFIX_WORDS = 8
#: ... that opens this many other, longer lines or more: those are teasers behind an echoed
#: image alt -- a rail whose every picture carries the page's own headline as alt text prints
#: "<headline> <teaser>" per item (RT in lynx/w3m).  An article does not open three
#: paragraphs with one of its own lines.
ECHO_MIN_LINES = 3


def echoed_openings(blocks: list[Block]) -> list[int]:
    """Blocks that open with the whole text of another block (>= ECHO_PREFIX_WORDS words),
    when ECHO_MIN_LINES or more blocks open with that same one.  Rows of a table w3m drew with
    box characters are left out: they open alike ("│ │Business │ │ │ ...") because a column
    of empty cells and the same word wrapped in one column repeat on every row."""
    keys: list[tuple[int, str]] = []  # (block, its first words) for blocks long enough
    heads: dict[str, set[str]] = {}
    for i, b in enumerate(blocks):
        if len(b.text) < 2 * ECHO_PREFIX_WORDS - 1 or "\u2500" <= b.text[:1] <= "\u257f":
            continue  # fewer characters than ECHO_PREFIX_WORDS words need; a drawn table row
        words = b.text.split(None, ECHO_PREFIX_WORDS)
        if len(words) >= ECHO_PREFIX_WORDS:
            key = " ".join(words[:ECHO_PREFIX_WORDS])
            heads.setdefault(key, set()).add(b.text)
            if len(words) > ECHO_PREFIX_WORDS:
                keys.append((i, key))
    found: dict[str, list[int]] = {}
    for i, key in keys:
        text = blocks[i].text
        for head in heads[key] if len(heads[key]) > 1 else ():
            if len(text) > len(head) and text.startswith(head + " "):
                found.setdefault(head, []).append(i)
    return sorted(i for idx in found.values() if len(idx) >= ECHO_MIN_LINES for i in idx)


#: A prose line printed this many times or more is an image alt repeated over a rail's cards:
#: w3m prints each picture's alt on a line of its own, and a rail whose pictures all carry the
#: page's own headline (RT) prints it before every teaser -- the w3m form of what
#: echoed_openings finds on one line in lynx.  An article does not print one of its own
#: sentences four times (and drop_repeats keeps it once where it does).
REPEATED_PROSE_MIN = 4


def repeated_prose(blocks: list[Block], scores: list[float]) -> list[int]:
    """Prose-scored blocks whose whole text the page prints REPEATED_PROSE_MIN times or more."""
    seen: dict[str, list[int]] = {}
    for i, b in enumerate(blocks):
        if scores[i] > 0:
            seen.setdefault(b.text, []).append(i)
    return sorted(i for idx in seen.values() if len(idx) >= REPEATED_PROSE_MIN for i in idx)


#: A card rail's kicker: a short label (2-5 words, no figure) printed on every card of a rail
#: of other stories ("Company Town" above each L.A. Times teaser) ...
KICKER_WORDS = (2, 5)
#: ... at least this many times, each within this many blocks of the previous one (a card is
#: kicker, headline, a copy of the headline, a dek).
KICKER_MIN = 4
KICKER_PERIOD = 5
#: The headline under a kicker has at least this many words (headlines run 5-20; a rail of
#: two-word video titles between paragraphs is no card with a dek).
KICKED_HEAD_WORDS = 5


_DIGIT_RE = re.compile(r"\d")


def kicker_deks(blocks: list[Block], scores: list[float]) -> list[int]:
    """The one-sentence deks inside runs of cards that repeat one kicker line over a headline
    (a line of headline length): teasers of other stories, whose summaries are not the
    article's prose.  A label ending in a colon opens a part of the article ("Top picks:") and
    is no kicker, nor is a form control a text browser prints ("(BUTTON) Expand", "[Go]")."""
    where: dict[str, list[int]] = {}
    for i, (b, s) in enumerate(zip(blocks, scores)):
        lo, hi = KICKER_WORDS
        if s < 0 and lo <= b.words <= hi and not b.bullet and i + 1 < len(blocks) and \
                KICKED_HEAD_WORDS <= blocks[i + 1].words <= TITLE_HEAD_WORDS[1] and \
                not b.text.endswith(":") and not b.text.startswith(("(BUTTON)", "[")) and \
                not _DIGIT_RE.search(b.text):
            where.setdefault(b.text, []).append(i)
    out: list[int] = []
    for idx in where.values():
        run = idx[:1]
        for i in idx[1:] + [len(blocks) + KICKER_PERIOD + 1]:
            if i - run[-1] <= KICKER_PERIOD:
                run.append(i)
                continue
            if len(run) >= KICKER_MIN:
                out.extend(k for k in range(run[0], min(run[-1] + KICKER_PERIOD, len(blocks)))
                           if _is_dek(blocks[k], scores[k]))
            run = [i]
    return sorted(set(out))


#: A short line the page prints this many times, with prose between every two prints, is a
#: label of the article's item template (a listicle's "Pros & Cons" / "Services" / "Get a
#: Quote" under every entry): a site menu is printed once or twice (header, mobile copy,
#: footer), and its copies are not each separated by the article's prose.
TEMPLATE_MIN_REPEATS = 4
#: Template labels are short (menu-short): a repeated sentence is something else.
TEMPLATE_LABEL_WORDS = 6
#: A template is a block of several labels (an item's sub-headings and its fixed list
#: entries); one or two recurring lines are a menu's buttons ("Get a demo", "Customers"
#: under every panel of a mega menu whose panels carry prose descriptions).
TEMPLATE_MIN_LABELS = 3


def template_labels(blocks: list[Block], scores: list[float], menu_score: float) -> set[int]:
    """Indices of short lines that recur as labels of the article's repeated item template.

    Why: a listicle prints the same block of labels and short lists under each of its items;
    that block can be as long as a menu, so at the menu cost the body region was cut at it
    although prose follows and precedes every copy; its labels score neutral instead.  Only
    plain short lines (`menu_score`) count: a recognised chrome word ("close" under every
    panel of a mega menu) is no template label."""
    seen: dict[str, list[int]] = {}
    for i, b in enumerate(blocks):
        if scores[i] == menu_score and 0 < b.words <= TEMPLATE_LABEL_WORDS:
            seen.setdefault(b.text.rstrip(" :").lower(), []).append(i)
    groups = [idx for idx in seen.values() if len(idx) >= TEMPLATE_MIN_REPEATS and all(
        any(s > 0 for s in scores[a + 1:b]) for a, b in zip(idx, idx[1:]))]
    return {i for idx in groups for i in idx} if len(groups) >= TEMPLATE_MIN_LABELS else set()


def announced_items(blocks: list[Block], scores: list[float], menu_score: float) -> set[int]:
    """Indices of the plain short lines (`menu_score`) a prose line ending in a colon
    announces, up to the next line that is not one ("Check out these resources:" and a list
    of towns).

    Why: a colon introduces an enumeration; the list it opens is the article going on in
    items, however long, while a menu is not announced by a sentence of the article."""
    out: set[int] = set()
    for i, b in enumerate(blocks):
        if scores[i] > 0 and b.text.endswith(":"):
            j = i + 1
            while j < len(blocks) and scores[j] == menu_score:
                out.add(j)
                j += 1
    return out
