"""Place mentions spaCy's entities miss, found by small generic text patterns.

* Untagged abbreviations: all-caps country aliases ("(DRC)", "US-China") and AP state
  abbreviations after a comma or a party letter (", Mich.", "D-Minn.").
* County lists: "Barry, Berrien and Van Buren counties" -> each name + " County".
* "<Place>-based": "a Sugar Land-based provider".
* "<Name>, <Region> [oblast]" with a name the gazetteer lacks ("in Vorzel, Kyiv oblast",
  "near Novoluhanske, Donetsk"): the name goes to the small-places fallback and the region,
  often untagged by spaCy, becomes a mention too. The name must be the whole of any entity
  it sits in (never part of an organisation or person name).
"""
from __future__ import annotations

import re

from .gazetteer import Gazetteer, normalize
from .nlp import tokens_with, word_ids
from .places_aliases import COUNTRY_ALIASES, US_POSTAL_CODES, US_STATE_ABBREVIATIONS
from .places_mention import ADMIN_WORDS, MAX_FALLBACK_TOKENS, Mention, modifies_a_name as _modifies_a_name

#: All-caps aliases only: "US" in running text is the country, "Us" is not.
CAPS_COUNTRY_ALIASES = frozenset(a for a in COUNTRY_ALIASES if a.replace(".", "").isupper())
#: Tokens allowed between names of a coordinated list ("A, B and C counties").
LIST_GLUE = frozenset({",", "and", "&"})
#: Words before "<Name>, <Region>" that make it a location without an admin word after the
#: region ("in Kamyanka, Cherkasy"); with "oblast/region" after it no cue is needed.
LOCATIVE_CUES = frozenset({"in", "near", "of", "outside", "at", "around", "from", "to", "into",
                           "towards", "village", "town", "settlement", "city", "hit", "shelled"})
#: A preposition or verb right before "<Name>, <Region>" is a cue as well ("control over
#: Novovorontsovka, Kherson", "entered Slavutych, Kyiv").
CUE_POS = frozenset({"ADP", "VERB"})
#: A name tagged as one of these is no place ("on Tuesday, Bolivia's ...").
NOT_PLACE_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL"})
#: Settlement words between the name and the comma ("Zalyman village, Kharkiv").
SETTLEMENT_WORDS = frozenset({"village", "town", "settlement", "city", "hamlet"})
#: Second-level units named after their centre town ("Kakhovskyi rayon", "Okhtyrka district").
DISTRICT_WORDS = frozenset({"rayon", "raion", "district"})
#: Longest region name after the comma ("Ivano-Frankivsk" is 3 tokens).
MAX_REGION_TOKENS = 3
#: A US ZIP code (5 digits, optionally +4) after a state's postal code.
ZIP = re.compile(r"\d{5}(?:-\d{4})?")
#: Every form `_untagged_abbreviations` reads (one set test per token before anything else).
ABBREVIATION_FORMS = frozenset(CAPS_COUNTRY_ALIASES) | frozenset(US_STATE_ABBREVIATIONS) | frozenset(US_POSTAL_CODES)
#: String ids of the forms the token scans look for (`tokens_with`).
ABBREVIATION_IDS = word_ids(ABBREVIATION_FORMS)
COMMA_IDS, COUNTIES_IDS, BASED_IDS = word_ids([","]), word_ids(["counties"]), word_ids(["based"])
#: Longest place name glued to "-based" ("Sugar Land-based", "Rio de Janeiro-based").
MAX_BASED_TOKENS = 3


def find_pattern_mentions(doc, gaz: Gazetteer, text: str | None = None) -> list[Mention]:
    """Mentions from the patterns above (may overlap entities: callers give them priority).
    `text` (doc.text, read once by the caller) lets a pattern whose cue word is absent skip its
    walk over every token."""
    text = doc.text if text is None else text
    counties = _county_lists(doc, gaz) if "ounties" in text else []
    based = _based(doc, gaz) if "-based" in text else []
    return counties + _untagged_abbreviations(doc, gaz) + based + _name_comma_region(doc, gaz)


def _mention(doc, s: int, e: int, cands) -> Mention:
    span = doc[s:e]
    return Mention(span.start_char, span.end_char, span.text, normalize(span.text), cands)


def _untagged_abbreviations(doc, gaz: Gazetteer) -> list[Mention]:
    out = []
    for i in tokens_with(doc, "ORTH", ABBREVIATION_IDS):
        tok = doc[i]
        if tok.ent_type_ or _modifies_a_name(doc, tok.i + 1):
            continue
        prev = doc[tok.i - 1].text if tok.i else ""
        is_state = tok.text in US_STATE_ABBREVIATIONS and prev in (",", "-")
        if tok.text in CAPS_COUNTRY_ALIASES or is_state:
            cands = gaz.lookup(tok.text)
            if cands:
                out.append(_mention(doc, tok.i, tok.i + 1, cands))
        elif tok.text in US_POSTAL_CODES and _address_or_dateline(doc, tok.i):
            cands = [p for p in gaz.lookup(US_POSTAL_CODES[tok.text]) if p.country == "US" and p.kind == "admin"]
            if cands:
                out.append(_mention(doc, tok.i, tok.i + 1, cands))
    return out


