"""Places: geographic mentions resolved offline to name, country (ISO-2), lat/lon and kind.

Candidates are spaCy's GPE/LOC/FAC entities, one-word ORG/PERSON entities the gazetteer
knows as a place (the small model tags Kharkiv and Kherson as ORG), and all-caps datelines.
Each name is then resolved against the article's other places: a country or US state named
elsewhere in the text pulls an ambiguous name towards itself (Kherson with Ukraine -> UA,
Paris with Texas -> Paris, TX); otherwise the most important namesake wins (a country over
a state over a city; a capital over a same-named state; then population).

A region written next to a name ("Zolochiv, Kharkiv", "Bucha in the Kyiv region") overrides
all that: the place of that name inside that region (places_small), else the name is kept
with the region's point and `precision` "region". Every item says what its point locates:
`precision` "place", "region" (an admin unit, a district's centre, a region fallback) or
"country".
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from factwire.deadline import check_deadline

from .gazetteer import Gazetteer, Place, get_demonyms, get_gazetteer, normalize
from .nlp import doc_ents, doc_text
from .places_adjectival import adjectival_places, apposition_countries
from .places_aliases import US_POSTAL_CODES
from .places_facilities import facility_item
from .places_mention import ADMIN_WORDS, Mention
from .places_patterns import _names_admin_region
from .places_small import canonical_region, fold_key, get_small_places
from .places_spans import collect_mentions

#: Base score by kind: country-level readings win unless the article points elsewhere.
#: US states sit between countries and cities ("Georgia" alone is the country; "Arizona" is
#: the state, not Arizona, Honduras). Calibrated on facts DEV.
KIND_SCORE = {"country": 50.0, "admin": 40.0, "other": 40.0}
#: Cities score CITY_LOG_WEIGHT * log10(population): 15k -> 21, 1M -> 30, 10M -> 35.
CITY_LOG_WEIGHT = 5.0
#: A national capital outranks a same-named state ("Washington" in politics news = D.C.).
CAPITAL_BONUS = 15.0
#: The candidate's country is named outright elsewhere in the article ("Ukraine").
COUNTRY_NAMED_BONUS = 20.0
#: The candidate's country is only implied by another place (a city, a state).
COUNTRY_IMPLIED_BONUS = 10.0
#: A US city whose state is named (Paris + Texas), or a state one of whose cities is named.
STATE_MATCH_BONUS = 20.0
#: A city matched only through one of its alternate names (GeoNames lists "Salisbury" for
#: Harare, "Mexico" for Mexico City, "Zara" for Zadar) loses this much to namesakes matched by
#: their own name: a former or foreign name is rarely what English news means by it. 20 is a
#: capital's bonus and then some: "Garden City" (a nickname of Singapore) stays a US town.
ALT_NAME_PENALTY = 20.0
#: A city of at least REGION_NAMESAKE_MIN_POP that shares its name with a first-level region of
#: its country is what news means by the bare name (AP style: "New York" is the city, "New York
#: state" the state; likewise Istanbul, Sao Paulo, Rio de Janeiro, Buenos Aires): it gets a
#: capital's bonus over the region. 1M keeps region capitals such as Quebec (0.5M) regions.
REGION_NAMESAKE_MIN_POP = 1_000_000
REGION_NAMESAKE_BONUS = CAPITAL_BONUS
#: A city within NEAR_KM of another city the article names gets NEAR_BONUS: news about a place
#: names its neighbours (Oceanside with Bellmore and Garden City on Long Island, not Oceanside
#: CA). 150 km is about a metropolitan area or a county group; the bonus is a country's worth.
NEAR_KM = 150.0
NEAR_BONUS = 10.0
#: A city this big opening an organisation's name locates the article's streets when no town is
#: named otherwise ("Winnipeg Fire Paramedic Service"): the relabel floor (places_spans), where a
#: name is rarely anything but the city; up to MAX_TOWN_WORDS words ("Thunder Bay Police").
ORG_TOWN_MIN_POP = 50_000
MAX_TOWN_WORDS = 3
#: What stands between a part of a town and the town ("Komarova neighborhood of Komsomolets").
PART_OF_GLUE = frozenset({"neighborhood of", "neighbourhood of", "district of", "suburb of", "quarter of",
                          "a neighborhood of", "a neighbourhood of", "a district of", "a suburb of"})
#: Words that make a mention a second-level district ("Kakhovskyi rayon").
DISTRICT_WORDS = frozenset({"rayon", "raion", "district"})
#: The adjective ending of a Ukrainian/Russian raion name (Kakhovs'kyi, Pokrovskiy, Sumskyy).
RAION_ADJECTIVE = re.compile(r"s'?(kyi|kyy|kiy|kii|ky)$", re.I)
#: Endings a centre town's name adds to the adjective's stem (Kakhov-ka, Sum-y, Buch-a, Vil-ne).
CENTRE_ENDINGS = ("ka", "y", "a", "e", "ne", "i")
#: A main-gazetteer city this big is never re-read as an unlisted village of the region written
#: after it. Set by judgement between the towns ACLED-style notes name with an oblast (the
#: namesakes met on ACLED DEV were 15k-60k: Oleksandrivka, Pervomaysk) and the oblast capitals
#: a list of cities names (Berdiansk 115k and up).
VILLAGE_NAMESAKE_MAX_POP = 100_000
#: What joins the places of a list ("Lviv, Kharkiv and Kyiv").
LIST_GLUE = frozenset({",", "and", ", and", "or", ", or", "&"})
#: What may stand between a place and the region that contains it.
REGION_GLUE = frozenset({",", "in", "in the", "village,", "town,", "settlement,", "city,"})


@dataclass(frozen=True)
class Context:
    """What the rest of the article says about where it is."""

    named: frozenset[str]     # countries named as countries
    implied: frozenset[str]   # countries of any other resolved place
    states: frozenset[str]    # US state codes of other resolved places
    points: tuple[tuple[float, float], ...] = ()  # other cities' points (first readings)
    #: countries of the article's nationality adjectives: only for small places ("Russian forces"
    #: in a story from Ukraine names the actor, so it must not pull Donetsk into Russia)
    adjectival: frozenset[str] = frozenset()


def find_places(doc, published=None) -> list[dict]:
    """Every place mention in `doc` as {"text","start","end","name","country","lat","lon","kind",
    "precision"} (+ "region" when resolved through the region written next to it), then the
    nationality adjectives naming a country, marked "use": "adjectival" (places_adjectival).

    `published` is unused (places do not depend on time) but keeps the extractor contract."""
    gaz = get_gazetteer()
    text = doc_text(doc)  # spaCy rebuilds doc.text on every access (per mention it was O(n^2))
    mentions = collect_mentions(doc, gaz, text)
    priors = {m.key: choose(m.candidates, EMPTY, m.key) for m in mentions}
    adjectival = nationalities(doc)
    regions = _region_readings(mentions, priors, gaz, adjectival)
    out, as_region, keys = [], set(), []
    stated = apposition_countries(doc)
    for i, m in enumerate(mentions):
        check_deadline()
        if m.facility:
            continue
        if m.start in stated:
            m = _in_stated_country(m, stated[m.start])
        ctx = build_context(priors, m.key, regions, adjectival)
        item = resolve(m, _region_after(text, mentions, i, regions), ctx, gaz)
        if item is None:
            continue
        if item.get("region") is not None:
            as_region.add(i + 1)
        if item["precision"] == "place" and (i in as_region or _after_unknown_name(doc, text, mentions, i, gaz)):
            item["precision"] = "region"  # "Zolochiv, Kharkiv": Kharkiv names the oblast
        out.append(item)
        keys.append(m.key)
    _region_sense_everywhere(out, keys)
    _parts_of_towns(out, text)
    facilities = [facility_item(m, out, text) for m in mentions if m.facility]
    if any(f["lat"] is None for f in facilities):
        _locate_by_named_town(facilities, doc, gaz)
    literal = out + facilities
    return sorted(literal + adjectival_places(doc, literal), key=lambda p: p["start"])


def _in_stated_country(m: Mention, cc: str) -> Mention:
    """The mention with only its candidates in country `cc` ("the Ukrainian city of Odessa"),
    else the small-places town of that name there (the main gazetteer files Odesa under its
    own spelling); unchanged when the country has no such place."""
    inside = [p for p in m.candidates if p.country == cc]
    if not inside:
        town = get_small_places().lookup(m.text, frozenset({cc}))
        inside = [town] if town is not None else []
    return replace(m, candidates=inside, fallback=False) if inside else m


def _locate_by_named_town(facilities: list[dict], doc, gaz: Gazetteer) -> None:
    """Streets of an article that names no town outside an organisation's name ("the 200 block
    of River Avenue" in a story from "the Winnipeg Fire Paramedic Service"): a local body is
    named after its town, so the first such city (ORG_TOWN_MIN_POP people or more, by its own
    name) locates them, with that town as `locality` (in place)."""
    for ent in doc_ents(doc):
        if ent.label_ != "ORG":
            continue
        words = [t for t in ent if t.lower_ != "the"]
        for n in range(min(len(words), MAX_TOWN_WORDS), 0, -1):
            name = " ".join(t.text for t in words[:n])
            towns = [p for p in gaz.lookup(name) if p.kind == "city" and p.population >= ORG_TOWN_MIN_POP
                     and normalize(p.name) == normalize(name)]
            if towns:
                town = max(towns, key=lambda p: p.population)
                for f in facilities:
                    if f["lat"] is None:
                        f.update(country=town.country, lat=_r2(town.lat), lon=_r2(town.lon), locality=town.name)
                return


def _parts_of_towns(items: list[dict], text: str) -> None:
    """"Komarova neighborhood of Komsomolets": a part of a town written with that town is located
    by it (its point, precision "locality" -- "region" when the town itself is only placed by its
    region --, the town as `locality`), never by a namesake
    elsewhere that the name alone would pick (in place)."""
    for part, town in zip(items, items[1:]):
        glue = " ".join(text[part["end"]:town["start"]].lower().split())
        if glue in PART_OF_GLUE and town["precision"] in ("place", "region") and town["lat"] is not None:
            precision = "locality" if town["precision"] == "place" else "region"
            part.update(name=part["text"], country=town["country"], lat=town["lat"], lon=town["lon"],
                        precision=precision, locality=town["name"])


def _region_sense_everywhere(items: list[dict], keys: list[str]) -> None:
    """One sense per discourse for a city name the article writes as a region ("Mariupol,
    Donetsk"): its other mentions ("Donetsk rebels") name that region too, not the city, and
    get precision "region" (in place)."""
    as_region = {(k, p["name"]) for k, p in zip(keys, items) if p["kind"] == "city" and p["precision"] == "region"}
    for k, p in zip(keys, items):
        if p["precision"] == "place" and (k, p["name"]) in as_region:
            p["precision"] = "region"


def _after_unknown_name(doc, text: str, mentions: list[Mention], i: int, gaz: Gazetteer) -> bool:
    """"near Zolote-5, Luhansk": a region name right after a comma and a capitalised word that is
    no place we know (and no date, no sentence opener), outside any list, names the region of
    that unknown place, not the city."""
    m = mentions[i]
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.start < 2 or doc[span.start - 1].text != "," or _in_list(text, mentions, i):
        return False
    word = doc[span.start - 2]
    if not word.text[:1].isupper() or word.is_sent_start or word.ent_type_ in ("DATE", "TIME"):
        return False
    if i > 0 and mentions[i - 1].end >= word.idx:
        return False  # the word is a place mention of its own: handled through `region`
    return _names_admin_region(m.text, gaz)


def nationalities(doc) -> frozenset[str]:
    """Countries the article's nationality adjectives name ("the Greek islands" -> GR): context
    for its small places even where the country itself is never written."""
    demonyms = get_demonyms()
    return frozenset(demonyms[e.text] for e in doc_ents(doc) if e.label_ == "NORP" and e.text in demonyms)


def _region_readings(mentions: list[Mention], priors: dict, gaz: Gazetteer,
                     adjectival: frozenset[str] = frozenset()) -> dict:
    """Each name's reading when it is written as a region: the main gazetteer's, else the
    small index's (the gazetteer lacks the spelling "Zaporizhia"). Kept apart from `priors`
    so small-place readings never vote for a country."""
    regions = dict(priors)
    for m in mentions:
        if m.fallback and regions.get(m.key) is None:
            regions[m.key] = choose_small(m, None, build_context(priors, m.key, None, adjectival), gaz)
    return regions


def resolve(m: Mention, region: tuple[Mention, Place] | None, ctx: Context, gaz: Gazetteer) -> dict | None:
    """The place item of one mention.

    A region written next to the name ("Zolochiv, Kharkiv") is the strongest evidence there
    is: a place of that name inside that region wins over any bigger namesake elsewhere (the
    main gazetteer knows Zolochiv in Lviv oblast). A name found nowhere but written with its
    region keeps its name and gets the region's point, marked precision "region" (never
    presented as the place's own coordinates)."""
    if region is not None and m.text.split()[-1].lower() in DISTRICT_WORDS:
        centre = district_centre(m, region, gaz)
        if centre is not None:  # the district's point is its centre town, precision "region"
            return {**to_item(m, centre), "precision": "region", "centre": True, "region": region[1].name}
    if region is not None and not any(p.kind in ("country", "admin") and p.country == region[1].country
                                      for p in m.candidates):  # "New York, Donetsk": no US state there
        place = in_region(m, region, gaz)
        if place is not None:
            return {**to_item(m, place), "region": region[1].name}
        if _may_be_village(m) and is_admin_region(region, gaz):
            return region_item(m, region[1])  # never a namesake outside the region written
    place = choose_small(m, region, ctx, gaz) if m.fallback else choose(m.candidates, ctx, m.key)
    if place is not None and place.kind == "city" and ctx.points and not _near(place, ctx.points) \
            and place.country not in ctx.implied:  # a namesake abroad while the article is elsewhere
        place = get_small_places().near(m.text, ctx.named | ctx.implied, ctx.points) or place
    if place is not None and place.kind == "city" and place.country == "US" and ctx.states \
            and place.admin1 not in ctx.states and place.population < VILLAGE_NAMESAKE_MAX_POP:
        # a small namesake in another state than the article's (a big city is meant as itself)
        place = in_article_states(m, ctx, gaz) or place
    if place is not None:
        return to_item(m, place)
    if m.fallback and region is not None and (region[1].kind == "country" or is_admin_region(region, gaz)):
        return region_item(m, region[1])
    return None


def in_article_states(m: Mention, ctx: Context, gaz: Gazetteer) -> Place | None:
    """The town called like `m` inside one of the US states the article's other places are in
    ("Garden City" in a story datelined Horry County, SC: Garden City, SC, not Kansas); None when
    there is none or several far apart."""
    names = [US_POSTAL_CODES[s] for s in sorted(ctx.states) if s in US_POSTAL_CODES]
    keys = frozenset(canonical_region(n, "US", gaz) for n in names)
    return get_small_places().lookup(m.text, frozenset({"US"}), keys, region_only=True) if keys else None


def _may_be_village(m: Mention) -> bool:
    """Can this name, written with a region it is not in, still be an unlisted village there?
    Not when it is a big city's own name ("Lviv, Kharkiv." is two cities, not a Lviv in Kharkiv
    oblast); a big city's mere alternate name (GeoNames lists "Oleksandrivka" for Donetsk) is
    no such evidence."""
    key = fold_key(m.text)
    return not any(p.kind != "city" or (p.population >= VILLAGE_NAMESAKE_MAX_POP and fold_key(p.name) == key)
                   for p in m.candidates)


def is_admin_region(region: tuple[Mention, Place], gaz: Gazetteer) -> bool:
    """Does the name after the comma name a first-level region with a point ("Donetsk" =
    Donetsk oblast; "Mich." = Michigan), not just another town ("Berdiansk, Enerhodar")?"""
    r_mention, r_place = region
    if r_place.kind == "country" or r_place.lat is None or not r_place.country:
        return False
    return get_small_places().has_region(r_place.country, _region_keys(r_mention, r_place, gaz))


def in_region(m: Mention, region: tuple[Mention, Place], gaz: Gazetteer) -> Place | None:
    """The place called like `m` inside the admin region named after it; None when the region
    is a country (no narrower restriction) or has no such place."""
    r_mention, r_place = region
    if not r_place.country or r_place.kind == "country":
        return None
    keys = _region_keys(r_mention, r_place, gaz)
    return get_small_places().lookup(m.text, frozenset({r_place.country}), keys, region_only=True)


def district_centre(m: Mention, region: tuple[Mention, Place], gaz: Gazetteer) -> Place | None:
    """The centre town of a district written with its region: "Okhtyrka district, Sumy" ->
    Okhtyrka; Ukrainian/Russian raions are adjectives of their centre ("Kakhovskyi rayon" ->
    Kakhovka, "Pokrovskyi" -> Pokrovsk, "Brovarskyi" -> Brovary)."""
    r_mention, r_place = region
    if not r_place.country or r_place.kind == "country":
        return None
    keys, small = _region_keys(r_mention, r_place, gaz), get_small_places()
    for name in centre_names(" ".join(m.text.split()[:-1])):
        place = small.lookup(name, frozenset({r_place.country}), keys, region_only=True)
        if place is not None:
            return place
    return None


def centre_names(core: str) -> list[str]:
    """Candidate centre names for a district name, the name itself first."""
    out = [core]
    adj = RAION_ADJECTIVE.search(core)
    if adj:
        stem = core[:adj.start()]
        out += [stem + "sk", stem] + [stem + end for end in CENTRE_ENDINGS]
    return out


def _region_keys(r_mention: Mention, r_place: Place, gaz: Gazetteer) -> frozenset[str]:
    return frozenset({canonical_region(r_mention.text, r_place.country, gaz),
                      canonical_region(r_place.name, r_place.country, gaz)})


def _region_after(text: str, mentions: list[Mention], i: int, priors: dict) -> tuple[Mention, Place] | None:
    """The resolved place written right after mention i behind a comma or "in"
    ("Vorzel, Kyiv oblast", "Zolochiv in Kharkiv oblast", "Bucha in the Kyiv region")."""
    if i + 1 >= len(mentions):
        return None
    nxt = mentions[i + 1]
    prior = priors.get(nxt.key)
    if prior is None or text[mentions[i].end:nxt.start].strip().lower() not in REGION_GLUE:
        return None
    if _in_list(text, mentions, i + 1):
        return None  # "Lviv, Kharkiv and Kyiv": a list of places, not a place and its region
    return nxt, prior


def _in_list(text: str, mentions: list[Mention], j: int) -> bool:
    """Is mention j followed by another place joined by a list word or comma, or preceded by
    one (then the pair before it is a list too: "Odesa, Mykolaiv, Kherson")?"""
    after = j + 1 < len(mentions) and text[mentions[j].end:mentions[j + 1].start].strip().lower() in LIST_GLUE
    before = j >= 2 and text[mentions[j - 2].end:mentions[j - 1].start].strip().lower() in LIST_GLUE
    return after or before


def choose_small(m: Mention, region: tuple[Mention, Place] | None, ctx: Context,
                 gaz: Gazetteer) -> Place | None:
    """A village/town for a name the main gazetteer lacks: inside the region named next to it
    (and its country), else inside the article's countries; None without that context, so a
    village is never pinned on a foreign namesake."""
    if region is not None and region[1].country:
        r_mention, r_place = region
        countries = frozenset({r_place.country})
        regions = frozenset() if r_place.kind == "country" else _region_keys(r_mention, r_place, gaz)
        return get_small_places().lookup(m.text, countries, regions)
    return get_small_places().lookup(m.text, ctx.named | ctx.implied | ctx.adjectival, near=ctx.points)


EMPTY = Context(frozenset(), frozenset(), frozenset())


def build_context(priors: dict[str, Place | None], own_key: str, readings: dict | None = None,
                  adjectival: frozenset[str] = frozenset()) -> Context:
    """Countries and states from the article's *other* names (a name never votes for itself,
    or "Georgia" would always confirm its own first reading), its nationality adjectives apart;
    their points also from the small-place `readings` of names the main gazetteer lacks
    (Castlegar places Nelson)."""
    others = [p for k, p in priors.items() if k != own_key and p is not None]
    located = [p for k, p in (readings or priors).items() if k != own_key and p is not None]
    named = frozenset(p.country for p in others if p.kind == "country" and p.country)
    implied = frozenset(p.country for p in others if p.country)
    states = frozenset(p.admin1 for p in others if p.country == "US" and p.admin1)
    points = tuple((p.lat, p.lon) for p in located if p.kind == "city" and p.lat is not None)
    return Context(named, implied, states, points, adjectival)


def score(p: Place, ctx: Context, key: str | None = None) -> float:
    """How likely this namesake is meant, given the article's other places; `key` is the
    mention's normalised text (a city it names only by an alternate name is penalised)."""
    if p.kind == "city":
        s = CITY_LOG_WEIGHT * math.log10(max(p.population, 10)) + (CAPITAL_BONUS if p.capital else 0.0)
        if key is not None and normalize(p.name) != key:
            s -= ALT_NAME_PENALTY
        if _near(p, ctx.points):
            s += NEAR_BONUS
    else:
        s = KIND_SCORE[p.kind]
    if p.country in ctx.named:
        s += COUNTRY_NAMED_BONUS
    elif p.country in ctx.implied:
        s += COUNTRY_IMPLIED_BONUS
    if p.country == "US" and p.admin1 in ctx.states:
        s += STATE_MATCH_BONUS
    return s


def choose(candidates: list[Place], ctx: Context, key: str | None = None) -> Place | None:
    """The best-scoring candidate (ties: first in gazetteer order), or None."""
    countries = {p.country for p in candidates if p.kind == "country"}
    regions = {p.country for p in candidates if p.kind == "admin"} - countries  # "Mexico" stays the country

    def total(p: Place) -> float:
        s = score(p, ctx, key)
        if p.kind == "city" and p.country in regions and p.population >= REGION_NAMESAKE_MIN_POP \
                and (key is None or key in own_names(p.name)):
            s += REGION_NAMESAKE_BONUS + (ALT_NAME_PENALTY if key is not None and normalize(p.name) != key else 0.0)
        return s
    return max(candidates, key=total, default=None)


def own_names(name: str) -> tuple[str, ...]:
    """The keys a city is called by its own name: its name, and without a trailing "City"
    ("New York City" is "New York"); not an alternate name."""
    key = normalize(name)
    return (key, key[:-5]) if key.endswith(" city") else (key,)


def _near(p: Place, points: tuple[tuple[float, float], ...]) -> bool:
    return p.lat is not None and any(_km(p.lat, p.lon, la, lo) <= NEAR_KM for la, lo in points)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _r2(x: float | None) -> float | None:
    return None if x is None else round(x, 2)


def to_item(m: Mention, p: Place) -> dict:
    """The record's place dict; coordinates rounded to 2 decimals (~1 km), null if unknown.

    `precision` says what the coordinates locate: "place" (the named city/town/spot),
    "region" (an admin unit or named area, also a city named as its region: "Kharkiv
    oblast") or "country"."""
    return {"text": m.text, "start": m.start, "end": m.end, "name": p.name,
            "country": p.country, "lat": _r2(p.lat), "lon": _r2(p.lon), "kind": p.kind,
            "precision": precision_of(m.text, p)}


def precision_of(text: str, p: Place) -> str:
    """"country", "region" or "place" for a resolved mention (see `to_item`)."""
    if p.kind == "country":
        return "country"
    last = text.split()[-1].lower() if text.split() else ""
    if p.kind in ("admin", "other") or last in ADMIN_WORDS:
        return "region"
    return "place"


def region_item(m: Mention, region: Place) -> dict:
    """An unresolved name written with its region ("Vasylivka, Donetsk"): the name as written,
    the region's country and point, precision "region" ("country" for "X, Ukraine")."""
    return {"text": m.text, "start": m.start, "end": m.end, "name": m.text,
            "country": region.country, "lat": _r2(region.lat), "lon": _r2(region.lon), "kind": "city",
            "precision": "country" if region.kind == "country" else "region", "region": region.name}


__all__ = ["find_places", "choose", "score", "Context", "Gazetteer", "normalize"]
