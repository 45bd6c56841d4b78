#!/usr/bin/env python3
"""CPU time of the places stage alone (find_places; spaCy parse excluded) over the GeoWebNews and
AQUAINT DEV texts, for same-run A/B comparisons of two source trees:

    PYTHONPATH=<tree A>/src taskset -c 0 .venv/bin/python bench/places_speed.py A
    PYTHONPATH=<tree B>/src taskset -c 0 .venv/bin/python bench/places_speed.py B   # alternate, repeat
    PYTHONPATH=<tree>/src .venv/bin/python bench/places_speed.py LABEL --calls      # function calls


Why: the machine is shared, so articles/s of bench/facts_peers.py moves ~15 % between runs;
alternating two trees on one pinned core and comparing per-pass CPU ms per document is the
fairest check that a places change did not make the stage slower. Pass 1 is cold (gazetteer
answers not cached yet), later passes warm. Prints one line: label, ms/doc per pass, minimum. With ``--calls``: the
Python function calls of one cold pass under cProfile instead (deterministic, so it compares two
trees when the load makes CPU times swing by 30 %).
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

    label = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else "tree"
    docs = [parse(g["text"]) for suite in ("geowebnews", "aquaint") for g in gold_rows(suite)]
    find_places(parse("Warm-up in Paris on Monday."))
    if "--calls" in sys.argv:
        return print(label, "cold-pass function calls per doc", round(cold_calls(find_places, docs)))
    per_pass = []
    for _ in range(PASSES):
        c0 = time.process_time()
        for d in docs:
            find_places(d)
        per_pass.append((time.process_time() - c0) / len(docs) * 1000)
    print(label, "ms/doc per pass", [round(x, 2) for x in per_pass], "min", round(min(per_pass), 2))


def cold_calls(find_places, docs: list) -> float:
    """Python function calls per document of one pass, gazetteer caches as the warm-up left them."""
    import cProfile
    import pstats

    prof = cProfile.Profile()
    prof.enable()
    for d in docs:
        find_places(d)
    prof.disable()
    return pstats.Stats(prof).total_calls / len(docs)


if __name__ == "__main__":
    main()
