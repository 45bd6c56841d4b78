"""Scoring blocks and finding the body region (the second half of the text cleaner).

Each block gets a score: prose (a sentence-shaped line with enough words) is positive and grows
with its length; chrome (menus, labels, link lists) is negative.  The body is the maximum-sum
contiguous run of blocks (Kadane), so a few short gaps inside an article (a caption, an ad
label, a headline of another story) are bridged while long menus and link lists are not.
"""
from __future__ import annotations

import re

from factwire.clean.boilerplate import (
    MAX_CHROME_WORDS,
    MAX_PROMO_SENTENCE_WORDS,
    classify_boilerplate,
    is_promo_sentence,
    section_kind,
)
from factwire.clean.text_embeds import names_a_picture
from factwire.clean.text_footer import is_copyright_notice
from factwire.clean.text_headers import (
    SOURCE_HEADER_WORDS,
    is_cookie_notice,
    is_end_marker,
    is_more_header,
    is_reference_entry,
    is_source_header,
    is_tag_line,
    opens_paragraph,
)
from factwire.clean.text_lines import (
    Block,
    credit_tail,
    has_inner_stop,
    is_bracketed,
    labelled_credit,
    looks_like_heading,
)
from factwire.clean.text_links import link_rails
from factwire.clean.text_lists import URL_LINE_RE
from factwire.clean.text_runs import (
    TABLE_ROW_SCORE,
    announced_items,
    echoed_openings,
    kicker_deks,
    product_boxes,
    repeated_prose,
    table_rows,
    teaser_deks,
    template_labels,
)
from factwire.clean.text_toc import toc_items

#: Phrase punctuation inside a line: a comma, stop or colon with a word after it, or a comma
#: and a space before a figure ("3 drones, 4 people").  A stop or colon before a figure is
#: inside a number or a label's value ("83.102.459", "1,111", "CNPJ: 83", "Fone: (047)"): a
#: contact footer of addresses and phone numbers has many such and is no prose.
INNER_PUNCT_RE = re.compile(r"[,.;:!?，。、；][\"'”’)]* ?[^\W\d_]|, \d")
SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)]*$")

