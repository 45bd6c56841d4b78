"""Attributions: seed-page expectations, one hand-written case per README convention, offsets,
and the hand-annotated fixture articles (tests/facts/test_fixture_articles.py); the DEV floor is a
gate (bench/gates/test_gate_facts.py)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from factwire.facts.attributions import find_attributions
from factwire.facts.nlp import parse

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "seed-drones.txt"


def attrs(text: str) -> list[dict]:
    return find_attributions(parse(text), None)


def claim(text: str, item: dict) -> str:
    return text[item["claim_start"]:item["claim_end"]]


def by_source(items: list[dict], word: str) -> list[dict]:
    return [i for i in items if word in i["source"]]


@lru_cache(maxsize=1)
def seed() -> tuple[str, list[dict]]:
    from factwire import extract

    rec = extract(SEED.read_text(encoding="utf-8"), published="2022-11-19")
    return rec.text, find_attributions(parse(rec.text), None)


# --- the seed page ---------------------------------------------------------------------------

def test_seed_washington_post_report():
    text, items = seed()
    (item,) = by_source(items, "Washington Post report")
    assert item["source"] == "a Washington Post report" and item["cue"] == "said"
    assert claim(text, item).startswith("Moscow and Tehran have reached an agreement")


def test_seed_intelligence_officials_are_nested_in_the_report():
    text, items = seed()
    (item,) = by_source(items, "US intelligence officials")
    assert item["chain"] == ["the report"]
    assert "the deal" in claim(text, item)
    outer = [i for i in by_source(items, "the report") if i["cue"] == "according to"]
    assert any(claim(text, o).startswith("US intelligence officials") for o in outer)


def test_seed_hromov_with_role():
    text, items = seed()
    (item,) = by_source(items, "Hromov")
    assert item["source"] == "Oleksii Hromov"
    assert item["role"] in ("Ukraine’s Deputy Chief of General Staff", "Ukraine's Deputy Chief of General Staff")
    assert item["cue"] == "according to"
    assert "approximately 150 missiles" in claim(text, item)


def test_seed_lloyd_austin():
    text, items = seed()
    (item,) = by_source(items, "Lloyd Austin")
    assert item["role"] == "Defense Secretary" and item["cue"] == "said"
    assert "right mix" in claim(text, item)


def test_seed_offsets_and_shape():
    text, items = seed()
    for item in items:
        assert text[item["source_start"]:item["source_end"]] in item["source"]
        assert item["claim"] == {"start": item["claim_start"], "end": item["claim_end"]}
        assert 0 <= item["claim_start"] < item["claim_end"] <= len(text)
        assert isinstance(item["chain"], list)


# --- hand-written sentences ------------------------------------------------------------------

def test_said_that_clause():
    text = "The mayor said that the bridge would reopen in March."
    (item,) = attrs(text)
    assert item["source"] == "The mayor" and item["cue"] == "said"
    assert claim(text, item) == "that the bridge would reopen in March"


def test_quote_then_inverted_said_with_role():
    text = "“We will rebuild every house,” said Maria Lopez, the town's mayor."
    (item,) = attrs(text)
    assert item["source"] == "Maria Lopez"
    assert item["role"] == "the town's mayor"
    assert claim(text, item) == "“We will rebuild every house,”"


def test_according_to_claim_is_rest_of_clause():
    text = "At least 12 people were killed in the blast, according to local police."
    (item,) = attrs(text)
    assert item["source"] == "local police" and item["cue"] == "according to"
    assert claim(text, item) == "At least 12 people were killed in the blast"


def test_told_reuters():
    text = "A senior official told Reuters the talks had collapsed."
    (item,) = attrs(text)
    assert item["cue"] == "told Reuters" and item["source"] == "A senior official"
    assert claim(text, item) == "the talks had collapsed"


def test_nested_report_chain():
    text = ("According to the report, Western intelligence officials believe the plant "
            "was damaged by a drone.")
    items = attrs(text)
    inner = by_source(items, "officials")
    assert len(inner) == 1 and inner[0]["chain"] == ["the report"]
    assert by_source(items, "the report")[0]["chain"] == []


def test_pronoun_source_resolved_to_person():
    text = ("Ed Alvarez runs the shelter on Main Street.\n\n"
            "He said the shelter had taken in 40 families since the storm.")
    (item,) = attrs(text)
    assert item["source"] == "He (Ed Alvarez)"
    assert claim(text, item).startswith("the shelter had taken in 40 families")


def test_quote_continuing_in_new_paragraph_gets_its_own_item():
    text = ("Chief Inspector Tom Baker said: “We have arrested two men.\n\n"
            "“Both will appear in court on Monday.”")
    items = attrs(text)
    assert [i["source"] for i in items] == ["Tom Baker", "Tom Baker"]
    assert claim(text, items[1]) == "“Both will appear in court on Monday.”"


@pytest.mark.parametrize("text", [
    "The company declined to comment on the report.",
    "A spokesman had no comment.",
    "The union wants a new contract by December.",
    "Video footage shows soldiers firing into the crowd.",
    "She asked for the investigation to be resumed.",
])
def test_not_attributions(text):
    assert attrs(text) == []


def test_according_to_in_a_verbless_sentence_ends():
    """The walk up to the governing verb stops at the root: spaCy makes a new Token object per
    access, so `head.head is not head` never ended on a verbless parse (a 5 s page timeout)."""
    from factwire import extract

    rec = extract("According to reports from local residents, the bodies of nearly 200 Russian soldiers "
                  "collected from the area.", input_kind="text", clean=False, published="2022-03-03",
                  timeout=5.0)
    assert rec.errors == []
