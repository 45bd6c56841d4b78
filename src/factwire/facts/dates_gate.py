"""`finditer` for a pattern whose matches can only start at a rare character (issue 15: speed).

Why: a pattern that opens with `\\b` or a look-behind gives Python's `re` no first-character
prefix, so a scan tries the whole pattern at every position of the text; the dates stage runs
~35 patterns over each page and that was nearly all of its ~3.5 CPU ms a page.  Many patterns can
only start at a capital (a month or weekday name) or a digit (a year, a day), a few per cent of a
news text's characters.  `gate` reads the set of characters a match can start with from the
pattern's own parse tree (look-arounds and `\\b` are skipped: they consume nothing); `finditer`
then jumps between such characters with a one-class regex (a C-speed scan) and tries the pattern
only there.  `rx.match(text, p)` at a position is exactly the attempt `rx.finditer` makes there
(look-behinds and `\\b` still see the text before p), and a pattern that cannot match the empty
string continues after each match's end in both, so the matches are the same; a pattern this
cannot read, or whose first characters are common (lower-case letters, spaces, `\\w`), is
scanned as before.
"""
from __future__ import annotations

import re
import string
from collections.abc import Iterator
from re import _parser as sre_parse  # the stdlib's own parse tree (re._parser, Python >= 3.11)

#: First characters too common in prose for a gate to pay (the scan would stop nearly everywhere).
COMMON_FIRST = frozenset(string.ascii_lowercase) | frozenset(string.whitespace)
#: Class items (regex syntax) a gate may hold besides single characters.
RARE_CATEGORIES = {sre_parse.CATEGORY_DIGIT: r"\d"}
#: Characters re.IGNORECASE matches to ASCII letters besides their two cases (casefree.CASE_ODD_CHARS).
CASE_ODD = "\u0130\u0131\u017f\u212a"
#: A class range is expanded character by character only up to this size.
MAX_RANGE = 64
_ZERO_WIDTH = (sre_parse.AT, sre_parse.ASSERT, sre_parse.ASSERT_NOT)
_REPEATS = (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, sre_parse.POSSESSIVE_REPEAT)



def gate(rx: re.Pattern) -> re.Pattern | None:
    """A one-class pattern finding every position where `rx` can start a match, or None when
    `rx` cannot be gated (unreadable, may match the empty string, or starts at common characters)."""
    if not isinstance(rx.pattern, str) or rx.flags & (re.MULTILINE | re.VERBOSE | re.LOCALE):
        return None
    items, nullable = _first_of_sequence(sre_parse.parse(rx.pattern, rx.flags).data, bool(rx.flags & re.I))
    if items is None or nullable or not items or any(i in COMMON_FIRST for i in items):
        return None
    categories = set(RARE_CATEGORIES.values())
    return re.compile("[" + "".join(i if i in categories else re.escape(i) for i in sorted(items)) + "]")


def finditer(rx: re.Pattern, gate_rx: re.Pattern | None, text: str) -> Iterator[re.Match]:
    """`rx.finditer(text)`, trying `rx` only where `gate_rx` (from `gate(rx)`) finds a start."""
    if gate_rx is None:
        yield from rx.finditer(text)
        return
    search, match, pos = gate_rx.search, rx.match, 0
    while (found := search(text, pos)) is not None:
        start = found.start()
        m = match(text, start)
        if m is None:
            pos = start + 1
        else:
            yield m
            pos = m.end()  # > start: a gated pattern never matches the empty string


def _first_of_sequence(data, ignore_case: bool) -> tuple[set[str] | None, bool]:
    """The first-character items of a sequence of parse nodes, and whether it can match empty."""
    items: set[str] = set()
    for op, av in data:
        first, nullable = _first_of_node(op, av, ignore_case)
        if first is None:
            return None, False
        items |= first
        if not nullable:
            return items, False
    return items, True


def _first_of_node(op, av, ignore_case: bool) -> tuple[set[str] | None, bool]:
    if op in _ZERO_WIDTH:
        return set(), True
    if op is sre_parse.LITERAL:
        return _char(chr(av), ignore_case), False
    if op is sre_parse.IN:
        return _class(av, ignore_case), False
    if op is sre_parse.SUBPATTERN:
        _, add, remove, sub = av
        return _first_of_sequence(sub.data if hasattr(sub, "data") else sub,
                                  (ignore_case or bool(add & re.I)) and not remove & re.I)
    if op is sre_parse.BRANCH:
        return _first_of_branches(av[1], ignore_case)
    if op in _REPEATS:
        low, _, sub = av
        first, nullable = _first_of_sequence(sub.data if hasattr(sub, "data") else sub, ignore_case)
        return first, first is not None and (low == 0 or nullable)
    return None, False


def _first_of_branches(branches, ignore_case: bool) -> tuple[set[str] | None, bool]:
    items: set[str] = set()
    any_nullable = False
    for branch in branches:
        first, nullable = _first_of_sequence(branch.data if hasattr(branch, "data") else branch, ignore_case)
        if first is None:
            return None, False
        items |= first
        any_nullable = any_nullable or nullable
    return items, any_nullable


def _class(items, ignore_case: bool) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is sre_parse.LITERAL:
            chars = _char(chr(av), ignore_case)
        elif op is sre_parse.RANGE and av[1] - av[0] < MAX_RANGE:
            chars = set()
            for code in range(av[0], av[1] + 1):
                chars |= _char(chr(code), ignore_case) or {None}
        elif op is sre_parse.CATEGORY and av in RARE_CATEGORIES:
            chars = {RARE_CATEGORIES[av]}
        else:
            return None  # a negated class, a wide range, \w or \s: not a rare start
        if chars is None or None in chars:
            return None
        out |= chars
    return out


def _char(c: str, ignore_case: bool) -> set[str] | None:
    """The characters `c` matches: itself, or under re.I an ASCII letter's two cases and the odd
    characters; None for any non-ASCII character under re.I (its case partners are not listed)."""
    if not ignore_case:
        return {c}
    if not c.isascii():
        return None
    return {c.lower(), c.upper(), *CASE_ODD} if c.isalpha() else {c}
