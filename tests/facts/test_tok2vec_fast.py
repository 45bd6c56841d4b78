"""facts/tok2vec_fast.py: spaCy's tok2vec networks run in numpy with cached embeddings must give
thinc's vectors (to float rounding) and the very same tags, parses and entities."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from thinc.layers.chain import forward as thinc_chain

from factwire.facts import tok2vec_fast
from factwire.facts.nlp import TOK2VEC_ENV, get_nlp, use_fast_tok2vec

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "facts" / "articles.jsonl"
TEXTS = [
    "Russia has launched about 150 missiles at Ukraine since Nov. 11, Oleksii Hromov told the U.S. press.",
    "",
    "Short.",
    "The   OSCE SMM observed 62 explosions near Lozove.\n\nIt ain't gonna stop, they said (Mr. O'Neil).",
    "\n\n  \n",
]
#: How far a vector may move: the cached embedding rows come from other batches, and OpenBLAS
#: rounds a row's product differently with its position in the batch (thinc's own vectors move
#: by as much when the same Doc is batched with others).
TOLERANCE = 1e-4


def _networks():
    nlp = get_nlp()
    return [nlp.get_pipe("tok2vec").model, nlp.get_pipe("factwire_ner").tok2vec.layers[0]]


def _docs() -> list:
    nlp = get_nlp()
    articles = [json.loads(line)["text"] for line in ARTICLES.read_text().splitlines()[:6]]
    return [nlp.make_doc(text) for text in TEXTS + articles]


@pytest.mark.parametrize("which", [0, 1], ids=["shared", "ner"])
def test_vectors_match_thinc_in_any_batching(which):
    model = _networks()[which]
    network = tok2vec_fast.plan(model)
    assert network is not None
    docs = _docs()
    reference = thinc_chain(model, docs, False)[0]
    for batch in (docs, docs[::-1], docs[2:5]):
        got = network(batch)
        want = reference if batch is docs else thinc_chain(model, batch, False)[0]
        assert [g.shape for g in got] == [w.shape for w in want]
        assert max(float(np.abs(g - w).max()) for g, w in zip(got, want) if len(g)) < TOLERANCE
    assert network.cache.used > 0


def test_installed_pipeline_is_the_fast_one():
    nlp = get_nlp()
    assert nlp.get_pipe("tok2vec").model._func.__module__ == tok2vec_fast.__name__
    assert nlp.get_pipe("factwire_ner").tok2vec.layers[0]._func.__module__ == tok2vec_fast.__name__


def test_cache_survives_key_collisions_and_refills():
    cache = tok2vec_fast.EmbeddingCache(n_columns=2, width=3, rows=4)
    cache.keys = lambda attrs: np.zeros(len(attrs), dtype=np.uint64)  # every row collides
    compute = lambda attrs: np.repeat(attrs[:, :1].astype(np.float32), 3, axis=1)  # noqa: E731
    attrs = np.array([[1, 2], [3, 4], [1, 2]], dtype=np.uint64)
    assert cache.lookup(attrs, compute)[:, 0].tolist() == [1, 3, 1]
    cache = tok2vec_fast.EmbeddingCache(n_columns=2, width=3, rows=4)
    for start in range(0, 30, 3):  # more rows than the cache holds: it starts again, stays right
        rows = np.array([[k, k + 1] for k in range(start, start + 3)] * 2, dtype=np.uint64)
        assert cache.lookup(rows, compute)[:, 0].tolist() == rows[:, 0].astype(float).tolist()
        assert cache.used <= 4


def test_other_networks_are_left_to_thinc():
    tagger = get_nlp().get_pipe("tagger").model
    assert tok2vec_fast.plan(tagger) is None
    assert tok2vec_fast.install(tagger) is False


def test_bad_choice_is_an_error(monkeypatch):
    monkeypatch.setenv(TOK2VEC_ENV, "fastest")
    with pytest.raises(ValueError, match=TOK2VEC_ENV):
        use_fast_tok2vec(get_nlp())


def test_thinc_and_numpy_pipelines_annotate_alike():
    """The same tags, heads, labels and entities from a pipeline loaded with FACTWIRE_TOK2VEC=thinc."""
    script = ("import json, sys\nfrom factwire.facts.nlp import parse\n"
              "docs = [parse(t) for t in json.load(sys.stdin)]\n"
              "print(json.dumps([[(t.tag_, t.head.i, t.dep_, t.ent_iob_, t.ent_type_) for t in d] for d in docs]))")
    texts = [doc.text for doc in _docs()]
    outputs = []
    for choice in ("thinc", "numpy"):
        env = {**os.environ, TOK2VEC_ENV: choice}
        done = subprocess.run([sys.executable, "-c", script], input=json.dumps(texts), env=env,
                              capture_output=True, text=True, check=True)
        outputs.append(json.loads(done.stdout))
    assert outputs[0] == outputs[1]
    assert sum(len(doc) for doc in outputs[0]) > 500


def test_threads_share_one_cache_safely():
    """Threads of one process share the pipeline: a small cache refilling under them must still
    give every thread its own Docs' vectors."""
    from concurrent.futures import ThreadPoolExecutor

    model = _networks()[0]
    network = tok2vec_fast.plan(model)
    network.cache = tok2vec_fast.EmbeddingCache(len(network.features.attrs["columns"]), network.width, rows=64)
    docs = _docs()
    want = [thinc_chain(model, [doc], False)[0][0] for doc in docs]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda doc: network([doc])[0], docs * 5))
    for k, vectors in enumerate(got):
        reference = want[k % len(docs)]
        assert vectors.shape == reference.shape
        assert not len(vectors) or float(np.abs(vectors - reference).max()) < TOLERANCE


def test_compiled_layer_kernels_give_numpys_floats_to_the_bit(monkeypatch):
    """facts/_tok2vec_kernels.c does the layer's elementwise half with numpy's float32 operations
    in numpy's order (pairwise row sums): the same bits as the numpy path, layer by layer."""
    if tok2vec_fast._kernels() is None:
        pytest.skip("the compiled tok2vec kernels are not built in this install (no C compiler)")
    network = tok2vec_fast.plan(_networks()[0])
    rng = np.random.default_rng(11)
    for layer in network.layers:
        X = rng.standard_normal((700, layer.n_out)).astype(np.float32)
        compiled = layer.apply(X, np.zeros((700, 3 * layer.n_out), dtype=np.float32))
        monkeypatch.setattr(tok2vec_fast, "_kernels", lambda: None)
        plain = layer.apply(X, np.zeros((700, 3 * layer.n_out), dtype=np.float32))
        monkeypatch.undo()
        assert compiled.dtype == plain.dtype and np.array_equal(compiled, plain)
