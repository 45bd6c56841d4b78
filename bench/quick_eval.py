#!/usr/bin/env python3
"""Developer loop: run factwire's cleaners alone over the DEV pages and score them.

    python bench/quick_eval.py html   [--per-page out.tsv]   # scrapinghub-dev/html
    python bench/quick_eval.py text   [--per-page out.tsv]   # text-dev/*.txt
    python bench/quick_eval.py seed                          # text-input/seed-drones.txt vs its gold
    python bench/quick_eval.py suites [--split dev] [--suites a,b] [--per-page out.tsv] [--add-removed comments]
                                                             # bench/suites.py's suites (built first)

Not the benchmark (see bench/extraction.py for the side-by-side run); this is the fast inner loop
for tuning the cleaners.  Uses ../shared/bench/extraction/score.py unchanged.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BENCH = os.environ.get("FACTWIRE_BENCH", os.path.join(ROOT, "..", "shared", "bench", "extraction"))
sys.path.insert(0, os.path.join(ROOT, "src"))
sys.path.insert(0, BENCH)

from run_peer import decode_page  # noqa: E402

from factwire.clean import clean_html, clean_text  # noqa: E402
from factwire.dom import parse_html  # noqa: E402


def run_html(out_path: str) -> float:
    folder = os.path.join(BENCH, "scrapinghub-dev", "html")
    total = 0.0
    with open(out_path, "w", encoding="utf-8") as out:
        for name in sorted(os.listdir(folder)):
            with gzip.open(os.path.join(folder, name), "rb") as f:
                raw = f.read()
            t0 = time.perf_counter()
            cleaned = clean_html(parse_html(decode_page(raw)))
            total += time.perf_counter() - t0
            out.write(json.dumps({"id": name.split(".")[0], "text": "\n\n".join(cleaned.paragraphs)}) + "\n")
    return total


TEXT_DIR = os.path.join(BENCH, "text-dev")


def run_text(out_path: str) -> float:
    folder = TEXT_DIR
    total = 0.0
    with open(out_path, "w", encoding="utf-8") as out:
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".txt"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                text = f.read()
            t0 = time.perf_counter()
            cleaned = clean_text(text)
            total += time.perf_counter() - t0
            out.write(json.dumps({"id": name.split(".")[0], "text": "\n\n".join(cleaned.paragraphs)}) + "\n")
    return total


def run_seed() -> None:
    d = os.path.join(BENCH, "text-input")
    with open(os.path.join(d, "seed-drones.txt"), encoding="utf-8") as f:
        cleaned = clean_text(f.read())
    with open(os.path.join(d, "seed-drones.gold.json"), encoding="utf-8") as f:
        gold = json.load(f)
    print("title ok:", cleaned.title == gold["title"], repr(cleaned.title))
    print("paragraphs exact:", cleaned.paragraphs == gold["paragraphs"])
    got_caps = [{"text": c.text, "credit": c.credit} for c in cleaned.captions]
    print("captions exact:", got_caps == gold["captions"])
    for kind, lines in gold["removed"].items():
        print(f"removed.{kind} exact:", getattr(cleaned.removed, kind) == lines)


SUITES_DIR = os.environ.get("FACTWIRE_SUITES", os.path.join(HERE, "work", "suites"))
PREFIX_SUITES = ("goose3",)  # gold is the article's beginning (see extraction_suites.py)


def clean_pages(folder: str, add_removed: tuple[str, ...] = ()) -> dict[str, str]:
    """id -> article text of every page in a suite folder, through the whole `extract` path
    (reading and decoding included, as the benchmark runs it; no facts).  `add_removed`: kinds
    of set-aside lines appended to the text (e.g. "comments", to score against a gold that
    keeps reader comments)."""
    from factwire import extract
    from factwire.pipeline import ExtractionError

    out = {}
    for name in sorted(os.listdir(folder)):
        with gzip.open(os.path.join(folder, name), "rb") as f:
            raw = f.read()
        try:
            rec = extract(raw, input_kind="html", facts=False)
        except ExtractionError:  # a page with no article is an empty prediction
            out[name.split(".")[0]] = ""
            continue
        extra = [line for kind in add_removed for line in getattr(rec.removed, kind)]
        out[name.split(".")[0]] = "\n\n".join([rec.text, *extra]) if extra else rec.text
    return out


def run_suites(names: list[str] | None, split: str, per_page: str | None,
               add_removed: tuple[str, ...] = ()) -> None:
    """F1 per suite on one split, in-process (the fast loop; extraction_suites.py is the bench)."""
    import re

    import score  # ../shared/bench/extraction/score.py, on sys.path above

    suites = names or sorted(d for d in os.listdir(SUITES_DIR) if os.path.isdir(os.path.join(SUITES_DIR, d)))
    rows = []
    for suite in suites:
        base = os.path.join(SUITES_DIR, suite, split)
        if not os.path.isdir(base):
            continue
        gold = score.load_gold(os.path.join(base, "ground-truth.json"))
        preds = clean_pages(os.path.join(base, "html"), add_removed)
        if suite in PREFIX_SUITES:
            for k, text in preds.items():
                n = len(re.findall(r"\w+", gold.get(k, {}).get("articleBody", "")))
                toks = list(re.finditer(r"\w+", text))
                preds[k] = text[: toks[n - 1].end()] if n and len(toks) > n else text
        res, _, pages = score.score_shingle(gold, preds)
        print(f"{suite:16s} {split:4s} pages {res['pages']:4d}  P {res['precision']:.3f}  R {res['recall']:.3f}"
              f"  F1 {res['f1']:.3f}", flush=True)
        rows += [(suite, *p) for p in pages]
    if per_page and rows:
        with open(per_page, "w", encoding="utf-8") as f:
            for r in rows:
                f.write("\t".join(map(str, r)) + "\n")


def print_by_renderer(gold_path: str, pred_path: str) -> None:
    """Score the text-dev pages of each renderer separately (renderers.json beside the gold)."""
    import score  # ../shared/bench/extraction/score.py, on sys.path above

    with open(os.path.join(os.path.dirname(gold_path), "renderers.json"), encoding="utf-8") as f:
        renderers = json.load(f)
    gold, preds = score.load_gold(gold_path), score.load_pred(pred_path)
    for name in sorted(set(renderers.values())):
        sub = {k: v for k, v in gold.items() if renderers.get(k) == name}
        res = score.score_shingle(sub, preds)[0]
        print(f"   {name:14s} pages {res['pages']:3d}  P {res['precision']:.3f}  R {res['recall']:.3f}"
              f"  F1 {res['f1']:.3f}  exact {res['accuracy_exact']:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["html", "text", "seed", "suites"])
    ap.add_argument("--suites", help="suites mode: comma-separated names")
    ap.add_argument("--split", default="dev", help="suites mode: dev or held")
    ap.add_argument("--text-split", choices=["dev", "held", "wcxb-dev"],
                    help="text mode: bench/text_pages.py's seven-renderer corpus instead of shared text-dev")
    ap.add_argument("--per-page")
    ap.add_argument("--add-removed", default="", help="suites mode: comma-separated removed kinds "
                    "appended to the prediction (comments,related,...): how much a gold convention costs")
    ap.add_argument("--by-renderer", action="store_true", help="text mode: F1 per renderer")
    ap.add_argument("--out", default=os.path.join(HERE, "work", "quick-pred.jsonl"))
    args = ap.parse_args()
    if args.mode == "seed":
        return run_seed()
    if args.text_split:  # the seven-renderer TEXT corpora of bench/text_pages.py
        global TEXT_DIR
        TEXT_DIR = os.path.join(HERE, "work", "text", args.text_split)
        args.by_renderer = True
    if args.mode == "suites":
        return run_suites(args.suites.split(",") if args.suites else None, args.split, args.per_page,
                          tuple(k for k in args.add_removed.split(",") if k))
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    secs = (run_html if args.mode == "html" else run_text)(args.out)
    gold = os.path.join(BENCH, "scrapinghub-dev", "ground-truth.json") if args.mode == "html" else \
        os.path.join(TEXT_DIR, "ground-truth.json")
    cmd = [sys.executable, os.path.join(BENCH, "score.py"), "--gold", gold, "--pred", args.out]
    if args.per_page:
        cmd += ["--per-page", args.per_page]
    subprocess.run(cmd, check=True)
    print(f"clean time {secs:.2f}s total")
    if args.by_renderer and args.mode == "text":
        print_by_renderer(gold, args.out)


if __name__ == "__main__":
    main()
