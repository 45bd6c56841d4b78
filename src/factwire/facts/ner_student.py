"""A light named-entity tagger of our own ("the student") that can replace spaCy's `ner` pipe.

Why: spaCy en_core_web_sm's NER is ~45 of a page's ~120 CPU ms (bench/results/profile.md): it
runs its OWN tok2vec CNN and a greedy transition loop (whose per-step GIL churn under spaCy 3.8
costs ~40 % of it).  The shared tok2vec that feeds the tagger and parser has already computed a
96-wide vector per token (`doc.tensor`), so a small classifier over that vector (a window of
i-1, i, i+1) plus a few hashed lexical features tags every token in one matrix product.

It was trained offline by bench/train_ner.py on spaCy's own NER output (the teacher, the same
en_core_web_sm 3.8 model, MIT) over news-like text that is not in any evaluation set; its
agreement with the teacher and its cost are in bench/results/ner.md.  Run time needs numpy only;
the weights ship in factwire/data/ner_student.npz.

Tags are BIO over the teacher's 18 labels; decoding is greedy per token with one repair (an
I-X that does not continue an X entity starts one), vectorised over the Doc, and the result is
written with `Doc.from_array` (no Python loop per token)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

WEIGHTS = Path(__file__).resolve().parent.parent / "data" / "ner_student.npz"
#: Hash buckets per lexical feature (a shared table, one block of rows per feature): 2**14
#: rows x 4 features x 16 dims in float16 is 2 MB; collisions among the ~50k distinct lower-case
#: forms of the training text cost little because the tok2vec vector carries the word too.
BUCKETS = 1 << 14
#: Token attributes hashed into embeddings, in this order (spaCy attribute names).
LEX_ATTRS = ("LOWER", "SHAPE", "PREFIX", "SUFFIX")
#: Token flags given to the classifier as 0/1 inputs (1 where the attribute is 1; SENT_START
#: is 1 / 0 / -1, so only a sentence start counts).
FLAG_ATTRS = ("IS_TITLE", "IS_UPPER", "LIKE_NUM", "IS_PUNCT", "IS_SPACE", "SENT_START")
#: Tokens on each side whose tok2vec vectors are read with the token's own.
WINDOW = 1
#: spaCy's ENT_IOB codes (spacy.tokens.Doc.from_array): 1 inside, 2 outside, 3 begins.
IOB_IN, IOB_OUT, IOB_BEGIN = 1, 2, 3


class StudentNER:
    """The weights and the forward pass; `__call__(doc)` sets `doc.ents` and returns the Doc."""

    def __init__(self, params: dict[str, np.ndarray]):
        self.labels = [str(x) for x in params["labels"]]
        #: True: the inputs include the vectors of spaCy's NER's own tok2vec (`ner_tok2vec`, set
        #: by `attach`); False: the shared tok2vec's `doc.tensor` only (bench/results/ner.md).
        self.uses_ner_tok2vec = bool(params.get("uses_ner_tok2vec", False))
        self.ner_tok2vec = None
        # float32 for the products; no copy when they are float32 already (training updates them)
        self.emb, self.w1, self.b1, self.w2, self.b2, self.mean, self.scale = (
            params[k].astype(np.float32, copy=False) for k in ("emb", "w1", "b1", "w2", "b2", "mean", "scale"))

    def probabilities(self, doc, extra: np.ndarray | None = None) -> np.ndarray:
        """(tokens, tags) softmax: tag 0 is O, 1 + 2k is B-label k, 2 + 2k is I-label k."""
        logits = forward(self, features(doc, extra))[1]
        logits -= logits.max(axis=1, keepdims=True)
        np.exp(logits, out=logits)
        return logits / logits.sum(axis=1, keepdims=True)

    def __call__(self, doc):
        return self.tag(doc, self.extra(doc) if len(doc) else None)

    def pipe(self, docs, batch_size: int = 16):
        """`nlp.pipe`'s path: the NER tok2vec (when read) runs once a batch, as spaCy's pipes do."""
        from spacy.util import minibatch

        for batch in minibatch(docs, size=batch_size):
            extras = ner_tok2vec_vectors(self.tok2vec(), batch) if self.uses_ner_tok2vec else [None] * len(batch)
            yield from (self.tag(doc, extra) for doc, extra in zip(batch, extras))

    def tag(self, doc, extra: np.ndarray | None):
        """Set the Doc's entities from its features (`extra`: its NER tok2vec vectors, if read)."""
        if len(doc):
            set_entities(doc, decode(forward(self, features(doc, extra))[1].argmax(axis=1)), self.labels)
        return doc

    def extra(self, doc) -> np.ndarray | None:
        """The NER tok2vec's vectors of the Doc's tokens, when this student reads them."""
        return ner_tok2vec_vectors(self.tok2vec(), [doc])[0] if self.uses_ner_tok2vec else None

    def tok2vec(self):
        if self.ner_tok2vec is None:
            raise RuntimeError("this student reads spaCy's NER tok2vec: load the pipeline's `ner` (attach)")
        return self.ner_tok2vec


