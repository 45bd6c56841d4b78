"""clean/html_hints: a class string's hints, combined token by token, equal the answer of
reading the whole string at once (the reference below is that whole-string reading)."""
from __future__ import annotations

import random
import re

from lxml import etree

from factwire.clean.html_hints import NO_HINTS, SR_ONLY, Hints, compute_hints, element_hints
from factwire.clean.html_patterns import (
    BYLINE_WORDS,
    CAPTION_STEMS,
    CREDIT_STEMS,
    MARK_WORDS,
    POSITIVE_WORDS,
    token_words,
)

_TAXONOMY = re.compile(r"(?<!\S)(?:tag|category|post_tag|post-tag|term|topic|tags)-\S+", re.I)


def _words(text: str) -> dict[str, None]:
    words: dict[str, None] = {}
    for token in text.split():
        words.update(token_words(token))
    return words


def _reference(cls: str, eid: str) -> Hints:
    """The whole-string reading: all words of class and id in order, stems on the raw string."""
    cls = _TAXONOMY.sub("", cls)
    words = _words(f"{cls} {eid}")
    raw = f"{cls} {eid}".lower()
    mark = next((MARK_WORDS[w] for w in words if w in MARK_WORDS), None)
    alone = any(not token_words(t).keys().isdisjoint(POSITIVE_WORDS)
                and all(MARK_WORDS.get(w) not in {"related", "promo", "comments"} for w in token_words(t))
                for t in f"{cls} {eid}".split())
    positive = not words.keys().isdisjoint(POSITIVE_WORDS) and (mark is None or alone)
    if mark is None and not words.keys().isdisjoint(BYLINE_WORDS):
        mark = "meta"
    role = None
    if not words.keys().isdisjoint(SR_ONLY) or any(t.lower() in SR_ONLY for t in f"{cls} {eid}".split()):
        role = "hidden"
    elif any(s in raw for s in CAPTION_STEMS + CREDIT_STEMS):
        credit = [t for t in raw.split() if any(c in t for c in CREDIT_STEMS)]
        role = "credit" if credit and (not any(s in raw for s in CAPTION_STEMS) or any(
            s in t for t in credit for s in CAPTION_STEMS)) else "caption"
    elif "source" in raw:
        role = "source"
    return Hints(mark, positive, role, "author" in cls or "byline" in cls or "byline" in eid)


_VOCAB = sorted(MARK_WORDS)[:60] + sorted(POSITIVE_WORDS) + sorted(BYLINE_WORDS) + sorted(SR_ONLY) + [
    "caption", "imageCaption", "credit", "photo-credit", "source", "caption-source", "tag-news",
    "category-related-news", "Author", "byline", "grid", "col-md-8", "wrapper", "x12345", "content"]


def test_token_combination_equals_whole_string_reading() -> None:
    rng = random.Random(5)
    for _ in range(5_000):
        cls = " ".join(rng.choice(_VOCAB) + rng.choice(["", "-", "_", "-box", "Body"]) + rng.choice(
            ["", "", rng.choice(_VOCAB)]) for _ in range(rng.randint(1, 4)))
        eid = rng.choice(["", "", rng.choice(_VOCAB), "main-" + rng.choice(_VOCAB)])
        assert compute_hints(cls, eid) == _reference(cls, eid), (cls, eid)


def test_hints_of_common_boxes() -> None:
    assert compute_hints("related-posts widget", "").mark == "related"
    assert compute_hints("article-body", "").positive
    assert not compute_hints("related-content", "").positive  # one token: a related box
    assert compute_hints("main-content has-sidebar", "").positive
    assert compute_hints("tag-related-news post", "").mark is None  # a taxonomy class says nothing
    assert compute_hints("wp-caption-text", "").role == "caption"
    assert compute_hints("image__credit", "").role == "credit"
    assert compute_hints("sr-only", "").role == "hidden"
    assert compute_hints("screen-reader-text", "").role == "hidden"  # three words: the whole token
    assert compute_hints("", "byline").author


def test_element_hints_read_class_and_id_but_not_a_heading_id() -> None:
    box = etree.fromstring('<div class="story" id="comments"/>')
    assert element_hints(box).mark == "comments"
    heading = etree.fromstring('<h2 class="title" id="related-research"/>')
    assert element_hints(heading).mark is None


def test_wordpress_recent_widgets_are_chrome() -> None:
    """WordPress core names its widgets with glued words: `<ul id="recentcomments">` (recent
    comments: prose, so it out-voted a short post) and `widget_recent_entries` (recent posts)."""
    assert compute_hints("scroller", "recentcomments").mark == "comments"
    assert compute_hints("widget widget_recent_entries", "recent-posts-2").mark == "related"
    assert compute_hints("recent-article", "").mark is None  # "recent" alone says nothing


def test_a_hidden_label_modifier_does_not_hide_its_field() -> None:
    """Drupal core puts `field--label-visually_hidden` on a field whose *label* is hidden --
    the article body's field included; a box that is itself screen-reader-only stays hidden."""
    assert compute_hints("field field--name-body field--label-visually_hidden", "").role is None
    assert compute_hints("visually-hidden", "").role == "hidden"
    assert compute_hints("u-visually-hidden", "").role == "hidden"


def test_inline_hints_keep_what_an_inline_element_uses() -> None:
    """inline_hints skips classes that name no role: the role and author flag must be those of
    the full reading for every class string (the words behind them are all in the prefilter)."""
    from factwire.clean.html_hints import _HINT_CACHE, _NO_ROLE, INLINE_ROLE_WORDS, inline_hints

    for word in [*SR_ONLY, *CAPTION_STEMS, *CREDIT_STEMS, "source", "byline", "author"]:
        assert INLINE_ROLE_WORDS.search(word), word
    rng = random.Random(7)
    for _ in range(3_000):
        cls = " ".join(rng.choice(_VOCAB) + rng.choice(["", "-", "_", "Body", "-link"])
                       for _ in range(rng.randint(1, 3)))
        span = etree.fromstring(f'<span class="{cls}">x</span>')
        _HINT_CACHE.clear()
        _NO_ROLE.clear()  # read it fresh: a cached full answer would hide a wrong skip
        quick = inline_hints(span)
        full = element_hints(span)
        assert (quick.role, quick.author) == (full.role, full.author), cls
    assert inline_hints(etree.fromstring('<a class="nav-link icon">x</a>')) is NO_HINTS
