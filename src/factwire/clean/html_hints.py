"""What an element's class and id say: a chrome mark, an article-ness sign, a caption role.

Why a module of its own, and why token by token: class strings are mostly unique per site
(12,534 distinct ones over scrapinghub-dev's 121 pages, ~100 a page), so a per-string cache
only helps within a site, and the benchmark's pages -- like a crawl's first page of each site
-- paid the whole analysis on every page (1.25 of ~5 CPU ms a page, session 5).  The tokens
of those strings repeat across sites (`menu`, `item`, `post-content`), so each token is
analysed once (`_token_hints`, cached) and a class string only combines its tokens' answers in
order; the combination gives exactly the answers of reading the whole string at once
(tests/clean/test_html_hints.py compares both on generated and real class strings).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from factwire.clean.html_patterns import (
    BYLINE_WORDS,
    CAPTION_STEMS,
    CREDIT_STEMS,
    HEADING_KINDS,
    MARK_WORDS,
    POSITIVE_WORDS,
    token_words,
)

Element = etree._Element

SR_ONLY = frozenset({"sr-only", "screen-reader-text", "visually-hidden", "visuallyhidden",
                     "element-invisible", "a11y-hidden"})
#: Marks whose word makes a compound token a chrome box.  Navigation words do not: in
#: `content-nav-section` or `region-body-and-footer` the article word is what the box holds.
BOX_MARKS = frozenset({"related", "promo", "comments"})
#: CMS taxonomy classes name the post's tags and categories (`tag-tax-credits`,
#: `category-related-news`): words of the content, not of the box, so they give no hints.
TAXONOMY_TOKEN = re.compile(r"(?:tag|category|post_tag|post-tag|term|topic|tags)-\S+", re.I)
MARK_KEYS = MARK_WORDS.keys()
_CAPTION_OR_CREDIT_RE = re.compile("|".join(CAPTION_STEMS + CREDIT_STEMS))


@dataclass(slots=True)
class Hints:
    """What an element's class/id says: a chrome mark, an article-ness sign, a caption role."""

    mark: str | None
    positive: bool
    role: str | None  # "caption" | "credit" | "hidden" | None
    author: bool = False  # class has "author"/"byline" in it: a byline for the metadata stage


NO_HINTS = Hints(None, False, None)


#: A token's share of the answer is its first mark word's mark and these flags, OR-ed over
#: the tokens of a class string (see the module docstring).
POSITIVE, ALONE, BYLINE, HIDDEN, CAPTION_OR_CREDIT, SOURCE, AUTHOR = (1 << k for k in range(7))
_TOKEN_CACHE: tuple[dict[str, tuple[str | None, int]], dict[str, tuple[str | None, int]]] = ({}, {})
_TOKEN_CACHE_MAX = 65_536


_HINT_CACHE: dict[str, Hints] = {}
_NO_ROLE: set[str] = set()  # inline class strings without a role word (see inline_hints)
#: Every class/id word behind an inline element's role or author flag holds one of these (the
#: SR_ONLY names, CAPTION_STEMS, CREDIT_STEMS, "source", "byline", "author"): without one, the
#: answer for an inline element is NO_HINTS.  tests/clean/test_html_hints.py checks the list.
INLINE_ROLE_WORDS = re.compile(r"only|screen|visually|invisible|a11y|caption|credit|copyright|"
                               r"source|byline|author", re.I)
#: Numbers in class/id ("menu-item-12345", "post-6789") say nothing and made most keys unique:
#: folded to "0", a page's menu items share one cache entry (11 % fewer analyses on DEV).  No
#: vocabulary word holds a run of 3+ digits (short runs such as "a11y" are kept).
_LONG_NUMBER = re.compile(r"\d{3,}")
_HINT_CACHE_MAX = 100_000  # class strings repeat across pages of a site; bound memory anyway


def element_hints(el: Element, tag: str | None = None) -> Hints:
    """Read (and cache by the raw class+id string) the hints of one element.

    A heading's id is its anchor slug (`h-video-production-vs-film`, `related-research`):
    words of the heading's own text, not a hint about the box, so headings use their class only."""
    cls = el.get("class")
    eid = None if (tag or el.tag) in HEADING_KINDS else el.get("id")
    if not cls and not eid:
        return NO_HINTS
    key = cls if eid is None else f"{cls}\x00{eid}"  # most elements: a class, no id
    hit = _HINT_CACHE.get(key)
    if hit is None:
        if len(_HINT_CACHE) > _HINT_CACHE_MAX:
            _HINT_CACHE.clear()
        folded = _LONG_NUMBER.sub("0", f"{cls or ''}\x00{eid or ''}")  # only on a miss
        hit = _HINT_CACHE.get(folded)
        if hit is None:
            hit = _HINT_CACHE[folded] = compute_hints(*folded.split("\x00"))
        _HINT_CACHE[key] = hit
    return hit


