"""facts/ner_hybrid.py: spaCy's NER on the sentences where the student is unsure, the student's
entities elsewhere, spliced into well-formed IOB."""
from __future__ import annotations

import numpy as np

from factwire.facts import ner_hybrid, ner_student
from factwire.facts.nlp import get_nlp

TEXT = ("The mayor of Springfield, Anna Kowalski, met union leaders on Tuesday. "
        "Nothing was agreed. Zbigniew Qarth-Ulloa of the Vexhall Tenants Guild said 40 families would move.")


def test_repair_begins_orphan_inside_tokens_and_clears_outside_types():
    iob = np.array([2, 1, 1, 3, 1, 2], dtype=np.uint64)
    hashes = np.array([5, 7, 7, 7, 9, 4], dtype=np.uint64)
    out_iob, out_hash = ner_hybrid.repair(iob, hashes)
    assert out_iob.tolist() == [2, 3, 1, 3, 3, 2]
    assert out_hash.tolist() == [0, 7, 7, 7, 9, 0]


def test_unsure_runs_are_whole_sentences():
    doc = get_nlp()(TEXT)
    sents = list(doc.sents)
    unsure = np.zeros(len(doc), dtype=bool)
    unsure[sents[2].start + 1] = True
    assert ner_hybrid.unsure_runs(doc, unsure) == [(sents[2].start, sents[2].end)]
    unsure[sents[1].start] = True
    assert ner_hybrid.unsure_runs(doc, unsure) == [(sents[1].start, sents[2].end)]


def test_everything_unsure_gives_the_teachers_entities():
    nlp = get_nlp()
    teacher = {(e.start, e.end, e.label_) for e in nlp(TEXT).ents}
    hybrid = ner_hybrid.HybridNER(ner_student.bound_student(get_nlp()), nlp.get_pipe("ner"), unsure=1.01)
    doc = hybrid(nlp(TEXT))
    assert teacher and {(e.start, e.end, e.label_) for e in doc.ents} == teacher


def test_nothing_unsure_gives_the_students_entities():
    nlp = get_nlp()
    student = {(e.start, e.end, e.label_) for e in ner_student.bound_student(get_nlp())(nlp(TEXT)).ents}
    hybrid = ner_hybrid.HybridNER(ner_student.bound_student(get_nlp()), nlp.get_pipe("ner"), unsure=0.0)
    assert {(e.start, e.end, e.label_) for e in hybrid(nlp(TEXT)).ents} == student
