"""The body guard: class-word marks never take running text out of the article's column.

Class words are the cheapest chrome signal and the least reliable one: Condé Nast pages put
`class="paywall"` on most body paragraphs.  A mark that a paragraph's *own* class gives it, on
a block which reads like the article -- long, a whole sentence, few links, inside the chosen
main column -- is overruled.  Marks inherited from a box stand: a promo slideshow or a sidebar
widget inside the article's wrapper has well-written items too (dragnet DEV).  And since a template
stamps the same class on every paragraph of that kind, a guarded paragraph's own tag+class
clears the same mark on the shorter paragraphs that share it ("The army declined to comment.").
Comment threads are prose too, so a "comments" mark is never overruled; navigation marks do not
land on prose.
"""
from __future__ import annotations

from factwire.clean.boilerplate import is_promo_sentence
from factwire.clean.html_blocks import Block, element_hints
from factwire.clean.html_patterns import PROMO_LINE, PROMO_MAX_WORDS, RELATED_LINE

#: Marks the guard may overrule.
GUARDED_MARKS = frozenset({"promo", "related"})
#: A block reads like article text with at least this many non-link characters: two lines of
#: a body paragraph.  Teaser blurbs in related boxes run 80-160 characters (one sentence);
#: calibrated on the Wired page (shortest guarded paragraph 171 chars) and the suites' DEV.
BODY_LIKE_CHARS = 160
#: ... and at most this share of link text (a teaser is mostly its linked headline).
BODY_LIKE_LINK_SHARE = 0.25
#: ... and it ends like a sentence.
_SENTENCE_END = (".", "!", "?", ".”", '."', "?”", "!”", ".’", ".)")

Signature = tuple[str, str | None]


def is_body_like(b: Block) -> bool:
    """Long running text ending like a sentence, with few links, not a promo sentence."""
    text = b.text
    if len(text) - b.links < BODY_LIKE_CHARS or b.links > BODY_LIKE_LINK_SHARE * len(text):
        return False
    if b.kind not in ("p", "quote", "li", "oli") or not text.endswith(_SENTENCE_END):
        return False
    short = text.count(" ") < PROMO_MAX_WORDS
    return not is_promo_sentence(text) and not (short and (PROMO_LINE.match(text) or RELATED_LINE.match(text)))


def own_mark(b: Block) -> str | None:
    """The mark the block's own element carries when its parent does not carry it too: a
    paragraph flagged `paywall` in a plain body box, not the text of a promo *component*
    (`PromoSmall-wrapper > PromoSmall-description`, `borderedBanner > borderedBannerText`)."""
    mark = element_hints(b.el).mark
    parent = b.el.getparent()
    if mark is None or parent is not None and element_hints(parent).mark == mark:
        return None
    return mark


def signature(b: Block) -> Signature:
    return b.el.tag, b.el.get("class")


def guarded_signatures(blocks: list[Block], inside: list[bool]) -> set[Signature]:
    """Tag+class of marked body paragraphs whose mark is their own: the template's paragraphs."""
    out: set[Signature] = set()
    for b, is_body in zip(blocks, inside):
        if is_body and b.mark in GUARDED_MARKS and is_body_like(b) and own_mark(b) == b.mark:
            out.add(signature(b))
    return out


def may_vote(b: Block) -> bool:
    """A marked block still votes for its container when the guard could overrule its mark."""
    return b.mark in GUARDED_MARKS and is_body_like(b) and own_mark(b) == b.mark


def overrules(b: Block, is_body: bool, guarded: set[Signature]) -> bool:
    """True when the block's promo/related mark must not take it out of the body: only a mark
    on the paragraph itself.  A mark inherited from a box (a promo slideshow, a sidebar widget
    inside the article's wrapper) stands, however well its items read."""
    if not is_body or b.mark not in GUARDED_MARKS or own_mark(b) != b.mark:
        return False
    return is_body_like(b) or signature(b) in guarded
