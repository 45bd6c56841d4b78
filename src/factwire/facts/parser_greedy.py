"""spaCy's dependency parser (en_core_web_sm's `parser` weights) with its transition loop compiled
(facts/_arc_eager.c, loaded with ctypes; FACTWIRE_PARSER=compiled).

Why: the `parser` pipe was ~13 of a page's ~56 CPU ms (bench/results/profile.md), and only ~2 ms
of that is its model's products (the tok2vec projection and the precomputed first layer, run
here by spaCy's own layers on the same sub-batches).  The rest is the greedy loop: ~2,000 steps a
page, each gathering 8 feature rows, a maxout and a 64 x 106 product through BLAS calls sized for
one state, then 106 validity checks through function pointers.  The same loop in plain C, with
the products written out in the reference kernels' order of operations, does the same work in
a fraction of the time.

What is kept from spaCy, so the parses are spaCy's own: the batching of `Parser.pipe` (each
batch sorted by length, sub-batches of batch_size // 4), the features (B0, B1, S0, S1, S2,
L(B0), L(S0), R(S0): `_state.pxd`, set_context_tokens with n == 8), the moves' validity and
effects (`arc_eager.pyx`), unseen classes scored at the step's minimum, the annotation
(`ArcEager.set_annotations`: arcs, ROOT where the head is the token itself, children and sentence
starts from the heads) and the postprocess hooks (deprojectivisation).  `bench/parser_check.py`
compares heads, labels and sentence starts with spaCy's own pipe.
"""
from __future__ import annotations

import ctypes
import logging

import numpy as np

from .compiled import F32, I8, I32, U8, Unavailable, load

#: The parser state's feature tokens this loop is written for (spaCy's "parser" state without
#: extra_state_tokens); another model layout is refused at load rather than parsed wrongly.
STATE_FEATURES = 8
#: Move codes of the compiled loop, by the first letter of spaCy's class names (arc_eager.pyx MOVE_NAMES).
MOVE_CODES = {"S": 0, "D": 1, "L": 2, "R": 3, "B": 4}
#: The compiled loop's module (built by setup.py; absent when no C compiler was available).
LIBRARY = "factwire.facts._arc_eager"
#: parse_batch's error codes: an arc spaCy could not delete (see _arc_eager.c), memory, a runaway state.
ERRORS = {-2: "an arc replaced out of order", -3: "out of memory", -4: "too many steps"}

log = logging.getLogger(__name__)


class ParserUnavailable(RuntimeError):
    """The compiled loop cannot serve this pipeline (no built library, or another model layout)."""


def load_library() -> ctypes.CDLL:
    """The compiled loop, or ParserUnavailable saying why not."""
    try:
        lib = load(LIBRARY)
    except Unavailable as exc:
        raise ParserUnavailable(str(exc)) from None
    lib.parse_batch.restype = ctypes.c_int
    lib.parse_batch.argtypes = [ctypes.c_int, I32, I8, F32, F32, F32, F32, U8, I32,
                                ctypes.c_int, ctypes.c_int, ctypes.c_int, I32, I32]
    return lib