def inline_hints(el: Element) -> Hints:
    """`element_hints` as far as an inline element (a, span, em ...) uses them: only its role
    (hidden, caption, credit, source) and its author flag count, since its text joins the
    block around it whatever box it names.  A class that names none of those is not analysed
    (a fresh page's inline classes are mostly `nav-link`, `icon`, `btn`: ~20 % of the class
    strings a process meets, scrapinghub-dev)."""
    cls = el.get("class")
    eid = el.get("id")
    if not cls and not eid:
        return NO_HINTS
    key = cls if eid is None else f"{cls}\x00{eid}"
    hit = _HINT_CACHE.get(key)
    if hit is not None:
        return hit
    if key in _NO_ROLE:
        return NO_HINTS
    if INLINE_ROLE_WORDS.search(key):
        return element_hints(el)
    if len(_NO_ROLE) > _HINT_CACHE_MAX:
        _NO_ROLE.clear()
    _NO_ROLE.add(key)  # repeated on every menu item: remember the answer, not just the cost
    return NO_HINTS


def _token_hints(token: str, is_id: bool) -> tuple[str | None, int]:
    """(mark, flags) of one class/id token, cached: tokens repeat across sites."""
    cache = _TOKEN_CACHE[is_id]
    hit = cache.get(token)
    if hit is not None:
        return hit
    if len(cache) > _TOKEN_CACHE_MAX:
        cache.clear()
    hit = cache[token] = _analyse_token(token, is_id)
    return hit


def _analyse_token(token: str, is_id: bool) -> tuple[str | None, int]:
    """(mark, flags) of one token from its words and word pairs (token_words)."""
    low = token.lower()
    words = token_words(token)
    keys = words.keys()
    marked = keys & MARK_KEYS  # most tokens hold no mark word: one set operation says so
    mark = next(MARK_WORDS[w] for w in words if w in marked) if marked else None
    flags = 0
    if not keys.isdisjoint(POSITIVE_WORDS):
        flags |= POSITIVE
        if all(MARK_WORDS.get(w) not in BOX_MARKS for w in words):
            flags |= ALONE
    flags |= BYLINE if not keys.isdisjoint(BYLINE_WORDS) else 0
    # the whole token too: words come with adjacent pairs only, so "screen-reader-text" (three
    # words) was never found among them
    # ... but a token that names a label says how the box's label shows, not the box: Drupal
    # core puts `field--label-visually_hidden` on every field whose label is hidden, the
    # article body's field included
    flags |= HIDDEN if low in SR_ONLY or not keys.isdisjoint(SR_ONLY) and "label" not in keys else 0
    flags |= CAPTION_OR_CREDIT if _CAPTION_OR_CREDIT_RE.search(low) else 0
    flags |= SOURCE if "source" in low else 0
    flags |= AUTHOR if "byline" in token or (not is_id and "author" in token) else 0
    return mark, flags


def compute_hints(cls: str, eid: str) -> Hints:
    """Hints of a whole class + id: the first token with a mark decides the mark (the first
    written wins, the same in every run); taxonomy tokens of the class say nothing."""
    mark, flags, kept = None, 0, []
    for is_id, text in ((False, cls), (True, eid)):
        for token in text.split():
            if not is_id and "-" in token and TAXONOMY_TOKEN.match(token):
                continue
            kept.append(token)
            token_mark, token_flags = _token_hints(token, is_id)
            flags |= token_flags
            mark = mark or token_mark
    positive = bool(flags & POSITIVE) and (mark is None or bool(flags & ALONE))
    if mark is None and flags & BYLINE:
        mark = "meta"
    role = None
    if flags & HIDDEN:
        role = "hidden"
    elif flags & CAPTION_OR_CREDIT:
        role = caption_role(" ".join(kept).lower())
    elif flags & SOURCE:
        role = "source"  # a credit only inside a caption ("caption-source"); else plain text
    return Hints(mark, positive, role, bool(flags & AUTHOR))


def caption_role(raw: str) -> str:
    """"credit" when a token names a credit (`image__credit`, `CaptionCredit`: the credit *of*
    a caption), else "caption" (`caption has-credit`: a caption box that holds one)."""
    tokens = raw.split()
    if any(c in t for t in tokens for c in CREDIT_STEMS):
        named = [t for t in tokens if any(c in t for c in CREDIT_STEMS)]
        if not any(s in raw for s in CAPTION_STEMS) or any(s in t for t in named for s in CAPTION_STEMS):
            return "credit"
    return "caption"
