#!/usr/bin/env python3
"""CPU time of the places stage alone (find_places; spaCy parse excluded) over the GeoWebNews and
AQUAINT DEV texts, for same-run A/B comparisons of two source trees:

    PYTHONPATH=<tree A>/src taskset -c 0 .venv/bin/python bench/places_speed.py A
    PYTHONPATH=<tree B>/src taskset -c 0 .venv/bin/python bench/places_speed.py B   # alternate, repeat

Why: the machine is shared, so articles/s of bench/facts_peers.py moves ~15 % between runs;
alternating two trees on one pinned core and comparing per-pass CPU ms per document is the
fairest check that a places change did not make the stage slower. Pass 1 is cold (gazetteer
answers not cached yet), later passes warm. Prints one line: label, ms/doc per pass, minimum.
"""
from __future__ import annotations

import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from facts_peers import gold_rows  # noqa: E402

PASSES = 6


def main() -> None:
    from factwire.facts.nlp import parse
    from factwire.facts.places import find_places

    label = sys.argv[1] if len(sys.argv) > 1 else "tree"
    docs = [parse(g["text"]) for suite in ("geowebnews", "aquaint") for g in gold_rows(suite)]
    find_places(parse("Warm-up in Paris on Monday."))
    per_pass = []
    for _ in range(PASSES):
        c0 = time.process_time()
        for d in docs:
            find_places(d)
        per_pass.append((time.process_time() - c0) / len(docs) * 1000)
    print(label, "ms/doc per pass", [round(x, 2) for x in per_pass], "min", round(min(per_pass), 2))


if __name__ == "__main__":
    main()
