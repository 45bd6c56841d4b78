#!/usr/bin/env python3
"""Fingerprint of everything spaCy and the facts/events stages produce on corpus-bench pages.

    PYTHONPATH=src <python> bench/spacy_outputs.py --sample 500 --out /tmp/<name>/outputs-A.jsonl
    PYTHONPATH=src <python> bench/spacy_outputs.py --tempeval --out /tmp/<name>/dates-A.jsonl

Why: a change of spaCy/thinc/numpy versions (or of how the pipeline is run) must leave every
tag, head, dependency label, entity and every record's facts and events unchanged.  Run it once
per environment (e.g. the shared .venv and a candidate venv) and compare the two files with
`--compare A B`: it prints the number of pages, tokens and records compared and every page
that differs (the first difference of each), and exits 1 if any does.

Each output line is one page: its token annotations (text, tag, POS, head offset, dep, entity
IOB and type) and a digest of `doc.tensor`, produced by the same `nlp.pipe` batches
`pipeline.process_pages` uses, and the record's `to_dict()` (facts and events), minus the
wall-clock fields.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus as corpus_bench  # noqa: E402  (bench/corpus.py: the corpus-bench pages)

from factwire.pipeline import FACTS_BATCH, process_pages  # noqa: E402
from factwire.read.pages import page_from_bytes  # noqa: E402

CORPUS_N = 10_000
#: Record fields that are not outputs of the stages (timings, the run's clock).
VOLATILE = ("timings", "elapsed", "processed_at")


def token_rows(doc) -> list[list]:
    """One row a token: what the tagger, parser and NER decided."""
    return [[t.text, t.tag_, t.pos_, t.head.i - t.i, t.dep_, t.ent_iob_, t.ent_type_] for t in doc]


def tensor_digest(doc) -> str:
    """SHA-1 of the shared tok2vec's output (doc.tensor, float32 bytes): a component reading it
    (a NER of our own) sees the very same input only if this is equal."""
    import hashlib

    return hashlib.sha1(doc.tensor.astype("float32").tobytes()).hexdigest()


def page_lines(sample: int) -> list[dict]:
    """Records and token annotations of `sample` corpus-bench pages, batched as in ingest."""
    from factwire.facts.annotate import parse_records

    dev = corpus_bench.dev_htmls()
    step = max(1, CORPUS_N // sample)
    raws = [corpus_bench.make_page(dev[i % len(dev)], i).encode() for i in range(0, CORPUS_N, step)][:sample]
    out = []
    for start in range(0, len(raws), FACTS_BATCH):
        pages = [page_from_bytes(raw, f"p{start + k}.html") for k, raw in enumerate(raws[start:start + FACTS_BATCH])]
        results = process_pages(pages)
        records = [r for r in results if hasattr(r, "text")]
        docs = parse_records(records)
        for rec, group in zip(records, docs):
            d = {k: v for k, v in rec.to_dict().items() if k not in VOLATILE}
            out.append({"id": rec.id, "record": d, "tokens": [token_rows(doc) for doc in group or []],
                        "tensor_sha1": [tensor_digest(doc) for doc in group or []]})
    return out


def tempeval_lines() -> list[dict]:
    """find_dates on every TempEval-3 DEV text (AQUAINT and TimeBank, against each document's
    creation time): a date change shows here even where the corpus pages have no such date."""
    from factwire.facts.dates import find_dates
    from factwire.facts.nlp import parse_many

    out = []
    for name in ("aquaint", "timebank"):
        path = corpus_bench.SHARED / "bench" / "facts-peers" / "tempeval3" / f"{name}.jsonl"
        rows = [json.loads(line) for line in path.read_text().splitlines()]
        docs = parse_many([row["text"] for row in rows])
        out += [{"id": row["id"], "record": {"dates": find_dates(doc, row["dct"])}, "tokens": []}
                for doc, row in zip(docs, rows)]
    return out


def first_difference(a, b, path: str = "") -> str | None:
    """Where two JSON values first differ (a path and both values), or None."""
    if type(a) is not type(b):
        return f"{path}: {a!r} != {b!r}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            diff = first_difference(a.get(k), b.get(k), f"{path}.{k}")
            if diff:
                return diff
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: length {len(a)} != {len(b)}"
        for k, (x, y) in enumerate(zip(a, b)):
            diff = first_difference(x, y, f"{path}[{k}]")
            if diff:
                return diff
        return None
    return None if a == b else f"{path}: {a!r} != {b!r}"


def compare(path_a: Path, path_b: Path, ignore: tuple[str, ...] = ()) -> int:
    lines_a = [{k: v for k, v in json.loads(x).items() if k not in ignore} for x in path_a.read_text().splitlines()]
    lines_b = [{k: v for k, v in json.loads(x).items() if k not in ignore} for x in path_b.read_text().splitlines()]
    tokens = sum(len(doc) for line in lines_a for doc in line["tokens"])
    differing = 0
    if len(lines_a) != len(lines_b):
        print(f"different page counts: {len(lines_a)} != {len(lines_b)}")
        return 1
    for k, (a, b) in enumerate(zip(lines_a, lines_b)):
        diff = first_difference(a, b)
        if diff:
            differing += 1
            print(f"page {k}: {diff[:300]}")
    print(f"{len(lines_a)} pages, {tokens:,} tokens compared: {differing} pages differ")
    return 1 if differing else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=500)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"))
    ap.add_argument("--ignore-tensor", action="store_true",
                    help="compare without doc.tensor's digest (a different float computation of the same "
                         "network: the tags, parses, entities and records must still be equal)")
    ap.add_argument("--tempeval", action="store_true", help="the dates of the TempEval-3 DEV texts instead")
    args = ap.parse_args()
    if args.compare:
        sys.exit(compare(*args.compare, ignore=("tensor_sha1",) if args.ignore_tensor else ()))
    import spacy
    import thinc

    lines = tempeval_lines() if args.tempeval else page_lines(args.sample)
    with args.out.open("w") as fh:
        for line in lines:
            fh.write(json.dumps(line, sort_keys=True) + "\n")
    print(f"spaCy {spacy.__version__}, thinc {thinc.__version__}: {len(lines)} records -> {args.out}")


if __name__ == "__main__":
    main()
