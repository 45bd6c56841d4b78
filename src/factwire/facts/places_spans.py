"""Which spans of a spaCy Doc are place mentions (before deciding which place they are).

Rules, all generic:
* GPE/LOC/FAC entities, trimmed of a leading "the" and a trailing possessive.
* A place word that modifies a following capitalised name is part of that name, not a
  place: "Washington Post", "US President", "Hong Kong Stock Exchange", "China Daily".
  A possessive is still a place ("Ukraine's Deputy Chief" -> Ukraine).
* A one-word ORG/PERSON the gazetteer knows as a country, US state or sizeable city is a
  place (spaCy sm tags Kharkiv/Kherson as ORG, Madagascar as PERSON) -- unless the same
  word is part of a longer person name in the article (a surname such as "Clark").
* An all-caps dateline at the start of the text ("NEW DELHI (PTI) -", "VIENNA -").
* An untagged capitalised name right after a locative preposition ("a drone strike on Odesa",
  which spaCy sm leaves untagged) when the gazetteer knows it as well as for a relabel.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .attributions_gender import FEMALE_NAMES, MALE_NAMES
from .gazetteer import Gazetteer, Place, normalize
from .nlp import doc_ents, tokens_with, word_ids
from .places_aliases import GENERIC_FEATURE_WORDS, NOT_PLACE_NAMES, US_POSTAL_CODES
from .places_facilities import find_facility_mentions
from .places_mention import (
    ADMIN_WORDS,
    MAX_FALLBACK_TOKENS,
    Mention,
    modifies_a_name as _modifies_a_name,
)
from .places_patterns import find_pattern_mentions
from .places_repeats import repeated_mentions
from .places_small import get_small_places

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Common English given names (the gender lists of attributions_gender): alone, a person.
GIVEN_NAMES = MALE_NAMES | FEMALE_NAMES
RELABEL_LABELS = frozenset({"ORG", "PERSON"})
#: Cities below this size are too often surnames/brands to be pulled out of an ORG/PERSON
#: label (Kherson is listed at 66k in GeoNames-15k, so 50k keeps it).
RELABEL_MIN_POP = 50_000
#: Longest ORG/PERSON part that may be a place's whole name ("Democratic Republic of Congo"
#: is GPE already; ORG "Inner Mongolia", PERSON "Yobe North" are 2).
MAX_RELABEL_TOKENS = 3
#: Compass words: alone they are no place ("Northern"); around a place they name its part.
COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                     "western", "central", "northeast", "northwest", "southeast", "southwest",
                     "upper", "lower"})
#: Kinds both halves of a run-on pair must have (a country or a first-level region: two town
#: names run together are as often one longer name, "Fort Worth", "Santa Rosa").
SPLIT_KINDS = frozenset({"country", "admin"})
#: What joins two compass words ("north-west", "south/east"), skipped with them.
COMPASS_JOINERS = frozenset({"-", "/", "\u2010", "\u2011"})
#: Entity labels of names that can end in "of <place>" (institutions, districts, events).
INSTITUTION_LABELS = frozenset({"ORG", "FAC", "LOC", "EVENT", "WORK_OF_ART", "LAW"})
#: Cities this big are pulled out of an ORG/PERSON label in an article that names their country
#: (and US state): GeoNames' cities >= 15,000 are all in the main gazetteer, so any of them.
CONTEXT_RELABEL_MIN_POP = 10_000
#: Prepositions of place before a one-word PERSON/ORG that may be a small town.
PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "at"})
#: Verbs of motion whose "to"/"from" introduces a place ("moved to", "driving to", "fled from"),
#: every inflected form (the facts pipeline runs without spaCy's lemmatizer).
MOTION_VERBS = frozenset({
    "move", "moves", "moved", "moving", "drive", "drives", "drove", "driven", "driving",
    "travel", "travels", "traveled", "travelled", "traveling", "travelling", "go", "goes", "went",
    "gone", "going", "come", "comes", "came", "coming", "return", "returns", "returned", "returning",
    "fly", "flies", "flew", "flown", "flying", "head", "heads", "headed", "heading", "relocate",
    "relocated", "relocating", "switch", "switched", "switching", "walk", "walked", "walking",
    "sail", "sailed", "sailing", "flee", "fled", "fleeing", "evacuated", "deported", "commute",
    "commuted", "commuting", "transferred"})
#: Entity labels a name after a locative may carry and still be read as a place candidate.
LOCATIVE_NAME_LABELS = frozenset({"", "PRODUCT", "WORK_OF_ART"})
#: Prepositions after which an untagged capitalised name is read as a place candidate.
LOCATIVES = frozenset({"in", "on", "at", "near", "over", "from", "to", "into", "outside",
                       "around", "towards", "toward", "across", "inside"})
LOCATIVE_IDS = word_ids(LOCATIVES)  # their string ids (`tokens_with`)
POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
#: A dateline inside the text (after a photo caption or a headline, as scraped pages have them):
#: stricter than at the start -- the caps name must open a line or follow a sentence end and be
#: followed by a dash, with an optional ", Region" and "(AP)" between: "COLUMBUS, Ohio (AP) —",
#: "TORONTO —", "IMMOKALEE –", or written in brackets: "(NEW YORK) —".
INNER_DATELINE = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?\"\u201d)]\s)|(?<=[.!?\"\u201d)]\s\s))\(?([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})\)?"
    r"(?=(?:,\s+[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?\s*(?:\([A-Za-z .]+\))?\s*[\u2014\u2013]|\s+--?\s)")
#: "NEW DELHI (PTI) -", "ST. JOSEPH, Mich. (AP) -", "LONDON -": caps words then a separator.
DATELINE = re.compile(r"\s*([A-Z][A-Z.'\-]*(?: [A-Z][A-Z.'\-]*){0,3})(?=\s*[,:(\u2014\u2013-])")
#: A wire dateline whose separator the page lost ("LONDON The Latest on...", "SAN ANTONIO Turner
#: Sports analyst..."): caps words, then a capitalised word. Taken only when they name a city.
BARE_DATELINE = re.compile(r"\s*([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})(?= [A-Z][a-z])")
#: The state or country written after a dateline's city ("PLEASANTON, Calif.--", "HORRY COUNTY,
#: SC (WMBF) -"): AP abbreviation, postal code or name, then the dateline's separator.
DATELINE_REGION = re.compile(r",\s*([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)(?=\s*[,:(\u2014\u2013]|\s*-)")


@dataclass(frozen=True)
class ArticleRegions:
    """Countries and US states the article names (GPE entities read as a country or a state):
    the context in which a smaller town may be pulled out of an ORG/PERSON label."""

    countries: frozenset[str] = frozenset()
    states: frozenset[str] = frozenset()


def article_regions(doc, gaz: Gazetteer) -> ArticleRegions:
    """Every country and US state some GPE entity of the article may name."""
    countries, states = set(), set()
    for ent in doc_ents(doc):
        if ent.label_ != "GPE":
            continue
        for p in gaz.lookup(ent.text):
            if p.kind == "country" and p.country:
                countries.add(p.country)
            elif p.kind == "admin" and p.country == "US" and p.admin1 and p.lat is not None:
                countries.add("US")
                states.add(p.admin1)
    return ArticleRegions(frozenset(countries), frozenset(states))


def collect_mentions(doc, gaz: Gazetteer, text: str | None = None) -> list[Mention]:
    """Place mentions in text order, without overlaps (a dateline wins over an entity).
    `text` is `doc.text` read once by the caller (spaCy rebuilds it on every access)."""
    text = doc.text if text is None else text
    person_words = _words_in_long_persons(doc)
    regions = article_regions(doc, gaz)
    found = _datelines(text, gaz)
    for m in _inner_datelines(text, gaz) + find_facility_mentions(doc, lambda name: bool(gaz.lookup(name))):
        if not any(m.start < o.end and o.start < m.end for o in found):
            found.append(m)
    for m in find_pattern_mentions(doc, gaz, text):
        if not any(m.start < o.end and o.start < m.end for o in found):
            found.append(m)
    for m in _from_locatives(doc, gaz, person_words):
        if not any(m.start < o.end and o.start < m.end for o in found):
            found.append(m)
    for ent in doc_ents(doc):
        m = None
        if ent.label_ in PLACE_LABELS:
            m = _from_place_ent(doc, ent, gaz)
        elif ent.label_ in RELABEL_LABELS:
            m = _from_relabel(doc, ent, gaz, person_words, regions)
        elif ent.label_ == "NORP":
            m = _from_norp(doc, ent, gaz)
        for x in (m if isinstance(m, list) else [m]):
            if x and not any(x.start < o.end and o.start < x.end for o in found):
                found.append(x)
    found += repeated_mentions(doc, text, found)
    return sorted(found, key=lambda m: m.start)


def _from_locatives(doc, gaz: Gazetteer, person_words: set[str]) -> list[Mention]:
    """Untagged proper names after "in/on/near/..." that the gazetteer knows well: the same
    strength test as a relabelled ORG/PERSON, so surnames and small namesakes stay out."""
    out = []
    for i in tokens_with(doc, "LOWER", LOCATIVE_IDS):
        tok = doc[i]
        if tok.i + 1 >= len(doc):
            continue
        s = e = tok.i + 1
        while e < len(doc) and e - s < MAX_RELABEL_TOKENS and _untagged_name(doc[e]):
            e += 1
        m = _relabel_part(doc, s, e, gaz, person_words) if e > s else None
        if m:
            out.append(m)
    return out


def _untagged_name(tok) -> bool:
    """A proper-noun token with no entity label, or with a label no place name takes but spaCy sm
    gives to place names it does not know ("across Mauritius" as PRODUCT)."""
    return tok.ent_type_ in LOCATIVE_NAME_LABELS and tok.pos_ == "PROPN" and tok.text[:1].isupper() \
        and tok.text.isalpha()


def _trim(doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds without a leading determiner or a trailing possessive/punctuation."""
    while start < end and doc[start].lower_ in ("the",):
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _is_possessive_after(doc, i: int) -> bool:
    return i < len(doc) and doc[i].text in POSSESSIVE



