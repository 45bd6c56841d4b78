#!/usr/bin/env python3
"""Per-page, per-renderer F1 of the text cleaner, and the diff of two such snapshots.

    PYTHONPATH=$PWD/src .venv/bin/python bench/text_diff.py snap --split dev --out /tmp/x/dev-base.json
    PYTHONPATH=$PWD/src .venv/bin/python bench/text_diff.py diff /tmp/x/dev-base.json /tmp/x/dev-new.json
    PYTHONPATH=$PWD/src .venv/bin/python bench/text_diff.py worst /tmp/x/dev-base.json [--n 25]

Why: an aggregate F1 hides a rule that wins on five pages and loses one held page badly; the
team's method (NOTES, session 6) is to look at every page a change moves, on every renderer,
before keeping it.  Pages come from bench/text_pages.py (bench/work/text/<split>/), scored with
the shared ../shared/bench/extraction/score.py's shingle scorer, unchanged.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BENCH = os.environ.get("FACTWIRE_BENCH", os.path.join(ROOT, "..", "shared", "bench", "extraction"))
sys.path.insert(0, os.path.join(ROOT, "src"))
sys.path.insert(0, BENCH)

#: A page moved by less than this (page F1) is noise for the diff listing.
NOISE = 0.005


def snap(split: str, out: str) -> None:
    """Clean every page of a split and store id -> [renderer, page F1] (None F1 counts as 0)."""
    import score

    from factwire.clean import clean_text

    folder = os.path.join(HERE, "work", "text", split)
    gold = score.load_gold(os.path.join(folder, "ground-truth.json"))
    with open(os.path.join(folder, "renderers.json"), encoding="utf-8") as f:
        renderers = json.load(f)
    preds = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".txt"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                preds[name[:-4]] = "\n\n".join(clean_text(f.read()).paragraphs)
    per_page = score.score_shingle(gold, preds)[2]
    rows = {i: [renderers.get(i, "?"), f if f is not None else 0.0] for i, _p, _r, f in per_page}
    with open(out, "w", encoding="utf-8") as f:
        json.dump(rows, f, indent=0, sort_keys=True)
    by_r = defaultdict(list)
    for r, f1 in rows.values():
        by_r[r].append(f1)
    for r in sorted(by_r):
        print(f"{r:14s} mean page-F1 {sum(by_r[r]) / len(by_r[r]):.4f}")


def diff(a_path: str, b_path: str) -> None:
    """Pages whose F1 moved beyond NOISE, and per renderer the summed move (up, down)."""
    a, b = (json.load(open(p, encoding="utf-8")) for p in (a_path, b_path))
    ups, downs = defaultdict(float), defaultdict(float)
    for i in sorted(set(a) & set(b), key=lambda k: b[k][1] - a[k][1]):
        d = b[i][1] - a[i][1]
        if abs(d) >= NOISE:
            print(f"{d:+.3f}  {a[i][1]:.3f} -> {b[i][1]:.3f}  {i}")
            (ups if d > 0 else downs)[a[i][0]] += d
    for r in sorted(set(ups) | set(downs)):
        print(f"{r:14s} up {ups[r]:+.3f}  down {downs[r]:+.3f}")


def worst(path: str, n: int) -> None:
    """The n lowest pages, with each source page's F1 on the other renderers alongside."""
    rows = json.load(open(path, encoding="utf-8"))
    for i, (_r, f1) in sorted(rows.items(), key=lambda kv: kv[1][1])[:n]:
        page = i.split("-", 1)[1]
        others = " ".join(f"{k.split('-')[0]}:{v[1]:.2f}" for k, v in sorted(rows.items())
                          if k.split("-", 1)[1] == page)
        print(f"{f1:.3f}  {i}   [{others}]")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["snap", "diff", "worst"])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--split", choices=["dev", "held", "wcxb-dev"])
    ap.add_argument("--out")
    ap.add_argument("--n", type=int, default=25)
    args = ap.parse_args()
    if args.mode == "snap":
        snap(args.split, args.out)
    elif args.mode == "diff":
        diff(*args.paths)
    else:
        worst(args.paths[0], args.n)


if __name__ == "__main__":
    main()
