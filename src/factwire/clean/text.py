"""Flattened-text cleaning: a whole web page as text lines -> title, body paragraphs, captions,
and every other line set aside by kind.

Pipeline (each step a small function):

1. ``build_blocks`` (text_lines.py): lines -> blocks, re-joining paragraphs that a renderer
   split at every link, with cheap features (words, sentence end, stopwords, capitals, bullet).
2. ``score_block``: prose scores positive, chrome negative; ``find_region`` takes the maximum
   sub-array of those scores — the densest run of prose, tolerating short gaps (a caption, an
   ad label, another story's headline) because they cost less than the prose around them.
3. ``label_region``: inside the region, keep body blocks and set aside captions (a line
   followed by a credit line; an earlier near-identical rendition is dropped), ALL-CAPS
   headlines of other stories (related) and chrome labels (boilerplate.py).
4. ``label_outside``: outside it, attribute each line to a removed kind, using the section
   header above it ("Related stories" -> related) when the line itself says nothing.
"""
from __future__ import annotations

import re

from factwire.clean.boilerplate import classify_boilerplate, is_placeholder, is_promo_sentence, section_kind
from factwire.clean.text_embeds import is_control, is_file_name, is_lower_alt, is_rule, names_a_picture
from factwire.clean.text_inline import join_inline_runs
from factwire.clean.text_lead import is_byline, skip_standfirst
from factwire.clean.text_lines import (
    LABELLED_CREDIT_RE,
    WORD_RE,
    Block,
    build_blocks,
    credit_tail,
    is_bracketed,
    labelled_credit,
)
from factwire.clean.text_lists import (
    announced_list,
    item_shape,
    list_context,
    list_runs,
    longest_list,
    trailing_list,
)
from factwire.clean.text_region import (
    MAX_CAPTION_WORDS,
    author_box_start,
    comments_start,
    find_region,
    find_region_scored,
    gap_flags,
    is_allcaps,
    is_prose,
    score_blocks,
)
from factwire.clean.text_toc import toc_items
from factwire.clean.text_unwrap import normalize
from factwire.model import Caption, Cleaned, Removed

#: Credit lines: "(AP Photo/...)", "Credit: ...", "Photo: ...", "Image via ...".
CREDIT_RE = re.compile(r"^\((?P<p>[^()]{3,120})\)$|^(?:credit|photo|image|picture|foto)s?"
                       r"(?: by| via| credit)?\s*(?::|\.\.\.|…)\s*(?P<c>.{0,120})$", re.I)


def clean_text(text: str) -> Cleaned:
    """Return the article body of a page flattened to text, line by line."""
    blocks = build_blocks(join_inline_runs(normalize(text, marks=True)))
    if not blocks:
        return Cleaned(title=None, paragraphs=[], kinds=[])
    toc = toc_items(blocks)
    start, end, tail = locate_body(blocks, toc)
    start = skip_standfirst(blocks, start, end)
    title_idx = find_title(blocks, start)
    removed = Removed()
    items = set(tail) | list_runs(blocks, start, end)
    paragraphs, kinds, captions = label_region(blocks, start, end, removed, items, toc)
    label_outside(blocks, start, end, title_idx, removed)
    title = blocks[title_idx].text if title_idx is not None else None
    return Cleaned(title=title, paragraphs=paragraphs, kinds=kinds, captions=captions,
                   removed=_order_removed(removed))


def locate_body(blocks: list[Block], toc: set[int] | None = None) -> tuple[int, int, range]:
    """(first, last) block of the body and the list items appended after its prose.

    The prose region comes first; a page whose prose is too thin to be an article (a race
    calendar, a standings table) gets its longest same-shaped list instead."""
    scores = score_blocks(blocks, toc)
    cut = comments_start(blocks, scores)
    (start, end), best = find_region_scored(scores[:cut])
    if best < THIN_PROSE_SCORE:
        run = longest_list(blocks)
        if len(run) >= LIST_BODY_ITEMS:
            first, last = list_context(scores, run)
            return first, last, run
    start, end = find_region(scores[:cut], gap_flags(blocks[:cut], scores[:cut]))
    end = author_box_start(blocks, start, end)
    tail = trailing_list(blocks, end) or announced_list(blocks, end)
    return start, (tail[-1] if tail else end), tail


