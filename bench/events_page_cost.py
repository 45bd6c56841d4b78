#!/usr/bin/env python3
"""Events stage cost on one long page: CPU inside the events stage against the rest of
extract(), on tests/hostile.py's 100 KB repetitive conflict paragraph (1,226 events).

    PYTHONPATH=<tree>/src .venv/bin/python bench/events_page_cost.py [--passes 3]

Why: a rule that scans all facts or the whole paragraph per event is invisible on DEV notes
(one sentence each) and quadratic here; ACLED notes give the ordinary cost (bench/events.py).
Run it with PYTHONPATH pointing at any tree (e.g. a `git archive` of an older commit) to compare.
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

from events_data import events_stage_clock

ROOT = Path(__file__).resolve().parents[1]


def repetitive_text() -> str:
    """tests/hostile.py's REPETITIVE_TEXT (loaded by path: bench/hostile.py has the same name)."""
    spec = importlib.util.spec_from_file_location("hostile_corpus", ROOT / "tests" / "hostile.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.REPETITIVE_TEXT


def measure(text: str, passes: int) -> tuple[float, float, int]:
    """(events-stage CPU, extract CPU, events) of the fastest pass."""
    from factwire import extract

    runs = []
    with events_stage_clock() as inside:
        for _ in range(passes):
            inside[0], c0 = 0.0, time.process_time()
            rec = extract(text, input_kind="text", published="2022-11-19", timeout=600)
            runs.append((time.process_time() - c0, inside[0], len(rec.events)))
    total, events, n = min(runs)
    return events, total, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--passes", type=int, default=3)
    args = ap.parse_args()
    import factwire

    events, total, n = measure(repetitive_text(), args.passes)
    print(f"factwire from {Path(factwire.__file__).parent}: {n} events; extract {total:.2f} s CPU, "
          f"events stage {events:.2f} s, rest {total - events:.2f} s -> events/rest {events / (total - events):+.0%} "
          f"(fastest of {args.passes} passes)")


if __name__ == "__main__":
    main()
