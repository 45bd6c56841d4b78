"""Weapon classes of tokens (codebook weapon words, `codebook.WEAPON_CLASSES`): the most
specific weapon among a phrase's tokens and its text as written."""
from __future__ import annotations

import re

from .codebook import WEAPON_CLASSES, WEAPON_PRIORITY
from .lexicon import NOT_WEAPON_WORDS

#: Quick first check: does a text hold any weapon word at all?
ANY_WEAPON = re.compile(r"\b(" + "|".join(map(re.escape, sorted(
    {w for words in WEAPON_CLASSES.values() for w in words}, key=len, reverse=True))) + r")", re.I)
WEAPON_PATTERNS = {cls: re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")", re.I)
                   for cls, words in WEAPON_CLASSES.items()}


def weapon_of(tokens) -> tuple[str | None, str | None, object]:
    """(class, text as written, head token) of the most specific weapon among `tokens`."""
    best = None
    for t in tokens:
        cls = _weapon_class(t)
        if cls is None:
            continue
        rank = WEAPON_PRIORITY.index(cls)
        if best is None or rank < best[0]:
            best = (rank, cls, t)
    if best is None:
        return None, None, None
    head = best[2]
    while head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    return best[1], weapon_text(head), head


def _weapon_class(t) -> str | None:
    """Weapon class of a token (with its compound neighbour for 'air strike', 'car bomb'),
    computed once per token (the coder asks about the same tokens for many triggers)."""
    cache = t.doc.user_data.setdefault("factwire_weapon", {})
    if t.i not in cache:
        cache[t.i] = _classify_weapon(t)
    return cache[t.i]


def _classify_weapon(t) -> str | None:
    if t.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM", "VERB"):
        return None
    # is_sent_start, not t.sent: Token.sent walks the whole sentence (quadratic on a page that
    # is one 19,000-token "sentence" of figures: 10 s)
    prev = t.doc[t.i - 1].lower_ + " " if not t.is_sent_start else ""
    if prev == "- " and not t.doc[t.i - 1].is_sent_start:
        prev = t.doc[t.i - 2].lower_ + "-"  # 'small-arms' is tokenised small / - / arms
    text = prev + t.lower_
    if not ANY_WEAPON.search(text):
        return None
    for cls in WEAPON_PRIORITY:
        if any(m.end() > len(prev) for m in WEAPON_PATTERNS[cls].finditer(text)):
            return cls
    return None


def weapon_text(head) -> str:
    """'kamikaze drones', 'Shahed-136 drones', '122mm mortars': modifiers + head noun."""
    left = head
    for c in head.lefts:
        if c.dep_ in ("compound", "amod", "nmod") and c.lower_ not in NOT_WEAPON_WORDS:
            left = c if c.i < left.i else left
            break
    span = head.doc[left.i: head.i + 1]
    return span.text
