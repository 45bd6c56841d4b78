"""Facts on four hand-annotated articles (tests/fixtures/facts/articles.jsonl: strikes on the
power grid, a port strike, a winter storm, a council budget; written for the repo and annotated
by the facts gold's conventions -- see tests/fixtures/README.md).

Every extractor's items must index the text, and each field must agree with the gold item for
item (matching as the benchmark's scorer does: tests/facts/factgold.py) except for the misses
listed below, which are known and named.  A new miss or a fixed one fails the test: update the
list with the reason.  The floors on the 24 DEV articles are a gate (bench/gates/test_gate_facts.py)."""
from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache

import pytest
from factgold import match

from factwire.facts.attributions import find_attributions
from factwire.facts.dates import find_dates
from factwire.facts.entities import find_entities
from factwire.facts.nlp import parse_many
from factwire.facts.places import find_places
from factwire.facts.quantities import find_quantities

from fwtest import FIXTURES

ARTICLES = FIXTURES / "facts" / "articles.jsonl"
FIELDS = ("quantities", "dates", "places", "attributions")
#: (article, field, "missed" gold | "extra" prediction, text) -> why.
KNOWN_MISSES = {
    ("council-budget", "quantities", "missed", "two years"):
        "'jobs will go over two years': 'over' read as 'more than'",
    ("council-budget", "quantities", "extra", "over two years"): "the same item, relation gt instead of eq",
    ("port-strike", "attributions", "missed", '"an insult to people who kept the port running through the pandemic"'):
        "'which Niek Stam called \"...\"': 'called' is not read as a reporting verb",
}


@lru_cache(maxsize=1)
def annotated() -> tuple[list[dict], list[dict[str, list[dict]]], list]:
    """The gold articles, the predictions of each extractor, and the parses."""
    gold = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = parse_many([g["text"] for g in gold])
    preds = []
    for g, doc in zip(gold, docs):
        published = dt.date.fromisoformat(g["published"])
        literal = [p for p in find_places(doc, None) if p.get("use") is None]  # the gold's scheme: literal only
        preds.append({"quantities": find_quantities(doc, published), "dates": find_dates(doc, published),
                      "places": literal, "attributions": find_attributions(doc, None)})
    return gold, preds, docs


def _text(item: dict, field: str, text: str) -> str:
    return text[item["claim_start"]:item["claim_end"]] if field == "attributions" else item["text"]


def misses(field: str) -> set[tuple[str, str, str, str]]:
    """Gold items no prediction matches and predictions that match no gold item, by text."""
    gold, preds, _ = annotated()
    out = set()
    for g, pred in zip(gold, preds):
        pairs = match(field, g[field], pred[field])
        hit_g, hit_p = {i for i, _ in pairs}, {j for _, j in pairs}
        out |= {(g["id"], field, "missed", _text(x, field, g["text"]))
                for i, x in enumerate(g[field]) if i not in hit_g}
        out |= {(g["id"], field, "extra", _text(x, field, g["text"]))
                for j, x in enumerate(pred[field]) if j not in hit_p}
    return out


def test_gold_spans_index_the_text():
    gold, _, _ = annotated()
    assert len(gold) == 4 and sum(len(g[f]) for g in gold for f in FIELDS) >= 70
    for g in gold:
        for field in ("quantities", "dates", "places"):
            assert all(g["text"][x["start"]:x["end"]] == x["text"] for x in g[field]), (g["id"], field)
        assert all(0 <= a["claim_start"] < a["claim_end"] <= len(g["text"]) for a in g["attributions"])


@pytest.mark.parametrize("field", FIELDS)
def test_agrees_with_the_gold_but_for_the_known_misses(field):
    known = {k for k in KNOWN_MISSES if k[1] == field}
    assert misses(field) == known


def test_offsets_index_the_text():
    gold, preds, docs = annotated()
    for g, pred, doc in zip(gold, preds, docs):
        text = g["text"]
        for field in ("quantities", "dates", "places"):
            assert all(text[x["start"]:x["end"]] == x["text"] for x in pred[field]), (g["id"], field)
        spans = sorted((q["start"], q["end"]) for q in pred["quantities"])
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), g["id"]
        for a in pred["attributions"]:
            assert 0 <= a["claim_start"] < a["claim_end"] <= len(text)
            assert text[a["source_start"]:a["source_end"]] in a["source"]
        for e in find_entities(doc, None):
            assert text[e["start"]:e["end"]] == e["text"], (g["id"], e)
