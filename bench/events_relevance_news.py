#!/usr/bin/env python3
"""Second ordinary-news check: events factwire codes on newswire nobody tuned on (issue 12).

    .venv/bin/python bench/events_relevance_news.py [--dump FILE] [--events FILE] [--md FILE]

Why: the first check (bench/events_relevance.py, 121 ScrapingHub pages) was read while the
relevance rules were written, so its 0.01 false events per page is a tuned figure. These 355
documents were never read for events work: TempEval-3 TimeBank + AQUAINT (1989-2000 newswire,
mostly business and politics, with the Gulf crisis and other wars in it) and the GeoWebNews
DEV articles (2017 local and world news from 99 sites), all in ``../shared/bench/facts-peers``.
Each was labelled by reading (bench/data/events-relevance-news.json, rule in its ``_about``)
before factwire's events on it were looked at. Text goes in as text (``--no-clean``), with
TempEval's document creation time as the publication date.

Reported per split (sha1 parity of the salted document id, see split_of), for all events and
for incidents only (modality `reported`): false events
per ``none`` document, events on ``conflict`` and ``crime`` documents, and the false events by
sub-event type.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
LABELS = os.path.join(HERE, "data", "events-relevance-news.json")
PEERS = os.path.abspath(os.environ.get("FACTWIRE_PEERS", os.path.join(ROOT, "..", "shared", "bench", "facts-peers")))
SOURCES = {"tb": "tempeval3/timebank.jsonl", "aq": "tempeval3/aquaint.jsonl", "gwn": "geowebnews/gwn-dev.jsonl"}


#: Salt of the split hash. Without it every GeoWebNews DEV id hashes even: the peers' own DEV/held split
#: is sha1 parity of the same ids, so the unsalted rule would put all 99 in one half.
SPLIT_SALT = "events-news:"


def split_of(doc_id: str) -> str:
    """sha1 parity of the salted id, even -> 'tune' (the rule of bench/events_data.half_of, salted)."""
    return "tune" if int(hashlib.sha1((SPLIT_SALT + doc_id).encode("utf-8")).hexdigest(), 16) % 2 == 0 else "held"


def load_docs() -> dict[str, dict]:
    """doc id ('tb:<id>', 'aq:<id>', 'gwn:<id>') -> {'text', 'published'}; GeoWebNews gets its title
    as the first line, as a reader sees it."""
    docs: dict[str, dict] = {}
    for prefix, rel in SOURCES.items():
        with open(os.path.join(PEERS, rel), encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                text = row["text"] if prefix != "gwn" else f"{row.get('title') or ''}\n\n{row['text']}".strip()
                docs[f"{prefix}:{row['id']}"] = {"text": text, "published": row.get("dct")}
    return docs


def doc_events(doc: dict) -> list[dict]:
    """factwire's events on one text document; [] when it yields no article."""
    from factwire import ExtractionError, extract

    try:
        rec = extract(doc["text"], published=doc["published"], input_kind="text", clean=False, timeout=0)
    except ExtractionError:
        return []
    return [e.to_dict() for e in rec.events]


def main() -> None:
    from events_relevance import false_event_types, relevance_scores, render

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dump", help="write doc id -> events JSON here (for reading the mistakes)")
    ap.add_argument("--events", help="score these dumped events instead of running factwire")
    args = ap.parse_args()
    docs = load_docs()
    if args.events:
        with open(args.events, encoding="utf-8") as f:
            events = json.load(f)
    else:
        events = {d: doc_events(docs[d]) for d in sorted(docs)}
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            json.dump(events, f, indent=1, ensure_ascii=False)
    if os.path.exists(LABELS):
        with open(LABELS, encoding="utf-8") as f:
            labels = json.load(f)["pages"]
        print("\n".join(render(relevance_scores(labels, events), false_event_types(labels, events))))
        incidents = reported_only(events)
        print("\nIncidents only (modality `reported`, as ACLED counts: it codes no plans, threats, "
              "hypotheticals or denials; factwire keeps those with their flag):\n")
        print("\n".join(render(relevance_scores(labels, incidents), false_event_types(labels, incidents))))


def reported_only(events: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The events an ACLED-style count takes as incidents: modality `reported` (README, events)."""
    return {d: [e for e in evs if (e.get("modality") or "reported") == "reported"] for d, evs in events.items()}


if __name__ == "__main__":
    sys.path.insert(0, os.path.join(ROOT, "src"))
    sys.path.insert(0, HERE)
    main()
