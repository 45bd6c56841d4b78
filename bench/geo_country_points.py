#!/usr/bin/env python3
"""How far two sets of country points are from GeoWebNews' gold country points, per country.

    .venv/bin/python bench/geo_country_points.py [--old GAZ.tsv.gz] [--table src/factwire/data/country_points.tsv]

Why: GeoWebNews' gold coordinates are GeoNames', and the gazetteer's country points came from
the CIA Factbook (countryinfo); the gap is most of acc@161 minus acc@161+cc. This compares, for
every gold toponym that is a country (gold ``country_iso``, DEV), the distance from the
gazetteer's country point (``--old``: a gazetteer.tsv.gz, default the working tree's) and from
``--table`` (ISO-2, lat, lon) to the gold point. Per-country rows are printed for the tune half
only (split as in bench/facts_peers.py); the held half gets totals. No factwire run involved:
this is point against point, so mentions factwire misses or reads as another place count too.
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from facts_peers import PEERS, split_of  # noqa: E402

ROOT = os.path.dirname(HERE)
GAZ = os.path.join(ROOT, "src", "factwire", "data", "gazetteer.tsv.gz")
TABLE = os.path.join(ROOT, "src", "factwire", "data", "country_points.tsv")
#: acc@161's radius (km), as the GeoWebNews scorer counts a point right.
RADIUS_KM = 161


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def gazetteer_points(path: str) -> dict[str, tuple[float, float]]:
    """ISO-2 -> point of the gazetteer's country rows."""
    out = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#keys"):
                break
            r = line.rstrip("\n").split("\t")
            if r[0] == "country" and r[3]:
                out[r[2]] = (float(r[3]), float(r[4]))
    return out


def table_points(path: str) -> dict[str, tuple[float, float]]:
    with open(path, encoding="utf-8") as f:
        rows = [ln.rstrip("\n").split("\t") for ln in f if ln.strip() and not ln.startswith("#")]
    return {r[0]: (float(r[1]), float(r[2])) for r in rows}


def gold_countries() -> list[tuple[str, str, tuple[float, float]]]:
    """(split, ISO-2, gold point) of every gold country toponym with coordinates."""
    out = []
    with open(os.path.join(PEERS, "geowebnews", "gwn-dev.jsonl"), encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            for t in doc["toponyms"]:
                if t.get("country_iso") and t.get("lat") is not None:
                    out.append((split_of(doc["id"]), t["country_iso"], (t["lat"], t["lon"])))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--old", default=GAZ)
    ap.add_argument("--table", default=TABLE)
    a = ap.parse_args()
    old, new = gazetteer_points(a.old), table_points(a.table)
    per: dict[tuple[str, str], list] = defaultdict(list)
    for split, cc, gold in gold_countries():
        pts = [old.get(cc), new.get(cc) or old.get(cc)]
        per[split, cc].append([km(p, gold) if p else None for p in pts])
    print("| country (tune) | mentions | km old | km table | within 161 old / table |\n|---|---|---|---|---|")
    for (split, cc), ds in sorted(per.items(), key=lambda kv: -len(kv[1])):
        if split == "tune":
            w = [sum(1 for d in ds if d[i] is not None and d[i] <= RADIUS_KM) for i in (0, 1)]
            print(f"| {cc} | {len(ds)} | {ds[0][0]:.0f} | {ds[0][1]:.0f} | {w[0]} / {w[1]} |")
    for split in ("tune", "held"):
        ds = [d for (s, _), v in per.items() if s == split for d in v]
        w = [sum(1 for d in ds if d[i] is not None and d[i] <= RADIUS_KM) for i in (0, 1)]
        print(f"\n{split}: {len(ds)} gold country mentions; within {RADIUS_KM} km: old {w[0]}, table {w[1]}")


if __name__ == "__main__":
    main()
