"""casefree: case-insensitive patterns as case-sensitive twins over lower-cased text must find
the same spans, and refuse the patterns and texts where they would not."""
from __future__ import annotations

import re

import pytest

from factwire import casefree

TEXTS = ["Troops SHELLED the town; Civilians fled", "the Past Decade, RECENT weeks", "Ukraine’s army – “ok” – détente",
         "ſhelled by İstanbul's KELVIN-K army", ""]


@pytest.mark.parametrize("pattern", [r"\b(?:troops?|shell\w+|civilians?)\b", r"(?:past|last)\s+decade",
                                     r"\b(?:army|ok)\b|détente"])
def test_twin_finds_the_same_spans_on_plain_texts(pattern):
    rx = re.compile(pattern, re.I)
    twin = casefree.twin(rx) if pattern.isascii() else None
    for text in TEXTS:
        if twin is not None and casefree.plain(text):
            assert [m.span() for m in twin.finditer(text.lower())] == [m.span() for m in rx.finditer(text)]


def test_texts_with_odd_characters_are_not_plain():
    assert not casefree.plain("ſhelled") and not casefree.plain("İstanbul") and not casefree.plain("\u212a")
    assert casefree.plain("Ukraine’s army – détente") and casefree.plain("")
    rx = re.compile(r"shelled", re.I)
    assert rx.search("ſhelled") and not casefree.twin(rx).search("ſhelled".lower())  # why the check exists


def test_twin_refuses_case_sensitive_or_upper_case_letters():
    assert casefree.twin(re.compile(r"(?i:\bthe\s+)March")) is None  # 'March' is case-sensitive
    assert casefree.twin(re.compile(r"(?i:fiscal|FY)")) is None  # an upper-case letter under re.I
    assert casefree.twin(re.compile(r"(?<!USA )(?i:today)")) is None
    assert casefree.twin(re.compile(r"(a)\1", re.I)) is None  # back-reference: not handled
    assert casefree.twin(re.compile(r"[À-ÿ]x", re.I)) is None  # non-ASCII letters
    twin = casefree.twin(re.compile(r"(?i:\bthe\s+)(?P<y>20\d\d)"))
    assert twin is not None and twin.pattern == r"(?:\bthe\s+)(?P<y>20\d\d)" and not twin.flags & re.I


def test_date_patterns_through_twins_give_the_original_matches():
    from factwire.facts.dates_patterns import COMPILED, TWINS, pattern_matches

    assert {"relative", "vague", "ago", "season"} <= set(TWINS)
    text = "Earlier this WEEK, in Recent Months and two years ago -- the Summer of 2019, the past decade."
    for kind, rx in COMPILED:
        got = [(m.span(), m.groupdict()) for m in pattern_matches(kind, rx, text, text.lower())]
        assert got == [(m.span(), m.groupdict()) for m in rx.finditer(text)], kind
