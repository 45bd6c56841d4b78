"""Place mentions spaCy's entities miss, found by small generic text patterns.

* Untagged abbreviations: all-caps country aliases ("(DRC)", "US-China") and AP state
  abbreviations after a comma or a party letter (", Mich.", "D-Minn.").
* County lists: "Barry, Berrien and Van Buren counties" -> each name + " County".
* "<Place>-based": "a Sugar Land-based provider".
"""
from __future__ import annotations

from .gazetteer import Gazetteer, normalize
from .places_aliases import COUNTRY_ALIASES, US_STATE_ABBREVIATIONS
from .places_spans import Mention, _modifies_a_name

#: All-caps aliases only: "US" in running text is the country, "Us" is not.
CAPS_COUNTRY_ALIASES = frozenset(a for a in COUNTRY_ALIASES if a.replace(".", "").isupper())
#: Tokens allowed between names of a coordinated list ("A, B and C counties").
LIST_GLUE = frozenset({",", "and", "&"})
#: Longest place name glued to "-based" ("Sugar Land-based", "Rio de Janeiro-based").
MAX_BASED_TOKENS = 3


def find_pattern_mentions(doc, gaz: Gazetteer) -> list[Mention]:
    """Mentions from the patterns above (may overlap entities: callers give them priority)."""
    return _county_lists(doc, gaz) + _untagged_abbreviations(doc, gaz) + _based(doc, gaz)


def _mention(doc, s: int, e: int, cands) -> Mention:
    span = doc[s:e]
    return Mention(span.start_char, span.end_char, span.text, normalize(span.text), cands)


def _untagged_abbreviations(doc, gaz: Gazetteer) -> list[Mention]:
    out = []
    for tok in doc:
        if tok.ent_type_ or _modifies_a_name(doc, tok.i + 1):
            continue
        prev = doc[tok.i - 1].text if tok.i else ""
        is_state = tok.text in US_STATE_ABBREVIATIONS and prev in (",", "-")
        if tok.text in CAPS_COUNTRY_ALIASES or is_state:
            cands = gaz.lookup(tok.text)
            if cands:
                out.append(_mention(doc, tok.i, tok.i + 1, cands))
    return out


def _county_lists(doc, gaz: Gazetteer) -> list[Mention]:
    out = []
    for tok in doc:
        if tok.lower_ != "counties":
            continue
        for s, e in _list_names(doc, tok.i):
            cands = [p for p in gaz.lookup(doc[s:e].text + " County") if p.kind == "admin"]
            if cands:
                out.append(_mention(doc, s, e, cands))
    return out


def _list_names(doc, end: int) -> list[tuple[int, int]]:
    """Token ranges of the capitalised names coordinated right before token `end`."""
    names, i = [], end - 1
    while i >= 0:
        j = i
        while j >= 0 and doc[j].is_title and doc[j].is_alpha:
            j -= 1
        if j == i:
            break
        names.append((j + 1, i + 1))
        if j < 0 or doc[j].lower_ not in LIST_GLUE:
            break
        i = j - 1 if doc[j - 1].lower_ not in LIST_GLUE else j - 2
    return names


def _based(doc, gaz: Gazetteer) -> list[Mention]:
    out = []
    for tok in doc:
        if tok.lower_ != "based" or tok.i < 2 or doc[tok.i - 1].text != "-":
            continue
        e = tok.i - 1
        for s in range(max(0, e - MAX_BASED_TOKENS), e):
            if all(t.is_title for t in doc[s:e]):
                cands = gaz.lookup(doc[s:e].text)
                if cands:
                    out.append(_mention(doc, s, e, cands))
                    break
    return out
