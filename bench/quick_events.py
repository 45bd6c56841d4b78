"""Dev loop for the event coder: code ACLED notes and WikiEvents texts, score with the shared
scorers. (The full side-by-side benchmark with baselines is bench/events.py.)

    python bench/quick_events.py [--every 5] [--acled-only | --wiki-only] [--dump DIR]

The ACLED rows are evaluation data only (see ../shared/bench/events/README.md): this script
reads them, writes predictions to a temporary directory and prints the scores; nothing from the
rows is kept.
"""
from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "events"


#: Location precisions whose coordinates are emitted (the documented operating point: like
#: ACLED's own p90 reference, only places found in the gazetteer get coordinates; a region
#: fallback's point is not the event's place). `--all-coords` emits region/country points too.
COORD_PRECISIONS = frozenset({"place"})


def acled_prediction(row: dict, extract, all_coords: bool = False) -> dict:
    """The row's notes as an article -> the most confident event, in ACLED's columns."""
    day = datetime.strptime(row["event_date"], "%d %B %Y").date()
    rec = extract(row["notes"], input_kind="text", clean=False, published=(day + timedelta(days=1)).isoformat())
    pred = {"event_id_cnty": row["event_id_cnty"]}
    if not rec.events:
        return pred
    e = max([e.to_dict() for e in rec.events], key=lambda x: x["confidence"])
    loc = e.get("location") or {}
    date = (e.get("date") or {}).get("from")
    pred.update({
        "event_type": e["event_type"], "sub_event_type": e["sub_event_type"],
        "actor1": e.get("actor_norm") or e.get("actor"), "actor2": e.get("target_norm"),
        "location": loc.get("name"), **coordinates(loc, all_coords),
        "event_date": date if date and len(date) == 10 else None, "fatalities": e.get("fatalities"),
    })
    return pred


def coordinates(loc: dict, all_coords: bool) -> dict:
    """latitude/longitude of an event location at the chosen operating point (see above)."""
    if not all_coords and loc.get("precision", "place") not in COORD_PRECISIONS:
        return {"latitude": None, "longitude": None}
    return {"latitude": loc.get("lat"), "longitude": loc.get("lon")}


def run_acled(every: int, extract, out: Path, all_coords: bool = False) -> float:
    rows = list(csv.DictReader(open(SHARED / "acled_ukraine_2022q1" / "events.csv", encoding="utf-8")))
    rows = rows[::every]
    gold = out / "gold.csv"
    with open(gold, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    t0 = time.perf_counter()
    preds = [acled_prediction(r, extract, all_coords) for r in rows]
    elapsed = time.perf_counter() - t0
    pred_path = out / "acled_pred.jsonl"
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    print(f"ACLED: {len(rows)} rows in {elapsed:.1f}s")
    score(["score_acled.py", str(gold), str(pred_path), "--per-class"])
    return elapsed


def run_wiki(extract, out: Path) -> None:
    texts = [json.loads(line) for line in open(SHARED / "wikievents" / "texts.jsonl", encoding="utf-8")]
    pred_path = out / "wiki_pred.jsonl"
    with open(pred_path, "w", encoding="utf-8") as f:
        for t in texts:
            rec = extract(t["text"], input_kind="text", clean=False)
            f.write(json.dumps({"doc_id": t["doc_id"], "events": [e.to_dict() for e in rec.events]}) + "\n")
    score(["score_wikievents.py", str(SHARED / "wikievents" / "docs.jsonl"),
           str(SHARED / "wikievents" / "texts.jsonl"), str(pred_path)])


def score(args: list[str]) -> None:
    res = subprocess.run([sys.executable, str(SHARED / args[0]), *args[1:]], capture_output=True, text=True)
    print(res.stdout or res.stderr)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--every", type=int, default=5)
    ap.add_argument("--acled-only", action="store_true")
    ap.add_argument("--wiki-only", action="store_true")
    ap.add_argument("--dump", type=Path, help="keep predictions here (outside the repo)")
    ap.add_argument("--all-coords", action="store_true",
                    help="ACLED: also emit region/country fallback coordinates (default: place-level only)")
    a = ap.parse_args()
    from factwire import extract

    out = a.dump or Path(tempfile.mkdtemp(prefix="quick_events_"))
    out.mkdir(parents=True, exist_ok=True)
    if not a.wiki_only:
        run_acled(a.every, extract, out, a.all_coords)
    if not a.acled_only:
        run_wiki(extract, out)


if __name__ == "__main__":
    main()
