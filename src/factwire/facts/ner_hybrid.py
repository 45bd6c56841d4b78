"""The student NER with spaCy's own NER as a fallback on the sentences where the student is unsure
(FACTWIRE_NER=hybrid; facts/ner_student.py).

Why: the student alone disagrees with spaCy's NER on some entities, and those disagreements sit
where its softmax is flat (a rare name, an unusual casing).  Running spaCy's NER only on the
sentences holding such a token buys most of the agreement back at a fraction of the cost;
bench/results/ner.md has both figures.  spaCy's NER then reads each run of unsure sentences as
a Doc of its own (its CNN sees no context across the run's edges: a small difference)."""
from __future__ import annotations

import numpy as np

from factwire.facts.ner_student import IOB_BEGIN, IOB_IN, IOB_OUT, StudentNER, decode

#: A token is "unsure" when the student's highest tag probability is below this.  Calibrated on
#: the training text's tune split (bench/train_ner.py hybrid): ~1 sentence in N goes to spaCy.
UNSURE = 0.9


class HybridNER:
    """`__call__(doc)`: the student's entities, spaCy's on the unsure sentences."""

    def __init__(self, student: StudentNER, teacher, unsure: float = UNSURE):
        self.student, self.teacher, self.unsure = student, teacher, unsure
        self.fallback_tokens = 0  # tokens re-read by spaCy's NER so far (bench/train_ner.py cost)

    def __call__(self, doc):
        from spacy.attrs import ENT_IOB, ENT_TYPE

        if not len(doc):
            return doc
        probs = self.student.probabilities(doc, self.student.extra(doc))
        iob, label = decode(probs.argmax(axis=1))
        hashes = np.array([doc.vocab.strings.add(x) for x in self.student.labels] + [0], dtype=np.uint64)[label]
        runs = unsure_runs(doc, probs.max(axis=1) < self.unsure)
        self.fallback_tokens += sum(end - start for start, end in runs)
        for (start, end), sub in zip(runs, self.teacher.pipe([doc[s:e].as_doc() for s, e in runs])):
            arr = sub.to_array([ENT_IOB, ENT_TYPE])
            iob[start:end], hashes[start:end] = arr[:, 0], arr[:, 1]
        doc.from_array([ENT_IOB, ENT_TYPE], np.stack(repair(iob, hashes), axis=1))
        return doc


def unsure_runs(doc, unsure: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) token ranges of consecutive sentences holding at least one unsure token."""
    from spacy.attrs import SENT_START

    starts = doc.to_array([SENT_START]).reshape(-1) == 1
    starts[0] = True
    sent = np.cumsum(starts) - 1
    flagged = np.zeros(sent[-1] + 1, dtype=bool)
    flagged[sent[unsure]] = True
    mask = np.concatenate([[False], flagged[sent], [False]]).astype(np.int8)
    edges = np.flatnonzero(np.diff(mask))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2])]


def repair(iob: np.ndarray, hashes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Well-formed IOB after splicing: an I whose previous token is outside or of another type
    begins an entity; an O carries no type."""
    iob = iob.astype(np.uint64)
    hashes = np.where(iob == IOB_OUT, 0, hashes).astype(np.uint64)
    prev_iob = np.concatenate([[IOB_OUT], iob[:-1]])
    prev_type = np.concatenate([[0], hashes[:-1]])
    iob[(iob == IOB_IN) & ((prev_iob == IOB_OUT) | (prev_type != hashes))] = IOB_BEGIN
    return iob, hashes
