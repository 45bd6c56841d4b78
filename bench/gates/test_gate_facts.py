"""Gates on the facts DEV gold (../shared/bench/facts, 24 hand-annotated articles): per-field F1
floors with the shared scorer's matching, and offsets that index the text on every article.
Floors are the DEV figures achieved when each was set, minus the agreed margin; the behaviour
tests on hand-written articles are in tests/facts/."""
from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache

import pytest
from benchdata import FACTS, load_module

from factwire.facts.attributions import find_attributions
from factwire.facts.dates import find_dates
from factwire.facts.entities import find_entities
from factwire.facts.nlp import parse_many
from factwire.facts.places import find_places
from factwire.facts.quantities import find_quantities

#: DEV F1 achieved when each floor was set, minus 0.02: quantities 1.000, dates 0.992,
#: places 0.958 (P 0.983, R 0.934), attributions 0.935.
F1_FLOORS = {"quantities": 0.98, "dates": 0.972, "places": 0.938, "attributions": 0.915}
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT"}
PLACE_KINDS = {"country", "admin", "city", "other", "facility"}  # facility: streets, buildings


@lru_cache(maxsize=1)
def dev() -> tuple[list[dict], list]:
    """The gold articles and their parses (parsed once for every gate in this module)."""
    gold = [json.loads(line) for line in (FACTS / "dev.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    return gold, parse_many([g["text"] for g in gold])


@lru_cache(maxsize=1)
def predictions() -> list[dict[str, list[dict]]]:
    gold, docs = dev()
    out = []
    for g, doc in zip(gold, docs):
        published = dt.date.fromisoformat(g["published"])
        out.append({"quantities": find_quantities(doc, published), "dates": find_dates(doc, published),
                    "places": _literal(find_places(doc, None)), "attributions": find_attributions(doc, None)})
    return out


def _literal(places: list[dict]) -> list[dict]:
    """The facts DEV scheme's places: literal mentions only (bench/facts.py to_dev_scheme drops the
    adjectival ones, "use": "adjectival", the same way)."""
    return [p for p in places if p.get("use") != "adjectival"]


@pytest.mark.parametrize("field", sorted(F1_FLOORS))
def test_dev_f1_floor(field):
    scorer = load_module("score_facts", FACTS / "score_facts.py")
    gold, _ = dev()
    tp = n_gold = n_pred = 0
    for g, pred in zip(gold, predictions()):
        tp += len(scorer.match(field, g[field], pred[field], g["text"]))
        n_gold += len(g[field])
        n_pred += len(pred[field])
    _, _, f1 = scorer.prf(tp, n_gold, n_pred)
    assert f1 >= F1_FLOORS[field], f"{field} F1 {f1:.3f} < {F1_FLOORS[field]}"


def test_offsets_index_the_text_on_every_dev_article():
    gold, docs = dev()
    for g, doc, pred in zip(gold, docs, predictions()):
        text = g["text"]
        for field in ("quantities", "dates", "places"):
            for item in pred[field]:
                assert text[item["start"]:item["end"]] == item["text"], (g["id"], field, item)
        spans = sorted((q["start"], q["end"]) for q in pred["quantities"])
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), g["id"]
        assert all(p["kind"] in PLACE_KINDS for p in pred["places"])
        for a in pred["attributions"]:
            assert 0 <= a["claim_start"] < a["claim_end"] <= len(text)
            assert text[a["source_start"]:a["source_end"]] in a["source"]
        for e in find_entities(doc, None):
            assert text[e["start"]:e["end"]] == e["text"] and e["label"] in ENTITY_LABELS, (g["id"], e)