def _mention(doc, s: int, e: int, gaz: Gazetteer, fallback: bool = False) -> Mention | None:
    """The mention for tokens [s, e), extended over an admin word; None if not a place.

    With `fallback`, a span the gazetteer does not know is still returned (no candidates,
    marked for the small-places lookup) when it looks like a proper name."""
    if s >= e:
        return None
    if not _is_possessive_after(doc, e) and _modifies_a_name(doc, e) and doc[e].lower_ not in ADMIN_WORDS:
        return None
    if e < len(doc) and doc[e].lower_ in ADMIN_WORDS:
        if _modifies_a_name(doc, e + 1):  # "New York State Attorney General"
            return None
        e += 1
    if _is_of_complement(doc, s) or all(t.lower_ in COMPASS | ADMIN_WORDS for t in doc[s:e]):
        return None
    span = doc[s:e]
    if _not_a_place_name(span):
        return None
    cands = lookup_span(span, gaz)
    if not cands:
        if fallback and _looks_like_name(span):
            return Mention(span.start_char, span.end_char, span.text, normalize(span.text), [], True)
        return None
    return Mention(span.start_char, span.end_char, span.text, normalize(span.text), cands)


def _not_a_place_name(span) -> bool:
    """An organisation/building named like a place ("White House", "Notre Dame") or a generic
    landform word alone ("the Valley"): see places_aliases."""
    key = normalize(span.text)
    return key in NOT_PLACE_NAMES or (len(span) == 1 and key in GENERIC_FEATURE_WORDS)