#: Below this prose score the best region is not an article (a couple of teaser sentences);
#: text-dev articles score 90 and up, list-only pages 73-76, and the weakest real article
#: (a two-paragraph brief) 38 - it has no list, so it keeps its prose.
THIN_PROSE_SCORE = 80
#: A list replaces thin prose only when it has at least this many same-shaped items.
LIST_BODY_ITEMS = 8


def _order_removed(removed: Removed) -> Removed:
    """Removed lines come out in page order per kind (label_* appends with their line index)."""
    out = Removed()
    for kind in ("related", "promo", "navigation", "comments"):
        items = sorted(getattr(removed, kind), key=lambda t: t[0])
        setattr(out, kind, [t[1] for t in items])
    return out


def credit_of(block: Block) -> str | None:
    """The credit text when a block is a photo credit line, else None."""
    if block.words > 20 or is_control(block.text):
        return None  # lynx's "(BUTTON)" is parenthesised, but no credit
    m = CREDIT_RE.match(block.text)
    if not m or m.group("p") and block.words > PAREN_CREDIT_WORDS:
        return None
    return (m.group("p") or m.group("c") or "").strip() or None


#: A credit in parentheses names a photographer and an agency: "(AP Photo/Susan Walsh)",
#: "(Photo by Jane Doe/Getty Images for Netflix)" run 2-10 words.  A longer parenthesised line
#: is an aside of the article ("(Leggi anche su: <headline> – FOTO)"), and the paragraph above
#: it no caption.
PAREN_CREDIT_WORDS = 12


#: Bare credit labels whose credit is on the next line (bs4 splits "Credit..." from the name).
CREDIT_LABEL_RE = re.compile(r"^(?:credit|photo|image|foto)s?\s*(?::|\.\.\.|…)$", re.I)
#: Standalone credit lines without a label: "Doug Mills/The New York Times", "Getty Images".
CREDIT_LIKE_RE = re.compile(r"^[A-Z][\w .'’&-]*/[\w .'’&/-]+$|"
                            r"^(?:[\w.'’-]+ ){0,4}(?:Getty Images|"
                            r"Shutterstock|AFP|Reuters|AP Photo|EPA|iStock(?:photo)?|"
                            r"(?:The )?Associated Press)$")
#: Gallery captions: "2 of 4 A shopper looks at extension cords ...".
GALLERY_RE = re.compile(r"^(?:image |photo )?\d{1,3} (?:of|/) \d{1,3}\s+(?P<t>\S.{10,})$", re.I)
#: Inline credit at the end of a caption line: "... in Hong Kong (Image: GETTY )".
INLINE_CREDIT_RE = re.compile(r"^(?P<t>.{20,}?)\s*(?:\(\s*"
                              r"(?P<c>(?:image|photo|picture|credit|foto)s?"
                              r"\s*:[^()]{2,80}?|[^()\s]+/[^()]{2,80}?)\s*\)|(?<=[.!?])\s+"
                              r"(?:image |photo )?credits?:\s*(?P<d>[^.]{2,80}))$", re.I)
#: A caption the page labels as one: a screen-reader label printed before it ("Image caption
#: Assange gestures ...", "Media captionJulian Assange ...", after "Image copyright EPA").
CAPTION_LABEL_RE = re.compile(r"^(?:Image copyright (?P<c>.{1,60}?) )?(?:Image|Media|Photo|Video) caption"
                              r"\s*:?\s*(?P<t>\S.*)$")
#: A caption guessed from an unlabelled credit line below it is at most this long (words);
#: longer lines above such a credit are body paragraphs.
CAPTION_GUESS_WORDS = 35


