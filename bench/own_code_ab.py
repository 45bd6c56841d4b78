#!/usr/bin/env python3
"""Our own per-Doc stages of two source trees, interleaved in one pinned process: CPU ms a page.

    PYTHONPATH= <python> bench/own_code_ab.py OLD_SRC NEW_SRC [--reps 7] [--sample 200] [--out FILE]

(OLD_SRC e.g. a `git archive` of the commit before a change, unpacked: <dir>/src.)

Why: a change of ~0.3 ms a page in one stage is below the noise of two separate runs on this
shared machine (bench/profile_stages.py rows move by 0.2-0.5 ms from run to run).  Here both
trees are imported side by side (each tree's `factwire` modules are swapped into sys.modules
for its turn), the same spaCy Docs are given to both, and the trees take turns rep by rep
(ABBA...), so load drifts hit both; each row is the minimum over the reps.  The script also
checks that both trees' outputs are identical (every fact extractor but places, and the event
coder) and exits 1 if not.

Stages: the POS ruler (on fresh copies of the Docs), entities, dates, quantities, attributions
(each over the body and captions of every page, the Docs' user_data cleared once per turn, as
a new page's would be) and the event coder over the body.  Places are left out (another
engineer's stage, and its gazetteer would be loaded twice).  The pages are the corpus-bench
pages bench/profile_stages.py samples (bench/corpus.py `make_page` over the DEV pages).
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import pkgutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus as corpus_bench  # noqa: E402  (bench/corpus.py: the corpus-bench pages)
from facts import pin_one_core  # noqa: E402  (bench/facts.py: one core)

CORPUS_N = 10_000
#: Sub-packages not needed for the stages (web server, CLI, exports).
SKIP_PACKAGES = ("web", "cli", "__main__", "export")
PUBLISHED = dt.date(2022, 11, 19)


def load_tree(src: str) -> dict:
    """Every module of the `factwire` under `src`, imported with the model and resources
    loaded; then taken out of sys.modules so the other tree can be imported."""
    for name in [k for k in sys.modules if k == "factwire" or k.startswith("factwire.")]:
        del sys.modules[name]
    sys.path.insert(0, src)
    package = importlib.import_module("factwire")
    for info in pkgutil.walk_packages(package.__path__, "factwire."):
        if info.name.split(".")[1] not in SKIP_PACKAGES:
            importlib.import_module(info.name)
    tree = {"src": src, "annotate": importlib.import_module("factwire.facts.annotate"),
            "nlp": importlib.import_module("factwire.facts.nlp"),
            "coder": importlib.import_module("factwire.events.coder"),
            "pipeline": importlib.import_module("factwire.pipeline"),
            "pages": importlib.import_module("factwire.read.pages")}
    tree["annotate"].load_resources()
    tree["ruler"] = tree["nlp"]._pos_ruler()
    tree["modules"] = {k: v for k, v in sys.modules.items() if k == "factwire" or k.startswith("factwire.")}
    sys.path.remove(src)
    return tree


def activate(tree: dict) -> None:
    """Make `tree`'s modules the ones imports and `load_extractor` find."""
    for name in [k for k in sys.modules if k.startswith("factwire") and k not in tree["modules"]]:
        del sys.modules[name]
    sys.modules.update(tree["modules"])


def one_turn(tree: dict, recs: list, groups: list[list], base_docs: list) -> tuple[dict, dict]:
    """(CPU seconds by stage, outputs by stage) of one tree over all pages."""
    activate(tree)
    secs, outs = {}, {}
    fresh = [d.copy() for d in base_docs]
    t0 = time.process_time()
    for doc in fresh:
        tree["ruler"](doc)
    secs["POS ruler (facts/pos.py)"] = time.process_time() - t0
    outs["pos"] = [[(t.pos_, t.dep_) for t in doc] for doc in fresh[:50]]
    docs = [doc for group in groups for doc in group]
    for doc in docs:
        doc.user_data.clear()
    for field in [f for f in tree["annotate"].EXTRACTORS if f != "places"]:
        finder = tree["annotate"].load_extractor(field)
        t0 = time.process_time()
        outs[field] = [finder(doc, PUBLISHED) for doc in docs]
        secs[f"facts: {field}"] = time.process_time() - t0
    t0 = time.process_time()
    events = [tree["coder"].code_events(group[0], rec, PUBLISHED) for rec, group in zip(recs, groups)]
    secs["events: coder"] = time.process_time() - t0
    outs["events"] = [[e.to_dict() for e in page] for page in events]
    return secs, outs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old_src")
    ap.add_argument("new_src")
    ap.add_argument("--reps", type=int, default=7)
    ap.add_argument("--sample", type=int, default=200)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    cpu = pin_one_core()
    old, new = load_tree(os.path.abspath(args.old_src)), load_tree(os.path.abspath(args.new_src))
    activate(new)
    dev = corpus_bench.dev_htmls()
    raws = [corpus_bench.make_page(dev[i % len(dev)], i).encode()
            for i in range(0, CORPUS_N, max(1, CORPUS_N // args.sample))][:args.sample]
    pages = [new["pages"].page_from_bytes(raw, f"p{i}.html") for i, raw in enumerate(raws)]
    recs = [r for r in (new["pipeline"]._clean_page(p, True, None) for p in pages) if hasattr(r, "text")]
    texts = [new["annotate"].facts_texts(rec) for rec in recs]
    base_docs = list(new["nlp"].get_nlp().pipe([t for group in texts for t in group]))
    docs = [d.copy() for d in base_docs]
    for doc in docs:
        new["ruler"](doc)
    flat = iter(docs)
    groups = [[next(flat) for _ in group] for group in texts]
    times: dict[str, dict[str, list[float]]] = {"old": {}, "new": {}}
    outputs = {}
    for rep in range(args.reps):
        for tag, tree in (("old", old), ("new", new)) if rep % 2 == 0 else (("new", new), ("old", old)):
            secs, outputs[tag] = one_turn(tree, recs, groups, base_docs)
            for stage, s in secs.items():
                times[tag].setdefault(stage, []).append(1000 * s / len(recs))
    same = outputs["old"] == outputs["new"]
    report(times, len(recs), args, cpu, same)
    sys.exit(0 if same else 1)


def report(times: dict, n: int, args, cpu: int | None, same: bool) -> None:
    lines = [f"{n} corpus-bench pages, {args.reps} turns each, interleaved (ABBA), pinned to CPU {cpu}, "
             f"process CPU time, minimum over the turns (load average "
             f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}); outputs identical: **{same}**", "",
             f"    PYTHONPATH= <python> bench/own_code_ab.py {args.old_src} {args.new_src} --reps {args.reps} "
             f"--sample {args.sample}", "",
             "| stage | before (CPU ms a page) | after | change |", "|---|---|---|---|"]
    total = [0.0, 0.0]
    for stage in times["old"]:
        a, b = min(times["old"][stage]), min(times["new"][stage])
        total = [total[0] + a, total[1] + b]
        lines.append(f"| {stage} | {a:.3f} | {b:.3f} | {b - a:+.3f} |")
    lines.append(f"| **sum** | {total[0]:.3f} | {total[1]:.3f} | {total[1] - total[0]:+.3f} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text)


if __name__ == "__main__":
    main()