#: A block of prose earns (words - PROSE_OFFSET): short sentences ("Please.") are mildly
#: negative, paragraphs strongly positive.  Calibrated on text-dev: grid 5/7/9 x SHORT_PENALTY
#: 2/3/4 is flat (0.888-0.902 F1); 7/3 is the middle of the plateau.
PROSE_OFFSET = 7
#: Cap on one block's gain so one huge line (a flattened footer) cannot pull a region to it.
PROSE_CAP = 60
#: Words a sentence-shaped line needs to count as prose.
PROSE_MIN_WORDS = 4
#: Cost of a non-prose line (menu entry, label).  Calibrated with PROSE_OFFSET (2 lets menus
#: join the body: -0.012 F1; 4 cuts list-shaped bodies).
SHORT_PENALTY = 3
#: A caption or credit is at most this long (words); body paragraphs can be longer.
#: Calibrated on the seed page (longest caption 47 words) and text-dev captions.
MAX_CAPTION_WORDS = 70
#: ... but a line that ends in an agency's photo credit ("... (Photo by Chip Somodevilla/Getty
#: Images)") is a caption up to this long: agency captions describe the event in full (Getty's
#: run to 120 words), and no body paragraph ends in a photo credit (none on dev, wcxb-dev, held).
CREDITED_CAPTION_WORDS = 160
#: Cost of a recognised chrome label (boilerplate.py).
BOILER_PENALTY = 6
#: Cost of a comments-section header: infinite, a hard wall (comments are prose too) -- unless
#: it is a long uncounted subhead and what follows is as dense as an article (see
#: _is_comment_subhead; a thread alternates posts with names and dates).
COMMENTS_BARRIER = float("inf")
#: Prose score needed before a comments header for it to open the real comments section
#: (about two paragraphs); calibrated on text-dev (40..150 flat, 20 cut short ledes).
COMMENTS_CUT_PROSE = 60
#: ... and that region must end at most this many blocks before the header (share buttons,
#: tags, author box in between; blocks without a word -- a renderer's bullet "*" -- are not
#: counted).  Calibrated on text-dev (gaps seen: 3-9).
COMMENTS_NEAR_BLOCKS = 12
#: ... and what follows must be less dense than an article (comment threads on text-dev run
#: 0.25-0.55 positive blocks; article bodies 0.7-1.0).
COMMENTS_MAX_DENSITY = 0.6
#: This many menu-like blocks in a row end the body (menus, teaser lists).  On text-dev the
#: cut is neutral (6..15: 0.894-0.900 F1 vs 0.901 without); kept at the loose end as a guard
#: against teaser lists that out-score the menu before them.
MAX_GAP_BLOCKS = 15
#: A block of at most this many words can be part of such a gap (menu entries, bylines,
#: dates); text-dev is flat over 3..6.
GAP_MAX_WORDS = 4
#: A related-list header is at most this many words ("More Washington Examiner").
TAIL_HEADER_WORDS = 5
#: What follows a related-list header must be sparser than that to be a teaser list (teaser
#: lists on text-dev: 0.25-0.3; articles with many subheads go down to 0.44).
RELATED_MAX_DENSITY = 0.4
#: ... or what follows is weak next to the article before the header: a few teasers worth
#: less than this share of it (text-dev: teaser tails 0.1-0.2 of the article).
TAIL_WEAK = 0.25
#: ... but never when what follows out-scores the prose before the header this many times
#: over: then the header sat inside the article (a "More in <topic>" video rail between the
#: lede and the rest) and the article goes on after it.  Teaser tails after a short article
#: score 1-1.2 times it on text-dev; grid 2/2.5/3/4/6 on text-dev: F1 0.914/0.919/0.924/
#: 0.924/0.923 (a mega-menu's teaser list before its "More Weather" header scores 2.75).
TAIL_STRONG = 3
#: A comments header is at most this many words ("34 responses to “<headline>”" included).
#: The word in the languages of the benchmark pages (Italian "Lascia un commento", Portuguese
#: "Deixe seu comentário" as well as English, German, French, Spanish, Russian).
COMMENT_HEADER_WORDS = 14
COMMENT_WORD_RE = re.compile(r"\bcomments?\b|\bresponses? to\b|\breplies\b|\bkommentare?\b|"
                             r"\bcommentaires?\b|\bcomentarios?\b|\bcomment[oi]\b|\bcomentários?\b|"
                             r"комментари", re.I)
#: WordPress's comments title, "10 thoughts on “<headline>”" / "34 responses to ...": a count
#: and the post's whole headline, so longer than COMMENT_HEADER_WORDS allows.
COMMENTS_TITLE_RE = re.compile(r"^(?:\d+|one|two|three) (?:thoughts? on|responses? to|comments? on|replies to)"
                               r" [\"“«‘'„]", re.I)
#: Substrings one of which COMMENT_WORD_RE needs (a cheap pre-check).
COMMENT_KEYS = ("comment", "coment", "respons", "repl", "komment", "коммент")
#: Headline glued to teaser: lower case (or ?/!) immediately followed by a capitalised word;
#: or, in Markdown (html2text), the teaser set in italics right after the headline on the same
#: line ("... Student-Athlete _A 24-year-old woman ...": a card's dek is an `<em>` run).
GLUE_RE = re.compile(r"[a-z?!’”)](?=[A-Z][a-z])|[\w?!’”)](?= _[A-Z“\"])")
#: The glued headline needs this many words, so "iPhone"/"McDonald" inside prose do not count.
TEASER_HEAD_WORDS = 5
#: Headlines are short: the glue point is looked for in the first this-many characters only.
GLUE_SCAN_CHARS = 160
#: ... and be Title Case: this share of its words capitalised (headlines run 0.8-1.0; 0.75
#: let "Teens love Apple's AirPods" through).
TEASER_HEAD_CAPS = 0.8
#: Lines longer than this are never taken for a headline (looks_like_heading caps at 14
#: alphabetic words; the margin covers numbers and symbols).
HEADING_MAX_WORDS = 18
#: Share of upper-case letters above which a line is ALL CAPS (headline of another story).
ALLCAPS_RATIO = 0.85
#: Minimum stopword share for a long unpunctuated line to count as prose (English-like text
#: runs 0.3-0.5; link lists and keyword clouds are below 0.1).
PROSE_STOP_RATIO = 0.15
#: An unpunctuated-at-the-end line this long is still prose when it is wordy (a paragraph cut
#: before its last link, or ending in a quote); calibrated on text-dev (15..30, flat near 20).
LONG_LINE_WORDS = 20


