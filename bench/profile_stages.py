#!/usr/bin/env python3
"""Where a page's time goes: CPU ms per page by stage and by spaCy component.

    PYTHONPATH=src .venv/bin/python bench/profile_stages.py [--sample 60] [--long 6] [--out bench/results/profile.md]

Why CPU time of a pinned process: the 2 cores are shared by several engineers, so wall-clock
is meaningless here; `time.process_time()` of a process pinned to one core (like bench/facts.py)
counts only this page's work, whatever the load.  Figures are compared inside one run.

Pages: (1) a sample of the 10,000 corpus-bench pages (bench/corpus.py `make_page` over the
121 DEV pages, every `10000 // sample`-th index, so every DEV body and site template appear);
(2) long pages: several DEV bodies joined into one page (~30-60k characters of article text),
the shape that drives the per-page time limit.

Each page runs the real stages in order -- read (decode), parse (lxml), metadata, clean,
metadata completion, then the facts texts (body + captions) through each spaCy component in
turn (`pipe` over the page's texts, as `nlp.pipe` batches them), the compiled POS ruler, every
fact extractor and the event coder -- each timed on its own.  The spaCy part is spaCy's own
`nlp.pipe`, component by component, so the sum is what `facts.nlp.parse_many` costs.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Not named bench/profile.py: bench scripts put bench/ on sys.path, where a profile.py would
# shadow the stdlib module that spaCy's `import cProfile` needs (spaCy then fails to import).
sys.path.insert(0, str(HERE))
#: FACTWIRE_SRC=<a tree's src> profiles another commit (e.g. `git archive` of the one before a change).
sys.path.insert(0, os.environ.get("FACTWIRE_SRC", str(HERE.parent / "src")))

import corpus as corpus_bench  # noqa: E402  (bench/corpus.py: the corpus-bench pages)
from facts import pin_one_core  # noqa: E402  (bench/facts.py: one core, CPU time per core)

from factwire.clean import clean_html  # noqa: E402
from factwire.dom import parse_html_checked  # noqa: E402
from factwire.facts import annotate  # noqa: E402
from factwire.metadata import complete_metadata, extract_html_metadata  # noqa: E402
from factwire.pipeline import build_record  # noqa: E402

try:
    from factwire.pipeline import FACTS_BATCH
except ImportError:  # a commit from before batching: page by page
    FACTS_BATCH = 1
from factwire.read.pages import page_from_bytes  # noqa: E402

RESULTS = HERE / "results" / "profile.md"
CORPUS_N = 10_000
#: DEV bodies joined into one long page: ~5-10k characters each, so 8 give ~40-80k characters.
LONG_JOIN = 8


class Clock:
    """Accumulates process CPU seconds per label, in first-seen order."""

    def __init__(self) -> None:
        self.total: dict[str, float] = defaultdict(float)

    def run(self, label: str, fn: Callable, *args):
        t0 = time.process_time()
        out = fn(*args)
        self.total[label] += time.process_time() - t0
        return out


def corpus_pages(sample: int, dev: list[str]) -> list[bytes]:
    step = max(1, CORPUS_N // sample)
    return [corpus_bench.make_page(dev[i % len(dev)], i).encode() for i in range(0, CORPUS_N, step)][:sample]


def long_pages(count: int, dev: list[str]) -> list[bytes]:
    """Pages whose one <article> holds the paragraphs of LONG_JOIN DEV pages (one story, long)."""
    pages = []
    for k in range(count):
        parts = [dev[(k * LONG_JOIN + j) % len(dev)] for j in range(LONG_JOIN)]
        paras = "".join(m.group(0) for p in parts for m in corpus_bench._PARA.finditer(p))
        head = corpus_bench._BODY.search(parts[0])
        head_html = parts[0][:head.start()] if head else "<html>"
        pages.append(f"{head_html}<body><article>{paras}</article></body></html>".encode())
    return pages


def extraction(clock: Clock, raw: bytes, i: int):
    """read -> parse -> metadata -> clean -> metadata completion -> record (as pipeline.run_stages)."""
    page = clock.run("read (decode)", page_from_bytes, raw, f"p{i}.html")
    root, _ = clock.run("parse (lxml)", parse_html_checked, page.content, page.raw)
    meta = clock.run("metadata (html)", extract_html_metadata, root, page.url)
    cleaned = clock.run("clean", clean_html, root)
    meta = clock.run("metadata (complete)", lambda: complete_metadata(meta, cleaned, page_text=None,
                                                                         published_hint=None, html_root=root))
    return clock.run("record", build_record, page, cleaned, meta)


def spacy_components(clock: Clock, texts: list[str]):
    """The facts texts through each enabled spaCy component in turn, then the POS ruler."""
    from factwire.facts import nlp as nlp_mod

    nlp = nlp_mod.get_nlp()
    docs = clock.run("spaCy tokenizer", lambda: [nlp.make_doc(t) for t in texts])
    for name, proc in nlp.pipeline:
        docs = clock.run(f"spaCy {name}", lambda p=proc, d=docs: list(p.pipe(d, batch_size=16)))
    ruler = nlp_mod._pos_ruler()
    if ruler is not None:
        docs = clock.run("POS ruler (facts/pos.py)", lambda: [ruler(d) for d in docs])
    return docs


def facts_and_events(clock: Clock, rec, docs) -> None:
    """Every fact extractor over the body and captions, then the event coder on the body."""
    from factwire.events.coder import code_events

    published = annotate.published_date(rec.published) or dt.date(2022, 11, 19)
    for field in annotate.EXTRACTORS:
        finder = annotate.load_extractor(field)
        for doc in docs:
            clock.run(f"facts: {field}", finder, doc, published)
    clock.run("events: coder", code_events, docs[0], rec, published)


def profile(pages: list[bytes], batch: int) -> tuple[Clock, int]:
    """The stages over `pages`, spaCy's components over `batch` pages' texts at a time (as
    pipeline.process_pages does; batch 1 is the page-by-page pipeline of before)."""
    clock = Clock()
    chars = 0
    for start in range(0, len(pages), batch):
        recs = [extraction(clock, raw, start + k) for k, raw in enumerate(pages[start:start + batch])]
        chars += sum(len(rec.text) for rec in recs)
        texts = [annotate.facts_texts(rec) for rec in recs]
        docs = iter(spacy_components(clock, [t for group in texts for t in group]))
        for rec, group in zip(recs, texts):
            facts_and_events(clock, rec, [next(docs) for _ in group])
    return clock, chars


def trafilatura_ms(python: str, pages: list[bytes], cpu: int | None) -> float:
    """trafilatura.extract's CPU ms a page on the same pages, pinned to the same core, in its own
    venv (bench/requirements-peers.txt pins it; it is never a factwire dependency)."""
    import pickle
    import subprocess
    import tempfile

    code = ("import pickle, sys, time, os, trafilatura\n"
            "pages = pickle.load(open(sys.argv[1], 'rb'))\n"
            "[trafilatura.extract(p.decode()) for p in pages[:2]]\n"
            "t0 = time.process_time()\n"
            "for p in pages: trafilatura.extract(p.decode())\n"
            "print(1000 * (time.process_time() - t0) / len(pages))\n")
    with tempfile.NamedTemporaryFile(suffix=".pkl") as f:
        pickle.dump(pages, f)
        f.flush()
        pin = ["taskset", "-c", str(cpu)] if cpu is not None else []
        out = subprocess.run([*pin, python, "-c", code, f.name], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def table(clock: Clock, n: int, chars: int, title: str, traf_ms: float | None = None) -> str:
    total = sum(clock.total.values())
    ratio = (f" trafilatura alone on the same pages, same core, same run: {traf_ms:.1f} CPU ms a page, so the "
             f"full pipeline runs at **{traf_ms / (1000 * total / n):.2f}× trafilatura per core**."
             if traf_ms else "")
    lines = [f"### {title}", "",
             f"{n} pages, {chars / n:,.0f} characters of article text a page; "
             f"**{1000 * total / n:.1f} CPU ms a page** ({n / total:.1f} pages/s on one core).{ratio}", "",
             "| stage | CPU ms a page | share |", "|---|---|---|"]
    for label, secs in clock.total.items():
        lines.append(f"| {label} | {1000 * secs / n:.2f} | {secs / total:.1%} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=60)
    ap.add_argument("--long", type=int, default=6)
    ap.add_argument("--out", default=str(RESULTS))
    ap.add_argument("--label", default="", help="a heading for this run (e.g. the change measured)")
    ap.add_argument("--batch", type=int, default=FACTS_BATCH, help="pages a spaCy batch (1: page by page)")
    ap.add_argument("--trafilatura", metavar="PYTHON",
                    help="a Python with trafilatura (bench/.venv-peers/bin/python): time it on the same pages")
    args = ap.parse_args()
    cpu = pin_one_core()
    annotate.load_resources()
    dev = corpus_bench.dev_htmls()
    sections = []
    for title, pages in ((f"Corpus-bench pages (sample of {args.sample})", corpus_pages(args.sample, dev)),
                         (f"Long pages ({LONG_JOIN} DEV bodies each)", long_pages(args.long, dev))):
        profile(pages[:2], args.batch)  # warm caches (first-call imports, regex compiles) outside the figures
        clock, chars = profile(pages, args.batch)
        traf = trafilatura_ms(args.trafilatura, pages, cpu) if args.trafilatura else None
        sections.append(table(clock, len(pages), chars, f"{title}, spaCy batch {args.batch}", traf))
    head = (f"## {args.label or 'Profile'}\n\nMade by `bench/profile_stages.py` on {dt.date.today()}, pinned to "
            f"CPU {cpu}, process CPU time (load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}).\n\n")
    text = head + "\n".join(sections)
    print(text)
    if args.out != "-":
        Path(args.out).write_text(text)


if __name__ == "__main__":
    main()
