#!/usr/bin/env python3
"""facts/parser_greedy.py (spaCy's parser with its transition loop compiled, the default parser)
against spaCy's own `parser` pipe: the same parses, and what each costs.

    PYTHONPATH=src .venv/bin/python bench/parser_check.py exact              # table (a) of bench/results/parser.md
    PYTHONPATH=src .venv/bin/python bench/parser_check.py cost [--sample 120] # table (b)

`exact` parses the evaluation texts (facts DEV, ACLED notes, WikiEvents, TimeBank, AQUAINT,
GeoWebNews: bench/ner_check.py's sets) both ways from the same tagged Docs and counts tokens whose
head, label or sentence start differ; `cost` times both on corpus-bench pages in one pinned
process, interleaved page batch by page batch so that load moves both alike.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import numpy as np

import benchlib  # noqa: E402  (bench/benchlib.py; the script's folder is on sys.path)

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

BATCH = 16  # pipeline.parse_many's nlp.pipe batch size: Parser.pipe sub-batches of 4 by length


def tagged(nlp, texts: list[str]) -> list:
    with nlp.select_pipes(enable=["tok2vec", "tagger"]):
        return list(nlp.pipe(texts, batch_size=BATCH))


def parses(doc) -> np.ndarray:
    from spacy.attrs import DEP, HEAD, SENT_START

    return doc.to_array([HEAD, DEP, SENT_START])


def exact_cmd(args) -> None:
    """Table (a): per set, tokens and Docs whose parse differs between the two loops."""
    from ner_check import eval_texts

    from factwire.facts.nlp import get_nlp
    from factwire.facts.parser_greedy import GreedyParser

    nlp = get_nlp()
    spacy_parser = nlp.get_pipe("parser")
    ours = GreedyParser(spacy_parser)
    print("| texts | docs | tokens | tokens differing (head, label or sentence start) | docs identical |")
    print("|---|---|---|---|---|")
    for name, texts in eval_texts().items():
        ref = tagged(nlp, texts)
        mine = [d.copy() for d in ref]
        list(spacy_parser.pipe(ref, batch_size=BATCH))
        list(ours.pipe(mine, batch_size=BATCH))
        rows = [(parses(a) != parses(b)).any(axis=1) for a, b in zip(ref, mine)]
        print(f"| {name} | {len(ref)} | {sum(len(d) for d in ref):,} | {sum(int(r.sum()) for r in rows)} "
              f"| {sum(not r.any() for r in rows)} |")


def cost_cmd(args) -> None:
    """Table (b): CPU ms a page of each loop on the same tagged Docs, interleaved per batch."""
    import profile_stages as ps
    from facts import pin_one_core

    from factwire.facts import annotate
    from factwire.facts.nlp import get_nlp
    from factwire.facts.parser_greedy import GreedyParser

    cpu = pin_one_core()
    annotate.load_resources()
    nlp = get_nlp()
    spacy_parser = nlp.get_pipe("parser")
    ours = GreedyParser(spacy_parser)
    pages = ps.corpus_pages(args.sample, __import__("corpus").dev_htmls())
    spent, tokens, differ = {"spaCy's parser pipe": 0.0, "compiled loop (facts/parser_greedy.py)": 0.0}, 0, 0
    for start in range(0, len(pages), args.batch):
        recs = [ps.extraction(ps.Clock(), raw, start + k) for k, raw in enumerate(pages[start:start + args.batch])]
        ref = tagged(nlp, [t for rec in recs for t in annotate.facts_texts(rec)])
        mine = [d.copy() for d in ref]
        tokens += sum(len(d) for d in ref)
        for label, parser, docs in zip(spent, (spacy_parser, ours), (ref, mine)):
            clock = time.process_time()
            list(parser.pipe(docs, batch_size=BATCH))
            spent[label] += time.process_time() - clock
        differ += sum(int((parses(a) != parses(b)).any(axis=1).sum()) for a, b in zip(ref, mine))
    n = len(pages)
    print(f"{n} corpus-bench pages, {tokens / n:.0f} tokens a page, CPU {cpu}, load {os.getloadavg()[0]:.1f}; "
          f"tokens whose parse differs: {differ}\n\n| parser | CPU ms a page |\n|---|---|")
    for label, secs in spent.items():
        print(f"| {label} | {1000 * secs / n:.2f} |")


def main() -> None:
    benchlib.exact_or_cost_cli(__doc__, exact_cmd, cost_cmd, sample=120,
                               batch_help="pages a batch (the pipeline's FACTS_BATCH)")


if __name__ == "__main__":
    main()
