#!/usr/bin/env python3
"""facts/ner_greedy.py (spaCy's NER weights decoded in numpy, the default NER) against spaCy's own
`ner` pipe: the same entities, and what each costs.

    PYTHONPATH=src .venv/bin/python bench/ner_check.py exact             # table (a) of bench/results/ner.md
    PYTHONPATH=src .venv/bin/python bench/ner_check.py cost [--sample 60] # table (b)

`exact` runs both on the same Docs of the evaluation texts (facts DEV, ACLED notes, WikiEvents,
TimeBank, AQUAINT, GeoWebNews); `cost` times both on corpus-bench pages in one pinned process.
(Until session 6 this was bench/train_ner.py, which also trained a student NER; the student,
0.87 entity F1 against spaCy and not cheaper, was removed with its training code.)
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import benchlib  # noqa: E402  (bench/benchlib.py; the script's folder is on sys.path)

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "bench"


def eval_texts() -> dict[str, list[str]]:
    """The evaluation texts, by set (never trained on)."""
    import csv

    ev = SHARED / "events"
    acled = csv.DictReader(open(ev / "acled_ukraine_2022q1" / "events.csv", encoding="utf-8"))
    out = {"facts": [json.loads(x)["text"] for x in open(SHARED / "facts" / "dev.jsonl", encoding="utf-8")],
           "acled": [r["notes"] for r in acled],
           "wikievents": [json.loads(x)["text"] for x in open(ev / "wikievents" / "texts.jsonl", encoding="utf-8")]}
    peers = SHARED / "facts-peers"
    for name in ("tempeval3/timebank.jsonl", "tempeval3/aquaint.jsonl", "geowebnews/gwn-dev.jsonl"):
        out[name.split("/")[1].split(".")[0]] = [json.loads(x)["text"] for x in open(peers / name, encoding="utf-8")]
    return out


def exact_cmd(args) -> None:
    """Table (a): the numpy decoding's entities against spaCy's `ner` pipe on the same Docs."""
    from factwire.facts.ner_greedy import GreedyNER
    from factwire.facts.nlp import NER_ENV, get_nlp

    os.environ[NER_ENV] = "spacy"
    nlp = get_nlp()
    ev = eval_texts()
    print("| texts | docs | tokens | spaCy entities | numpy entities | same | docs identical |")
    print("|---|---|---|---|---|---|---|")
    for name, texts in ev.items():
        with nlp.select_pipes(disable=["ner"]):
            docs = list(nlp.pipe(texts, batch_size=16))
        ref = [{(e.start, e.end, e.label_) for e in d.ents} for d in nlp.get_pipe("ner").pipe(docs)]
        ours = [{(e.start, e.end, e.label_) for e in d.ents} for d in GreedyNER(nlp.get_pipe("ner")).pipe(docs)]
        same = sum(len(r & o) for r, o in zip(ref, ours))
        print(f"| {name} | {len(docs)} | {sum(len(d) for d in docs)} | {sum(map(len, ref))} | {sum(map(len, ours))} "
              f"| {same} | {sum(r == o for r, o in zip(ref, ours))} |")


def cost_cmd(args) -> None:
    """Table (b): CPU ms a page of spaCy's `ner` pipe and of the numpy decoding, on the same Docs
    of the same corpus-bench pages in the same pinned process (bench/profile_stages.py's pages and
    extraction; spaCy's components timed one by one as there)."""
    sys.path.insert(0, str(HERE))
    import profile_stages as ps
    from facts import pin_one_core

    from factwire.facts import annotate
    from factwire.facts.ner_greedy import GreedyNER
    from factwire.facts.nlp import NER_ENV, get_nlp

    os.environ[NER_ENV] = "spacy"  # spaCy's own `ner` in the pipeline: timed there, the numpy decoding after it
    cpu = pin_one_core()
    annotate.load_resources()
    pages = ps.corpus_pages(args.sample, __import__("corpus").dev_htmls())
    greedy = GreedyNER(get_nlp().get_pipe("ner"))
    clock, tokens, diff = ps.Clock(), 0, [0, 0]
    for start in range(0, len(pages), args.batch):
        recs = [ps.extraction(ps.Clock(), raw, start + k) for k, raw in enumerate(pages[start:start + args.batch])]
        docs = ps.spacy_components(clock, [t for rec in recs for t in annotate.facts_texts(rec)])
        tokens += sum(len(d) for d in docs)
        spacy_ents = [{(e.start, e.end, e.label_) for e in d.ents} for d in docs]
        clock.run("spaCy's NER weights decoded in numpy (facts/ner_greedy.py)", lambda d=docs: list(greedy.pipe(d)))
        for doc, ref in zip(docs, spacy_ents):
            diff[0] += len(ref ^ {(e.start, e.end, e.label_) for e in doc.ents})
            diff[1] += len(ref)
    n = len(pages)
    print(f"{n} corpus-bench pages, {tokens / n:.0f} tokens a page, CPU {cpu}, load "
          f"{os.getloadavg()[0]:.1f}; numpy decoding vs spaCy: {diff[0]} entities differ of {diff[1]}"
          f"\n\n| component | CPU ms a page |\n|---|---|")
    for label, secs in clock.total.items():
        print(f"| {label} | {1000 * secs / n:.2f} |")


def main() -> None:
    benchlib.exact_or_cost_cli(__doc__, exact_cmd, cost_cmd, sample=60)


if __name__ == "__main__":
    main()
