#!/usr/bin/env python3
"""How many pages spaCy should parse in one batch: CPU ms a page of the whole spaCy parse
(`facts.annotate.parse_records`: tokenizer, tok2vec, tagger, parser, NER) for several pages-a-batch
and `nlp.pipe` batch sizes, taking turns in one pinned process (a loaded machine slows all alike),
and whether the outputs stay the same.

    PYTHONPATH=src .venv/bin/python bench/batch_check.py [--pages 160] [--rounds 4]

Why: spaCy's parser steps all the Docs of a batch together (one small matrix product a step for
every open parse), so its cost a token falls as a batch holds more Docs; the tok2vec networks do
not care.  The session-6 run (bench/results/profile.md) found no setting better than session 5's
(4 pages, nlp.pipe batches of 16 texts): pipeline.FACTS_BATCH stays 4.
"""
from __future__ import annotations

import argparse
import functools
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus as corpus_bench  # noqa: E402  (bench/corpus.py: the corpus-bench pages)
from facts import pin_one_core  # noqa: E402

from factwire import pipeline  # noqa: E402
from factwire.facts import annotate, nlp as nlp_mod  # noqa: E402
from factwire.read.pages import page_from_bytes  # noqa: E402

#: (pages a batch, texts a `nlp.pipe` batch) measured; the first is session 5's setting.
SETTINGS = ((4, 16), (8, 16), (8, 32), (16, 32), (16, 64), (32, 64))


def annotations(docs) -> list:
    return [[(t.tag_, t.head.i, t.dep_, t.ent_iob_, t.ent_type_) for t in doc] for doc in docs]


def parse_all(records: list, pages: int, texts: int) -> tuple[float, list]:
    nlp_mod.parse_many = functools.partial(ORIGINAL, batch_size=texts)  # what annotate.parse_records calls
    t0 = time.process_time()
    groups = [annotate.parse_records(records[s:s + pages]) for s in range(0, len(records), pages)]
    seconds = time.process_time() - t0
    return seconds, [annotations(docs or []) for group in groups for docs in group]


ORIGINAL = nlp_mod.parse_many


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=160)
    ap.add_argument("--rounds", type=int, default=4)
    args = ap.parse_args()
    cpu = pin_one_core()
    annotate.load_resources()
    dev = corpus_bench.dev_htmls()
    raws = [corpus_bench.make_page(dev[i % len(dev)], i).encode() for i in range(300, 300 + args.pages)]
    records = [pipeline._clean_page(page_from_bytes(raw, f"p{k}.html"), True, None) for k, raw in enumerate(raws)]
    records = [r for r in records if hasattr(r, "text")]
    parse_all(records, *SETTINGS[0])  # warm: first-call costs and the embedding cache
    best: dict[tuple, float] = {}
    reference, same = None, {}
    for _ in range(args.rounds):
        for setting in SETTINGS:
            seconds, out = parse_all(records, *setting)
            best[setting] = min(best.get(setting, seconds), seconds)
            reference = reference if reference is not None else out
            same[setting] = same.get(setting, True) and out == reference
    print(f"{len(records)} corpus-bench pages, CPU {cpu}, best of {args.rounds} interleaved rounds\n")
    print("| pages a batch | texts a nlp.pipe batch | spaCy CPU ms a page | annotations as (4, 16) |")
    print("|---|---|---|---|")
    for (pages, texts), seconds in best.items():
        verdict = "same" if same[(pages, texts)] else "DIFFER"
        print(f"| {pages} | {texts} | {1000 * seconds / len(records):.1f} | {verdict} |")


if __name__ == "__main__":
    main()