class GreedyParser:
    """`__call__(doc)` / `pipe(docs)`: the heads and labels spaCy's `parser` pipe would set."""

    def __init__(self, parser_pipe):
        model = parser_pipe.model
        self.parser = parser_pipe
        self.tok2vec, self.lower = model.get_ref("tok2vec"), model.get_ref("lower")
        self.lib = check_available(parser_pipe)
        upper = model.get_ref("upper")
        self.upper_t = np.ascontiguousarray(np.asarray(upper.get_param("W"), dtype=np.float32).T)
        self.upper_b = np.ascontiguousarray(upper.get_param("b"), dtype=np.float32)
        self.feat_bias = np.ascontiguousarray(self.lower.get_param("b"), dtype=np.float32).ravel()
        self.hiddens, self.pieces = self.lower.get_dim("nO"), self.lower.get_dim("nP")
        names = [parser_pipe.moves.get_class_name(k) for k in range(parser_pipe.moves.n_moves)]
        self.class_move = np.array([MOVE_CODES[n[0]] for n in names], dtype=np.int32)
        strings = parser_pipe.vocab.strings
        self.dep_of_class = np.array([strings.add(n.split("-", 1)[1]) if "-" in n else 0 for n in names],
                                     dtype=np.uint64)
        self.root = np.uint64(strings.add("ROOT"))
        self.seen = np.ones(len(names), dtype=np.uint8)
        self.seen[list(model.attrs.get("unseen_classes", set()))] = 0

    def __call__(self, doc):
        self.parse([doc])
        return doc

    def pipe(self, docs, batch_size: int = 256):
        """Parser.pipe's batching: each batch sorted by length, sub-batches of batch_size // 4
        (the first layer's products depend on the sub-batch only through float rounding)."""
        from spacy.util import minibatch

        for batch in minibatch(docs, size=batch_size):
            by_length = sorted(batch, key=len)
            for sub in minibatch(by_length, size=max(batch_size // 4, 2)):
                self.parse(list(sub))
            yield from batch

    def parse(self, docs: list) -> None:
        """Parse the Docs as one batch (spaCy's greedy_parse + set_annotations)."""
        lengths = np.array([len(d) for d in docs], dtype=np.int32)
        if not lengths.any():
            return
        from spacy.attrs import SENT_START

        cached = np.ascontiguousarray(self.lower.predict(self.tok2vec.predict(docs)), dtype=np.float32)
        presets = np.concatenate([d.to_array([SENT_START]).astype(np.int8).ravel() for d in docs])
        heads = np.empty(int(lengths.sum()), dtype=np.int32)
        labels = np.empty_like(heads)
        if cached.shape[:2] != (int(lengths.sum()) + 1, STATE_FEATURES) or \
                cached[0, 0].size != self.hiddens * self.pieces:  # the C loop indexes by these
            raise ValueError(f"parser's first layer gave {cached.shape} for {int(lengths.sum())} tokens")
        err = self.lib.parse_batch(len(docs), lengths, presets, cached, self.feat_bias, self.upper_t,
                                   self.upper_b, self.seen, self.class_move, self.hiddens, self.pieces,
                                   len(self.seen), heads, labels)
        if err:
            log.warning("compiled parser loop: %s in a batch of %d docs; parsed by spaCy's own loop",
                        ERRORS.get(err, f"error {err}"), len(docs))
            self.parser.set_annotations(docs, self.parser.predict(docs))
            return
        offset = 0
        for doc, n in zip(docs, lengths):
            self.annotate(doc, heads[offset:offset + n], labels[offset:offset + n])
            offset += int(n)

    def annotate(self, doc, heads: np.ndarray, classes: np.ndarray) -> None:
        """ArcEager.set_annotations through one from_array (which sets children and sentence
        starts from the heads), then the parser's postprocess hooks."""
        from spacy.attrs import DEP, HEAD

        arr = doc.to_array([HEAD, DEP])
        offsets, deps = arr[:, 0].astype(np.int64), arr[:, 1]
        has_arc = heads >= 0
        offsets[has_arc] = heads[has_arc] - np.flatnonzero(has_arc)
        deps[has_arc] = self.dep_of_class[classes[has_arc]]
        deps[offsets == 0] = self.root
        arr[:, 0] = offsets.astype(np.uint64)
        doc.from_array([HEAD, DEP], arr)
        for hook in self.parser.postprocesses:
            hook(doc)


def check_available(parser_pipe) -> ctypes.CDLL:
    """The compiled loop's library, or ParserUnavailable unless it is built and reproduces this parser."""
    check_layout(parser_pipe, parser_pipe.model.get_ref("lower").get_param("W").shape[0])
    return load_library()


def check_layout(parser_pipe, n_features: int) -> None:
    """Refuse a parser this loop does not reproduce (beam search, subtokens, other features)."""
    cfg = parser_pipe.cfg
    names = [parser_pipe.moves.get_class_name(k) for k in range(parser_pipe.moves.n_moves)]
    ok = (type(parser_pipe).__name__ == "DependencyParser" and cfg.get("beam_width", 1) == 1
          and not cfg.get("learn_tokens") and n_features == STATE_FEATURES
          and all(n[0] in MOVE_CODES for n in names) and not any(n.endswith("-subtok") for n in names))
    if not ok:
        raise ParserUnavailable(f"the compiled parser needs spaCy's greedy arc-eager parser with {STATE_FEATURES} "
                                f"state features, not {type(parser_pipe).__name__} {cfg} with {n_features}")
