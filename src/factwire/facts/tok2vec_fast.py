"""spaCy's HashEmbedCNN token-to-vector networks run in numpy, with their embeddings cached.

Why: the model's two tok2vec networks (the shared one the tagger and parser read, and the NER's
own) were ~30 of a page's ~70 CPU ms (bench/results/profile.md, session 5).  Two parts of that
are work thinc repeats or spreads over many small steps:

* **embedding** (hash tables -> maxout -> layer norm) is a function of a token's attribute row
  alone (NORM, PREFIX, SUFFIX, SHAPE and, in the shared network, SPACY / IS_SPACE): news repeats
  its word types, so the rows are computed once per process and gathered afterwards
  (`EmbeddingCache`);
* **encoding** (four residual window-1 maxout layers) is the same products as thinc's, written as
  one preallocated window array a layer and in-place maxout / layer norm.

The encoder is bit-identical to thinc's for the same input: the same matrix products on the same
operands (the window array is spaCy's padded flat batch, `with_array(pad=4)`; the maxout weights
keep thinc's row order, because OpenBLAS rounds a permuted product differently), the same float32
operations in the same order.  The cached embedding rows are not: OpenBLAS rounds a row by its
position in a product, so a row computed in another batch differs by float rounding (<= 3.3e-6
measured; thinc's own vectors move as much when a Doc is batched with others).
`bench/spacy_outputs.py` checks that the tags, parses, entities and records stay the same, and
tests/facts/test_tok2vec_fast.py the vectors themselves.  A network of another shape is left to
thinc (`install` returns False).
"""
from __future__ import annotations

import ctypes
import threading
from functools import lru_cache

import numpy as np

from factwire.deadline import check_deadline

from .compiled import F32, Unavailable, load

#: Rows kept per network before the cache starts again from empty: 32,768 rows x 96 floats is
#: 12.6 MB (+ 1.5 MB of attribute rows) a network, two networks a worker.  Calibrated on 600
#: corpus-bench pages (`bench/tok2vec_check.py cache`, bench/results/profile.md): tokens whose
#: row had to be computed 3.6 % at 32,768 rows, 20 % at 16,384, 24 % at 8,192.
CACHE_ROWS = 32_768
#: The compiled elementwise half of a layer (facts/_tok2vec_kernels.c: bias, maxout, layer norm,
#: residual in one pass a row, numpy's float32 operations in numpy's order, bit-identical):
#: 2.81 -> 2.39 us a row and layer, whole layer (bench/tok2vec_check.py kernels, session 7).
#: numpy's operations run where it is not built.
KERNELS = "factwire.facts._tok2vec_kernels"
#: Widest row the kernel sums as numpy does (numpy's pairwise sum is one block below 128).
KERNEL_MAX_WIDTH = 127
#: Odd 64-bit multipliers mixing an attribute row into one dictionary key; a collision is caught
#: by comparing the stored row (`EmbeddingCache.lookup`), so the key only has to spread well.
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                 0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53], dtype=np.uint64)