def _looks_like_name(span) -> bool:
    """A capitalised name of at most MAX_FALLBACK_TOKENS tokens, no digits (not "Road 12")."""
    return (0 < len(span) <= MAX_FALLBACK_TOKENS and span.text[:1].isupper()
            and not any(c.isdigit() for c in span.text))


def lookup_span(span, gaz: Gazetteer) -> list[Place]:
    """Candidates for a span; failing that, without its admin word ("Zabul province") or
    its compass word ("West Michigan", "Kowloon West": the region of a known place)."""
    cands = gaz.lookup(span.text)
    if not cands and len(span) > 1 and span[-1].lower_ in ADMIN_WORDS:
        cands = gaz.lookup(span[:-1].text)
    if not cands and len(span) > 1 and (span[0].lower_ in COMPASS or span[-1].lower_ in COMPASS):
        core = gaz.lookup(_without_compass(span).text)
        # "South Venezuela" is part of the country (not Venezuela, Cuba); "West Michigan" of the state
        cands = [p for p in core if p.kind == "country"] or core
    return cands


def _without_compass(span):
    """The span without its leading compass words ("north west London", "south-east England":
    a part of the named place, which locates it) or, failing those, its trailing one ("Kowloon
    West"); never empty."""
    s = span.start
    while s < span.end - 1 and (span.doc[s].lower_ in COMPASS or span.doc[s].text in COMPASS_JOINERS):
        s += 1
    if s > span.start:
        return span.doc[s:span.end]
    return span[:-1]