def _address_or_dateline(doc, i: int) -> bool:
    """A two-letter postal code is a state only in an address or a dateline: "Olympia, WA 98501",
    "SEATTLE, WA (AP)" -- after "<Capitalised place>," and before a ZIP code, "(", a dash or the
    end of a line. Elsewhere "WA", "MI", "IN", "OR" are words or other things (Wa in Ghana)."""
    if i < 2 or doc[i - 1].text != "," or not doc[i - 2].text[:1].isupper():
        return False
    nxt = doc[i + 1].text if i + 1 < len(doc) else "\n"
    return bool(ZIP.fullmatch(nxt)) or nxt[:1] in ("(", "\u2014", "\u2013", "-", "\n")


def _county_lists(doc, gaz: Gazetteer) -> list[Mention]:
    out = []
    for i in tokens_with(doc, "LOWER", COUNTIES_IDS):
        tok = doc[i]
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
    for i in tokens_with(doc, "LOWER", BASED_IDS):
        tok = doc[i]
        if tok.i < 2 or doc[tok.i - 1].text != "-":
            continue
        e = tok.i - 1
        for s in range(max(0, e - MAX_BASED_TOKENS), e):
            if all(t.is_title for t in doc[s:e]):
                cands = gaz.lookup(doc[s:e].text)
                if cands:
                    out.append(_mention(doc, s, e, cands))
                    break
    return out


def _name_comma_region(doc, gaz: Gazetteer) -> list[Mention]:
    """"<unknown Name>, <known Region>" pairs (see module doc): [name (fallback), region]."""
    out: list[Mention] = []
    for i in tokens_with(doc, "ORTH", COMMA_IDS):
        comma = doc[i]
        if comma.i == 0 or comma.i + 1 >= len(doc) or not doc[comma.i + 1].is_title:
            continue  # a region after the comma starts with a capital (`_region_after`): test that first
        settled = comma.i > 1 and doc[comma.i - 1].lower_ in SETTLEMENT_WORDS
        district = comma.i > 1 and doc[comma.i - 1].lower_ in DISTRICT_WORDS
        name = _name_before(doc, comma.i - 1 if settled or district else comma.i)
        if name and district:
            name = (name[0], comma.i)  # "Kakhovskyi rayon, Kherson": the district is the mention
        region = _region_after(doc, comma.i + 1, gaz)
        if not name or not region or any(t.ent_type_ in NOT_PLACE_LABELS for t in doc[name[0]:name[1]]):
            continue
        before = doc[name[0] - 1] if name[0] > 0 else None
        cued = settled or district or before is not None and (before.lower_ in LOCATIVE_CUES or before.pos_ in CUE_POS)
        mid_sentence = not doc[name[0]].is_sent_start  # "Meanwhile, California's ..." is no place
        region_name = doc[region[0]:region[0] + region[3]].text
        if not (cued or region[2] or mid_sentence and _names_admin_region(region_name, gaz)):
            continue
        span = doc[name[0]:name[1]]  # a known name (a town spaCy called ORG) keeps its candidates
        cands = gaz.lookup(span.text)
        out.append(Mention(span.start_char, span.end_char, span.text, normalize(span.text), cands, not cands))
        out.append(_mention(doc, region[0], region[1], gaz.lookup(doc[region[0]:region[0] + region[3]].text)))
    return out


def _names_admin_region(text: str, gaz: Gazetteer) -> bool:
    """Is `text` the name of a first-level region of its country ("Luhansk", "Kharkiv")? Then
    "<Name>, <text>" places the name in it without any cue ("shelled with heavy weapons
    Severodonetsk, Luhansk")."""
    from .places_small import canonical_region, get_small_places

    for p in gaz.lookup(text):
        if p.country and p.kind in ("city", "admin") and get_small_places().has_region(
                p.country, frozenset({canonical_region(text, p.country, gaz),
                                      canonical_region(p.name, p.country, gaz)})):
            return True
    return False


def _name_before(doc, end: int) -> tuple[int, int] | None:
    """Token range of a capitalised (hyphenated) name ending before `end`, when it is not part
    of a longer entity (an organisation or person name stays whole)."""
    s = end
    while s > 0 and end - s < MAX_FALLBACK_TOKENS and (doc[s - 1].is_title or
                                                      (doc[s - 1].text == "-" and s - 1 < end - 1)):
        s -= 1
    if s == end or doc[s].text == "-" or any(c.isdigit() for c in doc[s:end].text):
        return None
    if doc[s].ent_iob_ == "I" or (end < len(doc) and doc[end].ent_iob_ == "I"):
        return None  # the name continues an entity that starts before or ends after it
    return s, end


def _region_after(doc, s: int, gaz: Gazetteer) -> tuple[int, int, bool, int] | None:
    """(start, end, has admin word, name length) of a region the gazetteer knows as a country,
    admin or city right after the comma, extended over "oblast"/"region"."""
    for n in range(min(MAX_REGION_TOKENS, len(doc) - s), 0, -1):
        span = doc[s:s + n]
        words = all(t.is_alpha or t.text == "-" for t in span)
        if not words or not span[0].is_title or not gaz.knows(span.text):
            continue
        e = s + n
        admin = e < len(doc) and doc[e].lower_ in ADMIN_WORDS
        if e < len(doc) and doc[e].ent_iob_ == "I" and not admin:
            return None  # the start of a longer name ("Ahmad Lawan"), not a region
        return (s, e + 1 if admin else e, admin, n)
    return None
