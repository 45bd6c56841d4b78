"""facts/ner_greedy.py: spaCy's NER weights decoded in numpy must give spaCy's own entities (the
pipeline's default NER, FACTWIRE_NER=numpy), one Doc at a time or in batches."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from factwire.facts.ner_greedy import GreedyNER, set_spans, token_flags
from factwire.facts.nlp import get_nlp

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "facts" / "articles.jsonl"
TEXTS = [
    "Russia has launched about 150 missiles at Ukraine since Nov. 11, Oleksii Hromov told the U.S. press.",
    "The   OSCE SMM observed 62 explosions near Lozove.\n\nIt ain't gonna stop, they said (Mr. O'Neil).",
    "Prices rose 3.5% to $1,200.50 in Q3 at the New York Stock Exchange; the Dow Jones fell on Monday.",
    "Barack Obama",  # an entity that ends the Doc
    "\n\n  \n",
]


@pytest.fixture(scope="module")
def parts():
    nlp = get_nlp()
    return nlp, nlp.get_pipe("ner")


def _texts() -> list[str]:
    return TEXTS + [json.loads(line)["text"] for line in ARTICLES.read_text(encoding="utf-8").splitlines() if line]


def _without_ner(nlp, texts):
    with nlp.select_pipes(disable=[name for name in nlp.pipe_names if name not in ("tok2vec", "tagger", "parser", "factwire_parser")]):
        return list(nlp.pipe(texts))


def _ents(doc):
    return [(e.start, e.end, e.label_) for e in doc.ents]


def test_same_entities_as_spacys_ner_pipe(parts):
    nlp, ner = parts
    reference = [_ents(d) for d in ner.pipe(_without_ner(nlp, _texts()))]
    ours = [_ents(d) for d in GreedyNER(ner).pipe(_without_ner(nlp, _texts()), batch_size=3)]
    assert ours == reference
    assert sum(map(len, ours)) > 60


def test_one_doc_at_a_time_equals_batches(parts):
    nlp, ner = parts
    greedy = GreedyNER(ner)
    alone = [_ents(greedy(d)) for d in _without_ner(nlp, _texts())]
    assert alone == [_ents(d) for d in greedy.pipe(_without_ner(nlp, _texts()), batch_size=16)]


def test_entities_never_cross_a_sentence_start_or_begin_on_whitespace(parts):
    nlp, ner = parts
    for doc in GreedyNER(ner).pipe(_without_ner(nlp, _texts())):
        for ent in doc.ents:
            assert not any(t.is_sent_start for t in ent[1:]) and not ent[0].is_space


def test_token_flags_and_set_spans(parts):
    nlp, _ = parts
    doc = _without_ner(nlp, ["Anna met Bo. Then Paris."])[0]
    nxt_sent, space, last = token_flags(doc)
    assert nxt_sent.tolist() == [False, False, False, True, False, False, False]
    assert not space.any() and last.tolist() == [False] * (len(doc) - 1) + [True]
    set_spans(doc, [(0, 1, "PERSON"), (5, 6, "GPE")])
    assert _ents(doc) == [(0, 1, "PERSON"), (5, 6, "GPE")]
    assert doc[1].ent_iob_ == "O" and np.all([t.ent_type_ == "" for t in doc[1:5]])


def test_default_pipeline_uses_it(parts):
    nlp, _ = parts
    assert "ner" not in nlp.pipe_names and "factwire_ner" in nlp.pipe_names
    assert _ents(nlp("Angela Merkel flew to Paris on Monday.")) == [(0, 2, "PERSON"), (4, 5, "GPE"), (6, 7, "DATE")]


def test_a_model_it_cannot_decode_exactly_is_refused(parts):
    _, ner = parts

    class BeamNER:
        model, cfg = ner.model, {**ner.cfg, "beam_width": 4}
        moves = ner.moves

    with pytest.raises(ValueError, match="FACTWIRE_NER=spacy"):
        GreedyNER(BeamNER())
