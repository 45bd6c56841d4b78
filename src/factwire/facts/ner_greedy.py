"""spaCy's own NER model (en_core_web_sm's `ner` weights), decoded in numpy (FACTWIRE_NER=numpy).

Why: the `ner` pipe is ~45 of a page's ~120 CPU ms (bench/results/profile.md), and less than half
of that is its model: its own tok2vec CNN is ~17 us a token; the rest is the greedy transition
loop, one Cython step per token whose validity checks re-take the GIL under spaCy 3.8.  The
transition system makes most of that loop unnecessary:

* the NER state's features are (B0, E0, B0-1) with E0 and B0-1 only while an entity is open
  (spacy/pipeline/_parser_internals/_state.pxd, `set_context_tokens`, n == 3), so **outside an
  entity the next action depends on the current token alone**: one matrix product over the Doc
  gives the action every token would get if no entity were open;
* the loop then only visits those tokens where an entity begins and the tokens inside one
  (~10 % of a news page), in Python, with two output rows (I-X and L-X) a step.

The actions' validity is spaCy's (ner.pyx `is_valid`, no preset entities): B-X not on the last
token, before a sentence start or on whitespace; U-X not on whitespace; I-X not on the last token
nor before a sentence start; L-X always; labels of the empty string never.  Scores are the same
products on the same weights (the precomputed first layer is spaCy's own `lower` model), so the
entities are spaCy's own, up to float rounding in the last products (bench/results/ner.md counts
the differences).  A student trained on the shared tok2vec alone reached only ~0.6-0.74 entity F1
against this teacher (same file; the student was removed in session 6), which is why the model
is kept and only its decoding replaced.
"""
from __future__ import annotations

import numpy as np

#: spaCy's ENT_IOB codes (spacy.tokens.Doc.from_array): 1 inside, 2 outside, 3 begins.
IOB_IN, IOB_OUT, IOB_BEGIN = 1, 2, 3
#: The NER model's state features (B0, E0, B0-1): their slots in the precomputed first layer.
SLOT_TOKEN, SLOT_FIRST, SLOT_PREVIOUS = 0, 1, 2
#: Feature tokens of the state this decoding is exact for (spaCy's "ner" state without
#: extra_state_tokens); another layout is refused at load rather than decoded wrongly.
STATE_FEATURES = 3