def caption_at(blocks: list[Block], i: int) -> tuple[str, str | None, int] | None:
    """(caption, credit, blocks used) when a caption starts at block i, else None.

    Shapes: caption + "(Credit)" line; caption + "Credit..." + credit line; caption +
    "Name/Agency" line; one line ending "(Image: Agency)"; a gallery's "2 of 4 <caption>"; a
    labelled "Image caption <caption>"."""
    b = blocks[i]
    if b.words > MAX_CAPTION_WORDS or credit_of(b) is not None:
        return None
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    if nxt is not None:
        credit = credit_of(nxt)
        if credit is not None:
            return b.text, credit, 2
        if CREDIT_LABEL_RE.match(nxt.text) and i + 2 < len(blocks):
            return b.text, blocks[i + 2].text, 3
        if b.words <= CAPTION_GUESS_WORDS and nxt.words <= 8 and CREDIT_LIKE_RE.match(nxt.text):
            return b.text, nxt.text, 2
    m = credit_tail(b.text)
    if m:
        return b.text[:m.start() + 1], m.group("c").strip(), 1
    if labelled_credit(b.text) or names_a_picture(b.text):
        m = LABELLED_CREDIT_RE.search(b.text)  # caption and credit apart (the caption alone is
        if m is None:  # how its alt rendition printed it)
            return b.text, None, 1
        return b.text[:m.start() + 1], b.text[m.start() + 1:].strip(), 1
    m = INLINE_CREDIT_RE.match(b.text)
    if m and b.words <= CAPTION_GUESS_WORDS:
        return m.group("t"), (m.group("c") or m.group("d")).strip(), 1
    m = GALLERY_RE.match(b.text)
    if m:
        return m.group("t"), None, 1
    m = CAPTION_LABEL_RE.match(b.text) if "caption" in b.text[:60] else None
    return (m.group("t"), m.group("c"), 1) if m else None


def norm_key(text: str) -> str:
    """Comparison key that ignores case, punctuation and spacing (caption renditions differ
    in apostrophes and spaces)."""
    return "".join(WORD_RE.findall(text.lower()))


def label_region(blocks: list[Block], start: int, end: int, removed: Removed,
                 items: set[int] = frozenset(), toc: set[int] = frozenset()
                 ) -> tuple[list[str], list[str], list[Caption]]:
    """Split the body region into paragraphs (with kinds), captions and set-aside lines;
    the lines of a table of contents (`toc`, text_toc) are navigation."""
    paragraphs: list[tuple[int, str, str]] = []
    captions: list[Caption] = []
    cap_keys: set[str] = set()
    i = start
    while i <= end:
        b = blocks[i]
        if i in toc:
            removed.add("navigation", (b.line, b.text))
            i += 1
            continue
        found = caption_at(blocks, i)
        if found is not None:
            text, credit, used = found
            _add_caption(captions, cap_keys, text, credit)  # its other renditions go below
            i += used
            continue
        kind = classify_in_region(blocks, i, end)
        if i in items and kind in ("navigation", "p", "h2"):
            kind = "li" if item_shape(b) is not None else "h2"
        if kind in ("p", "li", "h2", "h3"):
            paragraphs.append((i, b.text, kind))
        elif kind != "drop":
            removed.add(kind, (b.line, b.text))
        i += 1
    paragraphs = drop_repeats([p for p in paragraphs if norm_key(p[1]) not in cap_keys])
    paragraphs = drop_numbered_alts(blocks, paragraphs, removed)
    paragraphs = trim_edges(blocks, paragraphs, removed)
    return [p[1] for p in paragraphs], [p[2] for p in paragraphs], captions


def trim_edges(blocks: list[Block], paragraphs: list[tuple[int, str, str]], removed: Removed
               ) -> list[tuple[int, str, str]]:
    """Drop short non-sentence lines left at the end of the body (labels, image sizes, a
    byline after the last paragraph): inside the body they are kept (table cells, score
    lines), but an article does not end on them.  List items are kept."""
    while paragraphs and paragraphs[-1][2] in ("p", "h2") and \
            not is_prose(blocks[paragraphs[-1][0]]):
        i, text, _ = paragraphs.pop()
        removed.add("navigation", (blocks[i].line, text))
    return paragraphs


SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?。！？])[\"'”’)]*\s+")


