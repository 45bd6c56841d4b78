"""facts/dates_gate.py: a gated finditer finds exactly what re's finditer finds."""
from __future__ import annotations

import random
import re

from factwire.facts import dates_gate
from factwire.facts.dates_patterns import COMPILED, GATES, TWINS

WORDS = ["January", "Jan.", "Oct", "May", "may", "Monday", "Tuesday,", "the", "The", "of", "and", "or", "&",
         "5", "05", "24", "31st", "2019", "1999", "'90s", "2019-05-04", "1/2/2020", "3-4", "-", "–", "Christmas",
         "Easter", "week", "Week", "year", "ago", "so", "far", "to", "date", "\n\n", ",", ".", "FY", "mid-",
         "İ", "١٢", "2,000", "am", "p.m.", "%", "Day", "New", "Year's", "Eve", "early", "last", "next"]


def _texts(n: int, seed: int = 15) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words = [rng.choice(WORDS) for _ in range(rng.randint(1, 40))]
        out.append("".join(w + rng.choice(["", " ", " ", "  ", "\n"]) for w in words))
    return out


def test_gated_scan_equals_finditer_for_every_date_pattern():
    texts = _texts(400) + ["April 24 and 25, 2019", "x2019-2020", "Oct. 17 and 18", "Sunday, March 3 so far"]
    gated = 0
    for kind, rx in COMPILED:
        for pattern, lower in ((rx, False), (TWINS.get(kind), True)):
            if pattern is None:
                continue
            gated += GATES[pattern] is not None
            for text in texts:
                text = text.lower() if lower else text
                want = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
                got = [(m.span(), m.groupdict()) for m in dates_gate.finditer(pattern, GATES[pattern], text)]
                assert got == want, (kind, text)
    assert gated >= 5  # the month-name and digit patterns are gated


def test_gate_reads_first_characters_past_lookarounds_and_optional_parts():
    assert dates_gate.gate(re.compile(r"\b(?:(?:Mon|Tues)day,?\s+)?(?:Jan|Feb)\b")).pattern == "[FJMT]"
    assert dates_gate.gate(re.compile(r"(?<=\d and )(?P<day>[12]\d|0?[1-9])")).pattern == "[0123456789]"
    assert dates_gate.gate(re.compile(r"(?!x)\d+")).pattern == r"[\d]"
    # under re.I an ASCII letter stands for both cases and the characters re.I folds onto letters,
    # so a case-insensitive first letter is a common start (its lower case) and is not gated
    assert dates_gate._char("K", True) == set("Kk\u0130\u0131\u017f\u212a")
    assert dates_gate.gate(re.compile(r"(?i:K)\d")) is None


def test_ungateable_patterns_are_scanned_as_before():
    for source in (r"(?:the\s+)?May", r"\d*", r"[^a]x", r"\w+", r"(?i:é)x", r"(?:a|B)?", r"[A-z]x", r".X"):
        assert dates_gate.gate(re.compile(source)) is None, source
    rx = re.compile(r"(?:the\s+)?May")
    assert [m.span() for m in dates_gate.finditer(rx, None, "the May, May")] == [(0, 7), (9, 12)]


def test_gated_match_sees_the_text_before_its_start():
    rx = re.compile(r"(?<=x)\d|\bY\d")
    gate = dates_gate.gate(rx)
    assert gate is not None
    assert [m.span() for m in dates_gate.finditer(rx, gate, "x1 1 aY2 Y3")] == [(1, 2), (9, 11)]