class EmbeddingCache:
    """Embedding rows of one network keyed by the token's attribute row.  One lock: the pipeline
    is shared by the threads of a process, and a refill must not move rows under a reader."""

    def __init__(self, n_columns: int, width: int, rows: int = CACHE_ROWS):
        self.lock = threading.Lock()
        self.index: dict[int, int] = {}
        self.used = 0
        self.attrs = np.zeros((rows, n_columns), dtype=np.uint64)
        self.vectors = np.zeros((rows, width), dtype=np.float32)
        self.mix = _MIX[:n_columns]

    def keys(self, attrs: np.ndarray) -> np.ndarray:
        with np.errstate(over="ignore"):
            return (attrs * self.mix).sum(axis=1, dtype=np.uint64)

    def lookup(self, attrs: np.ndarray, compute) -> np.ndarray:
        """The embedding of every attribute row; rows not cached are computed by `compute`
        (attribute rows -> vectors) in one batch and stored."""
        with self.lock:
            return self._lookup(attrs, compute)

    def _lookup(self, attrs: np.ndarray, compute) -> np.ndarray:
        keys = self.keys(attrs)
        unique, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        inverse = inverse.reshape(-1)
        if not (attrs[first[inverse]] == attrs).all():  # two rows of this batch share a key
            return compute(attrs)
        slots = np.array([self.index.get(k, -1) for k in unique.tolist()], dtype=np.int64)
        hit = slots >= 0
        hit[hit] = (self.attrs[slots[hit]] == attrs[first[hit]]).all(axis=1)  # key collisions miss
        out = np.empty((len(unique), self.vectors.shape[1]), dtype=np.float32)
        out[hit] = self.vectors[slots[hit]]
        missing = np.flatnonzero(~hit)
        if len(missing):
            fresh = compute(attrs[first[missing]])
            out[missing] = fresh
            self.store(unique[missing], attrs[first[missing]], fresh)
        return out[inverse]

    def store(self, keys: np.ndarray, attrs: np.ndarray, vectors: np.ndarray) -> None:
        if self.used + len(keys) > len(self.vectors):
            self.index.clear()  # start again: the frequent words come back first
            self.used = 0
        if len(keys) > len(self.vectors):
            return
        start = self.used
        stop = self.used = start + len(keys)
        self.attrs[start:stop], self.vectors[start:stop] = attrs, vectors
        self.index.update(zip(keys.tolist(), range(start, stop)))


class Layer:
    """One residual window-1 maxout layer of the encoder, with thinc's parameters."""

    __slots__ = ("weights_t", "bias", "n_out", "n_pieces", "gain", "shift")

    def __init__(self, maxout, layernorm):
        self.n_out, self.n_pieces = maxout.get_dim("nO"), maxout.get_dim("nP")
        n_in = maxout.get_dim("nI")
        self.weights_t = maxout.get_param("W").reshape(self.n_out * self.n_pieces, n_in).T
        self.bias = np.ascontiguousarray(maxout.get_param("b").reshape(self.n_out * self.n_pieces), dtype=np.float32)
        self.gain = np.ascontiguousarray(layernorm.get_param("G"), dtype=np.float32)
        self.shift = np.ascontiguousarray(layernorm.get_param("b"), dtype=np.float32)

    def apply(self, X: np.ndarray, window: np.ndarray) -> np.ndarray:
        """X + layernorm(maxout(seq2col(X, 1))) over the whole padded batch, as thinc does."""
        width = X.shape[1]
        window[1:, :width] = X[:-1]
        window[:, width:2 * width] = X
        window[:-1, 2 * width:] = X[1:]
        Y = window @ self.weights_t
        kernels = _kernels()
        if kernels is not None and width <= KERNEL_MAX_WIDTH:
            return self.finish_compiled(kernels, X, Y)
        Y += self.bias
        pieces = self.n_pieces
        Z = np.maximum(Y[:, 0::pieces], Y[:, 1::pieces])
        for p in range(2, pieces):
            np.maximum(Z, Y[:, p::pieces], out=Z)
        Z -= Z.mean(axis=1, keepdims=True)
        var = np.square(Z).mean(axis=1, keepdims=True)
        var += 1e-08  # thinc's layernorm epsilon
        Z *= var ** (-0.5)
        Z *= self.gain
        Z += self.shift
        Z += X
        return Z


    def finish_compiled(self, kernels, X: np.ndarray, Y: np.ndarray) -> np.ndarray:
        """`apply`'s elementwise half in C; the power var ** -0.5 stays numpy's own (one value
        a row), so the result is numpy's to the bit."""
        n, width = X.shape
        Z = np.empty_like(X)
        var = np.empty(n, dtype=np.float32)
        if kernels.maxout_center(n, width, self.n_pieces, Y, self.bias, Z, var):
            raise ValueError(f"tok2vec kernel: rows of {width} are wider than {KERNEL_MAX_WIDTH}")
        var **= -0.5
        kernels.scale_shift_add(n, width, Z, var, self.gain, self.shift, X)
        return Z


