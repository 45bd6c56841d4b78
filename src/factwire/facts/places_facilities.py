"""Streets, roads and named buildings: place mentions no gazetteer holds, located by the article.

GeoWebNews and our own facts scheme count a street ("Third Street", "Atlantic Avenue") or a
building used as a location ("at the Percy French Hotel", "at City Hall") as a place. No offline
gazetteer knows them, but the article does: a facility is where the town it is written with
is ("on Atlantic Avenue in Garden City"). So each one is found by its generic head word and
takes the point of the town written right after it, else of the nearest town-level place named
before it (after it, failing that), marked precision "locality" with that town as `locality`;
with no town in the article, the nearest region's or country's point with that precision
(places.find_places may still locate streets through a city opening a local body's name); with
no place at all its point stays null rather than a guess.

* Street words (Street, Avenue, Road, Estate...) make a capitalised name a place anywhere.
* Building words (Hall, Hotel, Centre, Church...) name an organisation as often as a building
  ("Cavan Institute said"), so they count only after a locative preposition ("at", "in",
  "near"...), the codebooks' test for a building read as a location; so does "Head of Name"
  ("at the University of Perpetual Help") and, for unambiguous kinds, a lower-case head after a
  name that is no known place ("at Heathrow airport", "to the Pioneer cinema").
"""
from __future__ import annotations

from collections.abc import Callable

from .gazetteer import normalize
from .nlp import tokens_with, word_ids
from .places_aliases import BUILDING_WORDS, LOWERCASE_BUILDING_WORDS, NOT_PLACE_NAMES, STREET_WORDS
from .places_mention import Mention

#: Prepositions that make a building name a location ("at the Airport Courthouse").
BUILDING_LOCATIVES = frozenset({"at", "in", "into", "inside", "outside", "near", "from", "to", "on", "behind",
                                "opposite"})
#: Entity labels of words that make no facility name before a lower-case head ("the European
#: market", "the 2018 campus").
NOT_NAME_LABELS = frozenset({"NORP", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
#: What may stand between a facility and the town written as its locator.
LOCATOR_GLUE = frozenset({",", "in", "in the", "at", "of"})
#: String ids of the head words (`tokens_with`): the only tokens the scan looks at.
HEAD_WORD_IDS = word_ids(STREET_WORDS | BUILDING_WORDS)
#: Longest name before the head word ("Crossdoney Presbyterian Hall", "N. Bedford Drive").
MAX_NAME_TOKENS = 4


def find_facility_mentions(doc, is_place: Callable[[str], bool] | None = None) -> list[Mention]:
    """Facility mentions in text order (see module doc). With `is_place` (is this name in the
    gazetteer?), a lower-case building word after a capitalised name that is no known place
    makes a facility too ("at Heathrow airport"; "in Kyiv hospital" stays the city Kyiv)."""
    out = []
    for i in tokens_with(doc, "LOWER", HEAD_WORD_IDS):
        tok = doc[i]
        head = tok.lower_
        street = head in STREET_WORDS
        lower = not tok.text[:1].isupper()
        if lower and not _lower_head_allowed(head, street, is_place):
            continue
        if head == "st." and tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper():
            continue  # "St. Gregory": a saint, not a street
        s = _name_start(doc, tok.i)
        if s == tok.i and not lower and not street and _after_locative(doc, s):
            span = _head_of_name(doc, tok.i)  # "at the University of Perpetual Help"
            if span is not None:
                out.append(Mention(span.start_char, span.end_char, span.text, normalize(span.text), [], facility=True))
            continue
        if s == tok.i or (not street and not _after_locative(doc, s)):
            continue
        if lower and (is_place(doc[s:tok.i].text) or any(t.ent_type_ in NOT_NAME_LABELS for t in doc[s:tok.i])):
            continue
        span = doc[s:tok.i + 1]
        if normalize(span.text) not in NOT_PLACE_NAMES:
            out.append(Mention(span.start_char, span.end_char, span.text, normalize(span.text), [], facility=True))
    return out


def _head_of_name(doc, head: int):
    """"University of Perpetual Help", "Embassy of the Republic of Armenia": a capitalised
    building word, "of", then a capitalised name (MAX_NAME_TOKENS words at most, "the" allowed
    first); the whole span, or None."""
    i = head + 1
    if i >= len(doc) or doc[i].lower_ != "of":
        return None
    s = e = i + 1 + (i + 1 < len(doc) and doc[i + 1].lower_ == "the")
    while e < len(doc) and e - s < MAX_NAME_TOKENS and doc[e].text[:1].isupper() and doc[e].is_alpha:
        e += 1
    return doc[head:e] if e > s else None


def _lower_head_allowed(head: str, street: bool, is_place: Callable[[str], bool] | None) -> bool:
    """May this lower-case word head a facility name ("Third street", "Heathrow airport")?"""
    return is_place is not None and (street or head in LOWERCASE_BUILDING_WORDS)


def _name_start(doc, head: int) -> int:
    """First token of the capitalised name before the head word (the head itself if none)."""
    s = head
    while s > 0 and head - s < MAX_NAME_TOKENS and _name_word(doc[s - 1]):
        s -= 1
    return s


def _name_word(tok) -> bool:
    text = tok.text.rstrip(".")
    return bool(text) and text[0].isupper() and (text.isalpha() or text.replace("'", "").isalpha()) \
        and tok.lower_ not in BUILDING_LOCATIVES and not (tok.is_sent_start and tok.lower_ == "the")


def _after_locative(doc, s: int) -> bool:
    """Is the name preceded by a locative preposition (optionally + "the")?"""
    i = s - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and doc[i].lower_ in BUILDING_LOCATIVES


def locate(items: list[dict], m: Mention, text: str = "") -> dict | None:
    """The place whose point a facility takes: the town written right after it ("on Kamenne
    Square in Bratislava", "Percy French Hotel, Ballyjamesduff": the writer's own locator); else
    the town-level place nearest before it, else nearest after; with no town in the article, the
    nearest region (a county, a state: "MetroHealth Medical Center" in a Cuyahoga County story),
    then country ("the Vatican Gardens"): its point, with that coarser precision. None when the
    article names no place at all."""
    located = [p for p in items if p.get("lat") is not None and p.get("kind") != "facility"]
    towns = [p for p in located if p.get("precision") == "place"]
    own = next((p for p in towns if p["start"] >= m.end), None)
    if own is not None and text[m.end:own["start"]].strip().lower() in LOCATOR_GLUE:
        return own
    for level in (towns, [p for p in located if p.get("precision") == "region"],
                  [p for p in located if p.get("precision") == "country"]):
        before = [p for p in level if p["end"] <= m.start]
        after = [p for p in level if p["start"] >= m.end]
        if before or after:
            return before[-1] if before else after[0]
    return None


def facility_item(m: Mention, items: list[dict], text: str = "") -> dict:
    """The record's place dict for a facility mention, located by `locate`: precision
    "locality" when it takes a town's point, else the precision of the region/country whose
    point it takes (never presented as more exact than it is)."""
    where = locate(items, m, text)
    item = {"text": m.text, "start": m.start, "end": m.end, "name": m.text, "kind": "facility",
            "country": None, "lat": None, "lon": None, "precision": "locality"}
    if where is not None:
        precision = "locality" if where.get("precision") == "place" else where["precision"]
        item.update(country=where["country"], lat=where["lat"], lon=where["lon"], locality=where["name"],
                    precision=precision)
    return item
