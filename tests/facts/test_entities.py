"""Entities: labels kept, relabel step, titled names (offsets over the fixture articles:
test_fixture_articles.py; over DEV: bench/gates/test_gate_facts.py)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from factwire.facts.entities import find_entities
from factwire.facts.nlp import parse

REPO = Path(__file__).resolve().parents[2]
LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT"}


def ents(text: str) -> list[tuple[str, str]]:
    return [(e["text"], e["label"]) for e in find_entities(parse(text), None)]


@lru_cache(maxsize=1)
def seed_entities() -> list[tuple[str, str]]:
    from factwire import extract

    rec = extract((REPO / "examples" / "seed-drones.txt").read_text(encoding="utf-8"), published="2022-11-19")
    return [(e["text"], e["label"]) for e in find_entities(parse(rec.text), None)]


def test_seed_entities():
    found = seed_entities()
    assert ("Oleksii Hromov", "PERSON") in found
    assert ("Lloyd Austin", "PERSON") in found
    assert ("Washington Post", "ORG") in found
    assert ("Kharkiv", "GPE") in found and ("Kherson", "GPE") in found
    assert all(label in LABELS for _, label in found)


def test_relabel_one_word_org_place():
    found = ents("Russian troops withdrew from Kharkiv in September.")
    assert ("Kharkiv", "GPE") in found


def test_surname_stays_a_person():
    found = ents("Tim Clark, the airline's president, spoke on Monday. Clark said orders were strong.")
    assert ("Clark", "GPE") not in found


def test_titled_person():
    found = ents("The figures came from Deputy Chief of General Staff Oleksii Hromov on Thursday.")
    assert ("Oleksii Hromov", "PERSON") in found