#: A character reference left in the text ("Huawei&#39;s", "&amp;"): renderers decode them in
#: the page's text, so one that survives was escaped twice -- an attribute value (an image's
#: alt or title, a CNN rail's photo description) printed raw, not the article's prose.
ESCAPED_ENTITY_RE = re.compile(r"&(?:#\d{2,5}|#x[0-9a-fA-F]{2,4}|amp|quot|lt|gt|apos|nbsp);")


def is_allcaps(b: Block) -> bool:
    """ALL-CAPS line of several words: a headline of another story or a shouting label."""
    return b.words >= 3 and b.upper_ratio >= ALLCAPS_RATIO


def is_prose(b: Block) -> bool:
    """Sentence-shaped: ends like a sentence with a few words, or is long and wordy.

    Not prose: ALL CAPS, a teaser cut with "..." (a related-story snippet), a Title Case
    headline that happens to end with "?" or "!", a line of bare web addresses (a sources list:
    the dots and slashes inside addresses looked like phrase punctuation)."""
    if is_allcaps(b) or b.text.endswith(("...", "…")) and not has_inner_stop(b.text) or _only_urls(b.text):
        return False
    if b.words >= PROSE_MIN_WORDS and b.terminal and (
            b.words > HEADING_MAX_WORDS or not looks_like_heading(b.text)):
        return True
    return b.words >= LONG_LINE_WORDS and (b.stop_ratio >= PROSE_STOP_RATIO
                                           or len(INNER_PUNCT_RE.findall(b.text)) >= 2)


def _only_urls(text: str) -> bool:
    return "/" in text and all(URL_LINE_RE.match(t) for t in text.split())


def is_comments_header(b: Block) -> bool:
    """A short line announcing reader comments ("34 Comments", "[ 167 comments ]",
    "34 responses to ...", "Top Rated Comments"): comments are prose, so the body region must
    never run across such a line."""
    if b.text[:1].isdigit() and COMMENTS_TITLE_RE.match(b.text):
        return True
    if b.words > COMMENT_HEADER_WORDS:
        return False
    if section_kind(b.text) == "comments":
        return True
    low = b.text.lower()
    if not any(k in low for k in COMMENT_KEYS):
        return False
    return bool(COMMENT_WORD_RE.search(b.text)) and not SENTENCE_END_RE.search(b.text)


def is_glued_teaser(b: Block) -> bool:
    """A related-story link rendered as one line: a Title Case headline glued without a space
    to its teaser ("Student-AthleteA 24-year-old woman ...", "On The Rise?Violence is ...")."""
    if b.words < TEASER_HEAD_WORDS + 3:
        return False
    m = GLUE_RE.search(b.text, 0, GLUE_SCAN_CHARS)
    if not m:
        return False
    words = [w for w in b.text[:m.start() + 1].split() if w[:1].isalpha()]
    if len(words) < TEASER_HEAD_WORDS:
        return False
    return sum(1 for w in words if w[0].isupper()) / len(words) >= TEASER_HEAD_CAPS


