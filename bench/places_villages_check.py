#!/usr/bin/env python3
"""How often factwire's places find an ACLED event's gold location, with coordinates.

Evaluation only: reads the ACLED Ukraine 2022-Q1 notes from the shared bench path (no row is
copied into the repo), runs spaCy + `find_places` over each note and reports the share of
notes whose gold `location` is among our places (same name under score_acled's `norm_loc`)
with coordinates within 25 km of the gold lat/lon.

    python bench/places_villages_check.py [--limit N] [--misses 20]

Also prints the looser "any place of ours within 25 km" share and the ceiling "gold location
name appears in the note at all".
"""
from __future__ import annotations

import argparse
import csv
import math
import os
import re
import sys
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "src"))
ACLED = os.environ.get("FACTWIRE_ACLED_CSV", os.path.join(
    ROOT, "..", "shared", "bench", "events", "acled_ukraine_2022q1", "events.csv"))
#: The task's tolerance: a village resolved to the right place is within a few km; a
#: namesake elsewhere in the country is usually much further.
MAX_KM = 25.0


def norm_loc(s: str) -> str:
    """score_acled.py's location key: no accents/case/apostrophes, other punctuation -> space."""
    s = "".join(c for c in unicodedata.normalize("NFKD", str(s)) if not unicodedata.combining(c)).lower()
    s = re.sub(r"['\u2019`\u02bc]", "", s)
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def load_notes(path: str, limit: int | None) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r.get("notes") and r.get("latitude")]
    return rows[:limit] if limit else rows


def judge(row: dict, places: list[dict]) -> tuple[bool, bool, bool]:
    """(named: gold name found with coords within MAX_KM, near: any place within MAX_KM,
    mentioned: the gold name occurs in the note)."""
    glat, glon, gname = float(row["latitude"]), float(row["longitude"]), norm_loc(row["location"])
    near = [p for p in places if p["lat"] is not None and km(glat, glon, p["lat"], p["lon"]) <= MAX_KM]
    named = any(gname in (norm_loc(p["text"]), norm_loc(p["name"])) for p in near)
    mentioned = f" {gname} " in f" {norm_loc(row['notes'])} "
    return named, bool(near), mentioned


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int)
    ap.add_argument("--misses", type=int, default=0, help="print this many mentioned-but-missed notes")
    args = ap.parse_args()
    from factwire.facts.nlp import parse_many
    from factwire.facts.places import find_places

    rows = load_notes(ACLED, args.limit)
    docs = parse_many([r["notes"] for r in rows], batch_size=64)
    t0 = time.perf_counter()
    results = [judge(r, find_places(d)) for r, d in zip(rows, docs)]
    secs = time.perf_counter() - t0
    n = len(rows)
    named, near, mentioned = (sum(x[i] for x in results) for i in range(3))
    print(f"notes {n}  places stage {secs:.2f}s ({1000 * secs / n:.2f} ms/note)")
    print(f"gold location found, coords within {MAX_KM:.0f} km: {named}/{n} = {named / n:.3f}")
    print(f"any place of ours within {MAX_KM:.0f} km:          {near}/{n} = {near / n:.3f}")
    print(f"gold location name occurs in the note (ceiling): {mentioned}/{n} = {mentioned / n:.3f}")
    shown = 0
    for r, (ok, _, men) in zip(rows, results):
        if men and not ok and shown < args.misses:
            shown += 1
            print(f"- MISS {r['location']!r} ({r['admin1']}): {r['notes'][:160]}")


if __name__ == "__main__":
    main()
