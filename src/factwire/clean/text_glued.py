"""Menus a browser copy glues into one line ("How to Invest MoneyWhat to Invest InHow to ...").

A browser's innerText puts no separator between inline-block or flex items, so a menu of
links prints as one long line of entries run together.  Long and full of "to", "in", "of",
such a line passes the line cleaner's prose test (>= 20 words, stopword share) and pulls the
body region up to the page's header.  Its shape tells it apart: entries run together at a
lower-case letter (or a digit, "?", ")") directly followed by a capitalised word, every few
words, and no sentence inside it -- prose has spaces after its sentence ends, and the
camel-case names it quotes ("AirPods", "LinkedIn") are far apart.
"""
from __future__ import annotations

import re

#: A glue point: an entry ending in a lower-case letter, a digit, "?", "!" or ")" with the
#: next capitalised entry right after it ("MoneyWhat", "101Types", "IRA?Strategies").
GLUE_POINT_RE = re.compile(r"[a-z0-9?!)](?=[A-Z][a-z])")
#: A sentence end followed by a space and a capital: a line with one is prose, however glued
#: its names are.
SENTENCE_GAP_RE = re.compile(r"[.!?][\"'”’)]* [A-Z“\"]")
#: A glued menu has at least this many glue points ...
GLUED_MIN_POINTS = 4
#: ... one every this many words or fewer (glued menu lines on wcxb-dev browser copies: one
#: every 1-4 words; prose naming "AirPods" and "MacBook" twice a sentence: one every 10+).
GLUED_WORDS_PER_POINT = 6
#: A web address or query token ("...?gclid=Cj0KCQjw0IGn...", "news_detail_T6_R60.php"): its
#: case changes are an encoding, not entries run together.
ADDRESS_TOKEN_RE = re.compile(r"\S*[/=_%]\S*")


def is_glued_menu(text: str, words: int) -> bool:
    """A line of menu entries run together with no space and no sentence in it."""
    if "/" in text or "=" in text or "_" in text or "%" in text:
        text = ADDRESS_TOKEN_RE.sub(" ", text)
    points = len(GLUE_POINT_RE.findall(text))
    return points >= GLUED_MIN_POINTS and points * GLUED_WORDS_PER_POINT >= words and \
        SENTENCE_GAP_RE.search(text) is None
