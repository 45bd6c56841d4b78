#!/usr/bin/env python3
"""Developer loop for the facts stage: run factwire's fact extractors over the facts DEV gold
and score with ../shared/bench/facts/score_facts.py.

    python bench/quick_facts.py [--fields quantities,dates] [--per-article]

Fields not asked for are left empty (score 0 in the FACTS_F1 mean); look at the per-field lines.
Not the benchmark (bench/facts.py runs the baselines side by side); this is the inner loop.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FACTS = os.environ.get("FACTWIRE_FACTS_BENCH", os.path.join(ROOT, "..", "shared", "bench", "facts"))
sys.path.insert(0, os.path.join(ROOT, "src"))

from facts import to_dev_scheme  # noqa: E402  (bench/facts.py: the DEV scheme's literal places)

from factwire.facts.nlp import parse_many  # noqa: E402

FINDERS = {
    "quantities": ("factwire.facts.quantities", "find_quantities"),
    "dates": ("factwire.facts.dates", "find_dates"),
    "places": ("factwire.facts.places", "find_places"),
    "attributions": ("factwire.facts.attributions", "find_attributions"),
}


def load_gold(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fields", default=",".join(FINDERS))
    ap.add_argument("--per-article", action="store_true")
    ap.add_argument("--gold", default=os.path.join(FACTS, "dev.jsonl"))
    ap.add_argument("--out", default=os.path.join(HERE, "work", "quick-facts.jsonl"))
    args = ap.parse_args()
    gold = load_gold(args.gold)
    t0 = time.perf_counter()
    docs = parse_many([g["text"] for g in gold])
    t_nlp = time.perf_counter() - t0
    fields = [f for f in args.fields.split(",") if f]
    finders = {f: getattr(importlib.import_module(FINDERS[f][0]), FINDERS[f][1]) for f in fields}
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    t0 = time.perf_counter()
    with open(args.out, "w", encoding="utf-8") as out:
        for g, doc in zip(gold, docs):
            published = dt.date.fromisoformat(g["published"]) if g.get("published") else None
            pred = {"id": g["id"]}
            for f, fn in finders.items():
                pred[f] = fn(doc, published)
            pred = to_dev_scheme(pred) if "places" in pred else pred
            out.write(json.dumps(pred, ensure_ascii=False) + "\n")
    t_own = time.perf_counter() - t0
    cmd = [sys.executable, os.path.join(FACTS, "score_facts.py"), args.gold, args.out]
    if args.per_article:
        cmd.append("--per-article")
    subprocess.run(cmd, check=True)
    print(f"spaCy {t_nlp:.2f}s, our extractors {t_own:.2f}s ({100 * t_own / t_nlp:.0f}% on top), {len(gold)} articles")


if __name__ == "__main__":
    main()
