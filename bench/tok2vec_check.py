#!/usr/bin/env python3
"""facts/tok2vec_fast.py measured: the embedding cache's miss rate by size, and the whole page's
CPU time with spaCy's tok2vec networks run by thinc or by tok2vec_fast, interleaved in one
pinned process (so a loaded machine slows both sides alike).

    PYTHONPATH=src .venv/bin/python bench/tok2vec_check.py cache [--pages 600]
    PYTHONPATH=src .venv/bin/python bench/tok2vec_check.py ab [--sample 60] [--rounds 3]
    PYTHONPATH=src .venv/bin/python bench/tok2vec_check.py kernels [--rows 3500] [--reps 20]

`kernels` times one encoder layer (the shared network's weights, a batch of `--rows` rows) with
its elementwise half in numpy and in the compiled kernel (facts/_tok2vec_kernels.c), interleaved,
and checks that both give the same bits.

Identity of the outputs is checked by bench/spacy_outputs.py (FACTWIRE_TOK2VEC=thinc vs the
default, `--compare A B --ignore-tensor`); figures go to bench/results/profile.md by hand with
this command line.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus as corpus_bench  # noqa: E402  (bench/corpus.py: the corpus-bench pages)
import profile_stages as ps  # noqa: E402

from factwire.facts import annotate, tok2vec_fast  # noqa: E402
from factwire.facts.nlp import get_nlp  # noqa: E402

CACHE_SIZES = (8_192, 16_384, 32_768, 65_536)


def networks() -> list:
    nlp = get_nlp()
    return [nlp.get_pipe("tok2vec").model, nlp.get_pipe("factwire_ner").tok2vec.layers[0]]


def cache_cmd(args) -> None:
    """Share of tokens whose embedding row had to be computed, per cache size (shared network)."""
    dev = corpus_bench.dev_htmls()
    pages = [corpus_bench.make_page(dev[i % len(dev)], i).encode() for i in range(0, 10_000, 10)][:args.pages]
    nlp = get_nlp()
    docs = [nlp.make_doc(ps.extraction(ps.Clock(), raw, i).text) for i, raw in enumerate(pages)]
    tokens = sum(len(doc) for doc in docs)
    print(f"{len(docs)} corpus-bench pages, {tokens:,} tokens\n")
    print("| cache rows | tokens computed | MB a network |\n|---|---|---|")
    for rows in CACHE_SIZES:
        network = tok2vec_fast.plan(networks()[0])
        network.cache = tok2vec_fast.EmbeddingCache(len(network.features.attrs["columns"]), network.width, rows)
        computed, embed = [0], network.embed_rows

        def counting(attrs, embed=embed, computed=computed):
            computed[0] += len(attrs)
            return embed(attrs)

        network.embed_rows = counting
        for start in range(0, len(docs), 4):
            network(docs[start:start + 4])
        megabytes = (network.cache.vectors.nbytes + network.cache.attrs.nbytes) / 2**20
        print(f"| {rows:,} | {computed[0] / tokens:.1%} | {megabytes:.1f} |")


def ab_cmd(args) -> None:
    """CPU ms a page of every stage (bench/profile_stages.py's pages and stages), thinc's and our
    tok2vec forward taking turns."""
    from thinc.layers.chain import forward as thinc_chain

    cpu = ps.pin_one_core()  # imported there from bench/facts.py
    annotate.load_resources()
    nets = networks()
    fast = [net._func for net in nets]
    pages = ps.corpus_pages(args.sample, corpus_bench.dev_htmls())
    ps.profile(pages[:4], 4)
    best: dict[str, float] = {}
    for _ in range(args.rounds):
        for mode in ("thinc", "tok2vec_fast"):
            for net, forward in zip(nets, fast):
                net._func = thinc_chain if mode == "thinc" else forward
            clock, _ = ps.profile(pages, 4)
            ms = 1000 * sum(clock.total.values()) / len(pages)
            best[mode] = min(best.get(mode, ms), ms)
    print(f"{len(pages)} corpus-bench pages, CPU {cpu}, best of {args.rounds} interleaved rounds\n\n"
          f"| tok2vec run by | CPU ms a page (every stage) |\n|---|---|")
    for mode, ms in best.items():
        print(f"| {mode} | {ms:.1f} |")
    print(f"\nratio {best['tok2vec_fast'] / best['thinc']:.3f}")


def kernels_cmd(args) -> None:
    """CPU us a row and layer: numpy's elementwise operations vs the compiled kernel."""
    import time

    import numpy as np

    if tok2vec_fast._kernels() is None:
        raise SystemExit("the compiled kernels are not built (pip install -e . with a C compiler)")
    cpu = ps.pin_one_core()
    layers = tok2vec_fast.plan(networks()[0]).layers
    rng = np.random.default_rng(5)
    compiled = tok2vec_fast._kernels
    spent = {"numpy": 0.0, "compiled": 0.0}
    same = True
    for rep in range(args.reps):
        for layer in layers:
            X = rng.standard_normal((args.rows, layer.n_out)).astype(np.float32)
            window = np.zeros((args.rows, 3 * layer.n_out), dtype=np.float32)
            outs = []
            for mode in ("numpy", "compiled") if rep % 2 else ("compiled", "numpy"):
                tok2vec_fast._kernels = compiled if mode == "compiled" else (lambda: None)
                clock = time.process_time()
                outs.append(layer.apply(X, window))
                spent[mode] += time.process_time() - clock
            same = same and np.array_equal(outs[0], outs[1])
    tok2vec_fast._kernels = compiled
    calls = args.reps * len(layers) * args.rows
    print(f"one encoder layer, {args.rows} rows, {args.reps} x {len(layers)} layers interleaved, CPU {cpu}; "
          f"identical bits: {same}\n\n| elementwise half by | CPU us a row and layer (whole layer) |\n|---|---|")
    for mode, secs in spent.items():
        print(f"| {mode} | {1e6 * secs / calls:.2f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("cache")
    c.add_argument("--pages", type=int, default=600)
    a = sub.add_parser("ab")
    a.add_argument("--sample", type=int, default=60)
    a.add_argument("--rounds", type=int, default=3)
    k = sub.add_parser("kernels")
    k.add_argument("--rows", type=int, default=3500)
    k.add_argument("--reps", type=int, default=20)
    args = ap.parse_args()
    {"cache": cache_cmd, "ab": ab_cmd, "kernels": kernels_cmd}[args.cmd](args)


if __name__ == "__main__":
    main()
