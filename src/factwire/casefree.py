"""Case-insensitive patterns run as case-sensitive twins over lower-cased text (issue 15: speed).

Why: Python's `re` skips an alternative of a case-sensitive pattern on its first letter, but has
to enter every alternative of a case-insensitive one at every position, so a long word list
compiled with re.I (the events stage's scope cues, the dates stage's relative expressions) scans
a page 3-4x slower than the same list over `text.lower()` without re.I.

When is that the same?  A case-insensitive letter `x` (ASCII, lower case) matches a character
`c` exactly when `c.lower() == x`, except for the four characters in CASE_ODD_CHARS (re.I
matches İ and ı to i, ſ to s, the Kelvin sign K to k; and 'İ'.lower() is two characters, which
would shift offsets).  `str.lower()` keeps every other character's length and its \\w, \\s and
\\d classes (checked over all of Unicode when this was written).  So a pattern whose every cased
letter is ASCII lower case and case-insensitive finds, on `text.lower()` and without re.I, the
same spans as the original on `text`, for any text without those four characters.  `twin`
builds such a pattern or says None; callers keep the original for texts where `plain` is False.
"""
from __future__ import annotations

import re
from re import _parser as sre_parse  # the stdlib's own parse tree (re._parser, Python >= 3.11)

#: The characters on which re.IGNORECASE and str.lower() disagree for ASCII letters.
CASE_ODD_CHARS = re.compile("[\u0130\u0131\u017f\u212a]")
_NESTED = (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT)
_ASSERTS = (sre_parse.ASSERT, sre_parse.ASSERT_NOT)
_PLAIN_OPS = (sre_parse.AT, sre_parse.ANY, sre_parse.CATEGORY)


def plain(text: str) -> bool:
    """Is lower-casing `text` the same as matching it case-insensitively (see module doc)?"""
    return CASE_ODD_CHARS.search(text) is None


def twin(rx: re.Pattern) -> re.Pattern | None:
    """`rx` without case-insensitivity, for lower-cased text; None when that would not find the
    same spans (a cased letter outside a case-insensitive part, an upper-case or non-ASCII
    letter, a back-reference, or a flag this does not read)."""
    source = rx.pattern
    if not isinstance(source, str) or "(?i)" in source:
        return None
    if not _caseless(sre_parse.parse(source, rx.flags).data, bool(rx.flags & re.I)):
        return None
    plain_source = source.replace("(?i:", "(?:")
    if "(?i" in plain_source:
        return None  # a flag group this does not rewrite, e.g. (?i-s:...)
    return re.compile(plain_source, rx.flags & ~re.I)


def _caseless(data: list, ignore_case: bool) -> bool:
    """True when every cased letter in the parse tree `data` is ASCII lower case under re.I."""
    for op, av in data:
        if op in (sre_parse.LITERAL, sre_parse.NOT_LITERAL):
            if not _letter_ok(chr(av), ignore_case):
                return False
        elif op is sre_parse.IN:
            if not all(_set_item_ok(item_op, item_av, ignore_case) for item_op, item_av in av):
                return False
        elif op is sre_parse.SUBPATTERN:
            _, add, remove, sub = av
            inner = (ignore_case or bool(add & re.I)) and not remove & re.I
            if not _caseless(sub.data, inner):
                return False
        elif op is sre_parse.BRANCH:
            if not all(_caseless(branch.data, ignore_case) for branch in av[1]):
                return False
        elif op in _NESTED or op in _ASSERTS:
            if not _caseless(av[-1].data, ignore_case):
                return False
        elif op not in _PLAIN_OPS:
            return False  # back-references, conditionals, atomic groups: not needed, not handled
    return True


def _letter_ok(ch: str, ignore_case: bool) -> bool:
    if ch.lower() == ch.upper():
        return True  # no case: digits, punctuation, spaces
    return ignore_case and ch.isascii() and ch.islower()


def _set_item_ok(op, av, ignore_case: bool) -> bool:
    if op is sre_parse.LITERAL:
        return _letter_ok(chr(av), ignore_case)
    if op is sre_parse.RANGE:
        return all(_letter_ok(chr(c), ignore_case) for c in range(av[0], av[1] + 1))
    return op in (sre_parse.CATEGORY, sre_parse.NEGATE)
