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
the nation's gazetteer row, precision "region". A hyphenated compound whose parts all are such
adjectives ("Russian-European projects") gives one item per part: each names its own place.

The same adjectives also state where a name is: "the Ukrainian city of Odessa" puts Odessa in
Ukraine as plainly as "Odessa, Ukraine" (`apposition_countries`, read by places.find_places).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .gazetteer import Place, get_demonyms, get_gazetteer
from .nlp import doc_ents, doc_text
from .places_aliases import NATION_ADJECTIVES, NATION_NAMES, REGION_ADJECTIVES, REGIONS, SETTLEMENT_NOUNS

#: The `use` value of an adjectival place (model.Place.use).
ADJECTIVAL = "adjectival"
#: Entity labels a demonym may carry: NORP, and GPE/LOC, which spaCy sm gives a demonym that
#: opens a sentence ("Ukrainian officials met ..."); the word itself is no place name, so the
#: literal pass leaves it, and it is the same adjective.
ADJECTIVE_LABELS = frozenset({"NORP", "GPE", "LOC"})
#: "English city", "Welsh village": a nation adjective (group 1) right before a settlement noun.
NATION_BEFORE_SETTLEMENT = re.compile(
    r"\b(%s) (?:%s)\b" % ("|".join(NATION_NAMES), "|".join(sorted(SETTLEMENT_NOUNS, key=len, reverse=True))))
#: " city of ", " port of the ": a settlement noun and "of" (and "the"), ending where the name
#: starts (a capital letter); searched first because it is rare and starts with a literal word.
SETTLEMENT_OF = re.compile(r" (?:%s) of (?:the )?(?=[A-Z])" % "|".join(sorted(SETTLEMENT_NOUNS, key=len, reverse=True)))
#: The one or two capitalised words right before it: "Ukrainian", "South African".
ADJECTIVE_BEFORE = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)$")
#: How far back ADJECTIVE_BEFORE looks (two words of a demonym).
ADJECTIVE_WINDOW = 40
#: Gazetteer kinds that stand for a whole country (HK and MO are rows of kind "city").
COUNTRY_KINDS = ("country", "city")


def adjectival_places(doc, literal: list[dict]) -> list[dict]:
    """One item per entity that is a country's demonym (at the country's point, precision
    "country") or a region's adjective (at the region's point, precision "region") and overlaps
    no literal place; text order."""
    demonyms = get_demonyms()
    out = []
    for ent in doc_ents(doc):
        if ent.label_ not in ADJECTIVE_LABELS:
            continue
        if any(p["start"] < ent.end_char and ent.start_char < p["end"] for p in literal):
            continue
        out += _items(ent.text, ent.start_char, demonyms)
    taken = literal + out
    out += [n for n in _nation_places(doc) if not any(p["start"] < n["end"] and n["start"] < p["end"] for p in taken)]
    return sorted(out, key=lambda p: p["start"])


def _items(text: str, start: int, demonyms: dict[str, str]) -> list[dict]:
    """The adjectival item of one entity, or of each part of a hyphenated compound whose parts
    all are adjectives of places ("Russian-European projects", "Turkish-Greek relations": each
    names its own country or region); [] otherwise ("Sino-Indian": "Sino" is no demonym)."""
    word = _word(text)
    item = _adjective_item(word, demonyms)
    if item:
        return [{"text": text, "start": start, "end": start + len(text), **item, "use": ADJECTIVAL}]
    parts, out, at = word.split("-"), [], start + len(text) - len(word)
    for part in parts if len(parts) > 1 else ():
        item = _adjective_item(part, demonyms)
        if item is None:
            return []
        out.append({"text": part, "start": at, "end": at + len(part), **item, "use": ADJECTIVAL})
        at += len(part) + 1
    return out


def _adjective_item(word: str, demonyms: dict[str, str]) -> dict | None:
    return _country_item(demonyms.get(word)) or _region_item(REGION_ADJECTIVES.get(word))


def _nation_places(doc) -> list[dict]:
    """"English"/"Scottish"/"Welsh" right before a settlement noun, whatever spaCy labels it."""
    out, text = [], doc_text(doc)
    if not any(word in text for word in NATION_NAMES):  # plain substring tests: most pages have none
        return out
    for hit in NATION_BEFORE_SETTLEMENT.finditer(text):
        rows = [p for p in get_gazetteer().lookup(NATION_NAMES[hit[1]]) if p.kind == "admin" and p.lat is not None]
        if rows:
            out.append({"text": hit[1], "start": hit.start(1), "end": hit.end(1), "name": rows[0].name,
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
    context already honours), so the name is read inside that country when it has a place there.
    One regex pass over the text (a token loop cost ~0.3 ms a page)."""
    demonyms, out, text = get_demonyms(), {}, doc_text(doc)
    for hit in SETTLEMENT_OF.finditer(text):
        adj = ADJECTIVE_BEFORE.search(text, max(0, hit.start() - ADJECTIVE_WINDOW), hit.start())
        if adj is None:
            continue
        last = adj[1].split()[-1]
        cc = demonyms.get(adj[1]) or demonyms.get(last) or NATION_ADJECTIVES.get(last)
        if cc:
            out[hit.end()] = cc
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
