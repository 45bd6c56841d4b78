#!/usr/bin/env python3
"""What the suites' gold conventions cost, measured on a finished bench/extraction_suites.py run.

    .venv/bin/python bench/extraction_conventions.py [--splits dev,held]

Three suites score tools against a convention that is not "the article as a reader sees it":

* goose3: the gold is only the article's *first words* (goose3's tests assert a prefix), and the
  suite is scored on predictions cut to the gold's length.  A tool that starts one line early (a
  standfirst, a subheadline kept in the body) scores 0 on the page although the article is there.
  Measured here per tool: the share of pages whose gold appears *anywhere* in the prediction
  (the article was found) next to the share whose prediction *starts* with it (the prefix score).
* CleanEval and L3S-GN1 keep reader comments in the gold, which factwire sets aside: measured by
  ``bench/quick_eval.py suites --add-removed comments`` (factwire's text plus its comments).
* readability: the gold *is* readability.js's output; readability-lxml (a port of it) wins there.

Reads the predictions the suites run left in ``bench/work/extraction/<suite>.<split>/`` and writes
``bench/results/extraction-conventions.md``.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "work", "extraction")
SUITES = os.path.join(HERE, "work", "suites")
OUT = os.path.join(HERE, "results", "extraction-conventions.md")
_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text or "")]


def contains(hay: list[str], needle: list[str]) -> bool:
    """True when `needle` occurs as a contiguous run in `hay`."""
    if not needle:
        return False
    first, n = needle[0], len(needle)
    return any(hay[i:i + n] == needle for i, t in enumerate(hay) if t == first)


def prefix_rows(suite: str, split: str) -> list[tuple[str, int, float, float]]:
    """(tool, pages, share starting with the gold, share containing it) per tool."""
    with open(os.path.join(SUITES, suite, split, "ground-truth.json"), encoding="utf-8") as f:
        gold = {k: tokens(v.get("articleBody", "")) for k, v in json.load(f).items()}
    rows = []
    for path in sorted(glob.glob(os.path.join(WORK, f"{suite}.{split}", "*.pass1.jsonl"))):
        tool = os.path.basename(path).split(".pass")[0]
        with open(path, encoding="utf-8") as f:
            preds = {d["id"]: tokens(d.get("text", "")) for d in map(json.loads, f)}
        starts = sum(1 for k, g in gold.items() if g and preds.get(k, [])[:len(g)] == g)
        found = sum(1 for k, g in gold.items() if contains(preds.get(k, []), g))
        rows.append((tool, len(gold), starts / len(gold), found / len(gold)))
    return sorted(rows, key=lambda r: -r[3])


def render(splits: list[str]) -> str:
    lines = ["# Gold conventions of the suites, measured", "",
             "- command: `.venv/bin/python bench/extraction_conventions.py --splits %s`" % ",".join(splits),
             "- goose3: share of pages whose prediction *starts* with the gold (what the prefix score"
             " rewards) and share that *contains* it anywhere (the article was found).", ""]
    for split in splits:
        lines += ["## goose3.%s" % split, "", "| tool | pages | starts with gold | contains gold |",
                  "|---|---|---|---|"]
        lines += ["| %s | %d | %.2f | %.2f |" % r for r in prefix_rows("goose3", split)]
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--splits", default="dev,held")
    text = render(ap.parse_args().splits.split(","))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
