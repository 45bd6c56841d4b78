#!/usr/bin/env python3
"""Non-conflict measurement: events factwire codes on ordinary news (issue 12).

    .venv/bin/python bench/events_relevance.py [--dump FILE]

Why: ACLED and WikiEvents are conflict news only, so they cannot show what the coder does on
the rest of a news crawl. The 121 ScrapingHub DEV pages (``../shared/bench/extraction/
scrapinghub-dev``, HTML as crawled) are mostly sport, business, tech and politics; each was
labelled by reading it (``bench/data/relevance-labels.json``: conflict / crime / none, with a
fixed tune/held split by sha1 of the page id). Every event on a ``none`` page is false; events on
``conflict`` pages are what must be kept. The full pipeline runs on the HTML, as a user would.

Reported per split: false events per ``none`` article, ``none`` pages with any event, events on
``conflict`` pages and ``crime`` pages (reported apart: criminal violence is outside ACLED's
scope, but a coder may fairly flag it). Used by bench/events.py (``relevance_scores``).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
LABELS = os.path.join(HERE, "data", "relevance-labels.json")
PAGES = os.path.abspath(os.environ.get("FACTWIRE_RELEVANCE_PAGES", os.path.join(
    ROOT, "..", "shared", "bench", "extraction", "scrapinghub-dev", "html")))
#: Issue 12 target: at most this many false events per non-conflict article.
FALSE_EVENTS_TARGET = 0.1


def load_labels(path: str = LABELS) -> dict[str, dict]:
    with open(path, encoding="utf-8") as f:
        return json.load(f)["pages"]


def page_events(page_id: str) -> list[dict]:
    """factwire's events on one page (HTML through the whole pipeline); [] when no article."""
    from factwire import ExtractionError, extract

    with gzip.open(os.path.join(PAGES, page_id + ".html.gz"), "rb") as f:
        data = f.read()
    try:
        rec = extract(data, id=page_id)
    except ExtractionError:
        return []
    return [e.to_dict() for e in rec.events]


def run_pages(labels: dict[str, dict]) -> dict[str, list[dict]]:
    """page id -> events, for every labelled page."""
    return {pid: page_events(pid) for pid in sorted(labels)}


def relevance_scores(labels: dict[str, dict], events: dict[str, list[dict]]) -> dict:
    """Per split ('tune', 'held', 'all'): pages, events and events per page for each label."""
    out: dict[str, dict] = {}
    for split in ("tune", "held", "all"):
        row: dict[str, float | int] = {}
        for label in ("none", "conflict", "crime"):
            ids = [p for p, v in labels.items() if v["label"] == label and split in ("all", v["split"])]
            n_ev = sum(len(events.get(p, [])) for p in ids)
            row[f"{label}_pages"] = len(ids)
            row[f"{label}_events"] = n_ev
            row[f"{label}_pages_with_events"] = sum(1 for p in ids if events.get(p))
            row[f"{label}_per_page"] = n_ev / len(ids) if ids else 0.0
        out[split] = row
    return out


def false_event_types(labels: dict[str, dict], events: dict[str, list[dict]]) -> dict[str, int]:
    """Sub-event types of the false events (what kind of mistake), all splits."""
    c = Counter(e.get("sub_event_type") for p, v in labels.items() if v["label"] == "none"
                for e in events.get(p, []))
    return dict(c.most_common())


def render(scores: dict, types: dict[str, int]) -> list[str]:
    """Markdown lines for bench/results/events.md."""
    out = ["| split | none pages | false events | per none page | none pages with events | conflict pages "
           "| events on conflict pages | crime pages | events on crime pages |",
           "|---|---|---|---|---|---|---|---|---|"]
    for split in ("tune", "held", "all"):
        s = scores[split]
        out.append(f"| {split} | {s['none_pages']} | {s['none_events']} | {s['none_per_page']:.2f} | "
                   f"{s['none_pages_with_events']} | {s['conflict_pages']} | {s['conflict_events']} "
                   f"({s['conflict_pages_with_events']} pages) | {s['crime_pages']} | {s['crime_events']} |")
    held = scores["held"]["none_per_page"]
    verdict = "**met**" if held <= FALSE_EVENTS_TARGET else "**missed**"
    out += ["", f"Target (issue 12): ≤ {FALSE_EVENTS_TARGET} false events per non-conflict article on the held "
            f"split: {held:.2f} — {verdict}.", "",
            f"False events by sub-event type: {types or 'none'}."]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dump", help="write page id -> events JSON here (for reading the mistakes)")
    args = ap.parse_args()
    labels = load_labels()
    events = run_pages(labels)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            json.dump(events, f, indent=1, ensure_ascii=False)
    print("\n".join(render(relevance_scores(labels, events), false_event_types(labels, events))))


if __name__ == "__main__":
    sys.path.insert(0, os.path.join(ROOT, "src"))
    main()
