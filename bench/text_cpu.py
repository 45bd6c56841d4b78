#!/usr/bin/env python3
"""Process CPU time of the text cleaner alone over one split of bench/text_pages.py's pages.

    PYTHONPATH=$PWD/src .venv/bin/python bench/text_cpu.py --split held [--repeat 3]

Why: the side-by-side benchmark (bench/extraction.py) runs one cold pass per tool on a shared,
loaded machine; to see whether a change to the text cleaner costs time, compare two trees
with this script, alternating them in one session (PYTHONPATH=<tree>/src), best of --repeat.
"""
from __future__ import annotations

import argparse
import os
import time

from factwire.clean import clean_text

HERE = os.path.dirname(os.path.abspath(__file__))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="held", choices=["dev", "held", "wcxb-dev"])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    folder = os.path.join(HERE, "work", "text", args.split)
    texts = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".txt"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                texts.append(f.read())
    best = float("inf")
    for _ in range(args.repeat):
        t0 = time.process_time()
        for text in texts:
            clean_text(text)
        best = min(best, time.process_time() - t0)
    print(f"{args.split}: {len(texts)} pages, best process CPU {best:.2f} s ({1000 * best / len(texts):.1f} ms/page)")


if __name__ == "__main__":
    main()