#: An image alt glued to the headline of its teaser card ("A Kylie Jenner cosmetics display in
#: an Ulta store in New York.One of the top-performing beauty stocks could surge ..."): a
#: sentence's stop followed at once by a capital, and after it a short line with no stop of its
#: own -- a headline.  Text dumps print a rail's cards so (alt, then link text, no space).
ALT_GLUE_RE = re.compile(r"[a-z]{2}[.!?][\"”’)]?(?=[A-Z][a-z])")
#: ... the headline after the glue has at most this many words (headlines run 6-20) and no
#: sentence end of its own (a stop, then a space).
ALT_HEADLINE_WORDS = 20
STOP_THEN_SPACE_RE = re.compile(r"[.!?][\"”’)]?\s")


def is_glued_alt_card(b: Block) -> bool:
    """A teaser card printed as "<alt sentence>.<Headline>" (see ALT_GLUE_RE).  Most blocks
    end with a stop and leave at the first test, before any scan for the glue."""
    if SENTENCE_END_RE.search(b.text):
        return False
    m = ALT_GLUE_RE.search(b.text)
    if m is None:
        return False
    rest = b.text[m.end():]
    return len(rest.split()) <= ALT_HEADLINE_WORDS and not ALT_GLUE_RE.search(rest) and \
        not STOP_THEN_SPACE_RE.search(rest)


def score_block(b: Block) -> float:
    """Signed evidence that a block belongs to the article body."""
    if is_comments_header(b) or b.words <= 4 and is_end_marker(b.text) or is_copyright_notice(b.text, b.words):
        return -COMMENTS_BARRIER  # comments, or the page saying the article ends (its footer)
    if is_glued_teaser(b) or is_glued_alt_card(b) or is_bracketed(b.text) \
            or b.words <= CREDITED_CAPTION_WORDS and credit_tail(b.text) \
            or b.words <= MAX_CAPTION_WORDS and (labelled_credit(b.text) or names_a_picture(b.text)) \
            or "&" in b.text and ESCAPED_ENTITY_RE.search(b.text):
        return -SHORT_PENALTY  # a teaser, an image placeholder, a caption (an alt printed as text)
    if is_tag_line(b.text) or is_cookie_notice(b.text):
        return -BOILER_PENALTY
    if is_reference_entry(b.text):
        return -SHORT_PENALTY  # an entry of the sources list, scored as a list entry
    if is_prose(b):
        if b.words <= 12 and classify_boilerplate(b.text) or \
                b.words <= MAX_PROMO_SENTENCE_WORDS and is_promo_sentence(b.text):
            return -BOILER_PENALTY
        return min(b.words, PROSE_CAP) - PROSE_OFFSET
    if b.words <= MAX_CHROME_WORDS + 2 and classify_boilerplate(b.text):
        return -BOILER_PENALTY
    return -SHORT_PENALTY


def score_blocks(blocks: list[Block], toc: set[int] | None = None) -> list[float]:
    """Scores for all blocks, in order; rows of a data table inside the article, the labels
    of a listicle's repeated item template and the items of a list a sentence announces cost
    nothing (see text_runs: each is the article going on in short lines, not a menu); the
    lines of a table of contents (`toc`, text_toc.toc_items, found here when not given) are
    navigation."""
    scores = [score_block(b) for b in blocks]
    for i in table_rows(blocks, scores, -SHORT_PENALTY):
        scores[i] = TABLE_ROW_SCORE
    for i in teaser_deks(blocks, scores) + echoed_openings(blocks) + kicker_deks(blocks, scores) + \
            link_rails(blocks, scores) + repeated_prose(blocks, scores):
        scores[i] = -SHORT_PENALTY
    for i in product_boxes(blocks, scores, -SHORT_PENALTY):
        scores[i] = TABLE_ROW_SCORE
    for i in template_labels(blocks, scores, -SHORT_PENALTY) | \
            announced_items(blocks, scores, -SHORT_PENALTY):
        scores[i] = TABLE_ROW_SCORE
    for i in toc_items(blocks) if toc is None else toc:
        scores[i] = min(scores[i], -SHORT_PENALTY)  # the page's table of contents: navigation
    for h, s in enumerate(scores):
        if s == -COMMENTS_BARRIER and _is_comment_subhead(blocks[h]) and \
                _density(scores, h + 1) >= SUBHEAD_MIN_DENSITY:
            scores[h] = -SHORT_PENALTY  # the article goes on below it
    return scores


