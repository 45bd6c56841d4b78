"""One sense per discourse: a name the article already uses as a place is that place again where
it recurs and nothing tags it ("stuck in Samos" after "asylum seekers on Samos"; "the
Surfside/Garden City area" after "Atlantic Avenue in Garden City").

Why: spaCy's small model labels the same name differently sentence by sentence (GPE once, ORG or
nothing the next time), and a writer does not switch a name's meaning within a story. A recurrence
inside a longer name is left alone: inside a longer entity ("Nelson Mandela", "Samos Hospital"),
after a capitalised word that is no sentence opener ("New Quay" is not "Quay"), or before a
capitalised word that continues a name ("Samos Council").
"""
from __future__ import annotations

import re

from .places_mention import Mention, modifies_a_name

#: Shortest name that is propagated (two letters are mostly codes and initials).
MIN_NAME_CHARS = 3


def repeated_mentions(doc, text: str, found: list[Mention]) -> list[Mention]:
    """Untagged recurrences of the names in `found` (first mention of each name is the model)."""
    first: dict[str, Mention] = {}
    for m in found:
        if not m.facility and len(m.text) >= MIN_NAME_CHARS and m.text[:1].isupper() and (m.candidates or m.fallback):
            first.setdefault(m.text, m)
    if not first:
        return []
    taken = {(m.start, m.end) for m in found}
    names = sorted(first, key=len, reverse=True)  # one pass; the longest name wins at a position
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    out: list[Mention] = []
    for hit in pattern.finditer(text):
        s, e = hit.span()
        if (s, e) in taken or any(s < b and a < e for a, b in taken):
            continue
        span = doc.char_span(s, e)
        if span is None or _part_of_longer_name(doc, span):
            continue
        model = first[hit.group()]
        out.append(Mention(s, e, model.text, model.key, model.candidates, model.fallback))
        taken.add((s, e))
    return out


def _part_of_longer_name(doc, span) -> bool:
    """Is the span tagged (as anything: spaCy's label and the relabel rules had their say), or
glued to capitalised words of a longer name?"""
    if any(t.ent_type_ for t in span) or (span.end < len(doc) and doc[span.end].ent_iob_ == "I"):
        return True  # tagged as something else here (ORG, PERSON: the label rules decided)
    if span.start > 0:
        prev = doc[span.start - 1]
        if prev.text[:1].isupper() and prev.is_alpha and not prev.is_sent_start:
            return True
    return modifies_a_name(doc, span.end)