def drop_repeats(paragraphs: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """Drop a paragraph whose every sentence the body already had: pages that render the
    article twice (an AMP or print copy, a summary box) would otherwise count it twice."""
    seen: set[str] = set()
    out = []
    for item in paragraphs:
        keys = [norm_key(s) for s in SENTENCE_SPLIT_RE.split(item[1])]
        keys = [k for k in keys if len(k) >= MIN_REPEAT_CHARS]
        if keys and all(k in seen for k in keys):
            continue
        seen.update(keys)
        out.append(item)
    return out


#: An image alt a CMS wrote from the post's title and a counter ("<headline> 2", "<headline> 3"):
#: a phrase of at least NUMBERED_ALT_WORDS words printed with NUMBERED_ALT_COPIES or more
#: different numbers after it.  Short phrases with counters ("Step 2", "Part 3") are headings.
NUMBERED_ALT_RE = re.compile(r"^(?P<p>.+?)\s+\d{1,2}$")
NUMBERED_ALT_WORDS = 5
NUMBERED_ALT_COPIES = 2


def drop_numbered_alts(blocks: list[Block], paragraphs: list[tuple[int, str, str]], removed: Removed
                       ) -> list[tuple[int, str, str]]:
    """Set aside image alts that repeat one phrase with a counter (see NUMBERED_ALT_RE)."""
    groups: dict[str, list[int]] = {}
    for k, (_, text, _) in enumerate(paragraphs):
        m = NUMBERED_ALT_RE.match(text)
        if m and len(m.group("p").split()) >= NUMBERED_ALT_WORDS:
            groups.setdefault(norm_key(m.group("p")), []).append(k)
    drop = {k for ks in groups.values() if len(ks) >= NUMBERED_ALT_COPIES for k in ks}
    for k in sorted(drop):
        removed.add("navigation", (blocks[paragraphs[k][0]].line, paragraphs[k][1]))
    return [p for k, p in enumerate(paragraphs) if k not in drop]


#: Sentences shorter than this (letters+digits) are not used to detect repeats ("Yes.").
MIN_REPEAT_CHARS = 20


def _add_caption(captions: list[Caption], keys: set[str], text: str, credit: str | None) -> None:
    """Record a caption once: a later rendition with the same key replaces nothing."""
    key = norm_key(text)
    if key in keys:
        return
    keys.add(key)
    captions.append(Caption(text=text, credit=credit))


def classify_in_region(blocks: list[Block], i: int, end: int) -> str:
    """Kind of one block inside the body region: p/li/h2, a removed kind, or "drop"."""
    b = blocks[i]
    if credit_of(b) is not None:
        return "drop"
    if is_bracketed(b.text) or is_file_name(b.text) or is_rule(b.text) or is_control(b.text) or \
            is_lower_alt(blocks, i):
        return "navigation"  # an image or form placeholder of a text browser, an image's file name
    prose = is_prose(b)
    if prose and is_promo_sentence(b.text):
        return "promo"
    if b.words <= TEASER_TAG_MAX_WORDS and TEASER_TAG_RE.search(b.text[-16:]):
        return "related"
    if is_byline(b):
        return "drop"  # metadata: the byline is read from the page, not kept in the body
    kind = None if prose and b.words > 8 else classify_boilerplate(b.text)
    if kind:
        return kind
    if is_allcaps(b):
        return "related"
    if prose:
        return "li" if b.bullet else "p"
    if b.bullet:
        return "li" if b.words >= LI_MIN_WORDS else "navigation"
    if _is_subheading(blocks, i, end):
        return "h2"
    # any other short line inside the body (a score line, a table cell, a dateline) stays:
    # dropping them cost 0.007 F1 on text-dev, the region is tight enough without it
    return "p" if b.words else "navigation"


#: "Plague outbreak: China hit by pneumonic plague [VIDEO]": tabloids tag the headlines of
#: other stories they link inside the body with a bracketed ALL-CAPS label.
TEASER_TAG_RE = re.compile(r"\[[A-Z]{3,12}\]\W*$")
#: ... a teaser headline is at most this many words (headlines run 6-20).
TEASER_TAG_MAX_WORDS = 25

#: A bullet inside the body with at least this many words is a list item of the article;
#: shorter ones are share/menu buttons.  text-dev is flat over 2..5 (+0.003 F1 vs dropping all).
LI_MIN_WORDS = 3

#: A subheading has at most this many words (calibrated on text-dev subheads: 2-14 words).
MAX_HEADING_WORDS = 14


URL_RE = re.compile(r"^https?://\S+$", re.I)


def _is_subheading(blocks: list[Block], i: int, end: int) -> bool:
    """A short unpunctuated line directly followed by prose, inside the body; not a bare URL
    (image and logo addresses that a renderer printed as text)."""
    b = blocks[i]
    if b.words == 0 or b.words > MAX_HEADING_WORDS or i >= end or \
            URL_RE.search(b.text):
        return False
    return is_prose(blocks[i + 1]) and not is_allcaps(blocks[i + 1])


def find_title(blocks: list[Block], start: int) -> int | None:
    """Index of the headline among the heading-shaped lines above the body.

    Evidence, strongest first: another line repeats it (the page <title>, a breadcrumb, a
    share text); it has a headline's length; it sits just above the body.  Bylines, dates and
    "Label: value" lines are never headlines."""
    lo = max(0, start - TITLE_WINDOW)
    cands = [i for i in range(lo, start) if _title_like(blocks[i])]
    if not cands:
        return None
    return max(cands, key=lambda i: (_title_score(blocks, i, start), i))


#: How far above the body (in blocks) a headline is looked for; seed: 28 blocks (a related
#: block sits between title and body); text-dev headlines are within 40.
TITLE_WINDOW = 40
#: Typical headline length (words) for the length bonus; text-dev headlines run 5-20.
TITLE_TYPICAL_WORDS = (5, 20)
#: "Near the body" for the proximity bonus (blocks): byline, date and image sit in between.
TITLE_NEAR_BLOCKS = 8
TITLE_REJECT_RE = re.compile(r"^(?:by|posted|filed|updated|published|written|photo|image|"
                             r"credit|tags?)\b|@|^[^:]{1,20}:\s|\bshar(?:e|ing)\b|"
                             r"\b(?:url|link)$", re.I)
#: A short line with a year or a clock time is a dateline ("19 November 2019 • 1:16pm").
DATELINE_RE = re.compile(r"\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b")
#: ... when it has at most this many words (headlines with a year are longer).
DATELINE_MAX_WORDS = 8


def _title_score(blocks: list[Block], i: int, start: int) -> int:
    """Evidence points for block i being the headline (see find_title)."""
    lo, hi = TITLE_TYPICAL_WORDS
    score = 2 if _echoed(blocks, i) else 0
    score += 1 if lo <= blocks[i].words <= hi else 0
    return score + (1 if start - i <= TITLE_NEAR_BLOCKS else 0)


#: Headline length bounds in words (calibrated on the seed title, 14 words, and text-dev titles).
TITLE_MIN_WORDS, TITLE_MAX_WORDS = 3, 30


def _title_like(b: Block) -> bool:
    """Headline-shaped: a few words, not a sentence-ending stop, not chrome, not a bullet."""
    if not TITLE_MIN_WORDS <= b.words <= TITLE_MAX_WORDS or b.bullet or \
            TITLE_REJECT_RE.search(b.text):
        return False
    if b.words <= DATELINE_MAX_WORDS and DATELINE_RE.search(b.text):
        return False
    return not b.text.endswith((".", "…")) and classify_boilerplate(b.text) is None


def _echoed(blocks: list[Block], i: int) -> bool:
    """True when another line contains this one, or ends ("...") with a cut copy of it."""
    text = blocks[i].text
    for j, other in enumerate(blocks):
        if j == i:
            continue
        o = other.text
        if len(text) >= 15 and text in o:
            return True
        cut = o.rstrip(".… ")
        if o.endswith(("...", "…")) and len(cut) >= 30 and cut[-30:] in text:
            return True
    return False


def label_outside(blocks: list[Block], start: int, end: int, title_idx: int | None,
                  removed: Removed) -> None:
    """Set aside every block outside the body region by kind, following section headers."""
    section: str | None = None
    for i, b in enumerate(blocks):
        if start <= i <= end:
            section = None
            continue
        if i == title_idx:
            continue
        kind, section = _outside_kind(b, section)
        removed.add(kind, (b.line, b.text))


def _outside_kind(b: Block, section: str | None) -> tuple[str, str | None]:
    """(kind of this block, section in force after it)."""
    opened = section_kind(b.text)
    if opened:
        return classify_boilerplate(b.text) or opened, opened
    kind = classify_boilerplate(b.text)
    if kind:
        return kind, section
    if section:
        return section, section
    if is_allcaps(b) or is_placeholder(b.text):
        return ("related" if is_allcaps(b) else "navigation"), section
    return "navigation", section