#: A line naming comments with at least this many words and no count is a subhead that talks
#: about comments ("Mistake 3: Ignoring comments or messages about the shopping experience");
#: a thread's header is a label ("Leave a Reply", "No comments yet") or counts them
#: ("... 0 Comments", "14 Comments").
COMMENT_SUBHEAD_WORDS = 8
#: ... and what follows it is at least this dense: an article with many subheads (0.44 and
#: up on text-dev, see RELATED_MAX_DENSITY); a long subhead-like comments header over a
#: thread of bare posts is the risk, so not lower.
SUBHEAD_MIN_DENSITY = 0.5


def _is_comment_subhead(b: Block) -> bool:
    return b.words >= COMMENT_SUBHEAD_WORDS and not _COMMENT_COUNT_RE.search(b.text) and \
        not COMMENTS_TITLE_RE.match(b.text) and section_kind(b.text) != "comments"


_COMMENT_COUNT_RE = re.compile(r"\d\s*(?:comment|respons|repl|kommentar|commentaire|comentario|коммент)", re.I)



def is_tail_header(b: Block, score: float) -> bool:
    """A header that may open the page's tail: reader comments, or a related-stories list
    ("Related", "More Washington Examiner", "Most Read")."""
    if score == -COMMENTS_BARRIER:
        return True
    return b.words <= TAIL_HEADER_WORDS and (section_kind(b.text) == "related" or is_more_header(b.text)) \
        or b.words <= SOURCE_HEADER_WORDS and is_source_header(b.text)


def comments_start(blocks: list[Block], scores: list[float]) -> int:
    """Index where the page's tail (comments, related teasers) begins (len(blocks) if none).

    A tail header opens the tail when a good prose region ends just before it (the article,
    then share buttons, then "34 Comments" or "More from X") and what follows is sparse (posts
    between names and dates, teasers between headlines and bylines); a "Comments" link in a
    menu does not.  Why: comments and teasers are prose too, and a long thread or teaser list
    would otherwise out-score or extend a short article."""
    for h, s in enumerate(scores):
        if not is_tail_header(blocks[h], s):
            continue
        (begin, end), best = find_region_scored(scores[:h])
        if s != -COMMENTS_BARRIER and (_recurs(blocks, begin, h) or opens_paragraph(blocks, scores, h)):
            continue
        limit = COMMENTS_MAX_DENSITY if s == -COMMENTS_BARRIER else RELATED_MAX_DENSITY
        near = sum(1 for b in blocks[end + 1:h] if b.words) <= COMMENTS_NEAR_BLOCKS
        if best < COMMENTS_CUT_PROSE or not near:
            continue
        tail = _tail_score(scores, h + 1)
        if tail < TAIL_STRONG * best and (_density(scores, h + 1) < limit or tail < TAIL_WEAK * best):
            return h
    return len(blocks)


def _recurs(blocks: list[Block], begin: int, h: int) -> bool:
    """The header at `h` already stood inside the prose before it: a label the article repeats
    over each of its parts ("Top Expert Recommendations:" after every tool of a buying guide),
    while a page's tail opens once."""
    key = _label_key(blocks[h].text)
    return any(_label_key(blocks[k].text) == key for k in range(begin, h))


def _label_key(text: str) -> str:
    """A label compared without case or a closing colon ("Top picks:" = "Top Picks")."""
    return text.rstrip(" :").lower()


def _tail_score(scores: list[float], offset: int) -> float:
    """Score of the best region after `offset` (0 when nothing follows)."""
    return find_region_scored(scores[offset:])[1] if offset < len(scores) else 0.0


