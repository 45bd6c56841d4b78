"""Adjectival places: a nationality adjective or demonym that names one country ("the Turkish
market", "Ukrainian forces", "the British") as a place item marked `"use": "adjectival"`.

Why they are recorded: GeoWebNews' annotation guideline (Gritta et al. 2019, summarised in
shared/bench/facts-peers/README and geowebnews_score.py) counts such words as toponyms: a
modifier that locates the noun ("the Turkish market", type Literal_Modifier, and Mixed uses) is a
literal toponym; one that names the nation as an actor ("Turkish troops", Non_Literal_Modifier)
or its people ("the Turks", Demonym) is an associative toponym. A grammar cannot tell those
readings apart reliably, so every such word is emitted, marked, and each consumer decides: the
facts DEV scheme and the event coder drop them, a GeoWebNews-style geoparser keeps them.

Strictly what a grammar can say: the word (without "the") is a demonym of data/demonyms.tsv that
resolves to a single country, spaCy tags it an entity (ADJECTIVE_LABELS), and no literal place covers it.
The adjective of a multi-country region or continent ("European", "Latin American", "Middle
Eastern": places_aliases.REGION_ADJECTIVES) is the same kind of toponym to the guideline (a
Literal_Modifier or Mixed use locates its noun in that region) and is emitted the same way, at
the region's point with precision "region" (session 6). The adjective of a nation inside a
country (places_aliases.NATION_NAMES: "English" is a language as often as a nation, and spaCy
tags it LANGUAGE, NORP or ORG) is one only right before a settlement noun, where it can only
locate: "the English city of Salisbury", "a Welsh village" (places_aliases.SETTLEMENT_NOUNS), at
the nation's gazetteer row, precision "region".
"""
from __future__ import annotations

from functools import lru_cache

from .gazetteer import Place, get_demonyms, get_gazetteer
from .places_aliases import NATION_ADJECTIVES, NATION_NAMES, REGION_ADJECTIVES, REGIONS, SETTLEMENT_NOUNS

#: The `use` value of an adjectival place (model.Place.use).
ADJECTIVAL = "adjectival"
#: Entity labels a demonym may carry: NORP, and GPE/LOC, which spaCy sm gives a demonym that
#: opens a sentence ("Ukrainian officials met ..."); the word itself is no place name, so the
#: literal pass leaves it, and it is the same adjective.
ADJECTIVE_LABELS = frozenset({"NORP", "GPE", "LOC"})
#: Gazetteer kinds that stand for a whole country (HK and MO are rows of kind "city").
COUNTRY_KINDS = ("country", "city")


def adjectival_places(doc, literal: list[dict]) -> list[dict]:
    """One item per entity that is a country's demonym (at the country's point, precision
    "country") or a region's adjective (at the region's point, precision "region") and overlaps
    no literal place; text order."""
    demonyms = get_demonyms()
    out = []
    for ent in doc.ents:
        if ent.label_ not in ADJECTIVE_LABELS:
            continue
        if any(p["start"] < ent.end_char and ent.start_char < p["end"] for p in literal):
            continue
        word = _word(ent.text)
        item = _country_item(demonyms.get(word)) or _region_item(REGION_ADJECTIVES.get(word))
        if item:
            out.append({"text": ent.text, "start": ent.start_char, "end": ent.end_char, **item, "use": ADJECTIVAL})
    taken = literal + out
    out += [n for n in _nation_places(doc) if not any(p["start"] < n["end"] and n["start"] < p["end"] for p in taken)]
    return sorted(out, key=lambda p: p["start"])


def _nation_places(doc) -> list[dict]:
    """"English"/"Scottish"/"Welsh" right before a settlement noun, whatever spaCy labels it."""
    out = []
    for tok in doc[:-1]:
        name = NATION_NAMES.get(tok.text)
        if name is None or doc[tok.i + 1].lower_ not in SETTLEMENT_NOUNS:
            continue
        rows = [p for p in get_gazetteer().lookup(name) if p.kind == "admin" and p.lat is not None]
        if rows:
            out.append({"text": tok.text, "start": tok.idx, "end": tok.idx + len(tok), "name": rows[0].name,
                        "country": rows[0].country, "lat": _r2(rows[0].lat), "lon": _r2(rows[0].lon),
                        "kind": "admin", "precision": "region", "use": ADJECTIVAL})
    return out


def _country_item(cc: str | None) -> dict | None:
    place = country_place(cc) if cc else None
    if place is None:
        return None
    return {"name": place.name, "country": cc, "lat": _r2(place.lat), "lon": _r2(place.lon), "kind": "country",
            "precision": "country"}


def _region_item(region: str | None) -> dict | None:
    """A multi-country region: no country code, kind "other" like the literal region rows."""
    if region is None or region not in REGIONS:
        return None
    lat, lon = REGIONS[region]
    return {"name": region, "country": None, "lat": lat, "lon": lon, "kind": "other", "precision": "region"}


def apposition_countries(doc) -> dict[int, str]:
    """Start offset of the name -> ISO-2 for "the (southern) Ukrainian city of Odessa", "the
    British town of Salisbury", "a South African port of ...": the apposition states the
    country of the name it introduces as plainly as "Odessa, Ukraine" (which the article
    context already honours), so the name is read inside that country when it has a place there."""
    demonyms, out = get_demonyms(), {}
    for tok in doc[2:-1]:
        if tok.lower_ != "of" or doc[tok.i - 1].lower_ not in SETTLEMENT_NOUNS:
            continue
        j = tok.i - 2
        two = doc[j - 1:j + 1].text if j >= 1 else ""
        cc = demonyms.get(two) or demonyms.get(doc[j].text) or NATION_ADJECTIVES.get(doc[j].text)
        name = doc[tok.i + 1]
        if name.lower_ == "the" and name.i + 1 < len(doc):
            name = doc[name.i + 1]
        if cc and name.text[:1].isupper():
            out[name.idx] = cc
    return out


def _word(text: str) -> str:
    """The demonym without a leading article ("the British" -> "British")."""
    return text[4:] if text.lower().startswith("the ") else text


@lru_cache(maxsize=512)
def country_place(cc: str) -> Place | None:
    """The gazetteer's row for country `cc` (ISO-2), found through its ISO names; None when the
    gazetteer has no such row (a demonym of a territory it lacks)."""
    import pycountry

    pc = pycountry.countries.get(alpha_2=cc)
    names = [getattr(pc, a, None) for a in ("common_name", "name")] if pc else []
    for name in filter(None, names):
        hits = [p for p in get_gazetteer().lookup(name) if p.country == cc and p.kind in COUNTRY_KINDS]
        if hits:
            return min(hits, key=lambda p: COUNTRY_KINDS.index(p.kind))
    return None


def _r2(x: float | None) -> float | None:
    return None if x is None else round(x, 2)