@lru_cache(maxsize=1)
def _kernels():
    """The compiled layer kernels, or None where they are not built."""
    try:
        lib = load(KERNELS)
    except Unavailable:
        return None
    lib.maxout_center.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int, F32, F32, F32, F32]
    lib.maxout_center.restype = ctypes.c_int
    lib.scale_shift_add.argtypes = [ctypes.c_int, ctypes.c_int, F32, F32, F32, F32, F32]
    lib.scale_shift_add.restype = None
    return lib


class Network:
    """One HashEmbedCNN: thinc's embedding layers (run on cache misses only) and the encoder."""

    def __init__(self, features, embed_tables, embed_mix, pad: int, layers: list[Layer], width: int):
        self.features, self.embed_tables, self.embed_mix = features, embed_tables, embed_mix
        self.pad, self.layers, self.width = pad, layers, width
        self.cache = EmbeddingCache(len(features.attrs["columns"]), width)

    def embed_rows(self, attrs: np.ndarray) -> np.ndarray:
        return self.embed_mix.predict(self.embed_tables.predict(attrs))

    def __call__(self, docs: list) -> list[np.ndarray]:
        arrays = self.features.predict(docs)
        lengths = [len(a) for a in arrays]
        if not sum(lengths):
            return [np.zeros((0, self.width), dtype=np.float32) for _ in arrays]
        vectors = self.cache.lookup(np.concatenate(arrays), self.embed_rows)
        return self.encode(vectors, lengths)

    def encode(self, vectors: np.ndarray, lengths: list[int]) -> list[np.ndarray]:
        """thinc's `with_array(encoder, pad=4)`: the Docs one after another, `pad` zero rows
        before, between and after them, so a Doc never sees its neighbour."""
        pad = self.pad
        n = len(vectors) + pad * (sum(1 for length in lengths if length) + 1)
        X = np.zeros((n, self.width), dtype=np.float32)
        starts, pos, done = [], pad, 0
        for length in lengths:
            starts.append(pos)
            X[pos:pos + length] = vectors[done:done + length]
            if length:
                pos, done = pos + length + pad, done + length
        window = np.zeros((n, 3 * self.width), dtype=np.float32)
        for layer in self.layers:
            check_deadline()
            X = layer.apply(X, window)
        return [X[start:start + length] for start, length in zip(starts, lengths)]


def plan(model) -> Network | None:
    """The Network for a thinc HashEmbedCNN (spaCy's `build_Tok2Vec_model` with MultiHashEmbed
    and MaxoutWindowEncoder, window 1), or None for any other shape."""
    if len(model.layers) != 2:
        return None
    embed, encoder = model.layers
    names = [layer.name for layer in embed.layers]
    if names[:2] != ["extract_features", "list2ragged"] or names[-1:] != ["ragged2list"] or len(names) != 5:
        return None
    residuals = encoder.layers[0].layers if encoder.layers else []
    layers = []
    for residual in residuals:
        found = {node.name: node for node in residual.walk()}
        if residual.name != "residual(expand_window>>maxout>>layernorm>>dropout)" or \
                found["expand_window"].attrs.get("window_size") != 1:
            return None
        layers.append(Layer(found["maxout"], found["layernorm"]))
    if not layers or "pad" not in encoder.attrs:
        return None
    return Network(embed.layers[0], embed.layers[2].layers[0], embed.layers[3].layers[0],
                   encoder.attrs["pad"], layers, layers[0].n_out)


def install(model) -> bool:
    """Run `model` (a HashEmbedCNN) through `Network` from now on; False leaves it to thinc."""
    network = plan(model)
    if network is None:
        return False

    def forward(_model, docs, is_train: bool):
        if is_train:
            raise NotImplementedError("factwire's fast tok2vec only predicts; train with spaCy's own")
        return network(docs), _no_backprop

    model._func = forward
    return True


def _no_backprop(_gradient):
    raise NotImplementedError("factwire's fast tok2vec has no backward pass")