def _density(scores: list[float], offset: int) -> float:
    """Share of positive blocks in the best region after `offset`: an article is dense prose,
    a comment thread alternates posts with names, dates and "Reply" links."""
    if offset >= len(scores):
        return 0.0
    (a, b), _ = find_region_scored(scores[offset:])
    span = scores[offset + a: offset + b + 1]
    return sum(1 for x in span if x > 0) / len(span)


def gap_flags(blocks: list[Block], scores: list[float]) -> list[bool]:
    """Which blocks count towards a body-ending gap: menu-like ones (a few words, or chrome).
    List items and table rows inside an article are short, but not menu-short; and a line
    with a figure in it ("63", "85%", "3-1") is a table cell a renderer put on its own line
    (bs4, a browser copy), which a menu entry seldom is.  Lines text_runs made neutral (table
    rows, product boxes) are never part of a gap."""
    return [s < 0 and (s == -BOILER_PENALTY or b.words <= GAP_MAX_WORDS and not _HAS_DIGIT.search(b.text))
            for b, s in zip(blocks, scores)]


_HAS_DIGIT = re.compile(r"\d")


def find_region(scores: list[float], gaps: list[bool] | None = None) -> tuple[int, int]:
    """(first, last) block index of the body: the maximum-sum run (Kadane), then cut at any
    long run of non-prose inside it, keeping the best part.

    Why the cut: a related-stories list with prose teasers after the article can out-weigh
    the menu between them, so Kadane would take both; a gap of many chrome lines in a row
    does not happen inside an article."""
    (start, end), _ = find_region_scored(scores)
    parts, run_start, gap = [], start, 0
    for i in range(start, end + 1):
        gap = gap + 1 if (gaps[i] if gaps is not None else scores[i] <= 0) else 0
        if gap == MAX_GAP_BLOCKS:
            parts.append((run_start, i - gap))
            run_start = i + 1
        elif gap > MAX_GAP_BLOCKS:
            run_start = i + 1
    parts.append((run_start, end))
    parts = [(a, b) for a, b in parts if a <= b]
    return max(parts, key=lambda ab: sum(scores[ab[0]:ab[1] + 1]))


def find_region_scored(scores: list[float]) -> tuple[tuple[int, int], float]:
    """Maximum-sum run of `scores` and its sum."""
    best, best_span = float("-inf"), (0, 0)
    run, run_start = 0.0, 0
    for i, s in enumerate(scores):
        if run <= 0:
            run, run_start = s, i
        else:
            run += s
        if run > best:
            best, best_span = run, (run_start, i)
    return best_span, best


#: "About the author" / "About <Name>" in the languages of the benchmark pages (also "About the
#: Author" with the author's name after it, glued when a renderer joins the two elements): the header of
#: the author's (or publisher's) bio box that closes a post -- metadata, not the article.
ABOUT_HEADER_RE = re.compile(r"^(?:about|sobre|acerca de|à propos de|über|chi è|o autorze|об авторе)\b"
                             r"(?: the author| (?:[A-ZÀ-Ý][\w.'’-]+ ?){1,3})?$|"
                             r"^about the author(?:[ :]*(?-i:[A-Z])[\w.'’ -]{0,40})?$", re.I)
#: The bio box is the region's last few blocks: at most this many after its header.
AUTHOR_BOX_BLOCKS = 3


def author_box_start(blocks: list[Block], start: int, end: int) -> int:
    """The region's end, moved before a closing author bio box ("Sobre Carlos Nadalim" and
    two lines about him) when one ends it; an "About" header deeper in is a section."""
    for h in range(max(start + 1, end - AUTHOR_BOX_BLOCKS), end + 1):
        b = blocks[h]
        if b.words <= TAIL_HEADER_WORDS and ABOUT_HEADER_RE.match(b.text.rstrip(" :")):
            return h - 1
    return end