def ner_tok2vec_vectors(tok2vec, docs: list) -> list[np.ndarray]:
    """Per Doc, the (tokens, width) output of spaCy's NER's own tok2vec (one batched call)."""
    out = np.asarray(tok2vec.predict(docs), dtype=np.float32)
    bounds = np.cumsum([0] + [len(d) for d in docs])
    return [out[a:b] for a, b in zip(bounds[:-1], bounds[1:])]


def features(doc, extra: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The dense inputs (a window of the tok2vec vectors, `extra` vectors beside them, + flags)
    and the lexical hash ids of each token."""
    from spacy import attrs

    tensor = np.asarray(doc.tensor, dtype=np.float32)
    if tensor.shape[0] != len(doc):
        raise ValueError("the Doc has no tok2vec tensor (run the pipeline's tok2vec first)")
    if extra is not None:
        tensor = np.concatenate([tensor, extra], axis=1)
    pad = np.zeros((WINDOW, tensor.shape[1]), dtype=np.float32)
    padded = np.concatenate([pad, tensor, pad])
    n = len(doc)
    window = [padded[k:k + n] for k in range(2 * WINDOW + 1)]
    ids = [getattr(attrs, a) for a in (*LEX_ATTRS, *FLAG_ATTRS)]
    arr = doc.to_array(ids)
    flags = (arr[:, len(LEX_ATTRS):] == 1).astype(np.float32)
    lex = (arr[:, :len(LEX_ATTRS)] % np.uint64(BUCKETS)).astype(np.int64)
    lex += np.arange(len(LEX_ATTRS), dtype=np.int64) * BUCKETS
    return np.concatenate([*window, flags], axis=1), lex


def forward(model: StudentNER, feats: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Hidden ReLU layer over [normalised dense inputs, concatenated lexical embeddings] -> logits."""
    dense, lex = feats
    x = np.concatenate([(dense - model.mean) * model.scale, model.emb[lex].reshape(len(lex), -1)], axis=1)
    hidden = np.maximum(x @ model.w1 + model.b1, 0.0)
    return hidden, hidden @ model.w2 + model.b2


def decode(tags: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """BIO tags -> (spaCy ENT_IOB codes, label index or -1) per token.  An I-X after O or after
    another label starts an entity (the usual BIO repair), so every span is well formed."""
    inside = tags > 0
    label = np.where(inside, (tags - 1) // 2, -1)
    prev = np.concatenate([[-1], label[:-1]])
    begins = inside & (((tags - 1) % 2 == 0) | (prev != label))
    iob = np.full(len(tags), IOB_OUT, dtype=np.uint64)
    iob[inside] = IOB_IN
    iob[begins] = IOB_BEGIN
    return iob, label


def set_entities(doc, decoded: tuple[np.ndarray, np.ndarray], labels: list[str]) -> None:
    """Write the entities into the Doc in one `from_array` (replacing any it had)."""
    from spacy.attrs import ENT_IOB, ENT_TYPE

    iob, label = decoded
    hashes = np.array([doc.vocab.strings.add(x) for x in labels] + [0], dtype=np.uint64)
    doc.from_array([ENT_IOB, ENT_TYPE], np.stack([iob, hashes[label]], axis=1))


def load(path: Path = WEIGHTS) -> StudentNER:
    """The student from a weights file (factwire/data/ner_student.npz by default)."""
    with np.load(path, allow_pickle=False) as data:
        return StudentNER({k: data[k] for k in data.files})


@lru_cache(maxsize=1)
def get_student() -> StudentNER:
    """The shipped student, loaded once per process."""
    return load(WEIGHTS)


#: Which NER sets `doc.ents`: "numpy" (the default: spaCy's NER weights decoded in numpy,
#: facts/ner_greedy.py, the same entities at about half the cost), "spacy" (the model's own `ner`
#: pipe), "student" (this module) or "hybrid" (the student, and spaCy's NER on the sentences where
#: the student is unsure).  Read from the environment when the pipeline loads (facts/nlp.py), so
#: a worker process inherits the choice; bench/results/ner.md has the cost and accuracy of each.
NER_ENV = "FACTWIRE_NER"
NER_CHOICES = ("numpy", "spacy", "student", "hybrid")
DEFAULT_NER = "numpy"
PIPE_NAME = "factwire_ner"


def ner_choice() -> str:
    """The NER chosen by FACTWIRE_NER (an unknown value is an error, not a silent default)."""
    import os

    value = os.environ.get(NER_ENV, DEFAULT_NER).strip().lower() or DEFAULT_NER
    if value not in NER_CHOICES:
        raise ValueError(f"{NER_ENV}={value!r}: expected one of {', '.join(NER_CHOICES)}")
    return value


def excluded_pipes() -> tuple[str, ...]:
    """Model pipes not to load: spaCy's `ner` when a student that does not read its tok2vec
    replaces it."""
    return ("ner",) if ner_choice() == "student" and not get_student().uses_ner_tok2vec else ()


def attach(nlp) -> None:
    """Add the chosen NER as the pipeline's last pipe, the model's `ner` disabled (its weights are
    read by "numpy", "hybrid" and a student reading its tok2vec; else excluded at load,
    `excluded_pipes`)."""
    choice = ner_choice()
    if choice == "spacy" or PIPE_NAME in nlp.pipe_names:
        return
    from spacy.language import Language

    if not Language.has_factory(PIPE_NAME):
        Language.factory(PIPE_NAME, func=_make_pipe)
    if "ner" in nlp.pipe_names:
        nlp.disable_pipe("ner")
    nlp.add_pipe(PIPE_NAME, last=True, config={"choice": choice})


def bound_student(nlp) -> StudentNER:
    """The shipped student, reading the NER tok2vec of `nlp`'s (loaded, maybe disabled) `ner`
    when it was trained on it."""
    student = get_student()
    if student.uses_ner_tok2vec:
        student.ner_tok2vec = nlp.get_pipe("ner").model.get_ref("tok2vec")
    return student


def _make_pipe(nlp, name: str, choice: str):
    """The pipe: spaCy's NER decoded in numpy, the student alone, or the student with spaCy's
    (disabled) `ner` as a fallback."""
    if choice == "numpy":
        from factwire.facts.ner_greedy import GreedyNER

        return GreedyNER(nlp.get_pipe("ner"))
    student = bound_student(nlp)
    if choice == "student":
        return student
    from factwire.facts.ner_hybrid import HybridNER

    return HybridNER(student, nlp.get_pipe("ner"))