class GreedyNER:
    """`__call__(doc)` / `pipe(docs)`: the entities spaCy's `ner` pipe would set, from its weights."""

    def __init__(self, ner_pipe):
        model = ner_pipe.model
        self.tok2vec, self.lower = model.get_ref("tok2vec"), model.get_ref("lower")
        n_features = self.lower.get_param("W").shape[0]
        greedy = type(ner_pipe).__name__ == "EntityRecognizer" and ner_pipe.cfg.get("beam_width", 1) == 1
        if n_features != STATE_FEATURES or not greedy:
            raise ValueError(f"numpy NER decoding needs spaCy's greedy NER with {STATE_FEATURES} state features, "
                             f"not {type(ner_pipe).__name__} {ner_pipe.cfg} with {n_features}: set FACTWIRE_NER=spacy")
        upper = model.get_ref("upper")
        self.w_out, self.b_out = np.asarray(upper.get_param("W")), np.asarray(upper.get_param("b"))
        self.bias = np.asarray(self.lower.get_param("b"))
        names = [ner_pipe.moves.get_class_name(k) for k in range(ner_pipe.moves.n_moves)]
        self.move = np.array([n.split("-", 1)[0] for n in names])
        self.begin_moves, self.unit_moves = self.move == "B", self.move == "U"
        self.label = [n.split("-", 1)[1] if "-" in n else "" for n in names]
        unseen = list(model.attrs.get("unseen_classes", set()))
        self.outside = (self.move == "O") | (np.isin(self.move, ["B", "U"]) & (np.array(self.label) != ""))
        self.outside[unseen] = False  # spaCy scores unseen classes at the minimum: never chosen
        self.inside = {lab: (names.index(f"I-{lab}"), names.index(f"L-{lab}")) for lab in set(self.label) if lab}

    def __call__(self, doc):
        return next(self.pipe([doc]))

    def pipe(self, docs, batch_size: int = 16):
        """nlp.pipe's path: the tok2vec, the first layer and the outside moves run once a batch."""
        from spacy.util import minibatch

        for batch in minibatch(docs, size=batch_size):
            nonempty = [d for d in batch if len(d)]
            found = iter(self.batch_entities(nonempty) if nonempty else [])
            for doc in batch:
                if len(doc):
                    set_spans(doc, next(found))
                yield doc

    def batch_entities(self, docs: list) -> list[list[tuple[int, int, str]]]:
        """Per Doc, (start, end, label) of its entities: greedy decoding as spaCy's parser does it."""
        cached = np.asarray(self.lower.predict(np.asarray(self.tok2vec.predict(docs))))
        # cached: (tokens of the batch + 1, 3 slots, hidden, pieces); row 0 is the padding, token g is row g + 1
        flags = [token_flags(doc) for doc in docs]
        nxt_sent = np.concatenate([f[0] for f in flags])
        space = np.concatenate([f[1] for f in flags])
        first_moves = self.outside_moves(cached, nxt_sent | space | np.concatenate([f[2] for f in flags]), space)
        out, offset = [], 0
        for doc in docs:
            out.append(self.walk(cached, first_moves, nxt_sent, offset, offset + len(doc)))
            offset += len(doc)
        return out

    def walk(self, cached, first_moves, nxt_sent, start: int, stop: int) -> list[tuple[int, int, str]]:
        """The greedy pass over tokens start..stop of the batch: skip to the next token whose
        outside move opens an entity, follow the entity to its end, repeat."""
        opens = np.flatnonzero(self.move[first_moves[start:stop]] != "O") + start
        ents, k = [], 0
        while k < len(opens):
            begin = int(opens[k])
            cls = first_moves[begin]
            label = self.label[cls]
            end = begin + 1 if self.move[cls] == "U" else self.entity_end(cached, begin, label, nxt_sent, stop)
            ents.append((begin - start, end - start, label))
            k = int(np.searchsorted(opens, end))
        return ents

    def outside_moves(self, cached: np.ndarray, no_begin: np.ndarray, space: np.ndarray) -> np.ndarray:
        """Per token, the move chosen when no entity is open (features: the token, two paddings)."""
        unmaxed = cached[1:, SLOT_TOKEN] + cached[0, SLOT_FIRST] + cached[0, SLOT_PREVIOUS] + self.bias
        scores = maxout(unmaxed) @ self.w_out.T + self.b_out
        valid = np.broadcast_to(self.outside, scores.shape).copy()
        valid[np.ix_(no_begin, self.begin_moves)] = False
        valid[np.ix_(space, self.unit_moves)] = False
        return np.where(valid, scores, -np.inf).argmax(axis=1)

    def entity_end(self, cached: np.ndarray, begin: int, label: str, nxt_sent: np.ndarray, stop: int) -> int:
        """The end of the entity opened at `begin`: I-X or L-X token by token (features: the token,
        the entity's first token, the previous token) until L-X, or until I-X is invalid (the
        Doc's last token, or the next token starts a sentence)."""
        i_cls, l_cls = self.inside[label]
        rows = self.w_out[[i_cls, l_cls]]
        bias = self.b_out[[i_cls, l_cls]]
        k = begin + 1
        while k < stop - 1 and not nxt_sent[k]:
            unmaxed = cached[k + 1, SLOT_TOKEN] + cached[begin + 1, SLOT_FIRST] + cached[k, SLOT_PREVIOUS] + self.bias
            scores = rows @ maxout(unmaxed) + bias
            if scores[1] > scores[0]:  # L-X (a tie goes to I-X, listed first, as in spaCy)
                return k + 1
            k += 1
        return k + 1


def maxout(unmaxed: np.ndarray) -> np.ndarray:
    """The maximum over the last axis (the maxout pieces), as np.maximum over the pieces: the
    same values, without numpy's generic reduction over a 2-wide axis, which was most of this
    module's own time (bench/ner_check.py cost)."""
    out = unmaxed[..., 0].copy()
    for piece in range(1, unmaxed.shape[-1]):
        np.maximum(out, unmaxed[..., piece], out=out)
    return out


def token_flags(doc) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(the next token starts a sentence, the token is whitespace, the token is the last) per token."""
    from spacy.attrs import IS_SPACE, SENT_START

    arr = doc.to_array([SENT_START, IS_SPACE])
    nxt_sent = np.zeros(len(doc), dtype=bool)
    nxt_sent[:-1] = arr[1:, 0] == 1
    last = np.zeros(len(doc), dtype=bool)
    last[-1] = True
    return nxt_sent, arr[:, 1] == 1, last


def set_spans(doc, ents: list[tuple[int, int, str]]) -> None:
    """The entities into the Doc in one `from_array` (every other token outside)."""
    from spacy.attrs import ENT_IOB, ENT_TYPE

    arr = np.zeros((len(doc), 2), dtype=np.uint64)
    arr[:, 0] = IOB_OUT
    for start, end, label in ents:
        arr[start, 0] = IOB_BEGIN
        arr[start + 1:end, 0] = IOB_IN
        arr[start:end, 1] = doc.vocab.strings.add(label)
    doc.from_array([ENT_IOB, ENT_TYPE], arr)
