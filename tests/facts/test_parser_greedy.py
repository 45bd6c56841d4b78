"""facts/parser_greedy.py: the compiled transition loop must give spaCy's own parses (heads,
labels, sentence starts), Doc by Doc and in the batches Parser.pipe makes, and must refuse what
it does not reproduce instead of parsing it differently."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from spacy.attrs import DEP, HEAD, SENT_START

from factwire.facts import nlp as nlp_mod, parser_greedy
from factwire.facts.parser_greedy import GreedyParser, ParserUnavailable, check_layout

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ARTICLES = FIXTURES / "facts" / "articles.jsonl"
SEED = FIXTURES / "seed-drones.gold.json"  # a long real article: its paragraphs, and the whole
TEXTS = [
    "Russian drones struck Kyiv on Monday. Officials said two people died, and 14 were hurt.",
    "The   OSCE SMM observed 62 explosions near Lozove.\n\nIt ain't gonna stop, they said (Mr. O'Neil).",
    "Prices rose 3.5% to $1,200.50 in Q3; the Dow fell. What now? Nobody knows -- or cares.",
    "Barack",  # one token
    "\n\n  \n",  # whitespace only
    "",
]


@pytest.fixture(scope="module")
def nlp():
    return nlp_mod.get_nlp()


@pytest.fixture(scope="module")
def compiled(nlp):
    try:
        return GreedyParser(nlp.get_pipe("parser"))
    except ParserUnavailable as exc:  # the install could not build the C loop: spaCy's loop runs instead
        pytest.skip(f"compiled parser not built: {exc}")


def _texts() -> list[str]:
    paragraphs = json.loads(SEED.read_text(encoding="utf-8"))["paragraphs"]
    articles = [json.loads(line)["text"] for line in ARTICLES.read_text(encoding="utf-8").splitlines() if line]
    return TEXTS + articles + ["\n\n".join(paragraphs)] + paragraphs


def _unparsed(nlp, texts):
    with nlp.select_pipes(enable=["tok2vec", "tagger"]):
        return list(nlp.pipe(texts, batch_size=16))


def _parse(doc) -> np.ndarray:
    return doc.to_array([HEAD, DEP, SENT_START])


def test_the_pipeline_runs_the_compiled_loop_by_default(nlp, compiled):
    assert "factwire_parser" in nlp.pipe_names and "parser" not in nlp.pipe_names


def test_same_parses_as_spacy_in_pipe_batches(nlp, compiled):
    docs = _unparsed(nlp, _texts())
    copies = [d.copy() for d in docs]
    list(nlp.get_pipe("parser").pipe(docs, batch_size=16))
    list(compiled.pipe(copies, batch_size=16))
    assert sum(len(d) for d in docs) > 1500
    for ref, ours in zip(docs, copies):
        assert np.array_equal(_parse(ref), _parse(ours)), ref.text[:80]


def test_same_parses_one_doc_at_a_time_and_with_preset_sentence_starts(nlp, compiled):
    texts = _texts()[:8]
    docs = _unparsed(nlp, texts)
    for doc in docs[:3]:  # a sentence start forced, one forbidden: the moves must respect both
        if len(doc) > 6:
            doc[3].is_sent_start, doc[5].is_sent_start = True, False
    copies = [d.copy() for d in docs]
    parser = nlp.get_pipe("parser")
    for ref, ours in zip(docs, copies):
        parser(ref)
        compiled(ours)
        assert np.array_equal(_parse(ref), _parse(ours))
    assert docs[0][3].is_sent_start and not docs[0][5].is_sent_start


def test_a_loop_error_falls_back_to_spacy(nlp, compiled, monkeypatch):
    docs = _unparsed(nlp, TEXTS[:2])
    copies = [d.copy() for d in docs]
    for ref in docs:
        nlp.get_pipe("parser")(ref)
    failing = GreedyParser(nlp.get_pipe("parser"))
    monkeypatch.setattr(failing, "lib", type("Lib", (), {"parse_batch": staticmethod(lambda *a: -2)})())
    failing.parse(copies)
    assert all(np.array_equal(_parse(r), _parse(o)) for r, o in zip(docs, copies))


def test_refuses_a_parser_it_does_not_reproduce(nlp):
    parser = nlp.get_pipe("parser")
    with pytest.raises(ParserUnavailable, match="8 state features"):
        check_layout(parser, 13)
    beam = type("DependencyParser", (), {"cfg": {**parser.cfg, "beam_width": 4}, "moves": parser.moves})()
    with pytest.raises(ParserUnavailable):
        check_layout(beam, 8)


def test_a_missing_library_is_a_clear_error(nlp, monkeypatch):
    monkeypatch.setattr(parser_greedy, "LIBRARY", "factwire.facts._no_such_library")
    with pytest.raises(ParserUnavailable, match="not built"):
        parser_greedy.load_library()
    spacy_nlp = type("NLP", (), {"pipe_names": ["parser"], "get_pipe": lambda self, name: nlp.get_pipe("parser")})()
    assert nlp_mod.attach_parser(spacy_nlp) == "spacy"  # auto: spaCy's loop
    monkeypatch.setenv(nlp_mod.PARSER_ENV, "compiled")
    with pytest.raises(ParserUnavailable):
        nlp_mod.attach_parser(spacy_nlp)