def _is_of_complement(doc, s: int) -> bool:
    """"the Western District of New York", "the American University of Kabul": a place
    after "of" that completes an institution's name is part of that name."""
    if s < 2 or doc[s - 1].lower_ != "of":
        return False
    head = doc[s - 2]
    return head.text[:1].isupper() and head.ent_type_ in INSTITUTION_LABELS


def _from_place_ent(doc, ent, gaz: Gazetteer) -> Mention | list[Mention] | None:
    s, e = _trim(doc, ent.start, ent.end)
    m = _mention(doc, s, e, gaz, fallback=True)
    if m is not None and m.fallback:
        if e - s == 1 and _lone_given_name(doc, s):
            return None  # "the deaths of Helen, Clarence, Irene": no village called Helen
        return _split_run_on_list(doc, s, e, gaz) or m
    return m


def _lone_given_name(doc, i: int) -> bool:
    """Is token i a common given name standing alone ("David and Jodi Mahler", "Helen,
    Clarence, Irene"), not after a preposition of place? Then it names a person, not the
    town of that name (David, Panama): a town is read so only behind "in/near/at/to"."""
    return doc[i].lower_ in GIVEN_NAMES and not _after_place_preposition(doc, i)


def _split_run_on_list(doc, s: int, e: int, gaz: Gazetteer) -> list[Mention]:
    """A GPE/LOC the gazetteer does not know that is two countries or first-level regions run
    together by a lost comma ("Cyprus, Greece Italy or Spain" -> Greece, Italy): both parts, when
    each is one; else nothing (the name stays one unknown place)."""
    for cut in range(s + 1, e):
        parts = [_mention(doc, s, cut, gaz), _mention(doc, cut, e, gaz)]
        if all(p is not None and any(c.kind in SPLIT_KINDS for c in p.candidates) for p in parts):
            return parts
    return []


def _from_norp(doc, ent, gaz: Gazetteer) -> Mention | None:
    """A NORP entity that is a country's or region's own name, not an adjective ("Cavan",
    "Iraq" as spaCy sm sometimes tags them): the place. Demonyms ("Turkish") are no name of a
    country in the gazetteer, so they stay NORP."""
    s, e = _trim(doc, ent.start, ent.end)
    m = _mention(doc, s, e, gaz)
    if m is None:
        return None
    names = [p for p in m.candidates if p.kind in ("country", "admin") and p.lat is not None]
    return Mention(m.start, m.end, m.text, m.key, names) if names else None


def _from_relabel(doc, ent, gaz: Gazetteer, person_words: set[str],
                  regions: ArticleRegions | None = None) -> list[Mention]:
    """Parts of an ORG/PERSON entity the gazetteer knows well enough to call places.

    An entity is split at a possessive ("Punjab's Bhatinda" -> Punjab, Bhatinda); a part
    of one word must not be a word of a longer person name (a surname); a part of 2-3
    words must be a place's whole name ("Inner Mongolia", "Yobe North")."""
    out, s = [], ent.start
    cuts = [t.i for t in ent if t.text in POSSESSIVE] + [ent.end]
    for cut in cuts:
        m = _relabel_part(doc, s, cut, gaz, person_words, regions)
        if m:
            out.append(m)
        s = cut + 1
    return out


def _relabel_part(doc, s: int, e: int, gaz: Gazetteer, person_words: set[str],
                  regions: ArticleRegions | None = None) -> Mention | None:
    """A place mention for tokens [s, e) of an ORG/PERSON label (or an untagged name), when the
    gazetteer knows the name well (`_strong`) or, in an article naming its country/state, as a
    town there (`_in_context`); failing both, a one-word name right after a preposition of place
    may be a small town of the article's countries (places_small)."""
    s, e = _trim(doc, s, e)
    n = e - s
    if n < 1 or n > MAX_RELABEL_TOKENS or not all(t.is_title or t.is_upper for t in doc[s:e]):
        return None
    if n == 1 and doc[s].lower_ in person_words:
        return None
    if n == 1 and _lone_given_name(doc, s):
        return None
    m = _mention(doc, s, e, gaz)
    acronym = n == 1 and doc[s].is_upper and len(doc[s]) > 1
    strong = [p for p in (m.candidates if m else [])
              if (_strong(p, n) or _in_context(p, regions) or (acronym and p.kind == "other"))
              and _own_name(p, m.key)]
    if strong:
        return Mention(m.start, m.end, m.text, m.key, strong)
    if m is None and n == 1 and regions and regions.countries and _after_place_preposition(doc, s):
        span = doc[s:e]
        if get_small_places().lookup(span.text, regions.countries) is not None:
            return Mention(span.start_char, span.end_char, span.text, normalize(span.text), [], True)
    return None


