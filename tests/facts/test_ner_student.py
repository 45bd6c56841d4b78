"""facts/ner_student.py: the light NER that can replace spaCy's `ner` pipe (FACTWIRE_NER=student).

It must load from the package alone, write well-formed entities with the teacher's labels, agree
with spaCy's NER (the teacher it was trained on) on text written for factwire's tests, and the
pipeline must run with it chosen."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from factwire.facts import ner_student
from factwire.facts.nlp import get_nlp

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "facts" / "articles.jsonl"
#: Entity-level F1 of the student against spaCy's NER on the four fixture articles: measured
#: 0.92 with the shipped weights (P 0.89, R 0.94); the floor leaves room for noise, not a broken model.
AGREEMENT_FLOOR = 0.80


def _texts() -> list[str]:
    return [json.loads(line)["text"] for line in ARTICLES.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_student_loads_from_the_package_with_the_teacher_labels():
    student = ner_student.load()
    assert ner_student.WEIGHTS.stat().st_size < 5_000_000
    assert set(student.labels) == set(get_nlp().get_pipe("ner").labels)
    assert student.w2.shape[1] == 1 + 2 * len(student.labels)


def test_decode_repairs_bio_and_splits_adjacent_entities():
    # O, I-0 (no B: starts one), I-0, B-1, B-1 (a new one), I-2 after label 1 (starts one), O
    tags = np.array([0, 2, 2, 3, 3, 6, 0])
    iob, label = ner_student.decode(tags)
    assert iob.tolist() == [2, 3, 1, 3, 3, 3, 2]
    assert label.tolist() == [-1, 0, 0, 1, 1, 2, -1]


def _spans(doc) -> set[tuple[int, int, str]]:
    return {(e.start, e.end, e.label_) for e in doc.ents}


def test_student_sets_valid_entities_that_agree_with_the_teacher():
    nlp = get_nlp()
    student = ner_student.bound_student(nlp)
    teacher = [_spans(doc) for doc in nlp.pipe(_texts())]
    ours = [student(doc) for doc in nlp.pipe(_texts())]  # the same Docs, entities overwritten
    for doc in ours:
        assert doc.ents and all(e.label_ in student.labels and 0 <= e.start < e.end <= len(doc) for e in doc.ents)
        assert all(not t.is_space for e in doc.ents for t in (e[0], e[-1]))
    hit = sum(len(_spans(d) & t) for d, t in zip(ours, teacher))
    p, r = hit / sum(len(d.ents) for d in ours), hit / sum(len(t) for t in teacher)
    assert 2 * p * r / (p + r) >= AGREEMENT_FLOOR


def test_an_empty_doc_is_left_alone():
    doc = ner_student.bound_student(get_nlp())(get_nlp()(""))
    assert len(doc) == 0 and doc.ents == ()


def test_unknown_choice_is_an_error(monkeypatch):
    monkeypatch.setenv(ner_student.NER_ENV, "fastest")
    with pytest.raises(ValueError, match="FACTWIRE_NER"):
        ner_student.ner_choice()
    monkeypatch.setenv(ner_student.NER_ENV, "spacy")
    assert ner_student.excluded_pipes() == ()


@pytest.mark.parametrize("choice", ["numpy", "student", "hybrid", "spacy"])
def test_the_pipeline_runs_with_either_ner(choice):
    """A fresh process (the pipeline is loaded once per process) extracts facts with the choice."""
    code = ("import json, sys; from factwire.facts.nlp import get_nlp; from factwire.pipeline import extract; "
            "text = json.loads(open(sys.argv[1]).readline())['text']; "
            "rec = extract(text, input_kind='text', clean=False, published='2022-11-17'); "
            "print(get_nlp().pipe_names); print(len(rec.entities), len(rec.places), len(rec.errors))")
    env = {**os.environ, ner_student.NER_ENV: choice}
    out = subprocess.run([sys.executable, "-c", code, str(ARTICLES)], capture_output=True, text=True, env=env, check=True)
    pipes, counts = out.stdout.strip().splitlines()[-2:]
    assert (ner_student.PIPE_NAME in pipes) == (choice != "spacy")
    assert ("'ner'" in pipes) == (choice == "spacy")
    entities, places, errors = map(int, counts.split())
    assert entities > 3 and places > 0 and errors == 0