def _in_context(p: Place, regions: ArticleRegions | None) -> bool:
    """A town of a country (and, in the US, a state) the article names: "revitalize Immokalee"
    in a story about Florida."""
    if regions is None or p.kind != "city" or p.population < CONTEXT_RELABEL_MIN_POP:
        return False
    return p.country in regions.countries and (p.country != "US" or p.admin1 in regions.states)


def _after_place_preposition(doc, s: int) -> bool:
    """Is token s right after "in/near/outside/at", or after "to/from" governed by a verb of
    motion ("moved to Thornhill", "driving to Castlegar")? Not before a possessive."""
    if s == 0 or (s + 1 < len(doc) and doc[s + 1].text in POSSESSIVE):
        return False
    prep = doc[s - 1]
    return prep.lower_ in PLACE_PREPOSITIONS or (prep.lower_ in ("to", "from") and prep.head.lower_ in MOTION_VERBS)


def _strong(p: Place, n_tokens: int = 1) -> bool:
    """Known well enough to overrule spaCy's ORG/PERSON label (a multi-word exact name is
    rarely anything but the place; a single word may be a brand or a surname). A one-word
    acronym of a multi-country region ("EU", ORG to spaCy) is one too: the facts scheme lists the
    EU among regions (see _relabel_part)."""
    if p.kind == "country" or (p.kind == "admin" and p.country == "US" and p.lat is not None):
        return True
    if n_tokens > 1 and p.kind in ("admin", "other"):
        return True
    return p.kind == "city" and p.population >= RELABEL_MIN_POP


def _own_name(p: Place, key: str) -> bool:
    """A city pulled out of an ORG/PERSON label must be called so by its own name: an
    alternate name ("Zara" for Zadar, "Levi" for Levis, "Julia" for Plovdiv) is no evidence
    against spaCy's label."""
    return p.kind != "city" or normalize(p.name) == key


def _words_in_long_persons(doc) -> set[str]:
    """Lower-cased words of multi-word PERSON names: a later lone "Clark" is that person."""
    return {t.lower_ for ent in doc_ents(doc) if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}


def _inner_datelines(text: str, gaz: Gazetteer) -> list[Mention]:
    """All-caps datelines after the start of the text (INNER_DATELINE), read as cities first."""
    out = []
    for m in INNER_DATELINE.finditer(text):
        name = m.group(1)
        cands = gaz.lookup(name) if len(name) >= 3 else []
        if cands:
            cities = [p for p in cands if p.kind == "city"]
            out.append(Mention(m.start(1), m.end(1), name, normalize(name), cities or cands))
    return out


def _datelines(text: str, gaz: Gazetteer) -> list[Mention]:
    """The all-caps place that opens a wire story, looked up as a city first, and the state or
    country written after it; a dateline that lost its separator only when it names a city."""
    m = DATELINE.match(text[:60])
    bare = m is None
    m = m or BARE_DATELINE.match(text[:60])
    if not m or len(m.group(1)) < 3:
        return []
    name = m.group(1)
    cands = gaz.lookup(name)
    cities = [p for p in cands if p.kind == "city"]
    if not cands or (bare and not cities):
        return []
    out = [Mention(m.start(1), m.end(1), name, normalize(name), cities or cands)]
    region = None if bare else DATELINE_REGION.match(text, m.end(1))
    if region:
        out += [r for r in (_dateline_region(region, gaz),) if r]
    return out


def _dateline_region(m: re.Match, gaz: Gazetteer) -> Mention | None:
    """The dateline's state ("Calif.", "SC", "Texas") or country, if the gazetteer has it as one."""
    name = m.group(1)
    lookup = US_POSTAL_CODES.get(name, name)
    cands = [p for p in gaz.lookup(lookup) if p.kind in ("admin", "country")]
    if not cands:
        return None
    return Mention(m.start(1), m.end(1), name, normalize(name), cands)
